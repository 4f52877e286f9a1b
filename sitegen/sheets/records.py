"""One sheet row → one record file's text, with the line each column landed on.

The file is what a worker would have typed: fields in the schema's order, one per line, a
Markdown body for activities and deliberations. Its first line is a marker holding a digest of
the rest, so a later import can tell a file nobody touched (update it) from one a person edited
(leave it: a conflict). The slug is made from the record's content, never from a wisher's name,
so importing the same sheet again lands on the same files.
"""

from __future__ import annotations

import hashlib
import re
import typing
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Final

import yaml

from sitegen.kinds import RECORD_KINDS
from sitegen.kinds import Column
from sitegen.kinds import kind as kind_entry
from sitegen.sheets import cells
from sitegen.sheets.cells import CellError
from sitegen.sheets.read import Row, Table
from sitegen.slugs import level_slug, slugify
from sitegen.validate.date_hint import DATE_MAX, NIGHT_ENDS

SUFFIX: Final = {k.folder: k.suffix for k in RECORD_KINDS}  # the registry's (sitegen/kinds/)
MARKER: Final = "# sitegen import {digest}：由表格导入。手工改过的记录，再次导入时不会被覆盖（除非加 --overwrite）。"
_MARKER_RE: Final = re.compile(r"^# sitegen import ([0-9a-f]{16})")
_NESTED: Final = ("meeting", "votes")
# A backwards time cell from _EVENING to _MORNING is told to put its end, the next day's, in 结束; one ending before
# NIGHT_ENDS is read so (validate/date_hint.py) when it starts at 18:00 or later, and is told so when it does not.
_EVENING: Final = "17:00"
_MORNING: Final = "12:00"


@dataclass(slots=True)
class RowRecord:
    """What one row says: fields in order, the body, which column filled which field."""

    row: int
    kind: str
    fields: dict[str, object] = field(default_factory=dict)
    body: str = ""
    source: dict[str, str] = field(default_factory=dict)  # field (top level) → header as written
    problems: list[tuple[str | None, CellError]] = field(default_factory=list)  # (header, error)
    unreadable: set[str] = field(default_factory=set)  # fields whose cell could not be read (already reported)
    slug: str = ""


def _order(kind: str) -> list[str]:
    from sitegen.validate.schema import SCHEMAS, known_fields

    return known_fields(SCHEMAS[kind])


def read_record(table: Table, row: Row, kind: str) -> RowRecord:
    """Turn one row's cells into fields; a cell that cannot be read becomes a problem of its column."""
    record = RowRecord(row=row.number, kind=kind)
    found: dict[str, object] = {}
    place: dict[str, str] = {}
    for position, (column, header) in table.columns.items():
        cell = row.cells[position] if position < len(row.cells) else None
        if cells.blank(cell):
            _unsaid(record, column, header)
            continue
        try:
            value = _read(column, cell, kind)
        except CellError as e:
            record.problems.append((header, _named(_clock_alone(e, cell) if column.target == "end" else e, header)))
            record.unreadable.add(column.target.split(".")[0])
            continue
        top = column.target.split(".")[0]
        record.source.setdefault(top, header)
        if column.target.startswith("place."):
            place[column.target] = str(value)
        else:
            found[column.target] = value
    _past_midnight_example(record, day_of(found.get("date")), _start_of(found))
    _combine(found, place, record, kind)
    return record


def _unsaid(record: RowRecord, column: Column, header: str) -> None:
    """An empty cell of a column that must say (Column.must_say: 是否党员, 政治面貌) is import.cell.unsaid, naming
    the word its default would publish and the words to write (党员 或 群众: the field's own, kinds/); break21: an
    empty 政治面貌 cell published a 群众 volunteer as 党员, the field's default (SPEC §3: party_member true)."""
    if not column.must_say:
        return
    spec = kind_entry(record.kind).field(column.target)
    words = spec.words if spec is not None and spec.words else {"true": ("是",), "false": ("否",)}
    default = str(spec.default if spec is not None else True).lower()
    record.problems.append((header, CellError("import.cell.unsaid", column=header, default=words[default][0],
                                              yes=words["true"][0], no=words["false"][0])))
    record.unreadable.add(column.target.split(".")[0])


