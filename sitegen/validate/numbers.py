"""Count, Percent and Money (SPEC §3: participants, votes, progress, a wish's value) as workers type them.

Each reader takes the value as typed (validate/typed.py `typed`: quotes gone, ends trimmed) and returns
the number, or raises the `value.*` error whose message says what to write. What is taken:

- ASCII digits, and commas between groups of three (`1,000`, `1，000`, `1,200.50`), as a worker copies
  a figure: a comma grouping no thousands (`1,5`) is no 15.
- A sum may end in 元 and has at most two decimals: yuan, jiao, fen. A dot that may stand between
  thousands (`1.000`, `2.500`, as some keyboards and spreadsheets write a thousand) is refused with
  both readings (写成 1000 或 1.00): the dot is never guessed. Other third decimals are refused with the
  sum to the fen (`35.555` → 35.56), as no sum of money has one.
- A count is whole: `1.000` people is told 1000 or 1, `2.500` people 2500.
- A progress is a whole number from 0 to 100 with at most one % or ％ after it, a space before it
  allowed (`80`, `80%`, `80 ％`). Two signs (`100%%`, `100%％`), a sign before the number (`%80`),
  decimals and words (`百分之百`, `五成`) are refused, with the digits to write where they are clear.

Anything else is refused with the digits it reads as (validate/number_hint.py), else with an example.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from pydantic_core import PydanticCustomError

from sitegen.validate.number_hint import dot_readings, number_hint, ungrouped
from sitegen.validate.typed import fail

MAX_COUNT: Final = 10_000_000  # people, votes: a city district, not a typo of nine nines
MAX_MONEY: Final = 100_000_000  # yuan
_DECIMAL: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")  # 1e-05: a float as written
_ONE_SIGN: Final = re.compile(r"(.*?\S)\s*[%％]")  # 80%, 80 ％: one sign after the number
_FEN: Final = Decimal("0.01")


def not_a_number(key: str, typed: str, whole: bool, percent: bool = False) -> PydanticCustomError:
    """A value that is no number as the field takes it: a dot that may group thousands is offered both
    readings (`value.dot_thousands`: number_hint.py `dot_readings`); a value that reads as one number
    is told its digits (1 000, 一千, ￥500, 30人, 百分之五十 → 1000, 500, 30, 50: `number_hint`); anything
    else is shown `key`'s example."""
    readings = () if percent else dot_readings(typed, whole)  # no progress groups thousands
    if len(readings) == 2:
        return fail("value.dot_thousands", value=typed, thousands=readings[0], decimal=readings[1])
    suggestion = readings[0] if readings else number_hint(typed, whole, percent)
    if suggestion is not None:  # a progress is told of no ￥ or unit it never has, only of %
        return fail("value.percent_hint" if percent else "value.number_hint", value=typed, suggestion=suggestion)
    return fail(key, value=typed)


def integer(typed: str, low: int | None = 0, high: int | None = None, percent: bool = False,
            shown: str | None = None) -> int:
    """`typed` as a whole number from `low` to `high`; messages quote `shown` (as typed: 50.5%) or `typed`.
    Raises value.int (or a hint, `not_a_number`), value.min or value.max."""
    shown = shown or typed
    raw = ungrouped(typed)
    if not re.fullmatch(r"[+-]?[0-9]+", raw):  # ASCII digits: int() would also take ١٢
        raise not_a_number("value.int", shown, whole=True, percent=percent)
    if len(raw.lstrip("+-").lstrip("0")) > 12:  # before int(): Python refuses 4,300 digits in English
        raise fail("value.max", value=shown, max=high if high is not None else MAX_COUNT)
    number = int(raw)
    if low is not None and number < low:
        raise fail("value.min", value=shown, min=low)
    if high is not None and number > high:
        raise fail("value.max", value=shown, max=high)
    return number


def count(typed: str) -> int:
    """People or votes: a whole number from 0 to MAX_COUNT."""
    return integer(typed, 0, MAX_COUNT)


def percent(typed: str) -> int:
    """A progress: 0 to 100, with at most one % or ％ after it (`_ONE_SIGN`)."""
    sign = _ONE_SIGN.fullmatch(typed)
    return integer(sign.group(1) if sign else typed, 0, 100, percent=True, shown=typed)


def money(typed: str) -> float:
    """A sum in yuan from 0 to MAX_MONEY, to the fen. Raises value.number (or a hint, `not_a_number`),
    value.dot_thousands, value.min, value.max or value.money_cents."""
    raw = ungrouped(typed.removesuffix("元").strip())
    if not _DECIMAL.fullmatch(raw) or dot_readings(raw, whole=False):  # ASCII digits: float() takes 1_0, ١٢٣, nan
        raise not_a_number("value.number", typed, whole=False)
    number = float(raw)
    if number < 0:
        raise fail("value.min", value=typed, min=0)
    if number > MAX_MONEY:
        raise fail("value.max", value=typed, max=MAX_MONEY)
    exact = Decimal(raw)
    if exact != exact.quantize(_FEN, ROUND_HALF_UP):  # 35.555, 1.2345: no sum of money has a third decimal
        fen = exact.quantize(_FEN, ROUND_HALF_UP)
        said = str(int(fen)) if fen == fen.to_integral_value() else format(fen, "f")
        raise fail("value.money_cents", value=typed, suggestion=said)
    return number
