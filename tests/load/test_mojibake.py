"""Mojibake: UTF-8 read as GBK (or Latin) and saved again is refused at its line, also when the
conversion lost characters on the way; real Chinese never is (sitegen/load/decode.py find_mojibake).

breaker helper-123: a record saved through Notepad's GBK, its unmappable bytes written as ?, was
published as 閭婚噷鑺傛椿鍔? with exit 0; with U+FFFD kept, only the U+FFFD was named, and a
character typed over it let the garbage through.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest

from sitegen.load.decode import find_mojibake, read_text
from tests.conftest import MakeSite, error_lines, run

ROOT = Path(__file__).resolve().parents[2]


def _gbk_lost_as_question(text: str) -> str:
    return text.encode().decode("gbk", errors="replace").replace("\ufffd", "?")


def _gbk_lost_kept(text: str) -> str:
    return text.encode().decode("gbk", errors="replace")


def _gbk_lost_typed_over(text: str) -> str:
    return text.encode().decode("gbk", errors="replace").replace("\ufffd", "动")


# how the line was garbled → whether characters were lost on the way
GARBLINGS: list[tuple[str, Callable[[str], str], bool]] = [
    ("gbk_whole", lambda text: text.encode().decode("gb18030"), False),
    ("latin_whole", lambda text: text.encode().decode("cp1252"), False),
    ("gbk_lost_as_question", _gbk_lost_as_question, True),
    ("gbk_lost_kept", _gbk_lost_kept, True),
    ("gbk_lost_typed_over", _gbk_lost_typed_over, True),
]
LINES = ["title: 邻里节活动", "居民们欢聚一堂。", "本次议事会共有 23 位居民代表参加，表决通过加装电梯方案。",
         "place: 滨湖春天小区党群服务中心二楼会议室", "望湖社区", "社区广场"]


def _cases() -> list[tuple[str, str, bool]]:
    """(line, its garbled form, lost) for each garbling of each line it applies to: a whole garbling
    where the line reads whole so, a lost one where the conversion loses a character of it."""
    cases = []
    for _, garble, lost in GARBLINGS:
        for line in LINES:
            try:
                garbled = garble(line)
            except UnicodeDecodeError:  # it cannot be read whole so: a tool reading it loses characters
                continue
            if not lost or "\ufffd" in _gbk_lost_kept(line):
                cases.append((line, garbled, lost))
    return cases


CASES = _cases()


def test_every_garbling_has_its_cases() -> None:
    assert {lost for _, _, lost in CASES} == {True, False} and len(CASES) >= 15


@pytest.mark.parametrize(("line", "garbled", "lost"), CASES, ids=[repr(c[1])[1:12] for c in CASES])
def test_a_garbled_line_is_found(line: str, garbled: str, lost: bool) -> None:
    found = find_mojibake(f"---\ndate: 2026-03-05\n{garbled}\n")
    assert found is not None and found[0] == 3 and found[2] is lost
    if not lost:
        assert found[1] == line
    else:  # what could be read back, □ where a character was lost
        kept = [ch for ch in found[1] if ch != "□"]
        assert sum(ch in line for ch in kept) >= 0.6 * len(kept)


def test_the_lost_form_is_refused_at_its_line(make_site: MakeSite) -> None:
    body = _gbk_lost_as_question("---\ntitle: 邻里节活动\ndate: 2026-03-05\n---\n居民们欢聚一堂。\n")
    content = make_site({"activities/a.md": body})
    result = run("check", "--content", str(content))
    lines = error_lines(result)
    assert result.exit_code == 1 and lines[0].startswith("activities/a.md:2: ") and "□" in lines[0]


def _real_chinese_lines() -> list[str]:
    """Every line with Chinese in this repository's own Chinese texts: the demo content, the docs,
    the message catalogues (a line of real Chinese must never be taken for mojibake)."""
    files = [*sorted((ROOT / "content").rglob("*.md")), *sorted((ROOT / "content").rglob("*.yaml")),
             *sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md",
             ROOT / "sitegen" / "i18n" / "zh-Hans.yaml", ROOT / "sitegen" / "i18n" / "zh-Hant.yaml"]
    return [line for path in files for line in path.read_text("utf-8").split("\n") if not line.isascii()]


def test_no_line_of_real_chinese_is_taken_for_mojibake() -> None:
    lines = _real_chinese_lines()
    assert len(lines) > 1000
    wrong = [line for line in lines if find_mojibake(line) is not None]
    assert wrong == []


def test_read_text_names_the_lost_form(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(_gbk_lost_kept("---\ntitle: 社区邻里节文艺汇演\n---\n"), encoding="utf-8")
    text, problem = read_text(path, PurePosixPath("activities/a.md"))
    assert text is None and problem is not None
    assert (problem.line, problem.key) == (2, "file.mojibake_lost")
