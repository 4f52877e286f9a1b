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


OPENED_EARLY = """
import json, sys, threading
from sitegen import hanzi
hanzi.open_early(sys.argv[1])
started = [t.name for t in threading.enumerate() if t.name.startswith("opencc")]
convert = hanzi.converter(sys.argv[1])
print(json.dumps({"started": started, "converted": convert(sys.argv[2]), "same": convert is hanzi.converter(sys.argv[1]),
                  "left": [t.name for t in threading.enumerate() if t.name.startswith("opencc")]}))
"""


@pytest.mark.parametrize(("config", "text", "converted"), CASES)
def test_a_converter_opened_early_is_the_one_used(config: str, text: str, converted: str) -> None:
    import json
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", OPENED_EARLY, config, text], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert json.loads(run.stdout) == {"started": [f"opencc-{config}"], "converted": converted, "same": True, "left": []}


def test_finish_opening_waits_for_the_thread_and_builds_nothing_else() -> None:
    from sitegen import hanzi

    hanzi.open_early("s2hk")
    hanzi.finish_opening()
    assert not any(t.is_alive() for t in hanzi._OPENING.values())
    assert hanzi.converter("s2hk")("头发") == "頭髮"


def test_a_configuration_opencc_lacks_fails_where_it_is_used() -> None:
    from sitegen import hanzi

    hanzi.open_early("no-such-config")
    hanzi.finish_opening()
    with pytest.raises(Exception, match="no-such-config"):
        hanzi.converter("no-such-config")
