"""Sheets as they come from real offices: weekday dates, tick marks, 【】 units, an instructions sheet
in front, a totals row at the bottom, the 小区 cell merged down over its rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from sitegen.kinds import DISCLOSURES
from sitegen.sheets import cells
from sitegen.sheets.columns import column_for
from tests.conftest import MakeSite, run, tree_bytes
from tests.sheets.test_import import SITE, fields_of


@pytest.mark.parametrize(("typed", "expected"), [
    ("2021年8月6日（周五）", date(2021, 8, 6)),
    ("2021年08月06日 星期五", date(2021, 8, 6)),
    ("2021/8/6(五)", date(2021, 8, 6)),
    ("2021-08-06 周五", date(2021, 8, 6)),
    ("2021/8/6 0:00:00", date(2021, 8, 6)),  # what Excel shows for a date cell saved as text
    ("2021年8月6日9:30", "2021-08-06 09:30"),
    ("2021年8月6日 下午", "value.date_part_of_day"),  # refused, told the hour to add as check tells it (break21)
    ("8/6/2021", "import.cell.date"),  # month and day cannot be told apart: asked, not guessed
])
def test_dates_as_offices_write_them(typed: str, expected: object) -> None:
    try:
        found: object = cells.read_when(typed)
    except cells.CellError as e:
        found = e.key
    assert found == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("✓", True), ("✔", True), ("✔️", True), ("☑", True), ("✅", True), ("√", True), ("Y", True),
    ("✗", False), ("✘", False), ("✕", False), ("✖", False), ("×", False), ("❌", False), ("☐", False),
    ("□", False), ("N", False),
])
def test_tick_marks_are_booleans(typed: str, expected: bool) -> None:
    assert cells.read_bool(typed) is expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("中共党员", True), ("预备党员", True), ("共青团员", False), ("群众", False), ("无党派人士", False),  # 政治面貌
])
def test_a_party_member_column_takes_its_words(typed: str, expected: bool) -> None:
    words = DISCLOSURES.field("party_member").words  # type: ignore[union-attr]
    assert cells.read_bool(typed, words) is expected


@pytest.mark.parametrize(("header", "kind", "target"), [
    ("价值【元】", "wishes", "value"),
    ("价值[元]", "wishes", "value"),
    ("价值〔元〕", "wishes", "value"),
    ("价值（元）", "wishes", "value"),
    ("联系\n电话", "disclosures", "phone"),
    ("参与人数【人】*", "activities", "participants"),
])
def test_headers_with_units_in_any_bracket(header: str, kind: str, target: str) -> None:
    column = column_for(kind, header)
    assert column is not None and column.target == target


def _book(path: Path, sheets: dict[str, list[list[object]]], merges: dict[str, tuple[str, ...]] | None = None) -> Path:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells_ in (merges or {}).get(name, ()):
            sheet.merge_cells(cells_)
    book.save(path)
    return path


ACTIVITIES = [
    ["2026年活动台账"], ["单位：望湖社区"], [], ["制表人：张三"],
    ["序号", "活动名称", "日期", "地点", "参与\n人数"],
    [1, "清洁家园", "2026/3/5", "广场", 30],
    [2, "读书会", "2026年3月8日（周日）", "图书室", 12],
    ["合计", None, None, None, 42],
]


def test_instructions_sheet_first_header_on_row_5_and_a_totals_row(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    sheet = _book(tmp_path / "台账.xlsx", {"填表说明": [["请在第二张表填写，日期写成 2026/3/5"]], "活动登记": ACTIVITIES})
    for language, words in (("zh-Hans", ["活动登记", "合计"]), ("en", ["活动登记", "total"])):
        result = run("import", "活动", str(sheet), "--content", str(content), "--dry-run", env={"SITEGEN_LANG": language})
        assert result.exit_code == 0, result.output
        assert "台账.xlsx:8: " in result.output + result.stderr  # the totals row, named and left out
        for word in words:
            assert word in result.output + result.stderr
    assert run("import", "活动", str(sheet), "--content", str(content)).exit_code == 0
    assert sorted(p.name for p in (content / "activities").iterdir()) == ["2026-03-05-qingjie-jiayuan.md",
                                                                        "2026-03-08-dushuhui.md"]
    assert fields_of(content / "activities" / "2026-03-08-dushuhui.md")["participants"] == "12"


def test_a_workbook_with_no_header_on_any_sheet_names_its_sheets(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    sheet = _book(tmp_path / "x.xlsx", {"说明": [["你好"]], "数据": [["甲", "乙"], [1, 2]]})
    before = tree_bytes(content)
    result = run("import", "活动", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1 and "说明" in result.stderr and "数据" in result.stderr
    assert tree_bytes(content) == before


def test_a_compound_merged_down_over_its_rows_belongs_to_each_row(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    rows = [["姓名", "职务", "小区", "楼栋", "单元"],
            ["张建国", "楼栋长", "福桂苑", 9, 1],
            ["李华", "单元长", None, None, 2],
            ["王芳", "单元长", None, 10, 1],
            ["赵强", "网格员", "滨湖春天", 3, None]]
    sheet = _book(tmp_path / "d.xlsx", {"名单": rows}, {"名单": ("C2:C4", "D2:D3")})
    result = run("import", "亮身份", str(sheet), "--content", str(content))
    assert result.exit_code == 0, result.output
    places = {fields_of(p)["name"]: fields_of(p)["place"] for p in (content / "disclosures").iterdir()}
    assert places == {"张建国": "福桂苑/9栋/1单元", "李华": "福桂苑/9栋/2单元", "王芳": "福桂苑/10栋/1单元",
                      "赵强": "滨湖春天/3栋"}


@pytest.mark.parametrize(("typed", "expected"), [
    ("读书\x0b会\x07", "读书 会"),  # a vertical tab (a line break in old Excel exports) and a bell
    ("图书\u200b室", "图书室"),  # a zero-width space copied from a web page
    ("社区\u202e室动活", "社区室动活"),  # a bidi override that would show the text reversed
    ("清洁\t家园", "清洁 家园"),
    ("\ufeff读书会", "读书会"),
])
def test_invisible_characters_never_reach_a_record(typed: str, expected: str) -> None:
    assert cells.read_line(typed) == expected


def test_export_writes_text_as_text_and_never_fails_on_a_control_character(make_site: MakeSite,
                                                                           tmp_path: Path) -> None:
    from openpyxl import load_workbook

    content = make_site(site=SITE, files={
        "activities/a.md": '---\ntitle: "=HYPERLINK(\\"http://evil.example\\",\\"点我\\")"\ndate: 2026-03-05\n---\n',
        "activities/b.md": '---\ntitle: "读书\\a会"\ndate: 2026-03-06\nplace: "=1+1"\n---\n',
    })
    target = tmp_path / "out.xlsx"
    result = run("export", "activities", str(target), "--content", str(content))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).worksheets[0]
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert '=HYPERLINK("http://evil.example","点我")' in values and "读书会" in values and "=1+1" in values
    again = run("import", "activities", str(target), "--content", str(content), "--dry-run")
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize(("args", "word_en", "word_zh"), [
    (["export", "activities", "{tmp}/名单.csv"], ".xlsx", ".xlsx"),  # an .xlsx under a .csv name Excel refuses
    (["export", "activities", "{tmp}/folder.xlsx", "--overwrite"], "cannot write", "无法写入"),
    (["export", "activities", "{tmp}/no/such/folder/a.xlsx"], "cannot write", "无法写入"),
    (["import", "--template", "wishes", "{tmp}/folder.xlsx", "--overwrite"], "cannot write", "无法写入"),
    (["import", "--template", "wishes", "{tmp}/模板.csv"], ".xlsx", ".xlsx"),
])
def test_a_sheet_that_cannot_be_written_is_said_in_words(make_site: MakeSite, tmp_path: Path, args: list[str],
                                                          word_en: str, word_zh: str) -> None:
    content = make_site(site=SITE, files={"activities/a.md": "---\ntitle: 读书会\ndate: 2026-03-06\n---\n"})
    (tmp_path / "folder.xlsx").mkdir()
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    for language, word in (("en", word_en), ("zh-Hans", word_zh)):
        result = run(*filled, "--content", str(content), env={"SITEGEN_LANG": language})
        assert result.exit_code == 2 and word in result.stderr, result.output
        assert "Error" not in result.stderr and "internal" not in result.stderr and "内部" not in result.stderr
    assert not (tmp_path / "名单.csv").exists() and not (tmp_path / "no").exists()


def test_a_hidden_column_is_imported_and_said_so(make_site: MakeSite, tmp_path: Path) -> None:
    """A worker may hide 电话 in Excel meaning "not this one": hidden is not deleted, so it is named."""
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["姓名", "职务", "电话", "身份证号"], ["张建国", "楼栋长", "13812345678", "330102..."]):
        sheet.append(row)
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["D"].hidden = True
    book.save(tmp_path / "d.xlsx")
    for language, word in (("zh-Hans", "隐藏"), ("en", "hidden")):
        result = run("import", "亮身份", str(tmp_path / "d.xlsx"), "--content", str(content), "--dry-run",
                     env={"SITEGEN_LANG": language})
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stderr.splitlines() if word in line]
        assert len(lines) == 1 and lines[0].startswith("d.xlsx:1: ") and "电话" in lines[0], result.stderr
