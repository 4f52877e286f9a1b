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
    中午 before 1–10 too; 点半 is half past."""
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
    if (part in _AFTERNOON and hour < 12) or (part == "中午" and 1 <= hour <= 10):
        hour += 12
    if hour > 23 or minute > 59:
        return False
    return f"{found.isoformat()} {hour:02d}:{minute:02d}"
