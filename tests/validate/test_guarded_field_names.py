"""A field whose loss publishes what should not be, typed under another name, was only warned about as an
unknown field, and the record published (breaker s21): `草稿: 是`, `Draft: true`, `DRAFT: yes` put a
worker's draft on the site; `显示电话: 不显示` / `Show_Phone: none` left the phone in full on the poster;
`政治面貌: 群众` showed a volunteer as 党员; `化名` lost the chosen alias; `许愿人` left check without the
name it keeps off the site. Each is now an error at its line that says the line to write
(validate/guarded.py). Other fields typed so are warned as before.

Each row: the folder, the record's text, and the messages about the file, whole, in Chinese.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

ACTIVITY = "title: 敬老活动\ndate: 2026-10-01\n"
PERSON = "name: 李四\nrole: 单元长\nphone: \"13912345678\"\n"
WISH = "wish: 助行器\nposted_on: 2026-10-18\nstatus: open\n"
TYPED = "不是 sitegen 认识的字段名（字段名要用小写英文）；要是忽略这一行"


def _draft(path: str, line: int, typed: str) -> str:
    return (f"{path}:{line}: “{typed}”{TYPED}，这条记录会照常发布到网站上。要先不发布（草稿），请把这一行改成“draft: true”；"
            f"要发布，请改成“draft: false”或删掉这一行。")


def _phone(line: int, typed: str, value: str) -> str:
    return (f"disclosures/a.yaml:{line}: “{typed}”{TYPED}，电话会按默认方式显示：印出的海报上是完整号码，网站上打码。"
            f"请把这一行改成“show_phone: {value}”（show_phone 可以写 poster：海报完整、网站打码；full：都完整；"
            f"masked：都打码；none：都不显示）。")


def _member(line: int, typed: str, value: str) -> str:
    return (f"disclosures/a.yaml:{line}: “{typed}”{TYPED}，这个人会按默认显示为党员。请把这一行改成“party_member: {value}”"
            f"（party_member: true 是党员，false 不是党员）。")


def _wisher(line: int, typed: str, value: str) -> str:
    return (f"wishes/a.yaml:{line}: “{typed}”不是 sitegen 认识的字段名（字段名要用小写英文），不能照这样发布：sitegen 要从 wisher 知道许愿人的姓名，网站上才只显示姓（如 王**），"
            f"也才能查出别处写出的全名。请把这一行改成“wisher: {value}”。")


def _alias(line: int, typed: str, value: str) -> str:
    return (f"wishes/a.yaml:{line}: “{typed}”{TYPED}，网站和海报上会显示许愿人的姓加星号（如 王**），而不是这个化名。"
            f"请把这一行改成“wisher_alias: {value}”。")


ROWS = [
    # a draft by another name
    ("草稿", "activities/a.yaml", ACTIVITY + "草稿: 是\n", [_draft("activities/a.yaml", 3, "草稿")]),
    ("Draft", "activities/a.yaml", ACTIVITY + "Draft: true\n", [_draft("activities/a.yaml", 3, "Draft")]),
    ("DRAFT", "activities/a.yaml", ACTIVITY + "DRAFT: yes\n", [_draft("activities/a.yaml", 3, "DRAFT")]),
    ("full-width DRAFT", "activities/a.yaml", ACTIVITY + "ＤＲＡＦＴ: yes\n", [_draft("activities/a.yaml", 3, "ＤＲＡＦＴ")]),
    ("草稿箱", "activities/a.yaml", ACTIVITY + "草稿箱: 是\n", [_draft("activities/a.yaml", 3, "草稿箱")]),
    ("是否草稿？", "activities/a.yaml", ACTIVITY + "是否草稿？: 是\n", [_draft("activities/a.yaml", 3, "是否草稿？")]),
    ("不发布", "activities/a.yaml", ACTIVITY + "不发布: 是\n", [_draft("activities/a.yaml", 3, "不发布")]),
    ("暂不发布", "activities/a.yaml", ACTIVITY + "暂不发布: 是\n", [_draft("activities/a.yaml", 3, "暂不发布")]),
    ("隐藏", "activities/a.yaml", ACTIVITY + "隐藏: 是\n", [_draft("activities/a.yaml", 3, "隐藏")]),
    ("发布: 否", "activities/a.yaml", ACTIVITY + "发布: 否\n", [_draft("activities/a.yaml", 3, "发布")]),
    ("暫不發布", "activities/a.yaml", ACTIVITY + "暫不發布: 是\n", [_draft("activities/a.yaml", 3, "暫不發布")]),
    ("草稿: 否, told as well", "activities/a.yaml", ACTIVITY + "草稿: 否\n", [_draft("activities/a.yaml", 3, "草稿")]),
    ("a wish's draft", "wishes/a.yaml", WISH + "wisher: 王秀英\nDraft: true\n", [_draft("wishes/a.yaml", 5, "Draft")]),
    ("a page's draft", "pages/a.md", "---\ntitle: 关于\n草稿: 是\n---\n正文\n", [_draft("pages/a.md", 3, "草稿")]),
    # how the phone shows, whether the person is a party member
    ("显示电话", "disclosures/a.yaml", PERSON + "显示电话: 不显示\n", [_phone(4, "显示电话", "none")]),
    ("Show_Phone", "disclosures/a.yaml", PERSON + "Show_Phone: none\n", [_phone(4, "Show_Phone", "none")]),
    ("show-phone", "disclosures/a.yaml", PERSON + "show-phone: masked\n", [_phone(4, "show-phone", "masked")]),
    ("电话公开方式", "disclosures/a.yaml", PERSON + "电话公开方式: 打码\n", [_phone(4, "电话公开方式", "masked")]),
    ("an unread way", "disclosures/a.yaml", PERSON + "显示电话: 看情况\n", [_phone(4, "显示电话", "…")]),
    ("政治面貌", "disclosures/a.yaml", PERSON + "政治面貌: 群众\n", [_member(4, "政治面貌", "false")]),
    ("Party_Member", "disclosures/a.yaml", PERSON + "Party_Member: no\n", [_member(4, "Party_Member", "false")]),
    # the wisher's name and alias
    ("许愿人, no wisher", "wishes/a.yaml", WISH + "许愿人: 王秀英\n", [_wisher(4, "许愿人", "王秀英")]),
    ("Wisher", "wishes/a.yaml", WISH + "Wisher: 王秀英\n", [_wisher(4, "Wisher", "王秀英")]),
    ("许愿人 beside wisher", "wishes/a.yaml", WISH + "wisher: 王奶奶\n许愿人: 王秀英\n", [_wisher(5, "许愿人", "王秀英")]),
    ("化名", "wishes/a.yaml", WISH + "wisher: 王秀英\n化名: 爱心奶奶\n", [_alias(5, "化名", "爱心奶奶")]),
    ("Wisher_Alias", "wishes/a.yaml", WISH + "wisher: 王秀英\nWisher_Alias: 爱心奶奶\n", [_alias(5, "Wisher_Alias", "爱心奶奶")]),
]

KEPT = [
    # other fields typed so lose a detail only: warned as before, the build goes on
    ("地点", "activities/a.yaml", ACTIVITY + "地点: 活动室\n", ["activities/a.yaml:3: 提醒：未知字段“地点”将被忽略；是不是想写“place”？"]),
    ("Title", "activities/a.yaml", ACTIVITY + "Title: x\n", ["activities/a.yaml:3: 提醒：未知字段“Title”将被忽略；是不是想写“title”？"]),
    ("承诺", "disclosures/a.yaml", PERSON + "承诺: 有事您找我\n",
     ["disclosures/a.yaml:4: 提醒：未知字段“承诺”将被忽略；是不是想写“pledge”？"]),
    # a wisher's field on a kind without it, and a nested key: not guarded
    ("化名 on an activity", "activities/a.yaml", ACTIVITY + "化名: 小王\n", ["activities/a.yaml:3: 提醒：未知字段“化名”，将被忽略。"]),
    ("the field as named", "activities/a.yaml", ACTIVITY + "draft: false\n", []),
]


def checked(make_site: MakeSite, path: str, text: str) -> tuple[int, list[str]]:
    """`sitegen check` of a site holding `text` at `path`, in zh-Hans: its exit code and what it says of that file."""
    result = run("check", "--content", str(make_site({path: text})), env={"SITEGEN_LANG": "zh-Hans"})
    return result.exit_code, error_lines(result, path)


@pytest.mark.parametrize(("name", "path", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_guarded_field_by_another_name_is_refused(name: str, path: str, text: str, expected: list[str],
                                                    make_site: MakeSite) -> None:
    assert checked(make_site, path, text) == (1, expected)


@pytest.mark.parametrize(("name", "path", "text", "expected"), KEPT, ids=[r[0] for r in KEPT])
def test_other_fields_by_another_name_are_warned(name: str, path: str, text: str, expected: list[str],
                                                 make_site: MakeSite) -> None:
    assert checked(make_site, path, text) == (0, expected)


def test_the_draft_is_told_in_english(make_site: MakeSite) -> None:
    content = make_site({"activities/a.yaml": ACTIVITY + "Draft: true\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert error_lines(result, "activities/") == [
        "activities/a.yaml:3: “Draft” is not a field name sitegen knows (field names are lower-case English), so this "
        "line would be ignored and the record published on the site. To keep it off the site as a draft, write this "
        "line as “draft: true”; to publish it, write “draft: false” or delete the line."]
