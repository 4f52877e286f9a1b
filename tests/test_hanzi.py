"""sitegen/hanzi.py: one place builds OpenCC's converters, once per process."""

from __future__ import annotations

import re

import pytest

from sitegen.hanzi import converter
from tests.conftest import ROOT

CASES = [  # (configuration, Simplified or Traditional text) → converted
    ("s2tw", "社区公示栏", "社區公示欄"),
    ("s2tw", "为居民服务", "為居民服務"),  # Taiwan standard: 為, not 爲
    ("t2s", "劉曉東", "刘晓东"),
    ("tw2s", "俞曉風", "俞晓风"),
    ("s2tw", "abc-123 /x/", "abc-123 /x/"),  # ASCII passes through (markers, URLs)
]


@pytest.mark.parametrize(("config", "text", "converted"), CASES)
def test_converts(config: str, text: str, converted: str) -> None:
    assert converter(config)(text) == converted


def test_each_converter_is_built_once() -> None:
    assert converter() is converter("s2tw") is converter("s2tw")


def test_no_other_module_builds_one() -> None:
    builds = re.compile(r"^\s*(import opencc|from opencc import)", re.MULTILINE)
    found = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "sitegen").rglob("*.py"))
             if builds.search(p.read_text("utf-8"))]
    assert found == ["sitegen/hanzi.py"]
