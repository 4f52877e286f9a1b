"""A number typed with separators, in Chinese numerals, with ￥ or a unit is told the digits to write
(session 15's newcomer: `value: 1,000` said only 应是数字，例如 35 或 35.5). One row per typed value and
field type: wishes' value (Money), participants, attendees and votes (Count), progress (Percent)."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from sitegen.i18n.messages import Messages
from sitegen.validate import fields

HINT = "只写阿拉伯数字，不加逗号、空格、￥或单位：请写成 {}（现在是"
PERCENT_HINT = "只写 0 到 100 的阿拉伯数字，不加 % 或文字：请写成 {}（现在是"

ROWS = [
    # (field type, typed, the digits the message must name; None: the generic example stays)
    ("Money", "1 000", "1000"),
    ("Money", "1\u3000000", "1000"),
    ("Money", "一千", "1000"),
    ("Money", "两千五百", "2500"),
    ("Money", "￥500", "500"),
    ("Money", "¥500", "500"),
    ("Money", "500块", "500"),
    ("Money", "人民币200元", "200"),
    ("Money", "1.5万", "15000"),
    ("Money", "很多", None),
    ("Count", "1 000", "1000"),
    ("Count", "一千", "1000"),
    ("Count", "一百二十", "120"),
    ("Count", "30人", "30"),
    ("Count", "十五名", "15"),
    ("Count", "12票", "12"),
    ("Count", "二十多人", None),  # no one number: the worker counts
    ("Count", "35.5", None),
    ("Percent", "五十", "50"),
    ("Percent", "八十％", "80"),
    # break15: a digit after a unit is the next lower unit, as everyone reads it (一万五 is 15000, not 10005)
    ("Money", "一万五", "15000"),
    ("Money", "三千五", "3500"),
    ("Money", "两万三", "23000"),
    ("Count", "二百五", "250"),
    ("Count", "一百一", "110"),
    ("Money", "一千零五", "1005"),
    ("Money", "三万零五百", "30500"),
    ("Money", "一万零五", "10005"),
    ("Money", "万", None),  # no number before the unit: not 0
    ("Money", "亿", None),
    # break15: a comma that groups no thousands is no number (was taken: participants 1,5 → 15, progress 1,5 → 15)
    ("Count", "1,5", None),
    ("Count", "12,34", None),
    ("Count", "1，5", None),
    ("Percent", "1,5", None),
    # ("Count", "1.000"): one, or a thousand written with a dot? not guessed, both offered (test_number_spellings.py)
    # left16: a percentage in words is told its digits (was 应是整数，例如 12)
    ("Percent", "百分之五十", "50"),
    ("Percent", "百分之八十五", "85"),
    ("Percent", "百分之百", "100"),
    ("Percent", "五成", "50"),
    # break16: a percentage over 100 is not told its digits (was 请写成 120, which progress refuses)
    ("Percent", "百分之一百二十", None),
    ("Percent", "百分之200", None),
    # left16: a % where no percentage is asked is no number of people or yuan (was 请写成 50)
    ("Count", "50%", None),
    ("Count", "百分之五十", None),
    ("Money", "50%", None),
    ("Money", "50％", None),
    # break17: a sum is read from ASCII digits only, as a count is (float() took 1_0 as 10, ١٢٣ as 123 and
    # １００ silently, and called nan and inf "less than 0" and "more than 100000000")
    ("Money", "１００", "100"),
    ("Money", "２００元", "200"),
    ("Money", "1_000", "1000"),
    ("Money", "1_0", None),  # no groups of three: not guessed
    ("Money", "١٢٣", "123"),
    ("Money", "nan", None),
    ("Money", "inf", None),
    ("Money", "-inf", None),
]
CHECKS = {"Money": fields._money, "Count": fields._count, "Percent": fields._percent}


@pytest.mark.parametrize(("kind", "typed", "digits"), ROWS)
def test_a_typed_number_is_told_its_digits(kind: str, typed: str, digits: str | None) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        CHECKS[kind](typed)
    said = Messages("zh-Hans").text(caught.value.type, field="value", **caught.value.context)
    if digits is None:
        assert "例如" in said and "请写成" not in said, said
    else:  # a progress is told of % and words, never of ￥ or units (newcomer16)
        assert (PERCENT_HINT if kind == "Percent" else HINT).format(digits) in said, said


@pytest.mark.parametrize(("kind", "typed", "value"), [
    ("Count", "1,000", 1000), ("Count", "1，000", 1000), ("Money", "35.5元", 35.5), ("Percent", "50%", 50),
    ("Percent", "50％", 50), ("Percent", "50 %", 50),  # newcomer17: 50% was taken, 50％ told 不加 %
    ("Count", "1,234,567", 1234567),
    # a sum takes commas between groups of three as a count does (newcomer16: value: 1,000 was refused,
    # participants: 1,000 taken)
    ("Money", "1,000", 1000), ("Money", "1，000", 1000), ("Money", "1,000.50", 1000.5), ("Money", "12,500元", 12500),
])
def test_what_was_taken_is_still_taken(kind: str, typed: str, value: float) -> None:
    assert CHECKS[kind](typed) == value


@pytest.mark.parametrize(("check", "typed"), [
    # s17: a progress was quoted without its % (进度应是整数，例如 12（现在是“50.5”）), so the worker
    # looked for a 50.5 the file did not have
    (fields._percent, "50.5%"),
    (fields._percent, "120%"),
    (fields._percent, "-5%"),
    (fields._percent, "“50.5%”"),  # in Chinese quotes: quoted once
    # a count past its limit and a sum below zero were quoted as read (commas and 元 gone)
    (fields._count, "1,000,000,000,000,000"),
    (fields._money, "-50元"),
    (fields._count, "-3"),
    # a yes or no was quoted in lower case (现在是“maybe”)
    (fields._boolean, "MAYBE"),
])
def test_a_refused_value_is_quoted_as_the_worker_typed_it(check: object, typed: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        check(typed)  # type: ignore[operator]
    said = Messages("zh-Hans").text(caught.value.type, field="value", **caught.value.context)
    assert f"“{typed.strip('“”')}”" in said, said
