"""A cell's value as Excel shows it, where its number format changes what it says.

openpyxl gives the value stored: a cell a worker typed as 100% holds 1, a landline kept as a number
holds no leading 0, a date typed 9-2 into a 楼栋 holds a date, and the date formats a Chinese Excel
writes by id alone (27–36, 50–58: m月d日, yyyy年m月d日, h时mm分) read as plain numbers. The import reads
what the worker saw (sheets/read.py reads every cell through `shown`).
"""

from __future__ import annotations

import re
from datetime import datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from openpyxl.utils.datetime import from_excel

from sitegen.sheets.cells import Cell

# ECMA-376 Part 1 §18.8.30: the built-in formats of a Chinese (Simplified) Excel that are dates or
# times; openpyxl knows only the ids below 50 that every locale shares, and names these "General".
_CJK_DATE_IDS: Final = frozenset({27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58})
_CJK_TIME_IDS: Final = frozenset({32, 33, 34, 35, 55, 56})
_DECIMALS: Final = re.compile(r"\.([0#?]+)")  # the digits a format shows after its point
_PLAIN_NUMBER: Final = re.compile(r"[#0,]*0(?:\.(0+))?")  # 0, 0.00, #,##0.00: a number rounded to its decimals
_MONEY: Final = re.compile(r"[¥￥$\s]")  # currency signs and spaces a number format shows around it
_CONDITION: Final = re.compile(r"\[[<>=]")  # a section chosen by a condition on the value
_CLOCK: Final = re.compile(r"[hs]|上午|下午|am/pm|a/p", re.I)  # what a format shows of the time of day
_QUOTED: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # a format's literal text, escapes and [colour] parts


def shown(value: Cell, number_format: str | None, format_id: int | None = None) -> Cell:
    """A cell's value as Excel shows it where its number format changes what it says, else `value`.

    openpyxl gives the stored number: a cell a worker typed as 100% holds 1, and 12.5% holds 0.125,
    which a 进度 column would take as 1 and 12 (ECMA-376 Part 1 §18.8.31: a % outside quotes
    multiplies the shown value by 100). Such a cell is read as the text shown, rounded to the
    format's decimals as Excel rounds ("100%", "12.5%" under 0.0%, 83% for =5/6 under 0%), which
    the percent column reads and any other column quotes in its message as the worker saw it.
    A number under a plain format (0.00, #,##0.00, ¥#,##0.00) is read rounded to its decimals, as
    shown: =1000/3 under 0.00 is 333.33, 199.999 is 200 (its 价值 was offered 请写成 199999).
    A whole number in a format of digit placeholders and literal text is read as shown: a landline's
    leading 0 kept by 00000000000 or 0000-00000000 (05511234567, 0551-63351234), a 楼栋 of 0"号楼"
    (9号楼, as a typed 9号楼 is: breaker helper-118 found two boards for one building).
    A serial under a built-in Chinese date or time format (`format_id` 27–36, 50–58) is the datetime
    it shows; a date whose format shows no time of day is that day (`_dated`). Other dates are read
    as dates by openpyxl already (data_only, its is_date_format).
    """
    if isinstance(value, datetime):
        return _dated(value, number_format or "")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    if format_id in _CJK_DATE_IDS or format_id in _CJK_TIME_IDS:
        return _serial_shown(float(value), format_id in _CJK_TIME_IDS)
    if not number_format or _CONDITION.search(number_format):  # [>100]0"号楼";0"栋": which section shows is Excel's
        return value
    bare = _QUOTED.sub("", number_format.split(";", 1)[0])
    if "%" in bare:
        point = _DECIMALS.search(bare)
        places = len(point.group(1)) if point else 0  # 0.0% shows one
        try:
            hundred = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # inf, nan
            return value
        return f"{hundred:f}%"
    if isinstance(value, float) and not value.is_integer() and (plain := _PLAIN_NUMBER.fullmatch(_MONEY.sub("", bare))):
        places = len(plain.group(1) or "")  # =1000/3 under 0.00 shows 333.33, 199.999 shows 200.00
        try:
            rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # inf, nan
            return value
        return int(rounded) if places == 0 or rounded == rounded.to_integral_value() else float(rounded)
    if float(value).is_integer() and value >= 0:
        text = _whole_shown(int(value), number_format.split(";", 1)[0])
        return text if text is not None and text != str(int(value)) else value  # 0 or 00 of 12: the number
    return value


_TOKEN: Final = re.compile(r'"([^"]*)"|\\(.)|\[[^\]]*\]|([0#])|(.)', re.S)
_NOT_WHOLE: Final = frozenset("?.,Ee/@*_") | frozenset("ABCDFGHIJKLMNOPQRSTUVWXYZabcdfghijklmnopqrstuvwxyz")


def _whole_shown(number: int, section: str) -> str | None:
    """`number` as a format of digit placeholders (0, #) and literal text shows it, or None for any
    other format (General, #,##0, decimals, dates …: read as stored). Excel fills the placeholders
    from the right, a 0 showing 0 and a # nothing where the digits have run out, and gives the first
    placeholder any digits left over: 0000-00000000 shows 551 63351234 as 0551-63351234,
    "0"0000000000 shows 0 then ten digits, 0"号楼" and #"号楼" show 9号楼 (ECMA-376 Part 1 §18.8.31)."""
    parts: list[tuple[str, str]] = []  # (literal text, "") or ("", the placeholder 0 or #)
    for quoted, escaped, digit, other in _TOKEN.findall(section):
        if other and other in _NOT_WHOLE:
            return None
        if digit:
            parts.append(("", digit))
        elif quoted or escaped or other:
            parts.append((quoted or escaped or other, ""))
    slots = [i for i, (_, placeholder) in enumerate(parts) if placeholder]
    if not slots:
        return None
    shown = [text for text, _ in parts]
    left = str(number) if number else ""
    for i in reversed(slots):
        piece, left = (left, "") if i == slots[0] else (left[-1:], left[:-1])
        shown[i] = piece or ("0" if parts[i][1] == "0" else "")
    text = "".join(shown)
    return text if any(character.isdigit() for character in text) else None


def _dated(value: datetime, number_format: str) -> datetime:
    """A date cell whose format shows no time of day (yyyy-mm-dd over =NOW() or a form's export) is
    the day it shows (breaker helper-118: 14:23 published on an activity shown as 2026-02-10)."""
    bare = _QUOTED.sub("", number_format.split(";", 1)[0])
    if (value.hour, value.minute, value.second) != (0, 0, 0) and bare and not _CLOCK.search(bare) \
            and number_format.lower() != "general":
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    return value


def _serial_shown(serial: float, clock: bool) -> Cell:
    """An Excel serial under a built-in Chinese date (or time) format: the datetime it shows (a time of
    day alone, under a time format, for a fraction of a day), read by openpyxl's own `from_excel`."""
    if not 1 <= serial < 2_958_466 and not (clock and 0 <= serial < 1):  # 9999-12-31: what Excel can show
        return serial
    moment: datetime | time = from_excel(serial + 30 / 86_400 if clock else serial)  # a clock: the nearest minute
    if isinstance(moment, time):  # a fraction of a day
        return time(moment.hour, moment.minute)
    # a date format (yyyy年m月d日, m月d日) shows no time of day: the day it shows (breaker helper-120)
    return moment.replace(second=0, microsecond=0) if clock else moment.replace(hour=0, minute=0, second=0, microsecond=0)
