"""Read one sheet cell as the value a record field wants, undoing what Excel does to data.

Excel stores a phone number typed as a number (13812345678.0), shows a long one as 1.38E+10,
keeps dates as serial numbers (45231 = 2023-11-01 in the 1900 date system), and a CSV saved on
a Chinese Windows carries full-width digits and spaces. Each reader here takes the cell as
openpyxl or the csv module gives it (str, int, float, bool, datetime, date, time or None) and
returns the field's value, or raises CellError with a message key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final, NamedTuple

from sitegen.errors import KeyedError
from sitegen.kinds.shape import Words
from sitegen.sheets.columns import SHOW_PHONE_WORDS, STATUS_WORDS, word_key
from sitegen.sheets.datewords import midnight_after, typed_date
from sitegen.sheets.timewords import part_of_day
from sitegen.validate.number_hint import dot_readings, number_hint, ungrouped
from sitegen.validate.yesno import sheet_words, yes_no_table
from sitegen.validate.date_hint import (TIME, WEEKDAY, clock_span, midnight, range_end, read_clock, readings,
                                       typed_numbers)

Cell = str | int | float | bool | datetime | date | time | None

# Excel's 1900 date system counts days from 1899-12-30 (its 1900-02-29 that never was included).
_EXCEL_EPOCH: Final = date(1899, 12, 30)
_SERIAL_RANGE: Final = (1, 2958465)  # 1900-01-01 … 9999-12-31
_TEXT_DATE: Final = re.compile(
    r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?"
    r"(?:(?:\s*[T ]|(?<=日))\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*\d{2})?\s*(?:秒|分)?)?$")
_COMPACT_DATE: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SCIENTIFIC: Final = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.IGNORECASE)
_LIST_SPLIT: Final = re.compile(r"\s*[、，,;；\n]\s*")
_MONEY: Final = re.compile(r"^[¥￥]?\s*(-?\d+(?:\.\d+)?)\s*(?:元|块)?$")
_PERCENT: Final = re.compile(r"^(-?\d+(?:\.\d+)?)\s*%?$")
_TIMELINE_ENTRY: Final = re.compile(r"^\s*(\S+?)\s*[：:\s]\s*(.+)$")


class CellError(KeyedError):
    """A cell that cannot become its field's value; `key` is a message key, `args_` its placeholders."""


