"""sitegen/hanzi.py: one place builds OpenCC's converters, once per process."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from sitegen.hanzi import converter
from tests.conftest import ROOT, SITE_YAML, MakeSite, run

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
# the threads open_early started (a live thread list would miss one that already finished: a race)
started = [t.name for t in hanzi._OPENING.values()]
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
    with pytest.raises(hanzi.OpenCCBroken) as caught:  # (i-break8) a message of ours; OpenCC's own error its cause
        hanzi.converter("no-such-config")
    assert "no-such-config" in str(caught.value.__cause__)


class _BrokenOpenCC:
    def __init__(self, config: str) -> None:
        raise RuntimeError(f"Invalid format of config file: /usr/share/opencc/{config}.json")


# (i-break8) (how OpenCC fails, the CLI's language, the message's word): a build of a 繁體 site says
# what to do in the user's language, exit 2, never OpenCC's English nor "internal error"
OPENCC_FAILURES = [
    ("dictionaries", "en", "reinstall it with pip install --force-reinstall opencc"),
    ("dictionaries", "zh-Hans", "重新安装"),
    ("not installed", "en", "need OpenCC"),
    ("not installed", "zh-Hans", "需要 OpenCC"),
]


@pytest.mark.parametrize(("failure", "language", "word"), OPENCC_FAILURES)
def test_an_opencc_that_cannot_load_is_a_clear_error(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     failure: str, language: str, word: str) -> None:
    from sitegen import hanzi

    monkeypatch.setattr(hanzi, "_BUILT", {})
    monkeypatch.setattr(hanzi, "_OPENING", {})
    module = types.ModuleType("opencc")
    if failure == "dictionaries":
        module.OpenCC = _BrokenOpenCC  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", module)  # "not installed": no OpenCC in it, an ImportError
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n手工面点\n"},
                        site=SITE_YAML + "language: zh-Hant\n")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "-j", "1",
                 env={"SITEGEN_LANG": language})
    assert result.exit_code == 2, result.output
    assert word in result.stderr and "Invalid format" not in result.stderr and "Traceback" not in result.stderr
