"""Write sheets: an empty template to fill in, and the records of a kind back out (the round trip).

A template has the headers `import` reads, one sample row, drop-down lists (Excel data
validation) for every enumeration, dates formatted as dates and phone columns as text (so Excel
never turns 13812345678 into 1.38E+10), and a second sheet explaining each column. `export`
writes what the record files say under the same headers, so export → edit in Excel → import
changes exactly what was edited.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sitegen.kinds import RECORD_KINDS
from sitegen.kinds import kind as kind_entry
from sitegen.sheets import cells
from sitegen.sheets.columns import BOOL_WORDS, COLUMNS, SHOW_PHONE_WORDS, STATUS_WORDS, Column

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from sitegen.i18n.messages import Messages

KIND_TITLES: Final = {k.folder: k.sheet_title for k in RECORD_KINDS if k.sheet_title}  # the registry's (sitegen/kinds/)
_TEMPLATE_SKIPS: Final = {"id", "draft", "summary", "photos", "photo"}
_ROWS_PREPARED: Final = 1000  # rows that get the drop-downs and formats


def template_columns(kind: str) -> list[Column]:
    """The columns a new sheet offers: a place path as 小区 / 楼栋 / 单元 (a person's, a wish's), an activity's
    地点 as the one line it is (break20b: it was left out with the paths), no rarely used extras."""
    return [c for c in COLUMNS[kind] if c.target not in _TEMPLATE_SKIPS and c.cell != "place"]


def _choices(column: Column, kind: str) -> list[str] | None:
    if column.cell == "status":
        return [names[0] for names in STATUS_WORDS[kind].values()]
    if column.cell == "show_phone":
        return [names[0] for names in SHOW_PHONE_WORDS.values()]
    if column.cell == "bool":
        return [BOOL_WORDS[True][0], BOOL_WORDS[False][0]]
    return None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _lay_out(sheet: Worksheet, columns: list[Column], kind: str) -> None:
    """Headers in bold, frozen; formats and drop-downs on the rows below."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.headers[0] + ("*" if column.required else ""))
        cell.font = Font(bold=True)
        letter = _letter(index)
        sheet.column_dimensions[letter].width = max(10, 2.2 * len(column.headers[0]) + 4)
        choices = _choices(column, kind)
        if choices:
            rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            rule.error = "请从下拉列表中选择"
            rule.add(f"{letter}2:{letter}{_ROWS_PREPARED}")
            sheet.add_data_validation(rule)
        fmt = {"phone": "@", "date": "yyyy-mm-dd", "when": "yyyy-mm-dd"}.get(column.cell)
        if fmt:
            for row in range(2, _ROWS_PREPARED + 1):
                sheet.cell(row=row, column=index).number_format = fmt
    sheet.freeze_panes = "A2"


def _how(column: Column, kind: str, messages: Messages) -> str:
    choices = _choices(column, kind)
    if choices:
        return messages.text("import.how.choice", choices="、".join(choices))
    return messages.text(f"import.how.{column.cell}")


