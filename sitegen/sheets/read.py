"""Open an .xlsx or .csv sheet and find its header row, as workers lay sheets out.

Sheets start with a title row ("望湖社区党员亮身份名单") more often than not, group headers in
merged cells over two rows (位置 over 小区 / 楼栋 / 单元), and leave blank rows between blocks.
CSV files from Excel on a Chinese Windows are GBK/GB18030; UTF-8 with or without BOM is read too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from sitegen.errors import KeyedError
from sitegen.sheets.cells import Cell, blank, plain
from sitegen.sheets.columns import ROW_NUMBER_HEADERS, Column, column_for, header_key, shown_header
from sitegen.sheets.shown import shown
from sitegen.sheets.strike import Struck, cell_text, struck_layout, struck_marks

HEADER_SEARCH: Final = 12  # the header row is among the first rows
MAX_ROWS: Final = 100_000


class SheetError(KeyedError):
    """The file cannot be read as a sheet at all; `key`/`args_` make the message."""


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # 1-based, as Excel shows it
    cells: tuple[Cell, ...]


@dataclass(slots=True)
class Table:
    """The sheet's header row, its columns by position, and its data rows (blank rows skipped)."""

    header_row: int
    columns: dict[int, tuple[Column, str]]  # position → (column, header as written)
    unknown: dict[int, str]  # position → header naming no field: reported, never dropped silently
    rows: list[Row] = field(default_factory=list)
    encoding: str | None = None  # set when a CSV was not UTF-8
    sheet: str | None = None  # the worksheet read, when it is not the workbook's first
    totals: list[int] = field(default_factory=list)  # rows of 合计/总计 left out
    hidden: list[str] = field(default_factory=list)  # headers of columns hidden in Excel that are imported
    hidden_rows: list[int] = field(default_factory=list)  # data rows hidden in Excel (or by a filter) that are imported
    hidden_sheets: list[str] = field(default_factory=list)  # worksheets hidden in Excel, not read (no --sheet)
    struck_rows: list[int] = field(default_factory=list)  # data rows whose every filled field cell is struck through
    struck_cells: list[tuple[int, str]] = field(default_factory=list)  # (row, header) of other cells struck whole
    struck_parts: list[tuple[int, str]] = field(default_factory=list)  # (row, header) of cells with some text struck
    struck_rules: list[str] = field(default_factory=list)  # ranges over data rows a conditional format strikes


# A row that adds up the rows above it (合计 42): left out of the import and named in the report.
TOTAL_WORDS: Final = frozenset({"合计", "总计", "小计", "共计", "总数", "合计数", "total", "totals", "sum", "subtotal"})


def read_table(path: Path, sheet: str | None, kind: str) -> Table:
    """The table of this kind in the file: the named worksheet, else the first one that has its header.

    A workbook often starts with an instructions sheet (填表说明); without --sheet the first
    worksheet whose first rows name this kind's columns is read. Raises SheetError when none does.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        rows, encoding = read_rows(path, sheet)
        table = find_table(rows, kind)
        table.encoding = encoding
        return table
    sheets, hidden_sheets = _xlsx_sheets(path, sheet)
    for index, (name, rows, (hidden, hidden_rows, struck)) in enumerate(sheets):
        try:
            table = find_table(rows, kind)
        except SheetError:
            continue
        table.sheet = name if index > 0 else None
        table.hidden = [written for position, (_, written) in sorted(table.columns.items()) if position in hidden]
        table.hidden_rows = [row.number for row in table.rows if row.number in hidden_rows]
        table.hidden_sheets = hidden_sheets
        struck_layout(table, struck)
        return table
    if hidden_sheets:  # the list may be on a hidden sheet (breaker helper-120: 填写说明 shown, 名单 hidden)
        raise SheetError("import.no_header_but_hidden", sheets="、".join(hidden_sheets), sheet=hidden_sheets[0])
    if len(sheets) > 1:
        raise SheetError("import.no_header_in_sheets", sheets="、".join(name for name, _, _ in sheets))
    raise SheetError("import.no_header")


def read_rows(path: Path, sheet: str | None) -> tuple[list[Row], str | None]:
    """Every row of the sheet with its number; the CSV encoding when it was not UTF-8."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet), None
    if suffix in (".csv", ".txt"):
        return _csv_rows(path)
    if suffix == ".xls":
        raise SheetError("import.xls")
    raise SheetError("import.unknown_format", suffix=suffix or path.name)


