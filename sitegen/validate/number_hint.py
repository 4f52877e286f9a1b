"""A number typed the way people write one (1,000 · 1 000 · 一千 · ￥500 · 30人 · 1.5万) read as the
digits the field wants, so the message refusing it can say exactly what to write (写成 1000). Only a
hint, as validate/date_hint.py's: the field itself takes what it always took."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

_BEFORE: Final = re.compile(r"^(?:大约|约|共|计|人民币|RMB|CNY|¥|\$)+\s*", re.IGNORECASE)
_AFTER: Final = re.compile(r"\s*(?:块钱|块|元整|元|人次|人|名|位|个|户|票|次)+$")  # not 多 or 余: 二十多人 is no number
# 百分之五十, 50%, 50%% or %50: a percentage, said only where one is asked (％ is % after NFKC)
_PERCENT: Final = re.compile(r"^(?:百分之|%[%\s]*)|\s*%[%\s]*$")
_TENTHS: Final = re.compile(r"([一二两三四五六七八九十])成")  # 五成: half
_GROUPED: Final = re.compile(r"\d{1,3}(?:[,，'’_\s]\d{3})+(?:\.\d+)?")  # 1,000 1，000 1 000 1'000
# 1.000, 2.500, 1.000.000: a dot where a comma groups thousands? Not 0.500: no thousands start with 0
_DOT_GROUPED: Final = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COMMA_GROUPED: Final = re.compile(r"[+-]?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?")  # 1,000 1，000 1,200.50
# 1.000,50 · 1.234.567,89 · 1 000,50 · 1'000,50: thousands grouped by dots, blanks or apostrophes (one kind
# throughout) and a decimal comma, as European spreadsheets write a sum
_DOT_COMMA: Final = re.compile(r"([1-9]\d{0,2}([.\s'’])\d{3}(?:\2\d{3})*),(\d+)")
_SCALED: Final = re.compile(r"(\d+(?:\.\d+)?)\s*([十百千万亿])")  # 1.5万, 3千
_DIGITS: Final = {c: d for d, chars in enumerate(("零〇", "一壹幺", "二贰两", "三叁", "四肆", "五伍", "六陆", "七柒",
                                                   "八捌", "九玖")) for c in chars}
_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE: Final = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """一千 → 1000, 一百二十 → 120, 十五 → 15, 两万三千 → 23000, 二〇二六 → 2026; a digit right after a
    unit is the next lower unit, as everyone reads it (一万五 → 15000, 二百五 → 250), and after 零 the
    digit itself (一千零五 → 1005); None when `text` is not one number in Chinese numerals."""
    if not text:
        return None
    if all(c in _DIGITS for c in text):  # digit by digit: 二〇二六
        return int("".join(str(_DIGITS[c]) for c in text))
    total = section = 0
    digit: int | None = None
    unit = 0  # the unit just read (0: none, or a 零 since)
    for char in text:
        if char in _DIGITS:
            if digit is not None:
                return None
            digit, unit = (None, 0) if _DIGITS[char] == 0 else (_DIGITS[char], unit)
        elif char in _UNITS or char in _LARGE:
            if char in _LARGE and not (section or digit):
                return None  # 万 alone, 万五: no number before the unit
            if char in _UNITS:
                section += (1 if digit is None else digit) * _UNITS[char]
            else:
                total += (section + (digit or 0)) * _LARGE[char]
                section = 0
            digit, unit = None, _UNITS.get(char) or _LARGE[char]
        else:
            return None
    return total + section + (digit or 0) * (unit // 10 if unit >= 100 else 1)


def _scaled(text: str) -> Decimal | None:
    match = _SCALED.fullmatch(text)
    if match is None:
        return None
    return Decimal(match.group(1)) * (_UNITS.get(match.group(2)) or _LARGE[match.group(2)])


def number_hint(raw: str, whole: bool, percent: bool = False) -> str | None:
    """The digits `raw` means, as the field takes them (`whole`: an integer; `percent`: a percentage,
    where 百分之五十, 50% and 五成 are 50), or None when it does not read as one number (a % where no
    percentage is asked is none; a percentage over 100 is none the field takes), or reads as what was
    typed (then there is nothing to suggest)."""
    text = _AFTER.sub("", _BEFORE.sub("", unicodedata.normalize("NFKC", raw).strip()))
    if percent:
        tenths = _TENTHS.fullmatch(text)
        text = str((chinese_number(tenths.group(1)) or 0) * 10) if tenths else _PERCENT.sub("", text)
    european = _DOT_COMMA.fullmatch(text)
    if european is not None:  # 1.000,50 → 1000.50: no other reading (break21: it was told 例如 200)
        return _dot_comma(european, whole, percent)
    found: Decimal | None = None
    try:
        if _GROUPED.fullmatch(text):
            found = Decimal(re.sub(r"[,，'’_\s]", "", text))
        elif re.fullmatch(r"\d+(?:\.\d+)?", text):
            found = Decimal(text)
        else:
            found = _scaled(text)
            if found is None and (number := chinese_number(text)) is not None:
                found = Decimal(number)
    except InvalidOperation:
        return None
    if found is None or (whole and found != found.to_integral_value()) or (percent and found > 100):
        return None  # 百分之一百二十: no digits to write, progress takes 0–100
    if _DOT_GROUPED.fullmatch(text):  # 1.000: one, or a thousand with a dot? not guessed (`dot_readings` says)
        return None
    said = str(int(found)) if found == found.to_integral_value() else format(found.normalize(), "f")
    return None if said == raw.strip() else said


def _dot_comma(found: re.Match[str], whole: bool, percent: bool) -> str | None:
    """A `_DOT_COMMA` match as the digits to write, its decimals as typed (1.000,50 and 1 000,50 → 1000.50); None where the
    field takes no such number (a count with a fraction, a percentage over 100)."""
    units, decimals = re.sub(r"[.\s'’]", "", found.group(1)), found.group(3)
    if whole or percent:
        return units if not decimals.strip("0") and not (percent and int(units) > 100) else None
    return f"{units}.{decimals}"


def ungrouped(text: str) -> str:
    """`text` without the commas between its groups of three digits (1,000 → 1000, 1，200.50 → 1200.50),
    as a worker copies a figure; else `text` itself: a comma grouping no thousands (1,5) is no 15."""
    return re.sub("[,，]", "", text) if _COMMA_GROUPED.fullmatch(text) else text


def dot_readings(raw: str, whole: bool) -> tuple[str, ...]:
    """What `raw` may mean when a dot in it may stand between thousands, as some keyboards, spreadsheets
    and countries write 1.000 for a thousand (break20: `value: 1.000` was published as 1 元): the
    thousands first, then the number with the dot as a decimal point, as the field writes it (a sum to
    the fen, 1.00; a count whole, 1). One reading where the dot is no decimal point (1.000.000; 2.500
    people), () where `raw` (with its ￥, 元 or 人) has no such dot. Nothing is guessed: the field
    refuses the value, and its message offers these."""
    text = _AFTER.sub("", _BEFORE.sub("", unicodedata.normalize("NFKC", raw).strip()))
    if not _DOT_GROUPED.fullmatch(text):
        return ()
    thousands = text.replace(".", "")
    if text.count(".") > 1:
        return (thousands,)
    number = Decimal(text)
    if whole:
        return (thousands, str(int(number))) if number == number.to_integral_value() else (thousands,)
    return (thousands, str(number.quantize(Decimal("0.01"), ROUND_HALF_UP)))
