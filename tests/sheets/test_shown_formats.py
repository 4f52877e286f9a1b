"""A cell is imported as Excel shows it where its number format changes what it says.

A worker types 100% into a 进度 cell: Excel stores 1 and shows 100%. Read as stored, the record said
progress 1, and a 已完成 row then failed check ("completed means progress 100") for a sheet that
looked right. A landline typed into a number cell formatted 00000000000 keeps its leading 0 on screen
only. Each row: the stored value, its number format, and what the record file must hold (or what the
import must say).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import MakeSite, run
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE, fields_of

HEADERS = ["议题", "提出日期", "提出人", "议事形式", "会议日期", "主持人", "参会人数", "决定", "赞成", "反对", "弃权",
           "进度", "状态"]
ROW = ["电动车充电难", "2026-03-02", "3栋居民", "议事会", "2026-03-06", "社区书记", 32, "建充电棚", 30, 1, 1]
PROGRESS = HEADERS.index("进度") + 1


def _sheet(path: Path, rows: list[tuple[object, str, str]]) -> Path:
    """A 议事 sheet, one row a (进度 value, its number format, 状态)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for number, (value, number_format, status) in enumerate(rows, start=2):
        sheet.append([f"{ROW[0]}{number}", *ROW[1:], value, status])
        sheet.cell(row=number, column=PROGRESS).number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(("value", "number_format", "status", "progress"), [
    (1, "0%", "已完成", 100),  # typed 100%: stored 1 (was progress 1, and check refused the 已完成)
    (1.0, "0.0%", "已完成", 100),
    (0.8, "0%", "实施中", 80),
    (0.3, "0%", "实施中", 30),  # 0.3 × 100 is 30.000000000000004 in floats: read as shown, 30
    (0, "0%", "实施中", 0),
    (1, "[Red]0%", "已完成", 100),  # a colour part is no literal text
    (80, "General", "实施中", 80),  # no format: as stored, as before
    (0.8, "General", "实施中", 80),  # a fraction typed without %: as before
])
def test_a_percent_cell_is_read_as_shown(make_site: MakeSite, tmp_path: Path, value: object, number_format: str,
                                         status: str, progress: int) -> None:
    content = make_site(site=SITE)
    sheet = _sheet(tmp_path / "议事.xlsx", [(value, number_format, status)])
    imported = run("import", "议事", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert imported.exit_code == 0, imported.output
    [record] = (content / "deliberations").glob("*.md")
    assert fields_of(record)["progress"] == str(progress)
    assert run("check", "--content", str(content)).exit_code == 0


@pytest.mark.parametrize(("value", "number_format", "said"), [
    (0.125, "0.0%", "“12.5%”不是进度"),  # shown 12.5%: was taken as 12 without a word
    (1.5, "0%", "150"),  # shown 150%: the range check says so, as of a typed 150%
])
def test_a_percent_cell_the_worker_must_fix_is_quoted_as_shown(make_site: MakeSite, tmp_path: Path, value: object,
                                                              number_format: str, said: str) -> None:
    content = make_site(site=SITE)
    sheet = _sheet(tmp_path / "议事.xlsx", [(value, number_format, "实施中")])
    imported = run("import", "议事", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    checked = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    said_all = imported.output + checked.output
    assert said in said_all, said_all
    assert imported.exit_code != 0 or checked.exit_code != 0


@pytest.mark.parametrize(("value", "number_format", "phone"), [
    (5511234567, "00000000000", "05511234567"),  # a landline with its area code kept by the format
    (13800001234, "General", "13800001234"),
    (13800001234, "00000000000", "13800001234"),  # as wide as the format: nothing padded
])
def test_a_zero_padded_number_keeps_its_zeros(make_site: MakeSite, tmp_path: Path, value: int, number_format: str,
                                              phone: str) -> None:
    content = make_site(site=SITE)
    imported = import_rows(content, tmp_path, "亮身份", [["姓名", "职务", "电话"], ["王建国", "楼栋长", value]],
                           {(2, 3): number_format})
    assert imported.exit_code == 0, imported.output
    [record] = (content / "disclosures").glob("*.yaml")
    assert str(fields_of(record)["phone"]) == phone


def _imported_three(content: Path, tmp_path: Path, book: Workbook) -> str:
    """What `sitegen import 亮身份` says of `book` (three people), after checking all three were imported."""
    book.save(tmp_path / "名单.xlsx")
    imported = run("import", "亮身份", str(tmp_path / "名单.xlsx"), "--content", str(content),
                   env={"SITEGEN_LANG": "zh-Hans"})
    assert imported.exit_code == 0, imported.output
    assert len(list((content / "disclosures").glob("*.yaml"))) == 3
    return str(imported.output)


@pytest.mark.parametrize(("hidden", "warned"), [
    ((3,), (3,)),  # one wisher's row hidden by hand: imported, and said so at its row
    ((2, 4), (2, 4)),  # what a filter (筛选) leaves out is hidden rows too
    ((), ()),
])
def test_a_hidden_row_is_imported_and_said(make_site: MakeSite, tmp_path: Path, hidden: tuple[int, ...],
                                           warned: tuple[int, ...]) -> None:
    """A worker may hide a row meaning "not this one", as a column (import.hidden_column): the row is
    imported as Excel holds it, and the import says which rows were hidden, each at its row."""
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "职务"])
    for name in ("王建国", "李秀英", "张伟"):
        sheet.append([name, "楼栋长"])
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    output = _imported_three(content, tmp_path, book)
    said = [line for line in output.splitlines() if "这一行在表格中是隐藏的" in line]
    assert len(said) == len(warned), output
    for row, line in zip(warned, said, strict=True):
        assert f":{row}:" in line or f"第 {row} 行" in line or f"第{row}行" in line, line


