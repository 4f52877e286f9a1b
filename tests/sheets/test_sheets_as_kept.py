"""Workbooks as workers keep them (breaker helper-118, session 23): what Excel hides or shows differently
from what it stores is read as the worker sees it, or said.

- A hidden worksheet is an old list: the visible one is read, and the hidden one named. A hidden first
  sheet's moved-away 楼栋长 had been imported with his phone printed in full on the posters.
- A phone column whose header says it is not public (联系电话（不对外公开）) is refused: the brackets were
  dropped as a unit's and the numbers published.
- A number shown through a format of digits and text is read as shown: a landline's 0 (0551-63351234)
  and a building's 号楼 (two boards for one building otherwise).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import MakeSite, run
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE, fields_of

HEADERS = ["姓名", "职务", "小区", "楼栋", "电话"]


def _import(content: Path, book: Workbook, tmp_path: Path, *extra: str) -> tuple[int, str]:
    path = tmp_path / "名单.xlsx"
    book.save(path)
    result = run("import", "亮身份", str(path), "--content", str(content), *extra, env={"SITEGEN_LANG": "zh-Hans"})
    return result.exit_code, result.output


def _names(content: Path) -> list[str]:
    return sorted(str(fields_of(p)["name"]) for p in (content / "disclosures").glob("*.yaml"))


@pytest.mark.parametrize(("hidden", "extra", "imported", "said"), [
    ("hidden", (), ["陈芳"], "工作表“旧名单”在表格中是隐藏的，没有读取"),  # was: 刘德明 from the hidden sheet
    ("veryHidden", (), ["陈芳"], "工作表“旧名单”在表格中是隐藏的"),
    ("hidden", ("--sheet", "旧名单"), ["刘德明"], ""),  # named: read, as asked
    ("visible", (), ["刘德明"], "读取的是"),  # both visible: the first with a header, as before
])
def test_a_hidden_worksheet_is_not_read_unless_named(make_site: MakeSite, tmp_path: Path, hidden: str,
                                                     extra: tuple[str, ...], imported: list[str], said: str) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    old = book.active
    assert old is not None
    old.title = "旧名单"
    old.append(HEADERS)
    old.append(["刘德明", "楼栋长", "福桂苑", "9栋", "13800000001"])
    old.sheet_state = hidden
    new = book.create_sheet("2026名单")
    new.append(HEADERS)
    new.append(["陈芳", "楼栋长", "福桂苑", "9栋", "13900000002"])
    if hidden == "visible":
        imported, said = ["刘德明"], ""
    code, output = _import(content, book, tmp_path, *extra)
    assert code == 0, output
    assert _names(content) == imported
    assert said in output


@pytest.mark.parametrize(("header", "refused"), [
    ("联系电话（不对外公开）", True),
    ("联系电话(不对外公开)", True),
    ("电话【保密】", True),
    ("手机（仅供核对）", True),
    ("联系电话（不予公开）", True),  # officialese the first list missed (breaker helper-120)
    ("联系电话（不公布）", True),
    ("联系电话（仅社区存档）", True),
    ("手机号（请勿外泄）", True),
    ("联系电话（手机）", False),  # a bracket that says no such thing: the phone, as before
    ("电话", False),
])
def test_a_phone_column_its_header_keeps_back_is_refused(make_site: MakeSite, tmp_path: Path, header: str,
                                                          refused: bool) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "职务", header])
    sheet.append(["王建国", "楼栋长", "13800001234"])
    code, output = _import(content, book, tmp_path)
    assert (code == 1) == refused, output
    assert ("电话公开方式" in output) == refused, output
    if refused:
        assert not (content / "disclosures").exists() or not any((content / "disclosures").iterdir())


@pytest.mark.parametrize(("column", "value", "number_format", "field", "read"), [
    ("电话", 55163351234, "0000-00000000", "phone", "0551-63351234"),  # was 55163351234
    ("电话", 5512345678, '"0"0000000000', "phone", "05512345678"),  # was 5512345678
    ("楼栋", 9, '0"号楼"', "place", "福桂苑/9号楼"),  # was 福桂苑/9栋 beside a typed 9号楼
    ("楼栋", 9, '#"号楼"', "place", "福桂苑/9号楼"),  # a # placeholder as common (breaker helper-120)
    ("楼栋", 9, "General", "place", "福桂苑/9栋"),
    ("楼栋", 9, "0", "place", "福桂苑/9栋"),
    ("电话", 13800001234, "0", "phone", "13800001234"),
])
def test_a_number_is_read_as_its_format_shows_it(make_site: MakeSite, tmp_path: Path, column: str, value: int,
                                                 number_format: str, field: str, read: str) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    row = ["王建国", "楼栋长", "福桂苑", "9栋", "13800001234"]
    row[HEADERS.index(column)] = value
    sheet.append(row)
    sheet.cell(row=2, column=HEADERS.index(column) + 1).number_format = number_format
    code, output = _import(content, book, tmp_path)
    assert code == 0, output
    [record] = (content / "disclosures").glob("*.yaml")
    assert str(fields_of(record)[field]) == read


def _with_format_id(path: Path, old: int, new: int) -> None:
    """Point the workbook's styles at a built-in format id a Chinese Excel writes by id alone, as it saves
    9月2日 (58) or 19时30分 (32): no <numFmt> for it, which openpyxl then names "General"."""
    import zipfile

    with zipfile.ZipFile(path) as book:
        items = {name: book.read(name) for name in book.namelist()}
    items["xl/styles.xml"] = items["xl/styles.xml"].replace(f'numFmtId="{old}"'.encode(), f'numFmtId="{new}"'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in items.items():
            book.writestr(name, data)


# (楼栋 cell, its format, a built-in id the file names instead) → refused, saying what the sheet shows
PLACE_DATES = [
    (datetime(2026, 9, 2), 'm"月"d"日"', None, "“9月2日”被表格当成了日期"),  # was place 福桂苑/2026-09-02
    (46267, "mm-dd-yy", 58, "“9月2日”被表格当成了日期"),  # id 58 with no <numFmt>: was 福桂苑/46267栋
    ("#N/A", "General", None, "这一格的公式出错了，表格里显示的是 #N/A"),  # a VLOOKUP's miss: was place …/#N/A
    ("#REF!", "General", None, "#REF!"),
]


@pytest.mark.parametrize(("cell", "number_format", "format_id", "said"), PLACE_DATES,
                         ids=["a date", "a date by id", "#N/A", "#REF!"])
def test_a_building_the_sheet_turned_into_a_date_or_an_error_is_refused(
        make_site: MakeSite, tmp_path: Path, cell: object, number_format: str, format_id: int | None, said: str) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(["王建国", "楼栋长", "福桂苑", cell, "13800001234"])
    sheet.cell(row=2, column=4).number_format = number_format
    path = tmp_path / "名单.xlsx"
    book.save(path)
    if format_id is not None:
        _with_format_id(path, 14, format_id)  # mm-dd-yy is built-in id 14
    result = run("import", "亮身份", str(path), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1 and said in result.output, result.output
    assert "名单.xlsx:2:" in result.output


@pytest.mark.parametrize(("cell", "number_format", "format_id", "field", "read"), [
    (datetime(2026, 2, 10, 14, 23), "yyyy-mm-dd", None, "date", "2026-02-10"),  # was 2026-02-10 14:23
    (datetime(2026, 2, 10, 14, 23), "yyyy-mm-dd hh:mm", None, "date", "2026-02-10 14:23"),
    (datetime(2026, 2, 10), "yyyy-mm-dd", None, "date", "2026-02-10"),
    (46086.8125, "h:mm", 32, "date", "2026-03-05 19:30"),  # 19时30分 by id 32: was refused as “46086.8125”
    (46086.8125, "mm-dd-yy", 31, "date", "2026-03-05"),  # 2026年3月5日 by id 31 hides its 19:30 too
])
def test_a_date_cell_is_read_as_its_format_shows_it(make_site: MakeSite, tmp_path: Path, cell: object,
                                                   number_format: str, format_id: int | None, field: str,
                                                   read: str) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    timed = format_id in (32, 33, 34, 35, 55, 56)  # a time format: the cell is the 时间 beside a 日期
    column = 3 if timed else 2
    sheet.append(["标题", "日期", "时间"] if timed else ["标题", "日期"])
    sheet.append(["议事会", date(2026, 3, 5), cell] if timed else ["议事会", cell])
    sheet.cell(row=2, column=column).number_format = number_format
    path = tmp_path / "活动.xlsx"
    book.save(path)
    if format_id is not None:  # h:mm is built-in id 20, mm-dd-yy 14
        _with_format_id(path, 20 if timed else 14, format_id)
    result = run("import", "活动", str(path), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.output
    [record] = (content / "activities").glob("*.md")
    assert str(fields_of(record)[field]) == read


WISH = ["心愿", "心愿人", "发布日期", "状态"]
# (kind, rows: header first, exit status, what the import says, how many record files it writes)
SAID = [
    # one row pasted twice: warned at the second (was two records, one wish twice on the wall, silently)
    ("微心愿", [WISH, ["想要一台助行器", "李秀兰", "2026-10-01", "待认领"], ["想要一台助行器", "李秀兰", "2026-10-01", "待认领"]],
     0, "第 2 行完全相同", 2),
    ("微心愿", [WISH, ["想要一台助行器", "李秀兰", "2026-10-01", "待认领"], ["想要一台轮椅", "李秀兰", "2026-10-01", "待认领"]],
     0, "", 2),
    # a 已认领 wish without its date: the 认领日期 column named (was 需要填写列“状态”)
    ("微心愿", [[*WISH, "认领人"], ["想要一台助行器", "李秀兰", "2026-10-01", "已认领", "社区党委"]],
     1, "需要填写列“认领日期”", 0),
    # rows numbered ahead of time, nothing else in them: blank rows (each was refused as an empty file)
    # a 实施中 deliberation without its 决定: the 决定 column named (was 列“状态”)
    ("议事", [["议题", "提出日期", "状态"], ["电动车充电难", "2026-03-02", "实施中"]], 1, "列“决定”：", 0),
    ("微心愿", [["序号", *WISH], [1, "想要一台助行器", "李秀兰", "2026-10-01", "待认领"], [2], [3]], 0, "新增", 1),
    # a totals row with its figure (合计：1场) left out as 合计 alone is (was refused: 日期 empty)
    ("活动", [["标题", "日期", "参与人数"], ["邻里节", "2026-03-01", 120], ["合计：1场", None, 120], ["总计 120 人"]],
     0, "这一行是合计行", 1),
]


@pytest.mark.parametrize(("kind", "rows", "status", "said", "written"), SAID,
                         ids=["repeated row", "two rows", "claimed without its date", "decided without its decision",
                              "numbered rows", "totals"])
def test_what_the_import_says_of_rows_as_kept(make_site: MakeSite, tmp_path: Path, kind: str, rows: list[list[object]],
                                              status: int, said: str, written: int) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "表.xlsx"
    book.save(path)
    result = run("import", kind, str(path), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == status, result.output
    assert said in result.output, result.output
    if not said:
        assert "完全相同" not in result.output
    assert len([p for p in content.rglob("*") if p.suffix in (".md", ".yaml") and p.name != "site.yaml"]) == written


@pytest.mark.parametrize(("value", "number_format", "progress"), [
    (5 / 6, "0%", "83"),  # shown 83%: was refused as “83.33333333333334%”
    (0.125, "0%", "13"),  # Excel rounds half away from zero
    (0.8, "0.00%", "80"),
])
def test_a_percent_is_read_rounded_as_shown(make_site: MakeSite, tmp_path: Path, value: float, number_format: str,
                                           progress: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, "议事", [["议题", "提出日期", "决定", "进度", "状态"],
                                                   ["电动车充电难", "2026-03-02", "建充电棚", value, "实施中"]],
                         {(2, 4): number_format})
    assert result.exit_code == 0, result.output
    [record] = (content / "deliberations").glob("*.md")
    assert fields_of(record)["progress"] == progress


@pytest.mark.parametrize(("second", "warned"), [
    ([["周强", "单元长", "福桂苑", "9栋"]], ["chenfang-fuguiyuan-9dong"]),  # 陈芳's row deleted
    ([["陈芳", "楼栋长", "福桂苑", "10栋"], ["周强", "单元长", "福桂苑", "9栋"]], ["chenfang-fuguiyuan-9dong"]),  # moved
    ([["陈芳", "楼栋长", "福桂苑", "9栋"], ["周强", "单元长", "福桂苑", "9栋"]], []),  # the same sheet again
    ([["李明", "楼栋长", "和平小区", "1栋"]], []),  # another 小区's list: none of it imported before (breaker helper-120)
])
def test_a_record_an_earlier_import_wrote_and_this_sheet_lacks_is_named(make_site: MakeSite, tmp_path: Path,
                                                                       second: list[list[str]],
                                                                       warned: list[str]) -> None:
    """Deleted from the sheet, or moved to another 楼栋, a 楼栋长 stayed on the old board without a word
    (breaker helper-118): the import names each such file, and deletes none."""
    content = make_site({"disclosures/shou.yaml": "name: 孙秀英\nrole: 楼栋长\n"}, site=SITE)  # typed by hand
    for rows in ([["陈芳", "楼栋长", "福桂苑", "9栋"], ["周强", "单元长", "福桂苑", "9栋"]], second):
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(HEADERS[:4])
        for row in rows:
            sheet.append(row)
        code, output = _import(content, book, tmp_path)
        assert code == 0, output
    named = [line for line in output.splitlines() if "这次的表格里没有它" in line]
    assert [line.split(".yaml:")[0].removeprefix("disclosures/") for line in named] == warned, output
    assert (content / "disclosures" / "chenfang-fuguiyuan-9dong.yaml").is_file()  # nothing deleted


@pytest.mark.parametrize(("headers", "field", "read"), [
    (["姓名", "职务", "联系方式"], "phone", "13800001234"),  # was an unknown column: no phone imported
    (["姓名", "职务", "小区", "楼栋号"], "place", "福桂苑/9栋"),  # was left out: on the compound's board
    (["姓名", "职务", "小区名称", "栋号", "单元号"], "place", "福桂苑/9栋/2单元"),
])
def test_headers_as_workers_write_them(make_site: MakeSite, tmp_path: Path, headers: list[str], field: str,
                                       read: str) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    sheet.append(["王建国", "楼栋长", *{"联系方式": ["13800001234"]}.get(headers[-1], ["福桂苑", 9, 2][:len(headers) - 2])])
    code, output = _import(content, book, tmp_path)
    assert code == 0 and "不对应任何字段" not in output, output
    [record] = (content / "disclosures").glob("*.yaml")
    assert str(fields_of(record)[field]) == read


@pytest.mark.parametrize(("value", "number_format", "read"), [
    (199.999, "0.00", "200"),  # shown 200.00: was refused with 请写成 199999 as a thousands reading
    (1000 / 3, "#,##0.00", "333.33"),  # =1000/3
    (199.5, "¥#,##0.00", "199.5"),
    (120, "General", "120"),
])
def test_a_sum_is_read_rounded_as_shown(make_site: MakeSite, tmp_path: Path, value: float, number_format: str,
                                        read: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, "微心愿", [[*WISH, "价值（元）"], ["想要一台助行器", "李秀兰", "2026-10-01", "待认领", value]],
                         {(2, 5): number_format})
    assert result.exit_code == 0, result.output
    [record] = (content / "wishes").glob("*.yaml")
    assert str(fields_of(record)["value"]) == read


def test_a_list_only_on_a_hidden_worksheet_is_named(make_site: MakeSite, tmp_path: Path) -> None:
    """填写说明 shown, the list on a hidden 名单: "no header" alone sent the worker looking (breaker helper-120)."""
    content = make_site(site=SITE)
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "填写说明"
    notes.append(["请在“名单”工作表填写"])
    names = book.create_sheet("名单")
    names.append(HEADERS)
    names.append(["王建国", "楼栋长", "福桂苑", "9栋", "13800001234"])
    names.sheet_state = "hidden"
    code, output = _import(content, book, tmp_path)
    assert code != 0 and "--sheet 名单" in output, output
    code, output = _import(content, book, tmp_path, "--sheet", "名单")
    assert code == 0 and _names(content) == ["王建国"], output


@pytest.mark.parametrize("kind", ["微心愿", "亮身份", "活动", "议事"])
@pytest.mark.parametrize("edited", [False, True])
def test_the_template_s_sample_row_imported_untouched_is_said(make_site: MakeSite, tmp_path: Path, kind: str,
                                                             edited: bool) -> None:
    """`import --template` writes a sample row (想要一个助行器, 李秀兰 …); imported untouched, it was published
    beside the real records with one 提醒 about 示例小区 at most (newcomer helper-119). A row the worker
    changed is a record like any other."""
    from openpyxl import load_workbook

    content = make_site(site=SITE)
    template = tmp_path / "模板.xlsx"
    assert run("import", "--template", kind, str(template)).exit_code == 0
    if edited:
        book = load_workbook(template)
        sheet = book.worksheets[0]
        sheet.cell(row=2, column=1).value = f"{sheet.cell(row=2, column=1).value}（真实）"
        book.save(template)
    result = run("import", kind, str(template), "--content", str(content), "--dry-run", env={"SITEGEN_LANG": "zh-Hans"})
    assert ("模板.xlsx:2: 提醒：这一行还是模板里的示例行" in result.output) != edited, result.output
