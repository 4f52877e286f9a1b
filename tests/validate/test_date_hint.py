"""validate/date_hint.py reads a date typed the way people write one as the form the contract
wants, for the message refusing it; anything it cannot read as one real day (and time) gives None,
and the message shows the pattern instead."""

from __future__ import annotations

import pytest

from sitegen.validate.date_hint import impossible, suggested

CASES = [
    # typed, the field takes a time too → the hint
    ("2026/12/21", True, "2026-12-21"),
    ("2026.12.21", False, "2026-12-21"),
    ("2026年12月21日", False, "2026-12-21"),
    ("２０２６年１２月２１日", False, "2026-12-21"),  # full-width digits
    ("2026年12月21日（周一）", False, "2026-12-21"),
    ("2026/12/21 星期一", False, "2026-12-21"),
    ("2026年12月21日 下午3点", True, "2026-12-21 15:00"),
    ("2026年12月21日下午3点半", True, "2026-12-21 15:30"),
    ("2026/12/21 15:00", True, "2026-12-21 15:00"),
    ("2026/12/21 15：00", True, "2026-12-21 15:00"),  # a Chinese colon in the time
    ("2026年12月21日 9点30分", True, "2026-12-21 09:30"),
    ("2026年12月21日 晚上7点", True, "2026-12-21 19:00"),
    ("2026年12月21日 中午12点", True, "2026-12-21 12:00"),
    ("2026年12月21日 中午1点", True, "2026-12-21 13:00"),
    ("2026年12月21日 下午15点", True, "2026-12-21 15:00"),  # already past noon: kept
    ("2026/12/21 15:00", False, None),  # a day-only field: a time is no part of the answer
    ("2026年2月30日", False, None),  # no such day
    ("2026年12月21日 25点", True, None),
    ("2026年12月21日 下午", True, None),  # no hour
    ("12月21日", False, None),  # no year: not guessed
    ("下周一", False, None),
    ("2026-12-21 3pm", True, None),
]


@pytest.mark.parametrize(("typed", "with_time", "hint"), CASES)
def test_a_typed_date_reads_as_the_contract_form(typed: str, with_time: bool, hint: str | None) -> None:
    assert suggested(typed, with_time) == hint


# typed as a day (and time) people write, but no such day or time: the message says to check it
IMPOSSIBLE = [
    ("2026年13月40日", False, True),
    ("2026年2月30日", False, True),
    ("2026/2/29", False, True),  # 2026 is not a leap year
    ("2028/2/29", False, False),  # 2028 is
    ("２０２６年０月１日", False, True),  # full-width digits, month 0
    ("2026-2-30", False, True),  # the contract's separators without the zeros
    ("2026年12月21日 25点", True, True),
    ("2026年12月21日 9点70分", True, True),
    ("2026年12月21日 下午12点半", True, False),  # 12:30: already past noon
    ("2026年12月32日 下午3点", True, True),
    ("2026年12月32日 下午3点", False, False),  # a time in a day-only field: not read as a day at all
    ("2026年12月21日", False, False),
    ("12月40日", False, False),  # no year: not read as a day
    ("下周一", False, False),
]


@pytest.mark.parametrize(("typed", "with_time", "no_such_day"), IMPOSSIBLE)
def test_a_typed_day_that_does_not_exist_is_told_apart(typed: str, with_time: bool, no_such_day: bool) -> None:
    assert impossible(typed, with_time) is no_such_day
    if no_such_day:
        assert suggested(typed, with_time) is None
