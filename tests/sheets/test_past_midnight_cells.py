"""A time cell for an evening that runs into the small hours is imported as the content check reads the
same words on a date line (validate/date_hint.py `clock_span`): the start on the row's day, the end on
the next day, written as a typed record holds it (end: 2027-01-01 00:30).

Before, 晚上8点到12点半 was told "不是时间" while `date: 2026-12-31 晚上8点到12点半` was read as 20:00 to
00:30 the next day; 20:00-00:30, 晚上9点-凌晨1点, 23点-1点 and 晚上11点到次日凌晨1点 were refused
too. A range that reads neither way is told, at its row and 时间 column, how to write it."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from sitegen.i18n.messages import Messages
from sitegen.sheets.cells import CellError, read_time
from sitegen.validate.date_hint import explain
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of, xlsx

# id, the row's 日期, its 时间 → (date:, end:) in the record written
TAKEN = [
    ("half_past_midnight", "2026-12-31", "晚上8点到12点半", ("2026-12-31 20:00", "2027-01-01 00:30")),
    ("half_past_midnight_dawn", "2026-07-01", "晚上8点到凌晨12点半", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("half_past_midnight_minutes", "2026-07-01", "晚上8点到12点30分", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("to_one_said_dawn", "2026-07-01", "晚上9点-凌晨1点", ("2026-07-01 21:00", "2026-07-02 01:00")),
    ("colon_clock", "2026-07-01", "20:00-00:30", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("colon_clock_short", "2026-07-01", "20:00-0:30", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("numerals_to_twelve", "2026-07-01", "晚上十点到十二点", ("2026-07-01 22:00", "2026-07-02 00:00")),
    ("numerals_half", "2026-07-01", "晚上十点到十二点半", ("2026-07-01 22:00", "2026-07-02 00:30")),
    ("numerals_zero_half", "2026-07-01", "晚上8点～零点半", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("hours_24", "2026-07-01", "23点-1点", ("2026-07-01 23:00", "2026-07-02 01:00")),
    ("colons_24", "2026-07-01", "23:00-01:00", ("2026-07-01 23:00", "2026-07-02 01:00")),
    ("to_midnight", "2026-07-01", "晚上11点到12点", ("2026-07-01 23:00", "2026-07-02 00:00")),
    ("to_midnight_said", "2026-07-01", "晚上10点到晚上12点", ("2026-07-01 22:00", "2026-07-02 00:00")),
    ("to_midnight_dawn", "2026-07-01", "晚上10点到凌晨12点", ("2026-07-01 22:00", "2026-07-02 00:00")),
    ("to_24", "2026-07-01", "23:00-24:00", ("2026-07-01 23:00", "2026-07-02 00:00")),
    ("to_24_said", "2026-07-01", "晚上11点到24点", ("2026-07-01 23:00", "2026-07-02 00:00")),
    ("half_hour_start", "2026-07-01", "晚上8点半到12点", ("2026-07-01 20:30", "2026-07-02 00:00")),
    ("dusk_to_dawn", "2026-07-01", "傍晚6点到凌晨2点", ("2026-07-01 18:00", "2026-07-02 02:00")),
    ("to_early_morning", "2026-07-01", "晚上8点到早上6点", ("2026-07-01 20:00", "2026-07-02 06:00")),
    ("next_day_said", "2026-07-01", "晚上11点到次日凌晨1点", ("2026-07-01 23:00", "2026-07-02 01:00")),
    ("second_day_said", "2026-07-01", "20:00至第二天凌晨1点", ("2026-07-01 20:00", "2026-07-02 01:00")),
    ("next_day_morning", "2026-07-01", "晚上8点到次日早上6点", ("2026-07-01 20:00", "2026-07-02 06:00")),
    ("next_day_afternoon", "2026-07-01", "晚上11点到次日下午1点", ("2026-07-01 23:00", "2026-07-02 13:00")),
    ("traditional", "2026-07-01", "晚上8點到淩晨1點", ("2026-07-01 20:00", "2026-07-02 01:00")),
    ("into_march", date(2026, 2, 28), "晚上8点到12点半", ("2026-02-28 20:00", "2026-03-01 00:30")),
]

# id, the row's 日期, its 时间 → what the zh-Hans message says (the row and 列“时间” are asserted too)
REFUSED = [
    # an afternoon or a morning is no evening into the small hours (which day's 0点半? which 1点?)
    ("afternoon_to_half_past_zero", "2026-05-20", "下午3点到0点半", "结束写在“结束”列，写上日期和时间，例如第二天凌晨 0 点半写成 2026-05-21 00:30"),
    ("morning_to_next_day_one", "2026-05-20", "上午9点到次日1点", "“时间”列只写开始，用 24 小时制"),
    ("unsure_start_next_day", "2026-05-20", "3点到次日凌晨1点", "“时间”列只写开始，用 24 小时制"),
    ("day_after_next_midnight", "2026-05-20", "晚上8点到次日晚上12点", "例如第二天凌晨 0 点半写成 2026-05-21 00:30"),
    ("midnight_start", "2026-05-20", "晚上12点到凌晨2点", "看不出是从几点到哪一天的几点"),
    ("no_such_night_hour", "2026-05-20", "晚上8点到半夜10点", "也可以在“时间”列写成“晚上8点到凌晨12点半”"),
    # an end said in the daytime is no small hour (validate/date_hint.py _after_midnight)
    ("end_said_in_the_daytime", "2026-05-20", "晚上8点到上午6点", "在“结束”列写第二天的日期和时间 2026-05-21 06:00"),
    ("end_said_morning_one", "2026-05-20", "晚上11点到上午1点", "2026-05-21 01:00"),
    # an hour without 上午/下午 is not guessed
    ("which_eleven_to_one", "2026-05-20", "11点到1点", "23:00-01:00（晚上11点到凌晨1点）"),
    ("which_eleven_to_zero", "2026-05-20", "11点到0点", "“时间”列只写开始 23:00，在“结束”列写第二天的日期和时间 2026-05-21 00:00"),
    # no day after the last a date field takes (the content check suggests none either)
    ("last_day", "2199-12-31", "23:00-01:00", "2200-01-01 01:00 超出了公示栏可能用到的日期范围"),
]


def _import(make_site: MakeSite, tmp_path: Path, day: object, cell: str) -> tuple[Path, Result]:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["纳凉晚会", day, cell]])
    return content, run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})


@pytest.mark.parametrize(("day", "cell", "expected"), [r[1:] for r in TAKEN], ids=[r[0] for r in TAKEN])
def test_an_evening_into_the_small_hours_ends_the_next_day(make_site: MakeSite, tmp_path: Path, day: object,
                                                           cell: str, expected: tuple[str, str]) -> None:
    content, result = _import(make_site, tmp_path, day, cell)
    assert result.exit_code == 0, result.stderr
    record = fields_of(next((content / "activities").glob("*.md")))
    assert (record["date"], record["end"]) == expected
    # the content check reads the same words on a date line as the same two moments
    assert explain(f"{str(day)} {cell}", True, 2026) == ("value.datetime_range_typed",
                                                          {"start": expected[0], "end": expected[1]})
    assert run("check", "--content", str(content)).exit_code == 0


@pytest.mark.parametrize(("day", "cell", "said"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_a_range_that_reads_neither_way_is_told_how_to_write_it(make_site: MakeSite, tmp_path: Path, day: object,
                                                                 cell: str, said: str) -> None:
    content, result = _import(make_site, tmp_path, day, cell)
    stderr = result.stderr
    assert result.exit_code == 1
    assert "活动.xlsx:2: 列“时间”：" in stderr and said in stderr, stderr
    assert "不是时间" not in stderr and "{" not in stderr
    assert not list((content / "activities").glob("*.md"))
    hint = explain(f"{day} {cell}", True, 2026)
    assert hint is None or hint[0] != "value.datetime_range_typed"  # nor does a date line read it


@pytest.mark.parametrize("key", ["import.cell.time_range", "import.cell.time_range_day"])
@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_the_unread_range_message_is_whole_in_every_language(key: str, language: str) -> None:
    said = Messages(language).text(key, value="上午9点到次日1点", next_day="2026-05-21")
    assert "上午9点到次日1点" in said and "{" not in said and "00:30" in said
    assert ("2026-05-21" in said) == key.endswith("_day")


# Every range of these the content check reads on a date line, the sheet reads as the same moments; one
# it does not read the sheet refuses, or reads as the one reading that ends the same day (14:00到4点 is
# 14:00-16:00, tests/sheets/test_time_cells.py), never with an end the next day.
STARTS = ["晚上8点", "晚上十点", "晚上11点", "傍晚6点", "20:00", "23点", "晚上8点半", "晚上8點", "下午2点", "上午9点", "14:00"]
ENDS = ["12点", "12点半", "12点30分", "0点", "0点半", "00:30", "24:00", "1点", "1点半", "01:00", "凌晨1点", "凌晨12点",
        "凌晨12点半", "晚上12点", "晚上12点半", "十二点半", "零点半", "0时30分", "次日凌晨1点", "第二天凌晨1点", "次日1点",
        "次日01:00", "早上6点", "6点", "凌晨5点", "次日上午10点", "淩晨1點", "4点", "16:00", "晚上10点"]
PAIRS = [f"{start}{joint}{end}" for start, end, joint in itertools.product(STARTS, ENDS, ["到", "-"])]


@pytest.mark.parametrize("cell", PAIRS)
def test_the_sheet_reads_what_the_date_line_reads(cell: str) -> None:
    hint = explain(f"2026-07-01 {cell}", True, 2026)
    if hint is None or hint[0] != "value.datetime_range_typed":
        try:
            span = read_time(cell)
        except CellError:
            return
        assert not span.next_day and span.end is not None and span.end > span.start
        return
    span = read_time(cell)
    day = "2026-07-02" if span.next_day else "2026-07-01"
    assert {"start": f"2026-07-01 {span.start}", "end": f"{day} {span.end}"} == hint[1]
