"""validate/schema.py: importing the schemas (as loading a build cache does) builds no validator; the
first record of a kind validated builds that kind's alone (pydantic defer_build)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

# (folders of the records validated, in turn, in a fresh process) → the schemas built after it
CASES = [
    ((), set()),
    (("activities",), {"activities"}),
    (("wishes", "deliberations"), {"wishes", "deliberations"}),
    (("site",), {"site"}),
]

PROBE = """
import json, sys
from sitegen.validate.schema import SCHEMAS
for folder in sys.argv[1:]:
    try:
        SCHEMAS[folder].model_validate({})
    except Exception:
        pass  # a record with every field missing: invalid, but validated
print(json.dumps(sorted(k for k, model in SCHEMAS.items() if model.__pydantic_complete__)))
"""


@pytest.mark.parametrize(("validated", "built"), CASES, ids=[" ".join(v) or "import only" for v, _ in CASES])
def test_a_kind_builds_its_validator_when_first_validated(validated: tuple[str, ...], built: set[str]) -> None:
    found = subprocess.run([sys.executable, "-c", PROBE, *validated], cwd=ROOT, capture_output=True, text=True,
                           check=True)
    assert set(json.loads(found.stdout)) == built
