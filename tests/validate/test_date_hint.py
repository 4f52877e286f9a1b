"""validate/date_hint.py reads a date typed the way people write one as the form the contract
wants, for the message refusing it; anything it cannot read as one real day (and time) gives None,
and the message shows the pattern instead."""

from __future__ import annotations

from datetime import date

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
    ("2026年12月21日 上午9点30分", True, "2026-12-21 09:30"),
    ("2026年12月21日 9点30分", True, None),  # 09:30 or 21:30: not guessed (left16)
    ("2026-12-21 3点", True, None),  # 03:00 or 15:00: was read as 03:00 (left16)
    ("2026-12-21 凌晨3点", True, "2026-12-21 03:00"),
    ("2026年12月21日 9时30分", True, "2026-12-21 09:30"),  # 时: the 24-hour clock of notices (break16b)
    ("2026年12月21日 15时", True, "2026-12-21 15:00"),
    ("2026年12月21日 9時", True, "2026-12-21 09:00"),
    ("2026年12月21日 淩晨3點", True, "2026-12-21 03:00"),  # break17: 淩晨, as a 繁體 worker types 凌晨
    ("2026-12-21 15点", True, "2026-12-21 15:00"),
    ("2026-12-21 0点", True, "2026-12-21 00:00"),
    ("二〇二六年十二月二十一日", False, "2026-12-21"),  # Chinese numerals
    ("2026年十二月二十一日 下午三点", True, "2026-12-21 15:00"),
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
    # break16: midnight is no noon (凌晨12点 was told 12:00, 晚上0点 12:00, 中午0点 00:00); 凌晨 ends by dawn
    ("2026-12-21 凌晨12点", True, None),
    ("2026-12-21 凌晨12点半", True, None),
    ("2026-12-21 晚上0点", True, None),
    ("2026-12-21 下午0点", True, None),
    ("2026-12-21 中午0点", True, None),
    ("2026-12-21 凌晨11点", True, None),
    ("2026-12-21 凌晨0点30分", True, "2026-12-21 00:30"),
    ("2026-12-21 凌晨6点", True, "2026-12-21 06:00"),
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


class _Year2031(date):
    """`date` whose today() is in 2031: the no-year example names the current year, whatever it is."""

    @classmethod
    def today(cls) -> _Year2031:
        return cls(2031, 5, 1)