def _xlsx_rows(path: Path, sheet: str | None) -> list[Row]:
    """The rows of the named worksheet, or of the first."""
    return _xlsx_sheets(path, sheet)[0][0][1]


Marks = tuple[set[int], set[int], Struck]  # hidden column positions, hidden rows, what is struck through


def _xlsx_sheets(path: Path, sheet: str | None) -> tuple[list[tuple[str, list[Row], Marks]], list[str]]:
    """(name, rows, (hidden column positions, hidden row numbers, what is struck)) of the named worksheet, or of
    every visible worksheet in order, and the names of the hidden ones left unread; merged cells
    filled down. A worksheet hidden in Excel is an old list more often than the one meant (breaker
    helper-118: a hidden first sheet's moved-away 楼栋长 was imported, the visible list not read):
    it is read only when --sheet names it.

    The workbook is read whole (not openpyxl's read-only mode, which does not see merged cells):
    a 小区 cell merged down over the rows of its people belongs to each of those rows.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True, rich_text=True)  # struck runs: sheets/strike.py
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise SheetError("import.unreadable", detail=type(e).__name__) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise SheetError("import.no_sheet", sheet=sheet, sheets="、".join(book.sheetnames))
        worksheets = [book[sheet]] if sheet is not None else [w for w in book.worksheets if w.sheet_state == "visible"]
        hidden = [] if sheet is not None else [w.title for w in book.worksheets if w.sheet_state != "visible"]
        if not worksheets:  # every worksheet hidden: read them, as Excel would open one
            worksheets, hidden = book.worksheets, []
        return [_worksheet(worksheet) for worksheet in worksheets], hidden
    finally:
        book.close()


def _worksheet(worksheet: Any) -> tuple[str, list[Row], Marks]:
    """One worksheet's name, rows and marks."""
    runs: dict[tuple[int, int], Any] = {}
    rows = _worksheet_rows(worksheet, runs)
    return worksheet.title, rows, (_hidden_columns(worksheet), _hidden_rows(worksheet), struck_marks(worksheet, runs))


def _hidden_columns(worksheet: Any) -> set[int]:
    """0-based positions of the columns hidden in Excel (a worker may hide 电话 meaning "not this")."""
    hidden: set[int] = set()
    for dimension in worksheet.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.max:
            hidden.update(range(dimension.min - 1, dimension.max))
    return hidden


def _hidden_rows(worksheet: Any) -> set[int]:
    """1-based numbers of the rows hidden in Excel: hidden by hand, or left out by a filter (筛选), which
    hides the rows it does not show. A worker may hide a row meaning "not this one"."""
    return {number for number, dimension in worksheet.row_dimensions.items() if dimension.hidden}


def _format_id(cell: Any) -> int | None:
    """The cell's number format id as the file stores it: openpyxl names the built-in Chinese date
    formats (ids 27–36, 50–58) "General", so sheets/shown.py looks at the id itself."""
    style = getattr(cell, "_style", None)
    return getattr(style, "numFmtId", None)


def _worksheet_rows(worksheet: Any, runs: dict[tuple[int, int], Any] | None = None) -> list[Row]:
    """Every row as Excel shows it, merged cells filled down; rich-text cells read as plain text and
    kept in `runs` at (row, position)."""
    if worksheet.max_row > MAX_ROWS:
        raise SheetError("import.too_many_rows", limit=MAX_ROWS)
    runs = {} if runs is None else runs
    grid = [[shown(cell_text(cell, runs), cell.number_format, _format_id(cell))
             for cell in cells] for cells in worksheet.iter_rows(min_row=1)]
    for merged in worksheet.merged_cells.ranges:
        if merged.min_col != merged.max_col:  # across columns: a group heading, read by _resolve
            continue
        column = merged.min_col - 1
        top = grid[merged.min_row - 1][column] if merged.min_row <= len(grid) else None
        for row in range(merged.min_row, min(merged.max_row, len(grid))):
            grid[row][column] = top
    return [Row(number, tuple(values)) for number, values in enumerate(grid, start=1)]


