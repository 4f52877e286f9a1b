"""A guarded field typed under a name no list held was warned as unknown and the record published
(breaker s21, after c99b5b6): `隐藏电话: 是`, `是否显示手机号: 否`, `“草稿”: 是`, `草稿(是/否): 是`, `暂不公示: 是`,
`状态: 草稿` on an activity, `非党员: 是`, `身份: 群众`, `网名: 小雨`, `姓名保密: 是`. An unknown top-level key
is now read by its parts, its quotes and brackets gone, and by its value (validate/guarded_parts.py), and
refused at its line naming the line to write. A draft's name with a date (`发布: 2026-11-01`) is told the
kind's date line as well as draft: true; with other words (`发布: 望湖社区党委`) it is no draft: warned.

Each row: the folder, the record's text, and the messages about the file, whole, in Chinese.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run
from tests.validate.test_guarded_field_names import (ACTIVITY, PERSON, TYPED, WISH, _alias, _draft, _member, _phone,
                                                    checked)

A = "activities/a.yaml"


def _dated(typed: str, value: str, line: str) -> str:
    return (f"{A}:3: “{typed}”{TYPED}，这条记录会照常发布到网站上。如果“{value}”是这条记录的日期，请把这一行改成“{line}”；"
            f"如果是想等到那天再发布：sitegen 不会按日期发布，请先把这一行改成“draft: true”，到那天再改成“draft: false”。")


_PHONES = [("手机号码公开: 不同意", "手机号码公开"), ("隐藏电话: 是", "隐藏电话"), ("电话保密: 是", "电话保密"), ("号码保密: 是", "号码保密"),
           ("电话不公开: 是", "电话不公开"), ("不公开电话: 是", "不公开电话"), ("手机号显示: 不显示", "手机号显示"),
           ("是否显示手机号: 否", "是否显示手机号"), ("“显示电话”: 否", "“显示电话”")]
_DRAFTS = [("“草稿”: 是", "“草稿”"), ("【草稿】: 是", "【草稿】"), ("草稿(是/否): 是", "草稿(是/否)"),
           ("草稿\u200b: 是", "草稿\\u200b"), ("是否为草稿: 是", "是否为草稿"), ("发布状态: 草稿", "发布状态"),
           ("不公示: 是", "不公示"), ("暂不公示: 是", "暂不公示"), ("是否公示: 否", "是否公示"), ("公示: 否", "公示"),
           ("状态: 草稿", "状态"), ("status: draft", "status")]
_MEMBERS = [("是否为党员: 否", "是否为党员"), ("政治身份: 群众", "政治身份"), ("身份: 群众", "身份"),
            ("非党员: 是", "非党员"), ("party: false", "party")]
_ALIASES = [("别名: 小雨", "别名", "小雨"), ("网名: 小雨", "网名", "小雨"), ("匿名: 是", "匿名", "…"),
            ("不显示姓名: 是", "不显示姓名", "…"), ("姓名保密: 是", "姓名保密", "…"), ("“化名”: 爱心奶奶", "“化名”", "爱心奶奶")]

ROWS = [
    *((line, "disclosures/a.yaml", f"{PERSON}{line}\n", [_phone(4, typed, "none")]) for line, typed in _PHONES),
    *((line, A, f"{ACTIVITY}{line}\n", [_draft(A, 3, typed)]) for line, typed in _DRAFTS),
    *((line, "disclosures/a.yaml", f"{PERSON}{line}\n", [_member(4, typed, "false")]) for line, typed in _MEMBERS),
    *((line, "wishes/a.yaml", f"{WISH}wisher: 王秀英\n{line}\n", [_alias(5, typed, value)])
      for line, typed, value in _ALIASES),
    ("发布: 2026-11-01", A, ACTIVITY + "发布: 2026-11-01\n", [_dated("发布", "2026-11-01", "date: 2026-11-01")]),
    ("发布时间: 2026年11月1日", A, ACTIVITY + "发布时间: 2026年11月1日\n",
     [_dated("发布时间", "2026年11月1日", "date: 2026年11月1日")]),
    ("a wish's 发布 date: its posted_on", "wishes/a.yaml", WISH + "wisher: 王秀英\n发布: 2026-10-20\n",
     [_dated("发布", "2026-10-20", "posted_on: 2026-10-20").replace(f"{A}:3", "wishes/a.yaml:5")]),
]

KEPT = [
    # not a draft: the worker named who publishes, or to whom; warned as unknown
    ("发布: 望湖社区党委", A, ACTIVITY + "发布: 望湖社区党委\n", [f"{A}:3: 提醒：未知字段“发布”，将被忽略。"]),
    ("公开: 全体居民", A, ACTIVITY + "公开: 全体居民\n", [f"{A}:3: 提醒：未知字段“公开”，将被忽略。"]),
    # another field's sheet header (a wish's posted_on), a party word that says nothing of the person
    ("发布日期", A, ACTIVITY + "发布日期: 2026-10-01\n", [f"{A}:3: 提醒：未知字段“发布日期”，将被忽略。"]),
    ("所属党支部", "disclosures/a.yaml", PERSON + "所属党支部: 第一支部\n",
     ["disclosures/a.yaml:4: 提醒：未知字段“所属党支部”，将被忽略。"]),
    ("an empty 别名", "wishes/a.yaml", WISH + "wisher: 王秀英\n别名:\n", ["wishes/a.yaml:5: 提醒：未知字段“别名”，将被忽略。"]),
    ("隐藏电话 on an activity", A, ACTIVITY + "隐藏电话: 是\n", [f"{A}:3: 提醒：未知字段“隐藏电话”，将被忽略。"]),
    # break21c: keys that only touch publishing, a party or a number, and values under keys that do not ask
    # for them, are the worker's own matters: warned as unknown, never refused with advice that changes the record
    *((line, path, text + line + "\n", [f"{path}:{at}: 提醒：未知字段“{line.split(':')[0]}”，将被忽略。"])
      for line, path, text, at in [
          ("公开课: 是", A, ACTIVITY, 3), ("公众号发布: 是", A, ACTIVITY, 3), ("信息公开: 是", A, ACTIVITY, 3),
          ("隐藏菜单: 是", A, ACTIVITY, 3), ("新闻稿: 草稿", A, ACTIVITY, 3), ("报名方式说明: 待发布", A, ACTIVITY, 3),
          ("公示日期: 2026-06-20", A, ACTIVITY, 3), ("公示: 2026-06-20", A, ACTIVITY, 3),
          ("党建活动: 是", "disclosures/a.yaml", PERSON, 4), ("政治学习: 是", "disclosures/a.yaml", PERSON, 4),
          ("党组织: 是", "disclosures/a.yaml", PERSON, 4), ("党小组长: 是", "disclosures/a.yaml", PERSON, 4),
          ("是否党员中心户: 是", "disclosures/a.yaml", PERSON, 4), ("服务对象: 群众", "disclosures/a.yaml", PERSON, 4),
          ("联系人: 群众", "disclosures/a.yaml", PERSON, 4), ("工作对象: 党员", "disclosures/a.yaml", PERSON, 4),
          ("照片公开: 否", "disclosures/a.yaml", PERSON, 4), ("门牌号码隐藏: 是", "disclosures/a.yaml", PERSON, 4),
          ("微信号码显示: 否", "disclosures/a.yaml", PERSON, 4), ("承诺公开: 是", "disclosures/a.yaml", PERSON, 4),
          ("认领人网名: 爱心大姐", "wishes/a.yaml", WISH + "wisher: 王秀英\n", 5),
          ("匿名认领: 是", "wishes/a.yaml", WISH + "wisher: 王秀英\n", 5),
          ("匿名捐赠: 否", "wishes/a.yaml", WISH + "wisher: 王秀英\n", 5),
          ("公开认领: 是", "wishes/a.yaml", WISH + "wisher: 王秀英\n", 5)]),
]


@pytest.mark.parametrize(("name", "path", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_guarded_field_by_its_parts_is_refused(name: str, path: str, text: str, expected: list[str],
                                                 make_site: MakeSite) -> None:
    assert checked(make_site, path, text) == (1, expected)


@pytest.mark.parametrize(("name", "path", "text", "expected"), KEPT, ids=[r[0] for r in KEPT])
def test_other_keys_of_those_parts_are_warned(name: str, path: str, text: str, expected: list[str],
                                              make_site: MakeSite) -> None:
    assert checked(make_site, path, text) == (0, expected)


def test_a_date_under_a_draft_name_is_told_in_english(make_site: MakeSite) -> None:
    content = make_site({A: ACTIVITY + "发布: 2026-11-01\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert error_lines(result, "activities/") == [
        "activities/a.yaml:3: “发布” is not a field name sitegen knows (field names are lower-case English), so this line "
        "would be ignored and the record published on the site. If “2026-11-01” is the record's date, write this line as "
        "“date: 2026-11-01”; if the record should wait until that day, sitegen does not publish by date: write this line "
        "as “draft: true” now and change it to “draft: false” on that day."]