def day_of(value: object) -> date | None:
    """The day of a read 日期 cell: a date, or the day of 'YYYY-MM-DD HH:MM' (a date cell holding a time,
    2026/11/20 22:00); None for anything else."""
    if isinstance(value, date):
        return value
    found = re.match(r"(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}$", str(value))
    return date.fromisoformat(found.group(1)) if found else None


def _start_of(found: dict[str, object]) -> str | None:
    """HH:MM the row starts at: its 时间 cell's start, else the time its 日期 cell holds; None for neither."""
    span = found.get("time")
    if isinstance(span, cells.Span):
        return span.start
    when = str(found.get("date", ""))
    return when[11:] if day_of(when) is not None and len(when) == 16 else None


def _named(problem: CellError, header: str) -> CellError:
    """A problem in check's words (a date line's value.* advice, sheets/datewords.py) with its {field_name}: the
    column's header as written; other problems as they are."""
    if not problem.key.startswith("value."):
        return problem
    return CellError(problem.key, **{**problem.args_, "field_name": f"“{header}”"})


def _clock_alone(problem: CellError, cell: cells.Cell) -> CellError:
    """A 结束 cell that holds a time of day only (07:00, a time cell, 早上7点): import.cell.end_clock, which
    `_past_midnight_example` turns into the row's own day (or the next); other problems as they are."""
    if problem.key != "import.cell.date":
        return problem
    try:
        span = cells.read_time(cell)
    except CellError as refused:  # 晚上12点 alone: the end is the next day's 00:00 (`_dated`)
        if refused.key != "import.cell.time_midnight":
            return problem
        span = cells.Span("00:00")
    return problem if span.end is not None else CellError("import.cell.end_clock", value=cells.plain(cell),
                                                           clock=span.start)


def _past_midnight_example(record: RowRecord, day: date | None, start: str | None) -> None:
    """Advice that names the row's own day, never a fixed example (break17, break20, break21: a 日期 cell
    holding a time, 2026/11/20 22:00, was told 2026-12-06). A time cell ending after midnight that is not
    read (11点到0点: 23:00-00:00; 晚上8点到上午6点) is told to put the end in 结束 with the row's next day
    (import.cell.time_order_day), one ending from NIGHT_ENDS to noon the same and that the 时间 column reads a
    night only up to 08:00 (import.cell.time_order_morning, break21: 22:00-8:30 was told to write the start
    first, 22:00-6:59 read and 22:00-7:00 refused without a word why); a daytime one backwards only to write the start first (break19b:
    14:00-13:00 was offered a 23-hour event); a range whose end says no day and hour (上午9点到次日1点)
    import.cell.time_range_day; a 结束 cell with a time alone (07:00) the day to write before it: the row's,
    or the next when it is not after `start` (import.cell.end_clock_day)."""
    if day is None or day >= DATE_MAX:
        return
    next_day = (day + timedelta(days=1)).isoformat()
    for index, (header, problem) in enumerate(record.problems):
        key, args, late = _dated(problem, start)
        if key is not None:
            record.problems[index] = (header, CellError(key, **args, next_day=next_day,
                                                        day=next_day if late else day.isoformat()))


def _dated(problem: CellError, start: str | None) -> tuple[str | None, dict[str, object], bool]:
    """The key of `problem` said with the row's day, its arguments, and whether the day to name is the next
    one; (None, …) when it names no day."""
    args = dict(problem.args_)
    if problem.key == "import.cell.time_order":  # HH:MM each: an evening into the next morning, 22:00-9:00 shifts
        if str(args.get("start")) < _EVENING or str(args.get("end")) > _MORNING:
            return "import.cell.time_order_dated", args, True
        return ("import.cell.time_order_day" if str(args.get("end")) < NIGHT_ENDS
                else "import.cell.time_order_morning"), args, True
    if problem.key == "import.cell.end_clock":  # 结束 07:00 after a start at 22:00: the next day's
        late = str(args.get("clock")) == "00:00" or (start is not None and str(args.get("clock")) <= start)
        return "import.cell.end_clock_day", args, late
    return _WITH_DAY.get(problem.key), args, True


