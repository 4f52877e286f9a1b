"""The layering of STYLE.md §1, enforced: cli → serve → pipeline → render | write → model → validate → load."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_imports_only_look_down() -> None:
    lint = shutil.which("lint-imports") or str(__import__("pathlib").Path(sys.executable).parent / "lint-imports")
    if not __import__("pathlib").Path(lint).exists():
        pytest.fail("import-linter is not installed: pip install '.[test]'")
    result = subprocess.run([lint, "--config", str(ROOT / ".importlinter")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
