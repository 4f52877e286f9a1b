"""`sitegen import`: sheets as workers keep them become records, or nothing is written.

The sheets are real .xlsx files made with openpyxl (title rows, merged headers, numbers where
Excel puts numbers) and CSV files in the encodings Excel writes.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from tests.conftest import DEMO, MakeSite, run, tree_bytes

SITE = "name: 测试社区\nbase_url: https://test.example.org/\n"


def xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = (), sheet: str = "Sheet1") -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    book.save(path)
    return path


def fields_of(path: Path) -> dict[str, object]:
    text = path.read_text("utf-8")
    if text.startswith("---\n"):
        text = text.split("---\n")[1]
    data = yaml.load(text, Loader=yaml.BaseLoader)  # every value as text, as sitegen's loader reads it
    assert isinstance(data, dict)
    return data


ROSTER = [
    ["望湖社区党员亮身份名单（2026年）", None, None, None, None, None, None, None, None],
    ["姓名", "职务", "位置", None, None, "联系电话", "是否党员", "职责", "备注"],
    [None, None, "小区", "楼栋", "单元", None, None, None, None],
    ["张建国", "楼栋党小组长", "福桂苑", 9, 2, 13812345678.0, "是", "收集意见、走访独居老人", "老党员"],
    [None, None, None, None, None, None, None, None, None],
    ["李　华", "单元长", "福桂苑", "9栋", None, "１３９００００１１１１", "群众", "巡逻；消防检查", None],
    ["王芳", "网格员", "滨湖春天", 3, None, 13700001234, "否", None, None],
]


def test_roster_with_title_row_merged_headers_and_numeric_phones(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "名单.xlsx", ROSTER, merges=("A1:I1", "C2:E2", "A2:A3", "B2:B3", "F2:F3"))
    result = run("import", "亮身份", str(sheet), "--content", str(content))
    assert result.exit_code == 0, result.output
    files = sorted((content / "disclosures").glob("*.yaml"))
    assert [f.name for f in files] == ["li-hua-fuguiyuan-9dong.yaml", "wangfang-binhuchuntian-3dong.yaml",
                                       "zhangjianguo-fuguiyuan-9dong-2danyuan.yaml"]
    zhang = fields_of(files[2])
    assert zhang == {"name": "张建国", "role": "楼栋党小组长", "place": "福桂苑/9栋/2单元", "party_member": "true",
                     "phone": "13812345678", "duties": ["收集意见", "走访独居老人"]}
    li = fields_of(files[0])
    assert li["name"] == "李 华" and li["phone"] == "13900001111" and li["party_member"] == "false"
    assert li["duties"] == ["巡逻", "消防检查"]
    assert fields_of(files[1])["phone"] == "13700001234"
    assert "名单.xlsx:3: " in result.stderr and "备注" in result.stderr  # the unknown column is named
    assert run("check", "--content", str(content)).exit_code == 0


WISHES = [  # 序号 is a row number: skipped without a warning
    ["序号", "心愿内容", "心愿人", "类别", "价值（元）", "发布日期", "认领状态", "认领人", "认领日期", "实现日期"],
    [1, "想要一个助行器", "周桂芳", "助老", 200, 46313, "待认领", None, None, None],  # 46313 = 2026-10-18
    [2, "修冰箱", "俞晓风", "维修", "￥150", "2026/10/2", "已认领", "党员志愿队", "2026年10月5日", None],
    [3, "学习用品", "陈小明", "助学", 80.0, datetime(2026, 9, 1), "已实现", "望湖小学", "2026.9.3", date(2026, 9, 10)],
]


def test_wishes_dates_money_and_status_words(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    result = run("import", "微心愿", str(xlsx(tmp_path / "w.xlsx", WISHES)), "--content", str(content))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no warning: 序号 is a known row-number column
    by_wish = {fields_of(p)["wish"]: (p, fields_of(p)) for p in (content / "wishes").glob("*.yaml")}
    path, walker = by_wish["想要一个助行器"]
    assert path.name == "2026-10-18-xiangyao-yige-zhuxingqi.yaml"
    assert walker["posted_on"] == "2026-10-18" and walker["status"] == "open" and walker["value"] == "200"
    _, fridge = by_wish["修冰箱"]
    assert (fridge["posted_on"], fridge["claimed_on"], fridge["status"], fridge["value"]) == (
        "2026-10-02", "2026-10-05", "claimed", "150")
    _, books = by_wish["学习用品"]
    assert (books["posted_on"], books["claimed_on"], books["fulfilled_on"], books["status"]) == (
        "2026-09-01", "2026-09-03", "2026-09-10", "fulfilled")
    for p, _ in by_wish.values():  # the wisher's full name is only in its own record, never in a file name
        assert "zhou" not in p.name and "yu-xiao" not in p.name and "chen" not in p.name
    built = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--no-cache")
    assert built.exit_code == 0, built.output
    published = b"".join(tree_bytes(tmp_path / "out").values())
    assert "周桂芳".encode() not in published and "周**".encode() in published


BAD_ROWS = [
    ["心愿", "心愿人", "发布日期", "状态", "价值"],
    ["助行器", "周桂芳", "2026-10-18", "待认领", 200],
    ["修冰箱", "俞晓风", "2026-13-40", "做完了", "两百"],
    ["", "陈小明", "2026-10-01", "待认领", None],
]


@pytest.mark.parametrize(("language", "words"), [
    ("en", ["no such day", "status “做完了” is not known", "write 200", "required"]),
    ("zh-Hans", ["没有“2026-13-40”这一天", "列“状态”：“做完了”无法识别", "写成 200", "必填"]),
])
def test_every_bad_row_is_reported_and_nothing_is_written(make_site: MakeSite, tmp_path: Path, language: str,
                                                          words: list[str]) -> None:
    content = make_site(site=SITE)
    before = tree_bytes(content)
    result = run("import", "wish", str(xlsx(tmp_path / "w.xlsx", BAD_ROWS)), "--content", str(content),
                 env={"SITEGEN_LANG": language})
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("w.xlsx:")]
    assert [line.split(":")[1] for line in lines] == ["3", "3", "3", "4"], result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert ("发布日期" if language == "zh-Hans" else "发布日期") in lines[0]  # the column's header as written
    assert tree_bytes(content) == before


def test_a_row_that_breaks_a_site_rule_is_its_row(make_site: MakeSite, tmp_path: Path) -> None:
    """A wisher's name written in another row's text is the privacy rule of `check`, on that row."""
    content = make_site(site=SITE)
    rows = [["心愿", "心愿人", "发布日期", "状态", "感谢"],
            ["助行器", "周桂芳", "2026-10-18", "已实现", "谢谢周桂芳"]]
    result = run("import", "wish", str(xlsx(tmp_path / "w.xlsx", rows)), "--content", str(content))
    assert result.exit_code == 1
    assert "w.xlsx:2: " in result.stderr
    assert not (content / "wishes").exists()


def test_gb18030_csv_from_excel_and_utf8_bom(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    text = "标题,日期,时间,地点,参与人数\r\n七夕手工面点,2026/8/6,9:00-11:30,社区活动室,35\r\n"
    (tmp_path / "a.csv").write_bytes(text.encode("gb18030"))
    result = run("import", "活动", str(tmp_path / "a.csv"), "--content", str(content))
    assert result.exit_code == 0, result.output
    assert "GB18030" in result.output
    record = fields_of(content / "activities" / "2026-08-06-qixi-shougong-miandian.md")
    assert record == {"title": "七夕手工面点", "date": "2026-08-06 09:00", "end": "2026-08-06 11:30",
                      "place": "社区活动室", "participants": "35"}
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("七夕", "中秋").encode("utf-8"))
    assert run("import", "activity", str(tmp_path / "b.csv"), "--content", str(content)).exit_code == 0
    assert (content / "activities" / "2026-08-06-zhongqiu-shougong-miandian.md").is_file()


CSV = "标题,日期\r\n七夕,2026-08-06\r\n"
# (codec the CSV was saved in, the encoding the message names): UTF-32 was named UTF-16
WIDE_CSV = [("utf-16-le", "UTF-16"), ("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32")]


@pytest.mark.parametrize(("codec", "named"), WIDE_CSV)
def test_a_csv_in_no_chinese_encoding_is_named(make_site: MakeSite, tmp_path: Path, codec: str, named: str) -> None:
    content = make_site(site=SITE)
    (tmp_path / "a.csv").write_bytes(CSV.encode(codec))
    result = run("import", "activity", str(tmp_path / "a.csv"), "--content", str(content))
    assert result.exit_code == 1 and "a.csv: " in result.stderr and "UTF-8" in result.stderr
    assert named in result.stderr and ("UTF-16" not in result.stderr or named == "UTF-16")


def test_phone_shown_in_scientific_notation_is_an_error_not_a_wrong_number(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    (tmp_path / "d.csv").write_text("姓名,职务,电话\n张建国,单元长,1.38E+10\n", "utf-8")
    result = run("import", "disclosure", str(tmp_path / "d.csv"), "--content", str(content))
    assert result.exit_code == 1 and "d.csv:2: " in result.stderr and "1.38E+10" in result.stderr


def test_reimport_updates_the_same_files_and_leaves_hand_edits(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "w.xlsx", WISHES)
    assert run("import", "wish", str(sheet), "--content", str(content)).exit_code == 0
    first = tree_bytes(content)
    again = run("import", "wish", str(sheet), "--content", str(content))
    assert again.exit_code == 0 and tree_bytes(content) == first and "0 added, 0 updated, 3 unchanged" in again.output
    edited = content / "wishes" / "2026-10-18-xiangyao-yige-zhuxingqi.yaml"
    edited.write_text(edited.read_text("utf-8") + "thanks: 手工加的感谢\n", "utf-8")
    changed = [row[:] for row in WISHES]
    changed[1][4] = 260  # the sheet changes that wish's value, and another wish's claimer
    changed[2][7] = "社区党委"
    sheet = xlsx(tmp_path / "w2.xlsx", changed)
    dry = run("import", "wish", str(sheet), "--content", str(content), "--dry-run")
    assert dry.exit_code == 0 and "edited by hand" in dry.stderr
    assert tree_bytes(content) == {**first, "wishes/2026-10-18-xiangyao-yige-zhuxingqi.yaml": edited.read_bytes()}
    result = run("import", "wish", str(sheet), "--content", str(content))
    assert result.exit_code == 0 and "1 updated" in result.output and "1 not overwritten" in result.output
    assert "手工加的感谢" in edited.read_text("utf-8")
    assert fields_of(content / "wishes" / "2026-10-02-xiu-bingxiang.yaml")["claimed_by"] == "社区党委"
    forced = run("import", "wish", str(sheet), "--content", str(content), "--overwrite")
    assert forced.exit_code == 0 and "手工加的感谢" not in edited.read_text("utf-8")
    assert fields_of(edited)["value"] == "260"


def test_import_build_export_import_changes_nothing(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    deliberations = [
        ["议题", "提出日期", "提出人", "议事形式", "会议日期", "主持人", "参会人数", "决定", "赞成", "反对", "弃权",
         "进度", "状态", "进展记录", "背景"],
        ["电动车充电难", "2026-03-02", "3栋居民", "议事会", "2026-03-06", "社区书记", 32, "建充电棚", 30, 1, 1,
         "80%", "实施中", "2026-03-20 选址完成\n2026-04-10 开工", "居民从窗口拉线充电。\n\n存在隐患。"],
    ]
    sheets = {
        "亮身份": xlsx(tmp_path / "d.xlsx", ROSTER, merges=("A1:I1", "C2:E2")),
        "微心愿": xlsx(tmp_path / "w.xlsx", WISHES),
        "议事": xlsx(tmp_path / "l.xlsx", deliberations),
    }
    (tmp_path / "a.csv").write_text("标题,日期,时间,地点,协办单位,内容\n邻里节,2026-05-20,9:00-11:30,广场,"
                                    "物业、超市,\"居民们一起包饺子。\"\n", "utf-8")
    sheets["活动"] = tmp_path / "a.csv"
    for kind, sheet in sheets.items():
        assert run("import", kind, str(sheet), "--content", str(content)).exit_code == 0, kind
    assert run("build", "--content", str(content), "--out", str(tmp_path / "out")).exit_code == 0
    imported = tree_bytes(content)
    for kind in sheets:
        out = tmp_path / f"export-{kind}.xlsx"
        exported = run("export", kind, str(out), "--content", str(content))
        assert exported.exit_code == 0, exported.output
        again = run("import", kind, str(out), "--content", str(content))
        assert again.exit_code == 0, again.output
        assert "0 added, 0 updated" in again.output, (kind, again.output)
    assert tree_bytes(content) == imported


def test_template_has_drop_downs_and_text_phones_and_imports_as_is(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    target = tmp_path / "t.xlsx"
    assert run("import", "--template", "disclosure", str(target)).exit_code == 0
    book = load_workbook(target)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["姓名*", "职务*"] and "电话" in headers and "电话公开方式" in headers
    phone_column = headers.index("电话") + 1
    assert sheet.cell(row=5, column=phone_column).number_format == "@"
    lists = [dv.formula1 for dv in sheet.data_validations.dataValidation]
    assert '"仅海报完整,完整公开,打码,不显示"' in lists and '"是,否"' in lists
    assert len(book.worksheets) == 2  # and a sheet explaining every column
    assert run("import", "disclosure", str(target), "--content", str(content)).exit_code == 0
    assert run("check", "--content", str(content)).exit_code == 0
    assert run("import", "--template", "disclosure", str(target)).exit_code == 2  # never overwrites a sheet


@pytest.mark.parametrize(("args", "code", "word"), [
    (["import", "页面", "x.xlsx"], 2, "cannot import"),
    (["import", "wish"], 2, "give the sheet"),
    (["import", "wish", "missing.xlsx"], 2, "cannot find"),
])
def test_usage_errors(make_site: MakeSite, args: list[str], code: int, word: str) -> None:
    content = make_site(site=SITE)
    result = run(*args, "--content", str(content))
    assert result.exit_code == code and word in result.stderr, result.output


@pytest.mark.parametrize(("name", "data", "word"), [
    ("old.xls", b"\xd0\xcf\x11\xe0", ".xlsx"),
    ("broken.xlsx", b"PK\x03\x04broken", "damaged"),
    ("notes.docx", b"x", ".docx"),
])
def test_files_that_are_not_sheets(make_site: MakeSite, tmp_path: Path, name: str, data: bytes, word: str) -> None:
    content = make_site(site=SITE)
    (tmp_path / name).write_bytes(data)
    result = run("import", "wish", str(tmp_path / name), "--content", str(content))
    assert result.exit_code == 1 and f"{name}: " in result.stderr and word in result.stderr, result.stderr


def test_demo_site_exports_and_reimports_its_hand_written_records_as_conflicts(tmp_path: Path) -> None:
    out = tmp_path / "demo.xlsx"
    assert run("export", "wish", str(out), "--content", str(DEMO)).exit_code == 0
    result = run("import", "wish", str(out), "--content", str(DEMO), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "0 would be added, 0 updated, 0 unchanged, 11 not overwritten" in result.output  # written by hand


def test_init_puts_a_template_of_each_kind_in_the_new_site(tmp_path: Path) -> None:
    site = tmp_path / "新景社区"
    assert run("init", str(site)).exit_code == 0
    templates = sorted(p.name for p in (site / "表格模板").glob("*.xlsx"))
    assert templates == ["亮身份.xlsx", "微心愿.xlsx", "活动.xlsx", "议事.xlsx"]
    for name, kind in (("亮身份", "disclosure"), ("微心愿", "wish"), ("活动", "activity"), ("议事", "deliberation")):
        result = run("import", kind, str(site / "表格模板" / f"{name}.xlsx"), "--content", str(site / "content"),
                     "--dry-run")
        assert result.exit_code == 0 and "1 would be added" in result.output, (name, result.output)


# A time cell ending after midnight that is not read (an end said in the daytime, 上午1点: 23:00-01:00 is
# read, test_past_midnight_cells.py): the end goes in 结束 with the row's own next day (break17: the
# message said 2026-12-06 whatever the row's date), or with an example day when the row has none.
PAST_MIDNIGHT = {
    "a row dated 2026-12-31": ("2026-12-31", "在“结束”列写第二天的日期和时间 2027-01-01 01:00"),
    "a row dated 2026-05-20": ("2026-05-20", "2026-05-21 01:00"),
}
# break19b: an end before a daytime start is no night: not offered a next day (a 23-hour event)
NOT_PAST_MIDNIGHT = ["14:00-13:00", "15:00-3:00", "20:00-20:00"]


@pytest.mark.parametrize("name", PAST_MIDNIGHT)
def test_an_end_after_midnight_is_told_with_the_rows_next_day(make_site: MakeSite, tmp_path: Path, name: str) -> None:
    day, said = PAST_MIDNIGHT[name]
    content = make_site(site=SITE)
    rows = [["标题", "日期", "时间"], ["跨年守岁", day, "晚上11点到上午1点"]]
    result = run("import", "activity", str(xlsx(tmp_path / "a.xlsx", rows)), "--content", str(content),
                 env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert said in result.stderr, result.stderr
    assert "2026-12-06" not in result.stderr


@pytest.mark.parametrize("cell", NOT_PAST_MIDNIGHT)
def test_a_backwards_daytime_is_not_offered_the_next_day(make_site: MakeSite, tmp_path: Path, cell: str) -> None:
    content = make_site(site=SITE)
    rows = [["标题", "日期", "时间"], ["义诊", "2026-05-20", cell]]
    result = run("import", "activity", str(xlsx(tmp_path / "a.xlsx", rows)), "--content", str(content),
                 env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "2026-05-21" not in result.stderr and "不晚于开始" in result.stderr, result.stderr


# A landline whose leading 0 the spreadsheet dropped (a number cell, or the CSV it saved): refused at its
# row with the number to write, never kept as a wrong number (breaker helper-124: 55163351234 on the poster).
ZERO_LOST = [("csv_text", "d.csv", "5516335123"), ("csv_eleven", "d.csv", "55163351234"),
             ("xlsx_number", "d.xlsx", 55163351234), ("xlsx_shanghai", "d.xlsx", 2162345678)]


@pytest.mark.parametrize(("name", "cell"), [c[1:] for c in ZERO_LOST], ids=[c[0] for c in ZERO_LOST])
def test_a_landline_that_lost_its_zero_is_refused_with_the_number_to_write(make_site: MakeSite, tmp_path: Path,
                                                                         name: str, cell: object) -> None:
    content = make_site(site=SITE)
    rows = [["姓名", "职务", "联系电话"], ["李红", "单元长", cell]]
    if name.endswith(".csv"):
        (tmp_path / name).write_text("\n".join(",".join(str(c) for c in row) for row in rows) + "\n", "utf-8")
        sheet = tmp_path / name
    else:
        sheet = xlsx(tmp_path / name, rows)
    result = run("import", "disclosure", str(sheet), "--content", str(content))
    assert result.exit_code == 1 and f"{name}:2" in result.stderr and f"0{cell}" in result.stderr, result.stderr
    assert not (content / "disclosures").exists()


@pytest.mark.parametrize("typed", ["0551-63351234", "055163351234", "+86 551 6335 1234", "63351234", "13805515678"])
def test_a_landline_written_whole_or_after_86_is_read(make_site: MakeSite, typed: str) -> None:
    content = make_site({"disclosures/l.yaml": f"name: 李红\nrole: 单元长\nphone: '{typed}'\n"}, site=SITE)
    assert run("check", "--content", str(content)).exit_code == 0