STRUCK_CASES = [
    # (cells struck: (row, column) 1-based, the warnings said: (row, "row") or (row, header))
    ({(3, 1), (3, 2), (3, 3)}, [(3, "row")]),  # a 楼栋长 who moved away, struck through and kept in the list
    ({(2, 3)}, [(2, "电话")]),  # an old number crossed out: said at its cell
    ({(2, 1), (2, 2)}, [(2, "姓名"), (2, "职务")]),  # not every filled cell: each struck cell said
    ({(4, 1), (4, 2)}, [(4, "row")]),  # 张伟's row has no phone: its filled cells all struck is the row
    ({(1, 1), (1, 2), (1, 3)}, []),  # the header row struck through is no record's
    (set(), []),
]


@pytest.mark.parametrize(("struck", "said"), STRUCK_CASES)
def test_a_struck_through_row_or_cell_is_imported_and_said(make_site: MakeSite, tmp_path: Path,
                                                           struck: set[tuple[int, int]],
                                                           said: list[tuple[int, str]]) -> None:
    """Offices strike a row through to void it (作废, 已搬走) and keep it in the list. Read as stored, it
    was published without a word: now it is imported as Excel holds it, as a hidden row is, and said at
    its row; a single struck cell is said at its row and column."""
    from openpyxl.styles import Font

    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "职务", "电话"])
    sheet.append(["王建国", "楼栋长", "13912345678"])
    sheet.append(["李秀英", "楼栋长", "13812345678"])
    sheet.append(["张伟", "党员"])
    for row, column in struck:
        sheet.cell(row=row, column=column).font = Font(strike=True)
    output = _imported_three(content, tmp_path, book)
    lines = [line for line in output.splitlines() if "删除线" in line]
    assert len(lines) == len(said), output
    for (row, what), line in zip(said, lines, strict=True):
        assert f":{row}:" in line, line
        assert ("整行" in line and "disclosures/" in line) if what == "row" else (f"“{what}”" in line), line