def plain(cell: Cell) -> str:
    """The cell as text: full-width digits and spaces folded (NFKC), ends trimmed; '' when empty."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M") if (cell.hour, cell.minute) != (0, 0) else cell.date().isoformat()
    if isinstance(cell, (date, time)):
        return cell.isoformat(timespec="minutes") if isinstance(cell, time) else cell.isoformat()
    return unicodedata.normalize("NFKC", _visible(str(cell))).strip()


def blank(cell: Cell) -> bool:
    return plain(cell) == ""


def read_text(cell: Cell) -> str:
    """Several lines allowed (a pledge, a write-up); NFKC keeps Chinese punctuation as typed."""
    if isinstance(cell, str):
        return _visible(cell).strip().replace("\u3000", " ")
    return plain(cell)


def _visible(text: str) -> str:
    """Line breaks as \\n, a tab as a space, and no control, zero-width or bidi characters.

    Cells copied from web pages and WeChat carry zero-width spaces and stray control characters
    (a bell, a vertical tab); a record never keeps them (an .xlsx cannot even hold them).
    """
    from sitegen.validate.fields import clean_text

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\t", " ")
    if text.isprintable():
        return text
    return "\n".join(clean_text(line) for line in text.split("\n"))


def read_line(cell: Cell) -> str:
    """One line: inner line breaks (Alt+Enter in Excel) become spaces."""
    return re.sub(r"\s*\n\s*", " ", read_text(cell))


def read_phone(cell: Cell) -> str:
    """Digits as typed: 13812345678.0 → 13812345678; a number Excel cut to 1.38E+10 is an error."""
    if isinstance(cell, bool):
        raise CellError("import.cell.phone")
    if isinstance(cell, float):
        if not cell.is_integer():
            raise CellError("import.cell.phone")
        return str(int(cell))
    if isinstance(cell, int):
        return str(cell)
    text = plain(cell)
    if _SCIENTIFIC.match(text.replace(" ", "")):
        raise CellError("import.cell.phone_scientific", value=text)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text


def _serial(number: float) -> date:
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise CellError("import.cell.date", value=plain(number))
    return _EXCEL_EPOCH + timedelta(days=int(number))


def read_when(cell: Cell, with_time: bool = True) -> date | str:
    """A date (2021/8/6, 2021年8月6日, 2021.8.6, 20210806, a date cell or serial) or 'YYYY-MM-DD HH:MM'; other text as
    check's hint reads it on a date line, or its advice (sheets/datewords.py `typed_date`; `with_time`: a time is asked)."""
    if isinstance(cell, datetime):
        return cell.date() if (cell.hour, cell.minute) == (0, 0) else cell.strftime("%Y-%m-%d %H:%M")
    if isinstance(cell, date):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if isinstance(cell, float) and not cell.is_integer():
            moment = datetime.combine(_serial(cell), time()) + timedelta(days=cell % 1)
            return (moment + timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M")
        found = _COMPACT_DATE.match(str(int(cell)))
        if found:
            return _date(found.group(1), found.group(2), found.group(3), cell)
        return _serial(cell)
    text = plain(cell)
    if with_time and (after := midnight_after(text)) is not None:  # 2026-12-06 24:00: told the next day's 00:00
        raise CellError("import.cell.date_midnight", value=text, suggestion=after)
    bare = WEEKDAY.sub("", text, count=1)
    found = _TEXT_DATE.match(bare) or _COMPACT_DATE.match(bare)
    if not found:
        return typed_date(text, with_time, CellError)
    day = _date(found.group(1), found.group(2), found.group(3), text)
    groups = found.groups()
    if len(groups) > 3 and groups[3] is not None and (int(groups[3]), int(groups[4])) != (0, 0):
        return f"{day.isoformat()} {int(groups[3]):02d}:{groups[4]}"
    return day  # midnight (2021/8/6 0:00:00, a date cell saved as text) is the day, as for a date cell


def _date(year: str, month: str, day: str, shown: Cell) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise CellError("import.cell.no_such_date", value=plain(shown)) from None


def read_date(cell: Cell) -> date:
    """A day, whatever Excel made of it; a time of day is not allowed here."""
    found = read_when(cell, with_time=False)
    if isinstance(found, str):
        raise CellError("import.cell.date_only", value=found, day=found[:10])
    return found


Reading = tuple[str, str]  # HH:MM and the words it is said in (下午3点), as date_hint.py `readings` gives them
_JOINT: Final = re.compile(r"\s*(?:-|–|—|~|～|至|到)\s*")
_CLOCK_MARK: Final = re.compile(r"[:点时]")  # 9点, 9时, 9:00: a bare 9 is no time (a day? a count?)


class Span(NamedTuple):
    """A time cell read (`read_time`): its start and end as HH:MM (end None when only a start is
    written), and whether the end is on the day after the row's date (an evening into the small hours:
    晚上8点到12点半 is Span("20:00", "00:30", True)), which the import writes as end: <next day> 00:30."""

    start: str
    end: str | None = None
    next_day: bool = False


def read_time(cell: Cell) -> Span:
    """`_read_time`, and a part of the day with no hour in it (晚上, 夜里, 晚上8点到凌晨) told the hour to add
    (import.cell.time_part_of_day, with date_hint.py PART_EXAMPLES: 晚上7点, that is 19:00)."""
    try:
        return _read_time(cell)
    except CellError as refused:
        if refused.key != "import.cell.time":
            raise
        said = part_of_day(plain(cell), _JOINT.split(plain(cell)), _read_time)
        raise refused if said is None else CellError(said.pop("key"), **said) from None


def _read_time(cell: Cell) -> Span:
    """'09:00', '下午3点', '14:00-16:30', '下午2点到4点', '晚上8点到12点半' or a time cell → `Span`.

    A range is read first as the content check reads one on a date line (validate/date_hint.py
    `clock_span`): 下午/晚上 before an hour under 12 adds 12, a part of the day written before the
    start carries to the end, and an evening that runs into the small hours ends the next day
    (晚上8点到12点半, 晚上9点-凌晨1点, 20:00-00:30, 晚上11点到次日凌晨1点). An hour of 1–11 with 点
    and no 上午/下午 (3点: 03:00 or 15:00?) is not guessed: CellError import.cell.time_ambiguous names
    both readings; a range the content check does not read is read when one reading only ends after
    it starts (9点-11:30, 19:00-9点), and an end never after the start is import.cell.time_order
    (`_range`: 14:00-13:00, 晚上8点到上午6点). Other text: import.cell.time.
    """
    if isinstance(cell, (datetime, time)):
        return Span(f"{cell.hour:02d}:{cell.minute:02d}")
    if isinstance(cell, float) and 0 <= cell < 1:  # a time stored as a fraction of a day
        minutes = min(round(cell * 24 * 60), 24 * 60 - 1)  # 23:59:59 is 23:59, no 24:00
        return Span(f"{minutes // 60:02d}:{minutes % 60:02d}")
    text = plain(cell)
    parts = _JOINT.split(text)
    if not 1 <= len(parts) <= 2:
        raise CellError("import.cell.time", value=text)
    if len(parts) == 2:
        return _time_range(text, parts[0], parts[1])
    found = _clocks(parts[0], None, text)
    if len(found) > 1:
        raise _ambiguous(text, [(first,) for first in found])
    return Span(found[0][0])


def _time_range(text: str, start: str, until: str) -> Span:
    """`text`, a range from `start` to `until`: as the content check reads it (`_as_checked`), else the
    one reading that ends after it starts (`_range`). Both ends written as times (点, 时, a colon) that
    read as no range (下午3点到0点半, 上午9点到次日1点: which day's 1点?, 晚上8点到次日晚上12点) are
    import.cell.time_range, which says to write the start alone and the end with its day in 结束."""
    checked = _as_checked(start, until)
    if checked is not None:
        return checked
    try:
        found = [_clocks(start, None, text), _clocks(until, start, text)]
    except CellError as refused:
        if refused.key == "import.cell.time" and all(_CLOCK_MARK.search(typed_numbers(p)) for p in (start, until)):
            raise CellError("import.cell.time_range", value=text) from None
        raise
    return Span(*_range(text, found[0], found[1]))


def _as_checked(start: str, until: str) -> Span | None:
    """The range `start`-`until` as the content check reads it (date_hint.py `clock_span`), each end
    written with 点, 时 or a colon; None when it does not read there (3点到5点: which 3点?)."""
    begun = TIME.fullmatch(typed_numbers(start))
    if begun is None or not all(_CLOCK_MARK.search(typed_numbers(part)) for part in (start, until)):
        return None
    span = clock_span(begun, typed_numbers(until, end=True))
    return None if span is None else Span(span[0], span[1], bool(span[2]))


def _clocks(part: str, start: str | None, text: str) -> list[Reading]:
    """The readings of one end of `text`: one when sure, two (daylight first) for 3点; `start` is the
    range's start when `part` is its end (下午2点到4点: 下午 is the end's too)."""
    match = range_end(TIME.fullmatch(typed_numbers(start)) if start is not None else None,
                      typed_numbers(part, end=start is not None))
    if match is None or not (match.group(3) or match.group(5)):  # no 点, 时 or colon: 9 alone is no time
        raise CellError("import.cell.time", value=text)
    reading = read_clock(match)
    if not isinstance(reading, str) and start is not None and midnight(match):
        return [("00:00", part)]  # 晚上11点到12点 ends the next day: `_range` says to put it in 结束
    if reading is None and match.group(1) is None:
        return list(readings(match))
    if not isinstance(reading, str):  # 25:00; a lone 晚上12点 or 24:00 (no range) is the next day's 00:00: which day?
        alone = start is None and part == text and midnight(match)
        raise CellError("import.cell.time_midnight" if alone else "import.cell.time", value=text)
    return [(reading, part)]


def _range(text: str, starts: list[Reading], ends: list[Reading]) -> tuple[str, str]:
    """The one range `starts` and `ends` make that ends after it starts, each start with its nearest
    end (5点-7点 is 17:00-19:00 or 05:00-07:00, never 17:00-07:00). An end past midnight within 12
    hours is a reading too (11点到1点: 11:00-13:00 or 23:00-01:00?); with none that ends after its
    start, import.cell.time_order (14:00-13:00; 11点到0点, 23:00-00:00: the end, next day, goes in 结束)."""
    day = [(s, min(e for e in ends if e[0] > s[0])) for s in starts if any(e[0] > s[0] for e in ends)]
    night = [(s, e) for s in starts for e in ends if e[0] <= s[0] and _minutes(e[0]) + 24 * 60 - _minutes(s[0]) <= 720]
    if not day:
        start, end = night[0] if night else (starts[0], ends[0])
        raise CellError("import.cell.time_order", value=text, start=start[0], end=end[0])
    if len(day) == 1 and not night:
        return day[0][0][0], day[0][1][0]
    raise _ambiguous(text, (day + night)[:2])


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])