# A date as workers type it (session 15's newcomer) → what the zh-Hans message must say: that value's
# own spelling, or why it is wrong, never the generic 2021-08-06 pattern alone.
TYPED = [
    ("20261201", False, "应写成 2026-12-01（"),
    ("20261201", True, "应写成 2026-12-01（"),
    ("2026.12.1", False, "应写成 2026-12-01（"),
    ("2026.12.1", True, "应写成 2026-12-01（"),
    ("2026-12-01 下午", False, "只写日期，不写时间：请写成 2026-12-01（"),
    ("2026-12-01 下午", True, "“下午”不是具体的时间：只写日期就写成 2026-12-01；要写时间，请写上几点几分，例如 2026-12-01 15:00"),
    ("2026-12-01 上午", True, "例如 2026-12-01 09:00"),
    ("12月1日", False, "没有写年份（现在是“12月1日”）：请在前面加上四位的年份，写成 年份-12-01，例如 2031-12-01"),
    ("12/1", True, "写成 年份-12-01"),
    ("2026年12月1日下午3点", True, "应写成 2026-12-01 15:00（"),
    ("2026年12月1日下午3点", False, "只写日期，不写时间：请写成 2026-12-01（"),
    ("2026-12-01 15:00", False, "只写日期，不写时间：请写成 2026-12-01（"),
    ("2026-12-01 至 2026-12-03", True, "开始写在日期和时间（date）一行，写成 date: 2026-12-01；结束写在结束（end）一行，写成 end: 2026-12-03"),
    ("2026年12月1日~12月3日", False, "只能写一天：请写成 2026-12-01（"),
    ("20261301", False, "没有“20261301”这一天"),
    ("下周一", False, "应写成 2021-08-06 这样的格式"),  # not a day at all: the pattern
    # break15: 晚上12点 is midnight, not noon: no time is suggested (was 应写成 2026-12-01 12:00)
    ("2026-12-01 晚上12点", True, "这样的格式"),
    ("2026-12-01 傍晚12点", True, "这样的格式"),
    ("2026-12-01 中午12点", True, "应写成 2026-12-01 12:00（"),
    # left16: an hour with 点 and no 上午/下午 is not guessed (was 应写成 2026-12-01 03:00): both readings
    ("2026-12-01 3点", True, "“3点”没有说是上午还是下午：请写成 2026-12-01 15:00（下午3点）或 2026-12-01 03:00（凌晨3点）"),
    ("2026-12-01 3点半", True, "请写成 2026-12-01 15:30（下午3点半）或 2026-12-01 03:30（凌晨3点半）"),
    ("2026年12月1日 9点30分", True, "请写成 2026-12-01 09:30（上午9点30分）或 2026-12-01 21:30（晚上9点30分）"),
    ("2026-12-01 8点", True, "请写成 2026-12-01 08:00（上午8点）或 2026-12-01 20:00（晚上8点）"),
    ("2026-12-01 三点", True, "请写成 2026-12-01 15:00（下午3点）或 2026-12-01 03:00（凌晨3点）"),
    ("2026-12-01 凌晨3点", True, "应写成 2026-12-01 03:00（"),
    ("2026-12-01 15点", True, "应写成 2026-12-01 15:00（"),
    ("2026-12-01 3点", False, "只写日期，不写时间：请写成 2026-12-01（"),
    # left16: a time range: the start here, the end in the end line (was the 2021-08-06 pattern)
    ("2026-12-01 14:00-16:00", True, "写成 date: 2026-12-01 14:00；结束写在结束（end）一行，写成 end: 2026-12-01 16:00"),
    ("2026-12-01 14:00~16:00", True, "写成 date: 2026-12-01 14:00；结束写在结束（end）一行，写成 end: 2026-12-01 16:00"),
    ("2026-12-01 14:00—16:00", True, "写成 date: 2026-12-01 14:00；结束写在结束（end）一行，写成 end: 2026-12-01 16:00"),
    ("2026-12-01 下午2点到4点", True, "写成 date: 2026-12-01 14:00；结束写在结束（end）一行，写成 end: 2026-12-01 16:00"),
    ("2026年12月1日 14:00至2026年12月1日 16:00", True, "写成 date: 2026-12-01 14:00；结束写在结束（end）一行，写成 end: 2026-12-01 16:00"),
    ("2026年12月1日~12月3日", True, "写成 date: 2026-12-01；结束写在结束（end）一行，写成 end: 2026-12-03"),
    ("2026-12-01 2点到4点", True, "请写成 2026-12-01 14:00（下午2点）或 2026-12-01 02:00（凌晨2点）"),
    # s17: 凌晨 carries to an end after 6 as the morning, and an evening's end at midnight is the next
    # day's 00:00 (both were told only to put the end in end, with no end suggested)
    ("2026-12-01 凌晨5点到7点", True, "写成 date: 2026-12-01 05:00；结束写在结束（end）一行，写成 end: 2026-12-01 07:00"),
    ("2026-12-01 晚上11点到12点", True, "写成 date: 2026-12-01 23:00；结束写在结束（end）一行，写成 end: 2026-12-02 00:00"),
    ("2026-12-31 晚上10点到凌晨12点", True, "写成 date: 2026-12-31 22:00；结束写在结束（end）一行，写成 end: 2027-01-01 00:00"),
    ("2026-12-01 14:00-16:00", False, "只写日期，不写时间：请写成 2026-12-01（"),
    ("下午2点到4点", True, "只有时间，没有写日期（现在是“下午2点到4点”）：请在前面写上哪一天，例如 2031-10-01 14:00"),
    ("16:00", True, "只有时间，没有写日期（现在是“16:00”）：请在前面写上哪一天，例如 2031-10-01 16:00"),
    # left16: no year, with a time; a two-digit year; other spellings of a day
    ("12月1日下午3点", True, "没有写年份（现在是“12月1日下午3点”）：请在前面加上四位的年份，写成 年份-12-01 15:00，例如 2031-12-01 15:00"),
    ("12月1日下午3点", False, "写成 年份-12-01，例如 2031-12-01"),
    ("26年12月1日", False, "年份要写全四位数字：如果是 2026 年，就写成 2026-12-01（现在是“26年12月1日”）"),
    ("26年12月1日", True, "年份要写全四位数字：如果是 2026 年，就写成 2026-12-01（"),
    ("26年12月1日 下午3点", True, "如果是 2026 年，就写成 2026-12-01 15:00（"),
    ("2026年12月1号", False, "应写成 2026-12-01（"),
    ("2026/12/1", True, "应写成 2026-12-01（"),
    ("十二月一日", False, "写成 年份-12-01，例如 2031-12-01"),
    ("二〇二六年十二月一日", True, "应写成 2026-12-01（"),
    # break16: an end not after the start is not suggested for the end line (which refuses it): the start alone
    ("2026-12-01 上午11点到1点", True, "只能写一天：请写成 2026-12-01 11:00（"),
    ("2026-12-01 14:00-13:00", True, "只能写一天：请写成 2026-12-01 14:00（"),
    ("2026-12-01 上午10点到12点", True, "写成 date: 2026-12-01 10:00；结束写在结束（end）一行，写成 end: 2026-12-01 12:00"),
    # break17: the last day there is has no next day (was sitegen's own error, exit 70); 24:00 is midnight
    ("9999-12-31 晚上11点到12点", True, "只能写一天：请写成 9999-12-31 23:00（"),
    ("2026-12-01 23:00-24:00", True, "写成 date: 2026-12-01 23:00；结束写在结束（end）一行，写成 end: 2026-12-02 00:00"),
    ("2026-12-01 晚上11点到24点", True, "写成 end: 2026-12-02 00:00"),
    ("2026-12-01 凌晨5点到13点", True, "写成 date: 2026-12-01 05:00；结束写在结束（end）一行，写成 end: 2026-12-01 13:00"),
    # s16's leftover: an evening past midnight ends the next day (was told only to use the end line)
    ("2026-12-05 晚上8点到12点半", True, "写成 date: 2026-12-05 20:00；结束写在结束（end）一行，写成 end: 2026-12-06 00:30"),
    ("2026-12-05 晚上8点到凌晨12点半", True, "写成 date: 2026-12-05 20:00；结束写在结束（end）一行，写成 end: 2026-12-06 00:30"),
    ("2026-12-05 20:00-00:30", True, "写成 date: 2026-12-05 20:00；结束写在结束（end）一行，写成 end: 2026-12-06 00:30"),
    ("2026-12-05 晚上11点到1点", True, "写成 end: 2026-12-06 01:00"),
    ("2026-12-05 晚上11点到次日凌晨1点", True, "写成 date: 2026-12-05 23:00；结束写在结束（end）一行，写成 end: 2026-12-06 01:00"),
    ("2026-12-05 晚上8点到第二天上午10点", True, "写成 end: 2026-12-06 10:00"),
    ("2026-12-05 晚上8点到第二天下午3点", True, "写成 end: 2026-12-06 15:00"),  # its own part, not the small hours
    ("2026-12-05 傍晚6点到1点", True, "写成 end: 2026-12-06 01:00"),  # 傍晚 carried from the start: the small hours
    ("2026-12-05 晚上7点到早上6点", True, "写成 end: 2026-12-06 06:00"),
    ("2026-12-31 晚上8点到12点半", True, "写成 end: 2027-01-01 00:30"),
    ("2026-12-05 下午3点到1点", True, "只能写一天：请写成 2026-12-05 15:00（"),  # no evening: 1点 is not guessed
    ("2026-12-05 21:00-08:00", True, "只能写一天：请写成 2026-12-05 21:00（"),  # past the small hours: not guessed
    ("9999-12-31 20:00-00:30", True, "只能写一天：请写成 9999-12-31 20:00（"),  # the last day has no next day
    # break17: an end past the last day a date field takes (2199-12-31) was suggested
    ("2199-12-31 晚上11点到12点", True, "只能写一天：请写成 2199-12-31 23:00（"),
    ("2199-12-31 晚上11点到12点半", True, "只能写一天：请写成 2199-12-31 23:00（"),
    ("2199-12-30 晚上11点到12点半", True, "写成 end: 2199-12-31 00:30"),
    # break19b: an end said to be the next day's afternoon or evening is read as its part says (次日下午1点
    # was told 01:00, 次日傍晚6点 06:00, 次日晚上12点 the next day's 00:00); a daytime end is no small hour
    ("2026-12-05 晚上11点到次日下午1点", True, "写成 end: 2026-12-06 13:00"),
    ("2026-12-05 晚上11点到次日傍晚6点", True, "写成 end: 2026-12-06 18:00"),
    ("2026-12-05 晚上11点到次日晚上9点", True, "写成 end: 2026-12-06 21:00"),
    ("2026-12-05 晚上11点到次日晚上12点", True, "只能写一天：请写成 2026-12-05 23:00（"),
    ("2026-12-05 晚上8点到下午1点", True, "只能写一天：请写成 2026-12-05 20:00（"),
    ("2026-12-05 晚上8点到傍晚1点", True, "只能写一天：请写成 2026-12-05 20:00（"),
]

