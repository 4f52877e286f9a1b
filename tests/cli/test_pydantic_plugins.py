"""The `sitegen` script validates content with sitegen's schemas alone: pydantic plugins are off unless the
user names some (PYDANTIC_DISABLE_PLUGINS), so no run scans the installed distributions for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import scaffold
from tests.conftest import ROOT

SAMPLE = Path(scaffold.__file__).parent / "site" / "content"

# `sitegen check` as the script runs it; where it would leave the process, what pydantic did instead.
PROBE = """
import json, os, sys
import sitegen.cli as cli

def leave(code):
    from pydantic.plugin import _loader
    print(json.dumps({"code": code, "env": os.environ.get("PYDANTIC_DISABLE_PLUGINS"),
                      "scanned": _loader._plugins is not None}))
    sys.stdout.flush()
    os._exit(code)

cli.exit_now = leave
sys.argv = ["sitegen", "check", "--content", sys.argv[1], "-q"]
cli.main()
"""

# PYDANTIC_DISABLE_PLUGINS before the run (None: unset) → (its value during the run, entry points scanned)
CASES = [
    (None, "__all__", False),
    ("__all__", "__all__", False),
    ("some-plugin", "some-plugin", True),  # the user's own choice is kept: the plugins it does not name load
]


@pytest.mark.parametrize(("before", "during", "scanned"), CASES)
def test_the_script_turns_pydantic_plugins_off(before: str | None, during: str, scanned: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if before is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = before
    run = subprocess.run([sys.executable, "-c", PROBE, str(SAMPLE)], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)
    assert json.loads(run.stdout.splitlines()[-1]) == {"code": 0, "env": during, "scanned": scanned}
