"""A note typed after a value behind a full-width number sign (`place: 社区活动室 ＃王姐说可能换地方`, as a
Chinese input method types #) was published on the site: YAML takes only an ASCII # after an ASCII blank
for a comment (session 21). The file is now refused at that line, told to write ` # ` for a note or to
quote the value when the mark is its text; a ＃ that is text (before a number, in a topic, inside a word,
starting a value, in quotes) stays text. A line that continues a value and starts with the mark
(`place: 社区活动室` then `  ＃王姐说可能换地方`) is joined to the value by YAML and was published (breaker s21):
refused at that line, told to write `# 王姐说…` there; an indented ASCII `#` line is YAML's comment.

Each row: the activity's lines after its title and date, as typed, and the messages about the file, whole.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from sitegen.load.yamlfile import parse_yaml
from tests.conftest import MakeSite, error_lines, run

HEAD = "title: 敬老活动\ndate: 2026-10-01\n"


def _said(line: int, value: str, mark: str, note: str, quoted: str) -> str:
    return (f"activities/a.yaml:{line}: “{value}”后面的“{mark}{note}”不是注释：只有前面带英文空格的英文“#”才是注释，"
            f"这样写的“{note}”会和内容一起发布到网站上。如果这是写给自己看的备注，请改用英文空格加英文“#”，"
            f"写成“{value} # {note}”；如果它是内容的一部分，请给整段内容加上英文引号，写成 {quoted}。")


def _said_line(line: int, value: str, mark: str, note: str, quoted: str) -> str:
    return (f"activities/a.yaml:{line}: 这一行开头的“{mark}{note}”不是注释：只有前面是英文空格的英文“#”才是注释，"
            f"这样写的“{note}”会接在上一行的“{value}”后面，和内容一起发布到网站上。如果这是写给自己看的备注，"
            f"请把这一行写成“# {note}”（前面用英文空格，“#”用英文的）；如果它是内容的一部分，请给整段内容加上英文引号，"
            f"写成 {quoted}。")


ROWS = [
    ("a place's note", "place: 社区活动室 ＃王姐说可能换地方",
     [_said(3, "社区活动室", "＃", "王姐说可能换地方", '"社区活动室 ＃王姐说可能换地方"')], 1),
    ("a space after the mark", "organizer: 社区党委 ＃ 李书记",
     [_said(3, "社区党委", "＃", "李书记", '"社区党委 ＃ 李书记"')], 1),
    ("a full-width space before it", "project: 乐夕阳　＃待定", [_said(3, "乐夕阳", "＃", "待定", '"乐夕阳\u3000＃待定"')], 1),
    ("an ASCII # after a full-width space", "project: 乐夕阳　#待定", [_said(3, "乐夕阳", "#", "待定", '"乐夕阳\u3000#待定"')], 1),
    ("a small number sign", "signup: 电话报名 ﹟先问王姐", [_said(3, "电话报名", "﹟", "先问王姐", '"电话报名 ﹟先问王姐"')], 1),
    ("a list item", "partners:\n  - 望湖小学 ＃还没答应", [_said(4, "望湖小学", "＃", "还没答应", '"望湖小学 ＃还没答应"')], 1),
    ("a flow list item", "tags: [敬老, 重阳 ＃待定]", [_said(3, "重阳", "＃", "待定", '"重阳 ＃待定"')], 1),
    ("after a topic", "project: 重阳节 ＃敬老＃ ＃待定", [_said(3, "重阳节 ＃敬老＃", "＃", "待定", '"重阳节 ＃敬老＃ ＃待定"')], 1),
    ("on a value's next line", "signup: 电话报名\n  周一截止 ＃王姐定",
     [_said(4, "周一截止", "＃", "王姐定", '"电话报名 周一截止 ＃王姐定"')], 1),
    # a line that continues a value and starts with the mark: YAML joins it to the value with a space
    # (社区活动室 ＃王姐说可能换地方), published as the same note on one line would be (breaker s21)
    ("an indented line under a value", "place: 社区活动室\n  ＃王姐说可能换地方",
     [_said_line(4, "社区活动室", "＃", "王姐说可能换地方", '"社区活动室 ＃王姐说可能换地方"')], 1),
    ("an indented line, a space after the mark", "organizer: 社区党委\n    ＃ 李书记",
     [_said_line(4, "社区党委", "＃", "李书记", '"社区党委 ＃ 李书记"')], 1),
    ("an indented small number sign", "signup: 电话报名\n  ﹟先问王姐",
     [_said_line(4, "电话报名", "﹟", "先问王姐", '"电话报名 ﹟先问王姐"')], 1),
    ("an indented full-width space and #", "project: 乐夕阳\n  \u3000#待定",
     [_said_line(4, "乐夕阳", "#", "待定", '"乐夕阳 \u3000#待定"')], 1),
    ("the third line of a value", "signup: 电话报名\n  周一截止\n  ＃王姐定",
     [_said_line(5, "周一截止", "＃", "王姐定", '"电话报名 周一截止 ＃王姐定"')], 1),
    ("a flow list item's next line", "tags: [敬老, 重阳\n  ＃待定]",
     [_said_line(4, "重阳", "＃", "待定", '"重阳 ＃待定"')], 1),
    # text, as before: not after a blank, before a number, a topic, at the value's start, quoted, ASCII comments
    ("inside a word", "place: 福桂苑＃3楼", [], 0),
    ("before a number", "place: 福桂苑 ＃3楼", [], 0),
    ("an issue number", "project: 第＃期", [], 0),
    ("a topic", "project: 重阳节 ＃敬老＃", [], 0),
    ("a value starting with ＃", "project: ＃邻里节＃", [], 0),
    ("in quotes", 'place: "社区活动室 ＃王姐说可能换地方"', [], 0),
    ("an ASCII comment", "place: 社区活动室 # 王姐说可能换地方", [], 0),
    ("a block of text", "signup: |\n  电话报名 ＃王姐", [], 0),
    # an indented line starting with ASCII #: YAML's comment line, not the value's (its value is 社区活动室)
    ("an indented ASCII comment", "place: 社区活动室\n  #王姐说可能换地方", [], 0),
    ("an indented number", "place: 福桂苑\n  ＃3号楼", [], 0),
    ("an indented topic", "project: 重阳节\n  ＃敬老＃", [], 0),
    ("a folded block of text", "signup: >\n  电话报名\n  ＃王姐", [], 0),
    ("a literal block of text", "signup: |\n  电话报名\n  ＃王姐", [], 0),
    ("a value starting on the next line", "signup:\n  ＃电话报名＃ 周一截止", [], 0),
]


@pytest.mark.parametrize(("name", "lines", "expected", "code"), ROWS, ids=[r[0] for r in ROWS])
def test_a_note_behind_a_full_width_number_sign_is_not_published(name: str, lines: str, expected: list[str], code: int,
                                                                 make_site: MakeSite) -> None:
    content = make_site({"activities/a.yaml": HEAD + lines + "\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == code, result.output
    assert error_lines(result, "activities/") == expected


def test_the_note_is_told_in_english_and_in_front_matter(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "---\n" + HEAD + "place: 社区活动室 ＃王姐说可能换地方\n---\n正文\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert error_lines(result, "activities/") == [
        "activities/a.md:4: “＃王姐说可能换地方” after “社区活动室” is no comment: only an ASCII “#” after an ordinary space "
        "starts one, so “王姐说可能换地方” would be published with the text. If it is a note for yourself, write an "
        "ordinary space and an ASCII “#”, as “社区活动室 # 王姐说可能换地方”; if it is part of the text, put the whole "
        "text in quotes, as \"社区活动室 ＃王姐说可能换地方\"."]


@pytest.mark.parametrize(("lines", "value"), [
    ("place: 社区活动室\n  #王姐说可能换地方\n", "社区活动室"),
    ("place: 社区活动室\n  # 王姐说可能换地方\n", "社区活动室"),
    ("signup: |\n  电话报名\n  ＃王姐\n", "电话报名\n＃王姐\n"),
])
def test_what_stays_out_of_the_value_and_what_is_text(lines: str, value: str) -> None:
    """An indented line starting with an ASCII # is YAML's comment, not the value's text (the note is not
    published); a block's line starting with ＃ is the block's text, as typed."""
    located, problems = parse_yaml(lines, PurePosixPath("activities/a.yaml"))
    assert problems == []
    assert located is not None and isinstance(located.data, dict)
    assert located.data[lines.split(":")[0]] == value
