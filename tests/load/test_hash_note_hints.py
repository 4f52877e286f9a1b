"""A note typed straight after a value behind a number sign (`社区活动室＃王姐说可能换地方`, no blank, as a
Chinese input method types it) or as a "not yet" topic (`敬老活动 ＃待定＃`) was published without a word
(breaker s21). A ＃ inside a value is often text (福桂苑＃3楼, 3＃楼, 第＃期, ＃敬老＃), so refusing it would
stop builds over real text: check now warns at the line when the words behind the mark read as a note,
and the build goes on; quotes (what the warning says to write for text) silence it.

Each row: the activity's lines after its title and date, as typed, and the messages about the file, whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, error_lines, run

HEAD = "title: 敬老活动\ndate: 2026-10-01\n"


def _warned(line: int, value: str, typed: str, note: str, quoted: str) -> str:
    return (f"activities/a.yaml:{line}: 提醒：“{value}”后面的“{typed}”像是写给自己看的备注，它会和内容一起发布到网站上"
            f"（只有英文空格加英文“#”后面的文字才是注释，不会发布）。如果是备注，请写成“{value} # {note}”；"
            f"如果它就是内容，请给整段内容加上英文引号，写成 {quoted}，这条提醒就不会再出现。")


ROWS = [
    ("no blank before the mark", "place: 社区活动室＃王姐说可能换地方",
     [_warned(3, "社区活动室", "＃王姐说可能换地方", "王姐说可能换地方", '"社区活动室＃王姐说可能换地方"')]),
    ("an ASCII # with no blank", "signup: 电话报名#先问王姐",
     [_warned(3, "电话报名", "#先问王姐", "先问王姐", '"电话报名#先问王姐"')]),
    ("a small number sign", "organizer: 社区党委﹟待确认", [_warned(3, "社区党委", "﹟待确认", "待确认", '"社区党委﹟待确认"')]),
    ("a question", "project: 乐夕阳＃还是朝阳？", [_warned(3, "乐夕阳", "＃还是朝阳？", "还是朝阳？", '"乐夕阳＃还是朝阳？"')]),
    ("a Traditional note", "place: 社區活動室＃王姐說可能換地方",
     [_warned(3, "社區活動室", "＃王姐說可能換地方", "王姐說可能換地方", '"社區活動室＃王姐說可能換地方"')]),
    ("a 'not yet' topic after a blank", "project: 敬老活动 ＃待定＃",
     [_warned(3, "敬老活动", "＃待定＃", "待定", '"敬老活动 ＃待定＃"')]),
    ("a 'not yet' topic, no blank", "project: 重阳节＃待确认＃", [_warned(3, "重阳节", "＃待确认＃", "待确认", '"重阳节＃待确认＃"')]),
    ("an ASCII TODO topic", "project: 重阳节#TODO#", [_warned(3, "重阳节", "#TODO#", "TODO", '"重阳节#TODO#"')]),
    ("a list item", "partners:\n  - 望湖小学＃还没答应",
     [_warned(4, "望湖小学", "＃还没答应", "还没答应", '"望湖小学＃还没答应"')]),
    ("a flow list item", "tags: [敬老, 重阳＃待定]", [_warned(3, "重阳", "＃待定", "待定", '"重阳＃待定"')]),
    ("a value's next line", "signup: 电话报名\n  周一截止＃王姐说", [_warned(4, "周一截止", "＃王姐说", "王姐说",
                                                                   '"电话报名 周一截止＃王姐说"')]),
    # text, silent: the rows of test_fullwidth_hash_note.py that stay text, and more of a ＃'s own uses
    ("inside a word", "place: 福桂苑＃3楼", []),
    ("before a number", "place: 福桂苑 ＃3楼", []),
    ("a building's number", "place: 福桂苑3＃楼2单元", []),
    ("a full-width number", "place: 福桂苑３＃楼", []),
    ("an issue number", "project: 第＃期", []),
    ("a topic", "project: 重阳节 ＃敬老＃", []),
    ("a topic, no blank", "project: 重阳节＃敬老＃", []),
    ("a topic of another's words", "project: 议事会＃居民说事＃", []),
    ("a value starting with ＃", "project: ＃邻里节＃", []),
    ("a note word at the value's start", "project: ＃待定", []),
    ("a course", "project: 少儿C＃编程班", []),
    ("a web address", "signup: https://example.org/baoming#说明", []),
    ("in quotes", 'place: "社区活动室＃王姐说可能换地方"', []),
    ("in single quotes", "project: '敬老活动 ＃待定＃'", []),
    ("a block of text", "signup: |\n  电话报名＃先问王姐", []),
    ("an ASCII comment", "place: 社区活动室 # 王姐说可能换地方", []),
]


@pytest.mark.parametrize(("name", "lines", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_note_behind_a_number_sign_in_a_value_is_warned(name: str, lines: str, expected: list[str],
                                                          make_site: MakeSite) -> None:
    content = make_site({"activities/a.yaml": HEAD + lines + "\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.output
    assert error_lines(result, "activities/") == expected


def test_the_build_goes_on_and_front_matter_is_warned_in_english(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": "---\n" + HEAD + "place: 社区活动室＃王姐说可能换地方\n---\n正文\n"})
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert error_lines(result, "activities/") == [
        "activities/a.md:4: warning: “＃王姐说可能换地方” after “社区活动室” looks like a note for yourself, and it would be "
        "published with the text (only words after an ordinary space and an ASCII “#” are a comment, which is not "
        "published). If it is a note, write “社区活动室 # 王姐说可能换地方”; if it is part of the text, put the whole text "
        "in quotes, as \"社区活动室＃王姐说可能换地方\", and this warning goes away."]
