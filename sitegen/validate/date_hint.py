"""A date typed the way people write one (2026年12月21日 下午3点, 2026/12/21 15:00, 2026.12.21（周一）)
read as the form the content contract wants (SPEC §2: 2026-12-21, 2026-12-21 15:00), so the message
refusing it can say exactly what to write. Only a hint: the field itself still takes the contract's
form alone, so a file means the same to every reader of it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Final

# A weekday after the date, as Chinese offices write it: （周五） (五) 星期五 礼拜五 (sheets/cells.py reads it too).
WEEKDAY: Final = re.compile(r"\s*(?:[(（]\s*(?:周|星期|礼拜)?[一二三四五六日天]\s*[)）]|(?<=\S)\s+(?:周|星期|礼拜)[一二三四五六日天])")
_DAY: Final = re.compile(r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*[日号]?")
_TIME: Final = re.compile(r"(上午|早上|早晨|中午|下午|傍晚|晚上)?\s*(\d{1,2})\s*(?:(?:[:点时]\s*(\d{1,2})?\s*分?)|(点半))?")
_AFTERNOON: Final = frozenset({"下午", "傍晚", "晚上"})


def suggested(raw: str, with_time: bool) -> str | None:
    """`raw` as YYYY-MM-DD (or YYYY-MM-DD HH:MM when `with_time` and a time was typed), or None when
    it does not read as one day (and time) that exists. 下午/晚上 before an hour under 12 adds 12,
    中午 before 1–10 too; 点半 is half past; 晚上12点 (midnight, the next day) is left unread."""
    reading = read_typed(raw, with_time)
    return reading if isinstance(reading, str) else None


def impossible(raw: str, with_time: bool) -> bool:
    """True when `raw` is typed as a day (and time) people write, but no such day or time exists
    (2026年13月40日, 2026/2/30, 2026年12月21日 25点): the message then says to check the month and
    day, not to learn another form."""
    return read_typed(raw, with_time) is False


def read_typed(raw: str, with_time: bool) -> str | bool | None:
    """The contract's form of `raw` (str: `suggested`); False when it reads as a day or time that
    does not exist (`impossible`); None when it does not read as a day at all."""
    text = WEEKDAY.sub(" ", unicodedata.normalize("NFKC", raw), count=1).strip()
    day = _DAY.match(text)
    if day is None:
        return None
    rest = text[day.end():].strip()
    time = _TIME.fullmatch(rest) if rest else None
    if rest and (not with_time or time is None):
        return None
    try:
        found = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    except ValueError:
        return False
    if time is None:
        return found.isoformat()
    part, hour, minute = time.group(1), int(time.group(2)), 30 if time.group(4) else int(time.group(3) or 0)
    if part in _AFTERNOON and hour == 12:  # 晚上12点 is midnight, the next day's 00:00: not noon, no guess
        return None
    if (part in _AFTERNOON and hour < 12) or (part == "中午" and 1 <= hour <= 10):
        hour += 12
    if hour > 23 or minute > 59:
        return False
    return f"{found.isoformat()} {hour:02d}:{minute:02d}"


_COMPACT: Final = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20261201, as a spreadsheet or a file name writes it
_NO_YEAR: Final = re.compile(r"(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*[日号]?")
_RANGE: Final = re.compile(r"\s*(?:至|到|~|～|—|–|－|-)\s*")
_PART_HOURS: Final = {"上午": 9, "早上": 8, "早晨": 8, "中午": 12, "下午": 15, "傍晚": 18, "晚上": 19}


def _day_of(text: str) -> tuple[date | None, str] | None:
    """The day `text` starts with (None when no such day) and what follows it; None when it starts with none."""
    found = _DAY.match(text) or _COMPACT.match(text)
    if found is None:
        return None
    try:
        day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        day = None
    return day, text[found.end():].strip()


def explain(raw: str, with_time: bool, year: int) -> tuple[str, dict[str, str]] | None:
    """Why `raw` is not the contract's date and what to write instead, as (message key, its arguments):
    `read_typed`'s reading (value.date_format_hint, value.date[time]_typed_invalid), then a day typed
    without dashes (20261201), with a time where only the day is asked (value.date_only), with 上午/下午
    and no hour (value.date_part_of_day), as a range (value.date_range_typed) or without a year (value.date_no_year;
    `year` is the example's, never taken as the value's). None when `raw` does not read as a day at all."""
    reading = read_typed(raw, with_time)
    if isinstance(reading, str):
        return "value.date_format_hint", {"suggestion": reading}
    if reading is False:
        return ("value.datetime_typed_invalid" if with_time else "value.date_typed_invalid"), {}
    text = WEEKDAY.sub(" ", unicodedata.normalize("NFKC", raw), count=1).strip()
    found = _day_of(text)
    if found is None:
        short = _NO_YEAR.fullmatch(text)
        if short is None or not 1 <= int(short.group(1)) <= 12 or not 1 <= int(short.group(2)) <= 31:
            return None
        rest = f"{int(short.group(1)):02d}-{int(short.group(2)):02d}"
        return "value.date_no_year", {"rest": rest, "example": f"{year}-{rest}"}
    day, rest = found
    if day is None:
        return ("value.datetime_typed_invalid" if with_time else "value.date_typed_invalid"), {}
    return _after_day(day.isoformat(), rest, with_time)


def _after_day(day: str, rest: str, with_time: bool) -> tuple[str, dict[str, str]] | None:
    """The hint for a day followed by `rest` (nothing, a time, 下午, or 至 another day)."""
    if not rest:
        return "value.date_format_hint", {"suggestion": day}
    if rest in _PART_HOURS:
        if not with_time:
            return "value.date_only", {"suggestion": day}
        return "value.date_part_of_day", {"part": rest, "suggestion": day, "example": f"{day} {_PART_HOURS[rest]:02d}:00"}
    if _TIME.fullmatch(rest):
        return None if with_time else ("value.date_only", {"suggestion": day})
    after = _RANGE.match(rest)
    if after is not None and after.end() < len(rest):
        return "value.date_range_typed", {"suggestion": day, "until": rest[after.end():]}
    return None
