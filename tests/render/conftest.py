"""The demo community, built once per test session with a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import DEMO, NOW


@pytest.fixture(scope="session")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "output"
    pipeline.build(DEMO, out, Options(now=NOW, use_cache=False))
    return out