def _ambiguous(text: str, options: Sequence[tuple[Reading, ...]]) -> CellError:
    """import.cell.time_ambiguous with two readings of the time (or of a range, its ends joined)."""
    first, second = ("-".join(r[0] for r in option) for option in options)
    said, other = ("到".join(r[1] for r in option) for option in options)
    return CellError("import.cell.time_ambiguous", value=text, first=first, first_words=said, second=second,
                     second_words=other)


def read_bool(cell: Cell, words: Words | None = None) -> bool:
    """是/否, √/×, yes/no … and the field's own `words` (the registry's: 党员, 群众 for party_member), read
    as a record file reads them (validate/yesno.py): one word list for both."""
    if isinstance(cell, bool):
        return cell
    found = yes_no_table(words).get(word_key(plain(cell)))
    if found is None and words:  # break21: 政治面貌 “团员?” was told only 是 or 否, never 党员 or 群众
        raise CellError("import.cell.bool_words", value=plain(cell), words=sheet_words(words))
    if found is None:
        raise CellError("import.cell.bool", value=plain(cell))
    return found


def _dot_thousands(text: str, whole: bool) -> None:
    """CellError import.cell.dot_thousands for a text whose dot may stand between thousands (1.000: a
    thousand, or one?), with both readings, as a record file is told (validate/number_hint.py)."""
    readings = dot_readings(text, whole)
    if len(readings) == 2:
        raise CellError("import.cell.dot_thousands", value=text, thousands=readings[0], decimal=readings[1])