# What a message must not say for that value (left16: a day-only field has no end line to point to)
NOT_SAID = [
    ("2026年12月1日~12月3日", False, "结束（end）"),
    ("2026-12-01 至 2026-12-03", False, "end"),
    ("2026-12-01 3点", True, "应写成 2026-12-01 03:00"),
    ("2026-12-01 上午11点到1点", True, "end: 2026-12-01 01:00"),  # break16: was told so, an end before the start
    ("2026-12-01 14:00-13:00", True, "end: 2026-12-01 13:00"),
    ("2026-12-01 14:00-14:00", True, "end: 2026-12-01 14:00"),
]


@pytest.mark.parametrize(("typed", "with_time", "unsaid"), NOT_SAID)
def test_a_typed_date_is_not_told_what_does_not_apply(typed: str, with_time: bool, unsaid: str) -> None:
    assert unsaid not in _said(typed, with_time)


def _said(typed: str, with_time: bool) -> str:
    """The zh-Hans message refusing `typed` in a date field (`with_time`: an activity's date or end)."""
    from pydantic_core import PydanticCustomError

    from sitegen.i18n.messages import Messages
    from sitegen.validate import fields

    check = fields._day_or_time if with_time else fields._day
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fields, "date", _Year2031)
        with pytest.raises(PydanticCustomError) as caught:
            check(typed)
    return Messages("zh-Hans").text(caught.value.type, field="date", **caught.value.context)


@pytest.mark.parametrize(("typed", "with_time", "said"), TYPED)
def test_a_typed_date_is_told_its_own_spelling(typed: str, with_time: bool, said: str) -> None:
    assert said in _said(typed, with_time)



def test_the_two_readings_are_in_the_readers_script() -> None:
    """The words sitegen writes (下午3点) are converted for a 繁體 reader; the typed value is not."""
    from pydantic_core import PydanticCustomError

    from sitegen.i18n.messages import Messages
    from sitegen.validate import fields

    with pytest.raises(PydanticCustomError) as caught:
        fields._day_or_time("2026-12-01 3点")
    said = Messages("zh-Hant").text(caught.value.type, field="date", **caught.value.context)
    assert "2026-12-01 15:00（下午3點）或 2026-12-01 03:00（凌晨3點）" in said and "“2026-12-01 3点”" in said, said
