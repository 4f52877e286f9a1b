"""A time range in a sheet's 时间 column whose hours do not say 上午/下午 (break16b): the two readings
offered are ranges that end after they start (5点-7点 was told 17:00-07:00 or 05:00-19:00); a range
with one reading only is read (9点-11:30 and 8点-12点 were imported before the afternoon was read and
were then refused: 21:00-11:30 ends before it starts); an end not after its start is said so at the
时间 cell, with where an end past midnight goes (23点-1点 was offered 23:00-13:00)."""

from __future__ import annotations

import pytest

from sitegen.i18n.messages import Messages
from sitegen.sheets.cells import CellError, read_time

READ = [
    ("sure_end_colon", "9点-11:30", ("09:00", "11:30")),
    ("sure_end_noon", "8点-12点", ("08:00", "12:00")),
    ("sure_end_afternoon", "10点-下午2点", ("10:00", "14:00")),
    ("sure_start", "19:00-9点", ("19:00", "21:00")),
    ("sure_start_colon", "13:30-5点", ("13:30", "17:00")),
    ("last_second_fraction", 0.99999, ("23:59", None)),  # 23:59:59 as a fraction of a day: was 24:00
]

UNSURE = [
    ("evening", "5点-7点", "请写成 17:00-19:00（下午5点到晚上7点）或 05:00-07:00（凌晨5点到上午7点）"),
    ("afternoon_to_evening", "2点-9点", "请写成 14:00-21:00（下午2点到晚上9点）或 02:00-09:00（凌晨2点到上午9点）"),
    ("six_to_eight", "6点-8点", "请写成 18:00-20:00（晚上6点到晚上8点）或 06:00-08:00（上午6点到上午8点）"),
    ("noon_or_midnight", "11点到1点", "请写成 11:00-13:00（上午11点到下午1点）或 23:00-01:00（晚上11点到凌晨1点）"),
    ("two_to_four", "2点-4点", "请写成 14:00-16:00（下午2点到下午4点）或 02:00-04:00（凌晨2点到凌晨4点）"),
]

BACKWARDS = [
    ("past_midnight", "23点-1点", "01:00"),
    ("past_midnight_colon", "23:00-01:00", "01:00"),
    ("morning_carried", "上午11点到1点", "01:00"),
    ("backwards", "14:00-13:00", "13:00"),
]


@pytest.mark.parametrize(("cell", "expected"), [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_a_range_with_one_reading_is_read(cell: str | float, expected: tuple[str, str]) -> None:
    assert read_time(cell) == expected


@pytest.mark.parametrize(("cell", "said"), [c[1:] for c in UNSURE], ids=[c[0] for c in UNSURE])
def test_both_readings_offered_end_after_they_start(cell: str, said: str) -> None:
    with pytest.raises(CellError) as refused:
        read_time(cell)
    assert refused.value.key == "import.cell.time_ambiguous"
    assert said in Messages("zh-Hans").text(refused.value.key, **refused.value.args_)


@pytest.mark.parametrize(("cell", "end"), [c[1:] for c in BACKWARDS], ids=[c[0] for c in BACKWARDS])
def test_an_end_not_after_its_start_is_said_at_the_cell(cell: str, end: str) -> None:
    with pytest.raises(CellError) as refused:
        read_time(cell)
    assert refused.value.key == "import.cell.time_order"
    for lang in ("zh-Hans", "zh-Hant", "en"):
        said = Messages(lang).text(refused.value.key, **refused.value.args_)
        assert cell in said and end in said and "{" not in said