def _not_a_number(text: str, whole: bool, key: str) -> CellError:
    """`key` for a cell that is no number, or import.cell.number_hint with the digits it reads as, as a record
    file's check says (validate/numbers.py `not_a_number`; break21: 1.000.000 元 was told 例如 200)."""
    readings = dot_readings(text, whole)
    suggestion = readings[0] if len(readings) == 1 else number_hint(text, whole, False)
    return CellError(key, value=text) if suggestion is None else CellError("import.cell.number_hint", value=text,
                                                                         suggestion=suggestion)


def read_count(cell: Cell) -> int:
    """A whole number ≥ 0 (12, 12.0, ' 12 人', '1,000'); '1.000' is asked (`_dot_thousands`)."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer():
        return int(cell)
    text = ungrouped(re.sub(r"\s*(人|人次|票|个)$", "", plain(cell)))
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    _dot_thousands(plain(cell), whole=True)
    raise _not_a_number(plain(cell), True, "import.cell.count")


def read_money(cell: Cell) -> int | float:
    """Yuan: 200, 200.5, '￥200', '200元', '1,000'; whole amounts stay whole numbers. A text whose dot may
    stand between thousands ('1.000', '2.500元') is asked, never read as 1 (`_dot_thousands`); a comma
    grouping no thousands ('1,5') is no 15."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return int(cell) if float(cell).is_integer() else float(cell)
    _dot_thousands(plain(cell), whole=False)
    found = _MONEY.match(re.sub(r"[\d,]+(?:\.\d+)?", lambda number: ungrouped(number.group()), plain(cell)))
    if not found:
        raise _not_a_number(plain(cell), False, "import.cell.money")
    try:
        amount = Decimal(found.group(1))
    except InvalidOperation:
        raise CellError("import.cell.money", value=plain(cell)) from None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def read_percent(cell: Cell) -> int:
    """80, '80%', or 0.8 from a cell formatted as a percentage."""
    if isinstance(cell, float) and 0 < cell < 1:
        return round(cell * 100)
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if float(cell).is_integer():
            return int(cell)
        raise CellError("import.cell.percent", value=plain(cell))
    found = _PERCENT.match(plain(cell))
    if not found or not float(found.group(1)).is_integer():
        raise CellError("import.cell.percent", value=plain(cell))
    return int(float(found.group(1)))


def read_list(cell: Cell) -> list[str]:
    """收集意见、走访老人 / a;b / one per line → a list; empty parts dropped."""
    return [part for part in _LIST_SPLIT.split(plain(cell)) if part]


def read_status(cell: Cell, kind: str) -> str:
    return _enumeration(cell, STATUS_WORDS[kind], "import.cell.status")


def read_show_phone(cell: Cell) -> str:
    return _enumeration(cell, SHOW_PHONE_WORDS, "import.cell.show_phone")


def _enumeration(cell: Cell, words: dict[str, tuple[str, ...]], key: str) -> str:
    typed = word_key(plain(cell))
    for value, names in words.items():
        if typed in (word_key(n) for n in names):
            return value
    choices = "、".join(names[0] for names in words.values())
    raise CellError(key, value=plain(cell), choices=choices, values=", ".join(words))


def read_timeline(cell: Cell) -> list[dict[str, object]]:
    """One entry a line: '2026-08-20 两个小区完工' → [{'date': 2026-08-20, 'note': '两个小区完工'}]."""
    entries: list[dict[str, object]] = []
    for line in read_text(cell).split("\n"):
        if not line.strip():
            continue
        found = _TIMELINE_ENTRY.match(line)
        if not found:
            raise CellError("import.cell.timeline", value=line.strip())
        entries.append({"date": read_date(found.group(1)), "note": found.group(2).strip()})
    return entries
