"""Typing slips as workers make them (input methods, WPS, text pasted from WeChat and Word).

Each row: the files, the PATH:LINE the message must start with, and a word it must hold in
Simplified Chinese and in English. No row may show PyYAML's or pydantic's English to a Chinese reader.
"""

from __future__ import annotations

import pytest

from sitegen.validate.schema import SCHEMAS
from tests.conftest import MakeSite, error_lines, run

W = "wisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"
L = "title: 加装电梯\nraised_on: 2020-04-07\nstatus: proposed\n"
D = "name: 张建国\nrole: 楼栋长\n"
LIBRARY_ENGLISH = ("could not find", "mapping values", "while scanning", "while parsing", "found character",
                   "expected", "Input should", "nesting depth", "special characters are not allowed")

# (case, files, where, zh word, en word)
ERRORS = [
    ("colon_fullwidth_first_line", {"wishes/w.yaml": "wish： 想修冰箱\n" + W}, "wishes/w.yaml:1", "中文冒号", "full-width colon"),
    ("colon_fullwidth_mid_file", {"wishes/w.yaml": W + "wish： 想修冰箱\n"}, "wishes/w.yaml:4", "wish: 想修冰箱", "wish: 想修冰箱"),
    ("colon_fullwidth_front_matter", {"activities/a.md": "---\ntitle： 七夕\ndate: 2019-08-06\n---\n正文\n"}, "activities/a.md:2", "中文冒号", "full-width colon"),
    ("colon_fullwidth_chinese_key", {"activities/a.md": "---\n标题：七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "标题: 七夕", "标题: 七夕"),
    ("colon_fullwidth_list_item", {"wishes/many.yaml": "- id： w1\n  wish: x\n  " + W.replace("\n", "\n  ")}, "wishes/many.yaml:1", "中文冒号", "full-width colon"),
    ("colon_small_form", {"wishes/w.yaml": W + "wish﹕ 想修冰箱\n"}, "wishes/w.yaml:4", "﹕", "﹕"),
    ("indent_tab", {"deliberations/l.yaml": L + "meeting:\n\tdate: 2020-04-08\n"}, "deliberations/l.yaml:5", "Tab", "Tab"),
    ("indent_tab_list", {"disclosures/d.yaml": D + "duties:\n  - 巡逻\n\t- 消防检查\n"}, "disclosures/d.yaml:5", "Tab", "Tab"),
    ("indent_fullwidth", {"deliberations/l.yaml": L + "meeting:\n\u3000\u3000date: 2020-04-08\n"}, "deliberations/l.yaml:5", "全角空格", "full-width space"),
    ("indent_fullwidth_blank_last_line", {"wishes/w.yaml": "wish: 冰箱\n" + W + "\u3000\n"}, "wishes/w.yaml:5", "全角空格", "full-width space"),
    ("indent_fullwidth_continuation", {"disclosures/d.yaml": D + "pledge: 我承诺\n\u3000\u3000随叫随到\n"}, "disclosures/d.yaml:4", "U+3000", "U+3000"),
    ("indent_nbsp", {"deliberations/l.yaml": L + "meeting:\n\u00a0\u00a0date: 2020-04-08\n"}, "deliberations/l.yaml:5", "U+00A0", "U+00A0"),
    ("indent_ideographic_space_front_matter", {"activities/a.md": "---\ntitle: 七夕\n\u3000date: 2019-08-06\n---\n"}, "activities/a.md:3", "全角空格", "full-width space"),
    ("bom_mid_file", {"wishes/w.yaml": "wish: 冰箱\n\ufeff" + W}, "wishes/w.yaml:2", "U+FEFF", "U+FEFF"),
    ("zero_width_before_key", {"wishes/w.yaml": "wish: 冰箱\n\u200b" + W}, "wishes/w.yaml:2", "U+200B", "U+200B"),
    ("dash_fullwidth", {"disclosures/d.yaml": D + "duties:\n－ 巡逻\n－ 消防检查\n"}, "disclosures/d.yaml:4", "U+FF0D", "U+FF0D"),
    ("dash_em", {"disclosures/d.yaml": D + "duties:\n  — 巡逻\n"}, "disclosures/d.yaml:4", "“- ”", "“- ”"),
    ("dash_minus_sign", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntags:\n  − 邻里节\n---\n"}, "activities/a.md:5", "U+2212", "U+2212"),
    ("colon_no_space", {"activities/a.md": "---\ntitle:七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "缺少空格", "needs a space"),
    ("colon_no_space_url", {"site.yaml": "name: 社区\nbase_url:https://a.example.org/\n"}, "site.yaml:2", "base_url: https://a.example.org/", "base_url: https://a.example.org/"),
    ("colon_nbsp", {"activities/a.md": "---\ntitle:\u00a0七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "U+00A0", "U+00A0"),
    ("colon_fullwidth_space", {"activities/a.md": "---\ntitle:\u3000七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "U+3000", "U+3000"),
    ("separator_em_dashes_open", {"activities/a.md": "——\ntitle: 七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:1", "---", "---"),
    ("separator_em_dashes_close", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n——\n正文\n"}, "activities/a.md:4", "破折号", "dash"),
    ("separator_fullwidth", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n－－－\n正文\n"}, "activities/a.md:4", "U+FF0D", "U+FF0D"),
    ("value_colon", {"activities/a.md": "---\ntitle: 议事会: 讨论电梯\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "中文冒号“：”", "full-width colon"),
    ("value_colon_bad_indent", {"activities/a.md": "---\ntitle: 七夕\n  date: 2019-08-06\n---\n"}, "activities/a.md:3", "左对齐", "line it up"),
    # a field's colon left out: named at that line, not at the field below it (found by a newcomer)
    ("colon_missing_mid_front_matter", {"activities/a.md": "---\ntitle: 七夕\nplace 社区广场\ndate: 2019-08-06\n---\n"}, "activities/a.md:3", "字段名: 内容", "name: value"),
    ("colon_missing_mid_yaml", {"wishes/w.yaml": "wish: 冰箱\nplace 滨湖春天12栋\n" + W}, "wishes/w.yaml:2", "字段名: 内容", "name: value"),
    ("colon_missing_blank_line_below", {"wishes/w.yaml": "wish: 冰箱\nplace 滨湖春天12栋\n\n\n" + W}, "wishes/w.yaml:2", "字段名: 内容", "name: value"),
    ("colon_missing_last_line", {"wishes/w.yaml": "wish: 冰箱\n" + W + "place 滨湖春天12栋\n"}, "wishes/w.yaml:5", "字段名: 内容", "name: value"),
    ("colon_missing_first_line", {"wishes/w.yaml": "wish 家里冰箱坏了\n" + W}, "wishes/w.yaml:1", "字段名: 内容", "name: value"),
    ("colon_missing_first_field_front_matter", {"activities/a.md": "---\ntitle 七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "字段名: 内容", "name: value"),
    ("colon_missing_nested", {"deliberations/l.yaml": L + "meeting:\n  date 2020-04-08\n  place: 会议室\n"}, "deliberations/l.yaml:5", "字段名: 内容", "name: value"),
    ("quote_unclosed", {"wishes/w.yaml": "wish: '冰箱\n" + W}, "wishes/w.yaml:1", "引号没有结束", "never closed"),
    ("bracket_unclosed", {"activities/a.md": "---\ntitle: 七夕\ntags: [邻里节, 文艺\ndate: 2019-08-06\n---\n"}, "activities/a.md:3", "括号", "bracket"),
    ("text_after_quote", {"wishes/w.yaml": 'wish: "冰箱" 修理\n' + W}, "wishes/w.yaml:1", "中文引号", "quotes"),
    ("control_character", {"wishes/w.yaml": "wish: 冰箱\x07\n" + W}, "wishes/w.yaml:1", "U+0007", "U+0007"),
    # a required field left empty is to be filled in: "or delete the line" led only to "missing required field"
    ("title_left_empty", {"activities/a.md": "---\ntitle:\ndate: 2019-08-06\n---\n"}, "activities/a.md:2", "是空的；这一项必须填写", "must be filled in"),
    ("wisher_left_empty", {"wishes/w.yaml": "wish: 冰箱\n" + W.replace("周桂芳", "")}, "wishes/w.yaml:2", "这一项必须填写", "must be filled in"),
    ("posted_on_left_empty", {"wishes/w.yaml": "wish: 冰箱\n" + W.replace("2026-10-18", "")}, "wishes/w.yaml:3", "这一项必须填写", "must be filled in"),
    ("site_name_left_empty", {"site.yaml": "name:\nbase_url: https://a.example.org/\n"}, "site.yaml:1", "这一项必须填写", "must be filled in"),
    # a timeline entry's date and note are required too: removing the line led to "missing required field"
    ("timeline_note_left_empty", {"deliberations/l.yaml": L + "timeline:\n  - date: 2020-04-08\n    note:\n"}, "deliberations/l.yaml:6", "这一项必须填写", "must be filled in"),
    ("timeline_date_left_empty", {"deliberations/l.yaml": L + "timeline:\n  - date:\n    note: 开会\n"}, "deliberations/l.yaml:5", "这一项必须填写", "must be filled in"),
    ("optional_votes_for_left_empty", {"deliberations/l.yaml": L + "votes:\n  for:\n"}, "deliberations/l.yaml:5", "请填写内容或删除这一行", "remove the line"),
    ("optional_place_left_empty", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\nplace: \"\u3000\"\n---\n"}, "activities/a.md:4", "请填写内容或删除这一行", "remove the line"),
    ("meeting_as_text", {"deliberations/l.yaml": L + "meeting: 5月10日议事会\n"}, "deliberations/l.yaml:4", "字段名: 内容", "name: value"),
    ("timeline_as_text", {"deliberations/l.yaml": L + "timeline: 4月已开会\n"}, "deliberations/l.yaml:4", "每行写一项", "one"),
    ("photos_as_mapping", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\nphotos:\n  cover: a.jpg\n---\n"}, "activities/a.md:4", "每行写一项", "one"),
    ("office_as_text", {"site.yaml": "name: 社区\nbase_url: https://a.example.org/\noffice: 社区服务中心\n"}, "site.yaml:3", "字段名: 内容", "name: value"),
    ("status_unknown_word", {"wishes/w.yaml": "wish: 冰箱\n" + W.replace("status: open", "status: 完成了")}, "wishes/w.yaml:4", "待认领（open）", "待认领（open）"),
    ("status_unknown_word_deliberation", {"deliberations/l.yaml": L.replace("proposed", "搞定了")}, "deliberations/l.yaml:3", "已议定（decided）", "proposed, reviewing"),
]


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize(("case", "files", "where", "zh", "en"), ERRORS, ids=[c[0] for c in ERRORS])
def test_slip_is_named_at_its_own_line(make_site: MakeSite, case: str, files: dict[str, str], where: str,
                                       zh: str, en: str, language: str) -> None:
    files = dict(files)
    site = files.pop("site.yaml", None)
    content = make_site(files, **({"site": site} if site else {}))
    result = run("--lang", language, "check", "--content", str(content))
    assert result.exit_code == 1, result.stderr
    lines = error_lines(result)
    assert lines[0].startswith(where + ": "), "\n".join(lines)
    assert (zh if language == "zh-Hans" else en) in lines[0], lines[0]
    assert "Traceback" not in result.output
    if language == "zh-Hans":
        assert not any(words in result.stderr for words in LIBRARY_ENGLISH), result.stderr


def test_zh_hant_reader_gets_no_library_english(make_site: MakeSite) -> None:
    for case, files, where, _, _ in ERRORS:
        files = dict(files)
        site = files.pop("site.yaml", None)
        content = make_site(files, name=f"c-{case}", **({"site": site} if site else {}))
        result = run("--lang", "zh-Hant", "check", "--content", str(content))
        assert result.exit_code == 1 and result.stderr.startswith(where + ": "), (case, result.stderr)
        assert not any(words in result.stderr for words in LIBRARY_ENGLISH), (case, result.stderr)


def test_every_slip_in_one_run(make_site: MakeSite) -> None:
    content = make_site({"deliberations/l.yaml": L + "meeting:\n\tdate: 2020-04-08\n\u3000\u3000host: 王\n",
                         "disclosures/d.yaml": D + "duties:\n－ 巡逻\n－ 消防检查\n"})
    result = run("check", "--content", str(content))
    assert [line.split(": ")[0] for line in error_lines(result)] == [
        "deliberations/l.yaml:5", "deliberations/l.yaml:6", "disclosures/d.yaml:4", "disclosures/d.yaml:5"]


# Values read as their enumeration: (schema, fields, field, expected value).
BASE = {
    "wishes": (SCHEMAS["wishes"], {"wish": "冰箱", "wisher": "周桂芳", "posted_on": "2026-10-18"}),
    "deliberations": (SCHEMAS["deliberations"], {"title": "电梯", "raised_on": "2020-04-07"}),
    "disclosures": (SCHEMAS["disclosures"], {"name": "张建国", "role": "楼栋长"}),
    "activities": (SCHEMAS["activities"], {"title": "七夕"}),
}
ACCEPTED = [
    ("wishes", "status", "待认领", "open"), ("wishes", "status", "已认领", "claimed"),
    ("wishes", "status", "进行中", "claimed"), ("wishes", "status", "已实现", "fulfilled"),
    ("wishes", "status", "已完成", "fulfilled"), ("wishes", "status", "已撤回", "withdrawn"),
    ("wishes", "status", "已認領", "claimed"), ("wishes", "status", "“open”", "open"), ("wishes", "status", "Open", "open"),
    ("deliberations", "status", "提议", "proposed"), ("deliberations", "status", "已提出", "proposed"),
    ("deliberations", "status", "审议中", "reviewing"), ("deliberations", "status", "协商中", "deliberating"),
    ("deliberations", "status", "已决定", "decided"), ("deliberations", "status", "已通过", "decided"),
    ("deliberations", "status", "表决通过", "decided"), ("deliberations", "status", "通過", "decided"),
    ("deliberations", "status", "未通过", "rejected"), ("deliberations", "status", "实施中", "implementing"),
    ("deliberations", "status", "进行中", "implementing"), ("deliberations", "status", "已完成", "completed"),
    ("deliberations", "status", "已否决", "rejected"), ("deliberations", "status", "實施中", "implementing"),
    ("disclosures", "show_phone", "完整", "full"), ("disclosures", "show_phone", "打码", "masked"),
    ("disclosures", "show_phone", "不显示", "none"), ("disclosures", "show_phone", "仅海报", "poster"),
    ("wishes", "posted_on", "“2026-10-18”", "2026-10-18"),
    ("activities", "tags", "邻里节，文艺", ("邻里节", "文艺")),
    ("activities", "partners", "银行、物业；学校", ("银行", "物业", "学校")),
    ("disclosures", "duties", "巡逻，消防检查", ("巡逻", "消防检查")),
    ("activities", "tags", "［邻里节，文艺］", ("邻里节", "文艺")),  # full-width brackets
    ("activities", "tags", "邻里节", ("邻里节",)),
    ("disclosures", "duties", ["收集意见，反映诉求"], ("收集意见，反映诉求",)),  # an item typed as one stays one
    # a tag cannot hold a comma: a flow list typed with a Chinese comma is two tags (breaker helper-123)
    ("activities", "tags", ["邻里节，文艺"], ("邻里节", "文艺")),
    ("activities", "tags", ["邻里节、文艺", "重阳"], ("邻里节", "文艺", "重阳")),
    ("activities", "tags", ["邻里节；文艺；重阳"], ("邻里节", "文艺", "重阳")),
    ("activities", "partners", ["银行、物业"], ("银行、物业",)),  # a partner's or a duty's words may hold one
]


@pytest.mark.parametrize(("kind", "field", "typed", "value"), ACCEPTED, ids=[f"{k}-{f}-{t}" for k, f, t, _ in ACCEPTED])
def test_words_are_read_as_their_value(kind: str, field: str, typed: object, value: object) -> None:
    schema, base = BASE[kind]
    fields = {"status": "open" if kind == "wishes" else "proposed"} if kind in ("wishes", "deliberations") else {}
    fields |= {"date": "2019-08-06"} if kind == "activities" else {}
    parsed = schema.model_validate({**base, **fields, field: typed})
    assert str(getattr(parsed, field)) == str(value)


# Warnings: (case, files, where, zh word, en word); the content still checks (exit 0).
WARNINGS = [
    ("tags_fullwidth_comma", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntags: 邻里节，文艺\n---\n"}, "activities/a.md:4", "邻里节 / 文艺", "邻里节 / 文艺"),
    ("tags_flow_list_fullwidth_comma", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntags: [邻里节，文艺]\n---\n"},
     "activities/a.md:4", "邻里节 / 文艺", "邻里节 / 文艺"),
    ("tags_block_list_enumeration_comma", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntags:\n  - 重阳\n  - 邻里节、文艺\n---\n"},
     "activities/a.md:6", "拆成 2 个标签", "2 tags"),
    ("duties_fullwidth_comma", {"disclosures/d.yaml": D + "duties: 巡逻，消防检查\n"}, "disclosures/d.yaml:3", "拆成 2 项", "2 items"),
    ("partners_enumeration_comma", {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\npartners: 银行、物业\n---\n"}, "activities/a.md:4", "- 银行", "- 银行"),
    ("place_without_slash", {"disclosures/d.yaml": D + "place: 福桂苑9栋\n", "disclosures/e.yaml": "name: 李秀英\nrole: 单元长\nplace: 福桂苑/8栋\n"},
     "disclosures/d.yaml:3", "福桂苑/9栋", "福桂苑/9栋"),
    ("place_with_space_and_unit", {"disclosures/d.yaml": D + "place: 福桂苑 9栋/2单元\n", "disclosures/e.yaml": "name: 李秀英\nrole: 单元长\nplace: 福桂苑\n"},
     "disclosures/d.yaml:3", "福桂苑/9栋/2单元", "福桂苑/9栋/2单元"),
]


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize(("case", "files", "where", "zh", "en"), WARNINGS, ids=[c[0] for c in WARNINGS])
def test_slip_read_as_meant_is_warned_at_its_line(make_site: MakeSite, case: str, files: dict[str, str], where: str,
                                                  zh: str, en: str, language: str) -> None:
    result = run("--lang", language, "check", "--content", str(make_site(files)))
    assert result.exit_code == 0, result.stderr
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(where + ": "), lines
    assert (zh if language == "zh-Hans" else en) in lines[0], lines[0]


@pytest.mark.parametrize("files", [
    {"disclosures/d.yaml": D + "place: 福桂苑/9栋\n", "disclosures/e.yaml": "name: 李秀英\nrole: 单元长\nplace: 福桂苑\n"},
    {"disclosures/d.yaml": D + "place: 福桂苑9栋\n"},  # no compound 福桂苑 known: nothing to suggest
    {"disclosures/d.yaml": D + "duties:\n  - 收集意见，反映诉求\n"},
    {"disclosures/d.yaml": D + "pledge: 我承诺：\n  随叫随到，服务到家\n"},
    {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\nsignup: |\n  时间：周六\n  \u3000\u3000地点：活动室\n---\n"},
    {"activities/a.md": "---\ntitle: “我为群众办实事”主题活动\ndate: 2019-08-06\n---\n"},
    {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntime: 12:30\n---\n——活动回顾\n"},
])
def test_what_is_not_a_slip_passes_quietly(make_site: MakeSite, files: dict[str, str]) -> None:
    result = run("check", "--content", str(make_site(files)))
    assert result.exit_code == 0, result.stderr
    assert [line for line in error_lines(result) if "unknown field" not in line] == []
