"""A Chinese message names a field as the form and the 表格模板 call it, with the key the worker types:
认领人或单位（claimed_by）, never `claimed_by` alone (newcomer, session 15). One row per kind and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from sitegen.load import load_content
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from tests.conftest import SITE_YAML, write_files

A = "---\ntitle: 七夕\ndate: 2019-08-06\n{extra}---\n"
D = "name: 张建国\nrole: 楼栋党小组长\n{extra}"
L = "title: 广场舞噪音\nraised_on: 2020-04-07\nstatus: proposed\n{extra}"
W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n{extra}"
P = "---\ntitle: 关于\n{extra}---\n"
LIST = "[1, 2]"  # a list where text is wanted: value.not_text

ROWS = [
    # (file, text, the Chinese name the message must hold)
    ("activities/a.md", A.format(extra=f"place: {LIST}\n"), "地点（place）"),
    ("activities/a.md", A.format(extra="end: 明天\n"), "结束（end）"),
    ("activities/a.md", "---\ntitle: 七夕\ndate: 八月六日\n---\n", "日期和时间（date）"),
    ("activities/a.md", A.format(extra=f"organizer: {LIST}\n"), "主办（organizer）"),
    ("activities/a.md", A.format(extra="partners:\n  a: b\n"), "共建单位（partners）"),
    ("activities/a.md", A.format(extra=f"project: {LIST}\n"), "服务项目（project）"),
    ("activities/a.md", A.format(extra="participants: 很多\n"), "参与人数（participants）"),
    ("activities/a.md", A.format(extra=f"signup: {LIST}\n"), "报名方式（signup）"),
    ("activities/a.md", f"---\ntitle: {LIST}\ndate: 2019-08-06\n---\n", "标题（title）"),
    ("activities/a.md", A.format(extra="draft: 也许\n"), "草稿（draft）"),
    ("activities/a.md", A.format(extra="poster_paper: B5\n"), "海报纸张（poster_paper）"),
    ("activities/a.md", A.format(extra=f"summary: {LIST}\n"), "一句话摘要（summary）"),
    ("activities/a.md", A.format(extra="id: Qi Xi\n"), "网址名（id）"),
    ("disclosures/d.yaml", f"name: {LIST}\nrole: 楼栋党小组长\n", "姓名（name）"),
    ("disclosures/d.yaml", f"name: 张建国\nrole: {LIST}\n", "职务或岗位（role）"),
    ("disclosures/d.yaml", D.format(extra="place: 福桂苑//9栋\n"), "地点（place）"),
    ("disclosures/d.yaml", D.format(extra="party_member: 也许\n"), "党员（party_member）"),
    ("disclosures/d.yaml", D.format(extra="phone: 打电话\n"), "电话（phone）"),
    ("disclosures/d.yaml", D.format(extra="duties:\n  a: b\n"), "职责（duties）"),
    ("disclosures/d.yaml", D.format(extra=f"pledge: {LIST}\n"), "承诺（pledge）"),
    ("disclosures/d.yaml", D.format(extra="since: 去年\n"), "任职日期（since）"),
    ("disclosures/d.yaml", D.format(extra="show_phone: 半遮\n"), "电话怎么显示（show_phone）"),
    ("deliberations/l.yaml", f"title: {LIST}\nraised_on: 2020-04-07\nstatus: proposed\n", "标题（title）"),
    ("deliberations/l.yaml", "title: 噪音\nraised_on: 四月\nstatus: proposed\n", "提出日期（raised_on）"),
    ("deliberations/l.yaml", L.format(extra=f"raised_by: {LIST}\n"), "提出人（raised_by）"),
    ("deliberations/l.yaml", L.format(extra=f"channel: {LIST}\n"), "议事形式（channel）"),
    ("deliberations/l.yaml", L.format(extra="meeting: 周五\n"), "议事会议（meeting）"),
    ("deliberations/l.yaml", L.format(extra="meeting:\n  date: 周五\n"), "会议日期（meeting.date）"),
    ("deliberations/l.yaml", L.format(extra="meeting:\n  attendees: 很多\n"), "议事会议的参会人数（meeting.attendees）"),
    ("deliberations/l.yaml", "title: 噪音\nraised_on: 2020-04-07\nstatus: 搁置\n", "状态（status）"),
    ("deliberations/l.yaml", L.format(extra=f"decision: {LIST}\n"), "议定结果（decision）"),
    ("deliberations/l.yaml", L.format(extra="votes:\n  for: 多数\n"), "表决的赞成（votes.for）"),
    ("deliberations/l.yaml", L.format(extra="progress: 一半\n"), "进度（progress）"),
    ("deliberations/l.yaml", L.format(extra="timeline:\n  - date: 2020-05-01\n    note: 开会\n  - date: 五月\n    note: 施工\n"),
     "进展记录第 2 项的日期（timeline[2].date）"),
    ("deliberations/l.yaml", L.format(extra="timeline:\n  - date: 2020-03-01\n    note: 开会\n"),
     "进展记录第 1 项的日期（timeline[1].date）"),  # before raised_on: a rule's message
    ("deliberations/l.yaml", L.replace("proposed", "decided").format(extra=""), "议定结果（decision）"),
    ("wishes/w.yaml", f"wish: {LIST}\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n", "心愿（wish）"),
    ("wishes/w.yaml", f"wish: 助行器\nwisher: {LIST}\nposted_on: 2026-10-18\nstatus: open\n", "许愿人姓名（wisher）"),
    ("wishes/w.yaml", W.format(extra=f"wisher_alias: {LIST}\n"), "化名（wisher_alias）"),
    ("wishes/w.yaml", W.format(extra=f"category: {LIST}\n"), "类别（category）"),
    ("wishes/w.yaml", W.format(extra="value: 很贵\n"), "价值（value）"),
    ("wishes/w.yaml", "wish: 助行器\nwisher: 周桂芳\nposted_on: 上周\nstatus: open\n", "发布日期（posted_on）"),
    ("wishes/w.yaml", W.format(extra=f"claimed_by: {LIST}\n"), "认领人或单位（claimed_by）"),
    ("wishes/w.yaml", W.replace("open", "claimed").format(extra="claimed_on: 2026-10-20\n"), "认领人或单位（claimed_by）"),
    ("wishes/w.yaml", W.format(extra="claimed_on: 昨天\n"), "认领日期（claimed_on）"),
    ("wishes/w.yaml", W.format(extra="fulfilled_on: 今天\n"), "实现日期（fulfilled_on）"),
    ("wishes/w.yaml", W.replace("open", "fulfilled").format(
        extra="claimed_by: 小李\nclaimed_on: 2026-10-20\nfulfilled_on: 2026-10-19\n"), "实现日期（fulfilled_on）"),
    ("wishes/w.yaml", W.format(extra=f"thanks: {LIST}\n"), "感谢的话（thanks）"),
    ("pages/p.md", P.format(extra="order: 第一\n"), "排列顺序（order）"),
    ("site.yaml", "name: [1]\nbase_url: https://test.example.org/\n", "社区名称（name）"),
    ("site.yaml", "name: 测试社区\nbase_url: test.example.org\n", "网址（base_url）"),
    ("site.yaml", SITE_YAML + "office:\n  phone: 打电话\n", "办公电话（office.phone）"),
    ("site.yaml", SITE_YAML + "timezone: 北京\n", "时区（timezone）"),
    ("site.yaml", SITE_YAML + "language: 法语\n", "语言（language）"),
]


@pytest.mark.parametrize(("path", "text", "named"), ROWS, ids=[f"{r[0]}:{r[2]}" for r in ROWS])
def test_a_chinese_message_names_the_field_as_the_form_does(tmp_path: Path, path: str, text: str, named: str) -> None:
    files = {"site.yaml": SITE_YAML, path: text}
    write_files(tmp_path, files)
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    said = [p.render(Messages("zh-Hans")) for p in validated.problems if str(p.path) == path]
    assert any(named in line for line in said), said
    assert all("`" + named.split("（")[1].rstrip("）") + "`" not in line for line in said), said


def test_english_keeps_the_key_and_a_field_without_a_name_stays_its_key() -> None:
    assert Messages("en").text("value.empty", field="claimed_by") == "“claimed_by” is empty; write a value or remove the line."
    assert Messages("zh-Hans").field_name("no_such_field") == "“no_such_field”"
    assert Messages("zh-Hant").field_name("claimed_by") == "認領人或單位（claimed_by）"
