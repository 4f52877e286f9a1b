"""A 日期 cell typed as people write a date line (2026年11月20日 晚上10点, 2026-11-20 22:00-7:00, 11月20日): read as
`sitegen check`'s hint reads the same text on a date line when that is one day (and time), else told what check
tells that line (validate/date_hint.py `explain`). break21: such a cell was told only "不是日期" while check gave
the reading or the advice; the import and check now share the reader."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from sitegen.errors import KeyedError
from sitegen.validate.date_hint import TIME, explain, midnight, typed_numbers

# check's keys that speak of a file's lines (date: …, end: …), said of a sheet's columns instead
_SHEET_KEYS: Final = {"value.datetime_range_typed": "import.cell.date_range_typed",
                      "value.date_range_typed": "import.cell.date_until"}
# a time with no day (07:00) stays import.cell.date: a 结束 cell holding one is told the row's day (sheets/records.py)
_NOT_SAID: Final = frozenset({"value.date_no_day"})


def typed_date(text: str, with_time: bool, refused: type[KeyedError]) -> date | str:
    """`text` (a cell's plain text that is no date as sheets/cells.py reads one) as the day, or 'YYYY-MM-DD HH:MM'
    when `with_time`, that check's hint reads it as (2026年11月20日 晚上10点 → '2026-11-20 22:00'). Else raises
    `refused` (CellError) with check's advice: import.cell.date_only (a time where only a day is asked), a range
    said of the 结束 column (import.cell.date_range_typed, import.cell.date_until), or check's own value.* key
    (no year, 下午 with no hour, 3点: 上午 or 下午?, no such day) with its arguments; the caller adds {field_name}.
    import.cell.date when check has no advice either."""
    found = explain(text, with_time, date.today().year)
    if found is None or found[0] in _NOT_SAID:
        raise refused("import.cell.date", value=text)
    key, args = found
    if key == "value.date_format_hint":
        reading = args["suggestion"]
        return date.fromisoformat(reading) if len(reading) == 10 else reading
    if key == "value.date_only":
        raise refused("import.cell.date_only", value=text, day=args["suggestion"])
    raise refused(_SHEET_KEYS.get(key, key), value=text, **args)


def midnight_after(text: str) -> str | None:
    """'YYYY-MM-DD 00:00' of the day after the one `text` starts with when the rest of it is midnight said as a
    night's end (2026-12-06 晚上12点, 2026年12月6日 24:00: validate/date_hint.py `midnight`), else None.
    breaker s21: such a 日期 cell was told only "不是日期", a 结束 cell 24:00 "not a valid time"."""
    from sitegen.sheets.cells import CellError, read_when

    for cut in range(len(text) - 1, 0, -1):
        said = TIME.fullmatch(typed_numbers(text[cut:].strip(), end=True))
        if said is None or not midnight(said):
            continue
        try:
            day = read_when(text[:cut].strip(), with_time=False)
        except CellError:
            continue
        return f"{(day + timedelta(days=1)).isoformat()} 00:00" if isinstance(day, date) else None
    return None
