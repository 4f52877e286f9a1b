"""`pip install .` must carry every subpackage and the default theme."""

from __future__ import annotations

import tomllib

from setuptools import find_packages

from tests.conftest import ROOT


def test_every_subpackage_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert set(find_packages(str(ROOT), include=["sitegen*"])) <= listed
    assert "sitegen_themes" in listed
