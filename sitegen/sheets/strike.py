"""Text struck through (删除线) in an .xlsx worksheet: which cells, rows and rules strike it.

Offices strike a row through to void it (作废, 已取消, 已搬走) and keep it in the list, and cross out
an old phone number or duty beside the new one. The text is imported as Excel holds it (as a hidden
row is: the worker decides) and the import says where it is struck. Excel strikes text three ways,
all read here: the cell's font (Ctrl+5 on the cell or the row, a cell style such as a named 作废),
runs of the text typed in the cell editor (rich text: ECMA-376 Part 1 §18.4.4, <r><rPr><strike/>),
and a conditional format whose style strikes (§18.3.1.10 with a dxf font, which openpyxl does not
evaluate: it is said as the cells it covers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitegen.sheets.cells import Cell, blank

if TYPE_CHECKING:
    from sitegen.sheets.read import Table


@dataclass(slots=True)
class Struck:
    """What a worksheet strikes through: (1-based row, 0-based position) of cells, and ranges."""

    whole: set[tuple[int, int]] = field(default_factory=set)  # every character of the cell's text
    part: set[tuple[int, int]] = field(default_factory=set)  # some of it (runs typed in the cell editor)
    below: set[tuple[int, int]] = field(default_factory=set)  # cells filled down from a merged cell above
    rules: list[tuple[str, int]] = field(default_factory=list)  # (range, its last row) a conditional format strikes


def cell_text(cell: Any, runs: dict[tuple[int, int], Any]) -> Cell:
    """The openpyxl cell's value, as plain text when it was read as rich text (runs typed in the cell
    editor), which is kept in `runs` at its (row, position) for struck_marks."""
    value = cell.value
    if type(value).__name__ == "CellRichText":
        runs[cell.row, cell.column - 1] = value
        return str(value)
    return value  # type: ignore[no-any-return]


def struck_marks(worksheet: Any, runs: dict[tuple[int, int], Any]) -> Struck:
    """What `worksheet` strikes through; `runs` are its rich-text cells (cell_text).

    A cell's font is looked up by id among the workbook's struck fonts: a workbook with none (most)
    costs no walk of its cells (50,000 rows: 0.7 s of CPU when each cell's font was asked)."""
    struck = Struck(below=_merged_below(worksheet), rules=_rules(worksheet))
    fonts = {index for index, font in enumerate(worksheet.parent._fonts) if font.strike}
    if fonts:
        for cells in worksheet.iter_rows(min_row=1):
            for cell in cells:
                if cell.value is not None and cell.has_style and cell._style.fontId in fonts:
                    struck.whole.add((cell.row, cell.column - 1))
    for at, text in runs.items():
        cell = worksheet.cell(row=at[0], column=at[1] + 1)
        _runs_struck(struck, at, text, bool(cell.has_style and cell._style.fontId in fonts))
    return struck


def _runs_struck(struck: Struck, at: tuple[int, int], text: Any, cell_struck: bool) -> None:
    """A rich-text cell: struck whole when each run that shows anything is struck (a run says strike or
    not itself, else takes the cell's font), in part when some are."""
    marks = []
    for run in text:
        font = getattr(run, "font", None)
        said = getattr(font, "strike", None)
        if str(getattr(run, "text", run)).strip():
            marks.append(cell_struck if said is None else bool(said))
    struck.whole.discard(at)
    if marks and all(marks):
        struck.whole.add(at)
    elif any(marks):
        struck.part.add(at)


def _merged_below(worksheet: Any) -> set[tuple[int, int]]:
    """(row, position) of the cells a merged cell covers below its first row, in one column: the list
    reads the merged value into each of those rows (read._worksheet_rows), but no row there can strike it alone."""
    return {(row, merged.min_col - 1) for merged in worksheet.merged_cells.ranges if merged.min_col == merged.max_col
            for row in range(merged.min_row + 1, merged.max_row + 1)}


def _rules(worksheet: Any) -> list[tuple[str, int]]:
    """The ranges a conditional format strikes through, each with its last row, top to bottom and left to
    right (openpyxl keeps a rule's ranges as a set: B2:B3 E4 was said as E4、B2:B3)."""
    found = []
    for formatting in worksheet.conditional_formatting:
        if any(rule.dxf is not None and rule.dxf.font is not None and rule.dxf.font.strike for rule in formatting.rules):
            found += list(formatting.sqref.ranges)
    return [(str(cells.coord), cells.max_row) for cells in sorted(found, key=lambda cells: (cells.min_row, cells.min_col))]


def struck_layout(table: Table, struck: Struck) -> None:
    """Fill the table's struck rows, cells, parts and rules from what its worksheet strikes.

    A row is struck whole when each field cell of its own that holds anything is struck: not its
    序号 (no field), nor a 小区 merged down from the row above; else each struck field cell is said."""
    if not (struck.whole or struck.part or struck.rules):
        return
    table.struck_rules = [cells for cells, last in struck.rules if last > table.header_row]
    for row in table.rows:
        own = [position for position in table.columns if position < len(row.cells) and not blank(row.cells[position])
               and (row.number, position) not in struck.below]
        whole = [position for position in own if (row.number, position) in struck.whole]
        if whole and len(whole) == len(own):
            table.struck_rows.append(row.number)
            continue
        table.struck_cells += [(row.number, table.columns[position][1]) for position in sorted(whole)]
        table.struck_parts += [(row.number, table.columns[position][1]) for position in sorted(own)
                               if (row.number, position) in struck.part]
