"""A note behind a number sign that starts with a digit was published without a word (breaker s21): `place:
社区活动室 ＃10点前问王姐`, `社区活动室＃11月20日前再确认`, `＃３楼还是４楼待定`, `＃联系王姐13812345678`,
`＃内部消息不要外传`, and an indented `  ＃3号楼先开始` under `summary: 本次活动`, because "a mark before a
number stays text" (福桂苑 ＃3楼). Now text after the mark stays text only when it is a short place token
and nothing after (`＃3楼`, `＃B座`, `＃三号楼`: load/hash_notes.py PLACE) or a topic ＃…＃ (whatever follows
it); after a blank (or at an indented line's start) anything else is refused as a note, straight after the
value it is warned when it reads as a note (a note word, a mobile number). False alarms silenced:
`参与＃邻里说事＃活动`, `少儿C＃编程班，家长可以问老师`, `欢迎参加 ＃敬老月＃。`, an indented
`＃我为群众办实事＃实践活动`.

Each row: the activity's lines after its title and date, as typed, the messages about the file, whole, and
check's exit code.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run
from tests.load.test_fullwidth_hash_note import HEAD, _said, _said_line
from tests.load.test_hash_note_hints import _warned

ROWS = [
    # after a blank: refused
    ("a time before a note", "place: 社区活动室 ＃10点前问王姐",
     [_said(3, "社区活动室", "＃", "10点前问王姐", '"社区活动室 ＃10点前问王姐"')], 1),
    ("two floors undecided", "place: 社区活动室 ＃３楼还是４楼待定",
     [_said(3, "社区活动室", "＃", "３楼还是４楼待定", '"社区活动室 ＃３楼还是４楼待定"')], 1),
    ("an indented line starting with a number", "summary: 本次活动\n  ＃3号楼先开始",
     [_said_line(4, "本次活动", "＃", "3号楼先开始", '"本次活动 ＃3号楼先开始"')], 1),
    # straight after the value: warned
    ("a date, no blank", "place: 社区活动室＃11月20日前再确认",
     [_warned(3, "社区活动室", "＃11月20日前再确认", "11月20日前再确认", '"社区活动室＃11月20日前再确认"')], 0),
    ("two floors, no blank", "place: 社区活动室＃３楼还是４楼待定",
     [_warned(3, "社区活动室", "＃３楼还是４楼待定", "３楼还是４楼待定", '"社区活动室＃３楼还是４楼待定"')], 0),
    ("a phone number, no blank", "place: 社区活动室＃联系王姐13812345678",
     [_warned(3, "社区活动室", "＃联系王姐13812345678", "联系王姐13812345678", '"社区活动室＃联系王姐13812345678"')], 0),
    ("an inside note, no blank", "place: 社区活动室＃内部消息不要外传",
     [_warned(3, "社区活动室", "＃内部消息不要外传", "内部消息不要外传", '"社区活动室＃内部消息不要外传"')], 0),
    # text, silent
    ("a floor", "place: 福桂苑 ＃3楼", [], 0),
    ("a block", "place: 福桂苑 ＃B座", [], 0),
    ("a building in Chinese numerals", "place: 福桂苑 ＃三号楼", [], 0),
    ("a building and a unit", "place: 福桂苑 ＃3号楼 2单元", [], 0),
    ("a room", "place: 福桂苑＃302", [], 0),
    ("a topic inside a sentence", "summary: 参与＃邻里说事＃活动", [], 0),
    ("a course", "summary: 少儿C＃编程班，家长可以问老师", [], 0),
    ("a topic before a full stop", "summary: 欢迎参加 ＃敬老月＃。", [], 0),
    ("an indented topic before words", "summary: 欢迎参加\n  ＃我为群众办实事＃实践活动", [], 0),
    # break21c: a place token and the place's words after a blank are the place, not a note
    *((f"a place: {value}", f"{field}: {value}", [], 0) for field, value in [
        ("place", "滨湖春天 ＃12栋楼下"), ("place", "福桂苑 ＃9栋东侧空地"), ("place", "滨湖春天 ＃2号楼前广场"),
        ("place", "福桂苑 ＃3楼活动室"), ("place", "福桂苑 ＃3号楼 2单元门口"), ("place", "福桂苑 ＃3号楼 ＃5号楼"),
        ("place", "福桂苑 ＃3楼接待室"), ("summary", "本次活动在 ＃3楼 举行，欢迎参加")]),
]


@pytest.mark.parametrize(("name", "lines", "expected", "code"), ROWS, ids=[r[0] for r in ROWS])
def test_a_note_behind_a_mark_and_a_number_is_not_published(name: str, lines: str, expected: list[str], code: int,
                                                            make_site: MakeSite) -> None:
    content = make_site({"activities/a.yaml": HEAD + lines + "\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == code, result.output
    assert error_lines(result, "activities/") == expected
