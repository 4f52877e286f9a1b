"""`sitegen serve` says the build's warnings as `sitegen build` does: at its first build, then each time a
save changes them, never again after a save that left them as they were.

serve printed no warning at all (the newcomer's): a site still at the example base_url was served
without a word that its posters' QR codes would not open, which `check` and `build` both say.
Each row is how serve finds the site and the saves made after it starts; each step says which
warnings must be printed after that build (by a word of each, in the order printed: by file).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.serve import State, rebuild
from tests.conftest import MakeSite

PLACEHOLDER = "name: 望湖社区\nbase_url: https://example.org/\n"
REAL = "name: 望湖社区\nbase_url: https://wanghu.example.cn/\n"
ACTIVITY = "---\ntitle: 义诊\ndate: 2026-11-20 09:00\n---\n社区医生来义诊。\n"
UNKNOWN = "---\ntitle: 义诊\ndate: 2026-11-20 09:00\nhost: 王医生\n---\n社区医生来义诊。\n"
PLACEHOLDER_WARNING = "base_url"  # the message names the field it is about
UNKNOWN_WARNING = "host"
CLEARED = "之前的提醒都已处理。"  # said when the last warning is fixed (i-break19: nothing was said)


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def save(content: Path) -> None:
        (content / rel).write_text(text, encoding="utf-8")
    return save


def _body(content: Path) -> None:
    path = content / "activities" / "a.md"
    path.write_text(path.read_text("utf-8") + "\n请带上医保卡。\n", encoding="utf-8")


# (site.yaml at the start, whether a `sitegen build` made the output before serve started,
#  [(a save, or None for serve's first build, and the warnings' words printed after that build)])
ROWS: dict[str, tuple[str, bool, list[tuple[Callable[[Path], None] | None, list[str]]]]] = {
    "the example base_url, said at the start and not after a save that keeps it": (
        PLACEHOLDER, False, [(None, [PLACEHOLDER_WARNING]), (_body, [])]),
    "said at the start of a serve whose output was built before (nothing to build)": (
        PLACEHOLDER, True, [(None, [PLACEHOLDER_WARNING]), (_body, [])]),
    "a new warning: every warning now, said once": (
        PLACEHOLDER, False, [(None, [PLACEHOLDER_WARNING]),
                             (_write("activities/a.md", UNKNOWN), [UNKNOWN_WARNING, PLACEHOLDER_WARNING]),
                             (_body, [])]),
    "a warning fixed: the ones left are said, and once none is left, that they are dealt with": (
        PLACEHOLDER, False, [(None, [PLACEHOLDER_WARNING]), (_write("activities/a.md", UNKNOWN),
                                                             [UNKNOWN_WARNING, PLACEHOLDER_WARNING]),
                             (_write("site.yaml", REAL), [UNKNOWN_WARNING]),
                             (_write("activities/a.md", ACTIVITY), [CLEARED]), (_body, [])]),
    "no warning: nothing said": (REAL, False, [(None, []), (_body, [])]),
}


@pytest.mark.parametrize("name", ROWS)
def test_serve_says_warnings_once_each_time_they_change(name: str, make_site: MakeSite, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    site, built_before, steps = ROWS[name]
    content = make_site({"activities/a.md": ACTIVITY}, site=site)
    out = tmp_path / "output"
    if built_before:
        pipeline.build(content, out, Options(jobs=1))
    state = State(out=out, messages=Messages("zh-Hans"), memory=Memory())
    capsys.readouterr()
    for number, (save, expected) in enumerate(steps):
        if save is not None:
            save(content)
        rebuild(content, state, Options(jobs=1), first=save is None)
        assert state.problems == [], (number, state.problems)
        err = capsys.readouterr().err
        said = [line for line in err.splitlines()
                if line == CLEARED or "：" in line and ("site.yaml" in line or ".md" in line)]
        assert len(said) == len(expected), (number, err)
        for line, word in zip(said, expected):
            assert word in line, (number, line)
        warned = [word for word in expected if word != CLEARED]
        assert (f"共 0 处错误，{len(warned)} 条提醒。" in err) == bool(warned), (number, err)