def write_template(kind: str, target: Path, messages: Messages) -> Path:
    """An .xlsx to fill in for one kind: headers, a sample row, drop-downs, and a sheet of notes."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = KIND_TITLES[kind]
    columns = template_columns(kind)
    _lay_out(sheet, columns, kind)
    for index, column in enumerate(columns, start=1):
        if column.example:
            value: object = column.example
            if column.cell in ("date", "when") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", column.example):
                value = date.fromisoformat(column.example)
            sheet.cell(row=2, column=index, value=typing.cast(typing.Any, value))
    notes = book.create_sheet(messages.text("import.notes_title"))
    notes.append([messages.text("import.notes_column"), messages.text("import.notes_required"),
                  messages.text("import.notes_how"), messages.text("import.notes_aliases")])
    for column in COLUMNS[kind]:
        notes.append([column.headers[0], "✓" if column.required else "", _how(column, kind, messages),
                      "、".join(column.headers[1:])])
    for letter, width in zip("ABCD", (14, 6, 50, 40), strict=True):
        notes.column_dimensions[letter].width = width
    target.parent.mkdir(parents=True, exist_ok=True)
    save_book(book, target)
    return target


def _exported(column: Column, value: object, kind: str) -> object:
    """A record's value as the cell `import` reads back to the same value."""
    if column.cell == "status":
        return STATUS_WORDS[kind].get(str(value), (str(value),))[0]
    if column.cell == "show_phone":
        return SHOW_PHONE_WORDS.get(str(value), (str(value),))[0]
    if column.cell == "bool":
        try:
            return BOOL_WORDS[cells.read_bool(value if isinstance(value, (bool, str)) else str(value))][0]
        except cells.CellError:
            return str(value)
    if column.cell == "list" and isinstance(value, list):
        return "、".join(str(v) for v in value)
    if column.cell == "timeline" and isinstance(value, list):
        return "\n".join(f"{e.get('date', '')} {e.get('note', '')}" for e in value if isinstance(e, dict))
    if column.cell in ("date", "when") and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    if column.cell in ("count", "percent") and isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    if column.cell == "money" and isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    return value


def _value(fields: dict[str, object], body: str | None, target: str) -> object:
    if target == "body":
        return body.strip() if body and body.strip() else None
    outer, _, inner = target.partition(".")
    value = fields.get(outer)
    if inner:
        return value.get(inner) if isinstance(value, dict) else None
    return value


def _default(kind: str, target: str) -> object:
    """The registry's default of a field (party_member: True), as a record without it is published."""
    spec = kind_entry(kind).field(target)
    return spec.default if spec is not None else None


def _put(sheet: Worksheet, row: int, column: int, value: object) -> None:
    """One value into a cell as text that stays text: `=…` written by a resident is not a formula
    Excel would run (formula injection), and characters an .xlsx cannot hold (a bell, a vertical
    tab that a hand-written `"\\a"` in YAML can carry) are left out instead of failing the export."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = sheet.cell(row=row, column=column, value=typing.cast(typing.Any, value))  # a value export made
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def save_book(book: Workbook, target: Path) -> None:
    """Save beside `target`, then put it in place: a failed save never leaves half a sheet where the
    worker's last one was. Raises OSError when the folder is missing, is not writable, or `target`
    is a folder; the caller says so in the worker's words."""
    from sitegen.write.files import staged_beside

    with staged_beside(target, suffix=".xlsx", shared=True) as temporary:
        book.save(temporary)


def export_records(content: Path, kind: str, target: Path) -> int:
    """Write every record of a kind (drafts too) to an .xlsx; the number of rows written."""
    from openpyxl import Workbook

    from sitegen.load import load_content

    raws = [r for r in load_content(content).records if r.kind == kind]
    has_time = any(c.target == "time" for c in COLUMNS[kind])
    rows: list[dict[str, object]] = []
    for raw in raws:
        fields = dict(raw.fields)
        when = str(fields.get("date", ""))
        if has_time and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", when):  # 2026-05-20 09:00: 日期 and 时间
            fields["date"], fields["time"] = when[:10], when[11:]
        row = {"id": raw.stem if not raw.in_list else fields.get("id")}
        for column in COLUMNS[kind]:
            if column.target.startswith("place.") or column.target == "id":
                continue
            value = _value(fields, raw.body, column.target)
            if value is None and column.must_say:  # the default the site publishes (党员): import refuses it empty
                value = _default(kind, column.target)
            if value not in (None, "", [], {}):
                row[column.target] = _exported(column, value, kind)
        rows.append(row)
    used = [c for c in COLUMNS[kind] if c.required or c.target == "id" or any(c.target in r for r in rows)]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = KIND_TITLES[kind]
    _lay_out(sheet, used, kind)
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(used, start=1):
            value = row.get(column.target)
            if value is not None:
                _put(sheet, number, index, value)
    save_book(book, target)
    return len(rows)