def _csv_rows(path: Path) -> tuple[list[Row], str | None]:
    from sitegen.load.decode import guess_encoding, wide_encoding

    data = path.read_bytes()
    encoding = None
    try:
        text = data.decode("utf-8-sig")
        if "\x00" in text:  # UTF-16 without a BOM decodes as UTF-8 full of NULs
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL")
    except UnicodeDecodeError:
        guessed = wide_encoding(data) or ("UTF-16" if b"\x00" in data else guess_encoding(data))
        if guessed != "GBK/GB18030":  # GB18030 decodes almost any bytes: only take it when it reads as Chinese
            raise SheetError("import.encoding", encoding=guessed or "?") from None
        text = data.decode("gb18030")
        encoding = "GB18030"
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if number > MAX_ROWS:
            raise SheetError("import.too_many_rows", limit=MAX_ROWS)
        rows.append(Row(number, tuple(v if v != "" else None for v in values)))
    return rows, encoding


def _filled(cells: tuple[Cell, ...]) -> list[str]:
    """A header row with each merged cell's text carried right over the empty cells it covers."""
    out, last = [], ""
    for cell in cells:
        text = plain(cell)
        last = text or last
        out.append(last)
    return out


def find_table(rows: list[Row], kind: str) -> Table:
    """Pick the header row (the one naming most fields), resolve each column, keep the data rows."""
    best: tuple[int, dict[int, tuple[Column, str]], dict[int, str]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH]):
        if not any(column_for(kind, plain(cell)) for cell in row.cells):
            continue
        columns, unknown = _resolve(row.cells, rows[index - 1].cells if index > 0 else (), kind)
        if len(columns) >= 2 and (best is None or len(columns) > len(best[1])):  # a two-row header resolves more
            best = (index, columns, unknown)
    if best is None:
        raise SheetError("import.no_header")
    index, columns, unknown = best
    # a row holding nothing but its 序号 (a template numbered ahead, half filled) is a blank row
    numbers = {p for p, cell in enumerate(rows[index].cells) if header_key(plain(cell)) in ROW_NUMBER_HEADERS}
    data = [row for row in rows[index + 1:] if not all(blank(c) for p, c in enumerate(row.cells) if p not in numbers)]
    totals = [row.number for row in data if _adds_up(row)]
    data = [row for row in data if row.number not in totals]
    return Table(header_row=rows[index].number, columns=columns, unknown=unknown, rows=data, totals=totals)


_FIGURE: Final = re.compile(r"[\d:：]")  # where a totals word ends: its colon or its figure


def _adds_up(row: Row) -> bool:
    """A totals row: its first filled cell says 合计 / 总计 / Total, alone or before a colon or a figure
    (合计：1场, 总计 12 人: breaker helper-118 found 合计：1场 read as a record missing its date)."""
    first = next((plain(cell) for cell in row.cells if not blank(cell)), "").replace(" ", "").lower()  # 合 计
    return _FIGURE.split(first, maxsplit=1)[0] in TOTAL_WORDS


def _resolve(header: tuple[Cell, ...], above: tuple[Cell, ...],
             kind: str) -> tuple[dict[int, tuple[Column, str]], dict[int, str]]:
    """Each column's field, from its own header or a group heading merged over it from the row above."""
    above_filled = _filled(above)
    columns: dict[int, tuple[Column, str]] = {}
    unknown: dict[int, str] = {}
    taken: set[str] = set()
    for position in range(max(len(header), len(above))):
        written = plain(header[position]) if position < len(header) else ""
        candidates = [written]
        if position < len(above):  # a heading merged over two rows, or over several columns
            candidates += [plain(above[position]), above_filled[position]]
        column, name = next(((column_for(kind, c), c) for c in candidates if c and column_for(kind, c)), (None, ""))
        if column is None or column.target in taken:  # no such field, or a second column for one
            shown = written or (plain(above[position]) if position < len(above) else "")
            if shown and header_key(shown) not in ROW_NUMBER_HEADERS:
                unknown[position] = shown_header(shown)
            continue
        taken.add(column.target)
        columns[position] = (column, shown_header(name))
    return columns, unknown
