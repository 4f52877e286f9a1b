"""Every way a sheet shows text struck through (删除线) is said by the import, at the right row and column.

Breaker helper-24 found the strike read only from a cell's own font, and a row called struck only when
every filled cell was: a 序号 left unstruck (the worker struck 姓名 to 电话), or a 小区 merged down from
the row above (which no row below can strike alone), made a struck row four "struck cell" warnings;
text struck in the cell editor (rich text: the strike is on the characters, not the cell) and a strike
by a conditional format (条件格式) were imported and published without a word.

Each case: what is struck in the list below, and the warnings the import must say, as (row, what):
"row", a header (the cell struck whole), "part:" + header (some of its text), or "rule" (said once,
at the header row).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE



def _font(sheet: Any, *cells: str) -> None:
    from openpyxl.styles import Font

    for cell in cells:
        sheet[cell].font = Font(strike=True)


def _runs(sheet: Any, cell: str, *parts: tuple[str, bool]) -> None:
    """The cell's text as runs typed in the cell editor, each (text, struck)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    sheet[cell].value = CellRichText([TextBlock(InlineFont(strike=struck), text) for text, struck in parts])


def _rule(sheet: Any, cells: str) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font

    sheet.conditional_formatting.add(cells, FormulaRule(formula=['$C2="已搬走"'], font=Font(strike=True)))


CASES: list[tuple[str, Callable[[Any], None], list[tuple[int, str]]]] = [
    # the list: A 序号, B 姓名, C 职务, D 小区 (望湖小区 merged D2:D4), E 电话
    ("the whole row, 序号 too", lambda s: _font(s, "A2", "B2", "C2", "D2", "E2"), [(2, "row")]),
    ("姓名 to 电话, the 序号 left", lambda s: _font(s, "B3", "C3", "E3"), [(3, "row")]),
    ("a row under a merged 小区: all its own cells", lambda s: _font(s, "A4", "B4", "C4", "E4"), [(4, "row")]),
    ("the top row of the merge, 序号 left", lambda s: _font(s, "B2", "C2", "D2", "E2"), [(2, "row")]),
    ("one phone", lambda s: _font(s, "E3"), [(3, "电话")]),
    ("only the 序号: not a field", lambda s: _font(s, "A3"), []),
    ("a name struck in the cell editor", lambda s: _runs(s, "B3", ("李秀英", True)), [(3, "姓名")]),
    ("an old duty crossed out beside the new", lambda s: _runs(s, "C2", ("楼栋长", True), ("、党小组长", False)),
     [(2, "part:职务")]),
    ("a row struck in the cell editor, cell by cell",
     lambda s: (_runs(s, "B4", ("张伟", True)), _runs(s, "C4", ("党员", True)), _runs(s, "E4", ("13712345678", True))),
     [(4, "row")]),
    ("a conditional format that strikes rows through", lambda s: _rule(s, "A2:E4"), [(1, "rule:A2:E4")]),
    ("one over two ranges: said in the sheet's order", lambda s: _rule(s, "B2:B3 E4:E4"), [(1, "rule:B2:B3、E4")]),
    ("one over the header row alone: no record's", lambda s: _rule(s, "A1:E1"), []),
    ("nothing struck", lambda s: None, []),
]


@pytest.mark.parametrize(("strike", "said"), [pytest.param(strike, said, id=name) for name, strike, said in CASES])
def test_every_strike_is_said_at_its_row_and_column(make_site: MakeSite, tmp_path: Path,
                                                    strike: Callable[[Any], None], said: list[tuple[int, str]]) -> None:
    content = make_site(site=SITE)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "姓名", "职务", "小区", "电话"])
    sheet.append([1, "王建国", "楼栋长", "望湖小区", "13912345678"])
    sheet.append([2, "李秀英", "楼栋长", None, "13812345678"])
    sheet.append([3, "张伟", "党员", None, "13712345678"])
    sheet.merge_cells("D2:D4")
    strike(sheet)
    book.save(tmp_path / "名单.xlsx")
    imported = run("import", "亮身份", str(tmp_path / "名单.xlsx"), "--content", str(content),
                   env={"SITEGEN_LANG": "zh-Hans"})
    assert imported.exit_code == 0, imported.output
    assert len(list((content / "disclosures").glob("*.yaml"))) == 3
    lines = [line for line in imported.output.splitlines() if "删除线" in line]
    assert len(lines) == len(said), imported.output
    for (row, what), line in zip(said, lines, strict=True):
        assert f":{row}:" in line, line
        if what == "row":
            assert "整行" in line, line
        elif what.startswith("rule:"):
            assert "条件格式" in line and f" {what[5:]} " in line, line
        elif what.startswith("part:"):
            assert f"“{what[5:]}”" in line and "一部分" in line, line
        else:
            assert f"“{what}”" in line and "一部分" not in line and "整行" not in line, line