# keys that name a fixed example day → the same said with the row's (next) day
_WITH_DAY: Final = {"import.cell.time_range": "import.cell.time_range_day",
                    "import.cell.time_midnight": "import.cell.time_midnight_day"}


# What a formula cell holds when its formula failed (a VLOOKUP that found nothing: #N/A): published as
# text before (breaker helper-118: place #N/A/#N/A on a wish page).
EXCEL_ERRORS: Final = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!",
                                 "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#UNKNOWN!"})


def _read(column: Column, cell: cells.Cell, kind: str) -> object:
    if isinstance(cell, str) and cell.strip().upper() in EXCEL_ERRORS:
        raise CellError("import.cell.formula_error", value=cell.strip())
    if (column.cell == "place" or column.target.startswith("place.")) and isinstance(cell, (date, time)):
        shown = f"{cell.month}月{cell.day}日" if isinstance(cell, date) else cells.plain(cell)  # 9-2 typed: 9月2日
        raise CellError("import.cell.place_date", value=shown)
    readers = {
        "text": cells.read_text, "line": cells.read_line, "place": _place, "slug": cells.read_line,
        "date": cells.read_date, "when": cells.read_when, "time": cells.read_time, "phone": cells.read_phone,
        "bool": cells.read_bool, "count": cells.read_count, "money": cells.read_money,
        "percent": cells.read_percent, "list": cells.read_list, "show_phone": cells.read_show_phone,
        "timeline": cells.read_timeline,
    }
    if column.cell == "status":
        return cells.read_status(cell, kind)
    if column.cell == "bool":  # with the field's own words: 党员 and 群众 for party_member (the registry's)
        spec = kind_entry(kind).field(column.target)
        return cells.read_bool(cell, spec.words if spec is not None else None)
    return readers[column.cell](cell)


def _place(cell: cells.Cell) -> str:
    """福桂苑 9栋 2单元, 福桂苑-9栋, 福桂苑／9栋 → 福桂苑/9栋/2单元 (the SPEC's place path)."""
    text = cells.read_line(cell)
    return "/".join(part for part in re.split(r"\s*[/\\／|]\s*|\s+", text) if part)


def _level(text: str, unit: str) -> str:
    """A bare number in the 楼栋 or 单元 column gets its word: 9 → 9栋."""
    return f"{text}{unit}" if text.isdigit() else text


def _combine(found: dict[str, object], place: dict[str, str], record: RowRecord, kind: str) -> None:
    if place and "place" not in found:
        parts = [place.get("place.compound", ""), _level(place.get("place.building", ""), "栋"),
                 _level(place.get("place.unit", ""), "单元")]
        found["place"] = "/".join(p for p in parts if p)
    if "time" in found:
        _timed(found, record, typing.cast(cells.Span, found.pop("time")))
    record.body = str(found.pop("body", "") or "")
    slug = found.pop("id", None)
    nested: dict[str, dict[str, object]] = {}
    for target in [t for t in found if "." in t]:
        outer, inner = target.split(".", 1)
        nested.setdefault(outer, {})[inner] = found.pop(target)
    for outer in _NESTED:
        if outer in nested:
            found[outer] = nested[outer]
    record.fields = {name: found[name] for name in _order(kind) if name in found}
    record.slug = str(slug) if slug else natural_slug(record.fields, kind)


