"""A line that starts with a full-width number sign (＃, as a Chinese input method types #) and is no field
is told that ＃ is no comment mark (break20): the templates' `# 认领后填写：` retyped as `＃ 认领后填写：` was
told to add a colon after the field name, which made it an unknown field.

Each row: the wish's fifth line as typed, and the messages about the file, whole, in Chinese.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

HEAD = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"


def _said(mark: str, text: str) -> str:
    return (f"wishes/w.yaml:5: 这一行开头的“{mark}”是中文的井号，不是注释符号，这一行会被当作内容读进来：如果“{text}”是注释，"
            f"请把“{mark}”换成英文的“#”，后面加一个空格；如果是要填的内容，请写成“字段名: 内容”。")


ROWS = [
    ("the template's comment retyped", "＃ 认领后填写：", [_said("＃", "认领后填写：")], 1),
    ("no space after the mark", "＃认领后填写", [_said("＃", "认领后填写")], 1),
    ("a small number sign", "﹟ 备注", [_said("﹟", "备注")], 1),
    ("a sharp sign", "♯ 备注", [_said("♯", "备注")], 1),
    # a line YAML reads as a field (a colon and a space): an unknown field, as before, and the build goes on
    ("read as a field", "＃ 备注: 家属代领", ["wishes/w.yaml:5: 提醒：未知字段“＃ 备注”，将被忽略。"], 0),
    ("an ASCII comment", "# 认领后填写：", [], 0),
    # content that starts with ＃ (break20b: each was refused by the first version): a list's item, a value's text
    ("a tag starting with ＃", "tags:\n  - ＃邻里节", [], 0),
    ("a value's text on the next line", "thanks:\n  ＃感谢社区志愿队＃ 温暖你我", [], 0),
    ("a flow list item", "tags: [＃邻里节]", [], 0),
]


@pytest.mark.parametrize(("name", "line", "expected", "code"), ROWS, ids=[r[0] for r in ROWS])
def test_a_line_starting_with_a_full_width_number_sign(name: str, line: str, expected: list[str], code: int,
                                                      make_site: MakeSite) -> None:
    content = make_site({"wishes/w.yaml": HEAD + line + "\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == code, result.output
    assert error_lines(result, "wishes/") == expected