def _timed(found: dict[str, object], record: RowRecord, span: cells.Span) -> None:
    """日期 + 时间 (9:00-11:30) → date: … 09:00, end: … 11:30. A 日期 cell holding a time of its own
    (2026/11/20 9:00, break21: the 时间 cell was dropped without a word) is taken when it is the 时间
    cell's start, else import.cell.time_twice on the 时间 column."""
    when = found.get("date")
    day = day_of(when)
    if day is None:
        return
    if not isinstance(when, date) and str(when)[11:] != span.start:
        record.problems.append((record.source["time"], CellError(
            "import.cell.time_twice", value=str(when), own=str(when)[11:], start=span.start, day=day.isoformat())))
        return
    found["date"] = f"{day.isoformat()} {span.start}"
    if span.end and "end" not in found:  # 晚上8点到12点半: end: <the next day> 00:30
        found["end"] = f"{(day + timedelta(days=span.next_day)).isoformat()} {span.end}"
        record.source["end"] = record.source["time"]  # a problem with this end is the 时间 cell's


def natural_slug(fields: dict[str, object], kind: str) -> str:
    """A stable address from what the record says: a wish by its date and wish, never its wisher."""
    entry = kind_entry(kind)
    if not entry.dated:  # a person where they serve: zhang-jianguo-fuguiyuan-9dong
        levels = [level_slug(level) for level in str(fields.get("place", "")).split("/") if level]
        named = slugify(str(fields.get(entry.title_field, "")), 40)
        return "-".join(p for p in [named, *levels] if p)[:80].strip("-") or "record"
    day = str(fields.get(entry.date_field or "", ""))[:10]
    words = slugify(str(fields.get(entry.title_field, "")), 50) or "record"
    return f"{day}-{words}" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else words


def _scalar(value: object) -> str:
    """A value as one YAML line that sitegen's loader reads back exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?", text):
        return text
    style = '"' if "\n" in text or text != text.strip() else None  # keep it on one line, spaces kept
    dumped: str = yaml.safe_dump(text, allow_unicode=True, default_style=style, width=1 << 30)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def record_text(record: RowRecord, kind: str) -> tuple[str, dict[str, int]]:
    """The file's text and the line of each top-level field (for mapping problems back to columns)."""
    lines: list[str] = []
    at: dict[str, int] = {}
    front = SUFFIX[kind] == ".md"
    offset = 3 if front else 2  # the marker (and the opening ---) come first
    for name, value in record.fields.items():
        at[name] = len(lines) + offset
        if isinstance(value, dict):
            lines.append(f"{name}:")
            lines += [f"  {k}: {_scalar(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{name}:")
            for entry in value:
                items = list(entry.items())
                lines.append(f"  - {items[0][0]}: {_scalar(items[0][1])}")
                lines += [f"    {k}: {_scalar(v)}" for k, v in items[1:]]
        elif isinstance(value, list):
            lines.append(f"{name}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{name}: {_scalar(value)}")
    body = "\n".join(lines) + "\n"
    if front:
        body = body + "---\n" + (f"\n{record.body.strip()}\n" if record.body.strip() else "")
        if record.body.strip():  # after the closing --- and a blank line: a problem there is the body's column's
            at["body"] = len(lines) + offset + 2
    digest = content_digest(body)
    head = ("---\n" if front else "") + MARKER.format(digest=digest) + "\n"
    return head + body, at


def content_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _marker(text: str) -> tuple[re.Match[str] | None, str]:
    """The import's marker at the head of a record file (after its front matter's `---`), and the rest."""
    head, _, rest = text.partition("\n")
    if head == "---":
        head, _, rest = rest.partition("\n")
    return _MARKER_RE.match(head), rest


def untouched_since_import(text: str) -> bool:
    """True when the file still holds exactly what an import wrote (its marker's digest matches)."""
    found, rest = _marker(text)
    return found is not None and found.group(1) == content_digest(rest)


def from_an_import(text: str) -> bool:
    """True when the file starts with an import's marker, edited by hand since or not: a record some
    sheet of its kind was imported into."""
    return _marker(text)[0] is not None
