"""A sheet's time cell read as the content check reads a time (sheets/cells.py read_time): 下午/晚上
count, a part of the day carries from a range's start to its end, and an hour of 1–11 with 点 and no
上午/下午 is never guessed (it was read as the morning: an activity at 下午3点 imported at 03:00).

Ranges (break16b): the two readings offered are ranges that end after they start (5点-7点 was told
17:00-07:00 or 05:00-19:00); a range with one reading only is read (9点-11:30 and 8点-12点 were
imported before the afternoon was read and were then refused: 21:00-11:30 ends before it starts); an
end not after its start is said so at the 时间 cell, with where an end past midnight goes (23点-1点 was
offered 23:00-13:00; it is now read, ending the next day: test_past_midnight_cells.py)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from sitegen.sheets.cells import CellError, read_time
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of

READ = [
    ("colon", "09:00", ("09:00", None)),
    ("colon_range", "9:00-11:30", ("09:00", "11:30")),
    ("full_width_colon", "14：30", ("14:30", None)),
    ("afternoon", "下午3点", ("15:00", None)),
    ("afternoon_numeral", "下午三点", ("15:00", None)),
    ("afternoon_half", "下午3点半", ("15:30", None)),
    ("evening", "晚上7点", ("19:00", None)),
    ("noon", "中午12点", ("12:00", None)),
    ("twelve", "12点", ("12:00", None)),
    ("fourteen", "14点", ("14:00", None)),
    ("notice_clock", "9时30分", ("09:30", None)),  # 时: the 24-hour clock of notices, as imported before
    ("notice_range", "9时-11时", ("09:00", "11:00")),
    ("midnight", "0点", ("00:00", None)),
    ("part_carries", "下午2点到4点", ("14:00", "16:00")),
    ("morning_range", "上午9点-11点", ("09:00", "11:00")),
    ("mixed_range", "下午3点-17:00", ("15:00", "17:00")),
    ("time_cell", time(15, 0), ("15:00", None)),
    ("fraction_cell", 0.625, ("15:00", None)),
    ("last_second_fraction", 0.99999, ("23:59", None)),  # 23:59:59 as a fraction of a day: was 24:00
    # a range with one reading that ends after it starts
    ("sure_end_colon", "9点-11:30", ("09:00", "11:30")),
    ("sure_end_noon", "8点-12点", ("08:00", "12:00")),
    ("sure_end_afternoon", "10点-下午2点", ("10:00", "14:00")),
    ("sure_start", "19:00-9点", ("19:00", "21:00")),
    ("sure_start_colon", "13:30-5点", ("13:30", "17:00")),
    # s17: 凌晨 carried to an end after 6 is the morning's (凌晨5点到7点 was "not a time")
    ("dawn_to_morning", "凌晨5点到7点", ("05:00", "07:00")),
    ("dawn_to_morning_half", "凌晨5点到7点半", ("05:00", "07:30")),
    ("dawn_to_noon", "凌晨5点到12点", ("05:00", "12:00")),
    ("dawn_within", "凌晨4点到6点", ("04:00", "06:00")),
    ("dawn_traditional", "淩晨5點到7點", ("05:00", "07:00")),  # break17: 淩晨 was no part of the day
    # break17: an end past noon after 凌晨 is the 24-hour clock's (凌晨5点到13点 was "not a time")
    ("dawn_to_afternoon", "凌晨5点到13点", ("05:00", "13:00")),
]

UNSURE = [
    ("nine", "9点", "请写成 09:00（上午9点）或 21:00（晚上9点）"),
    ("three", "3点", "请写成 15:00（下午3点）或 03:00（凌晨3点）"),
    ("half", "3点半", "请写成 15:30（下午3点半）或 03:30（凌晨3点半）"),
    ("minutes", "3点20", "请写成 15:20（下午3点20分）或 03:20（凌晨3点20分）"),
    ("range", "2点-4点", "请写成 14:00-16:00（下午2点到下午4点）或 02:00-04:00（凌晨2点到凌晨4点）"),
    ("range_sure_end", "2点-16:00", "请写成 14:00-16:00（下午2点到16:00）或 02:00-16:00（凌晨2点到16:00）"),
    # each start with its nearest end after it
    ("evening_range", "5点-7点", "请写成 17:00-19:00（下午5点到晚上7点）或 05:00-07:00（凌晨5点到上午7点）"),
    ("afternoon_to_evening", "2点-9点", "请写成 14:00-21:00（下午2点到晚上9点）或 02:00-09:00（凌晨2点到上午9点）"),
    ("six_to_eight", "6点-8点", "请写成 18:00-20:00（晚上6点到晚上8点）或 06:00-08:00（上午6点到上午8点）"),
    ("noon_or_midnight", "11点到1点", "请写成 11:00-13:00（上午11点到下午1点）或 23:00-01:00（晚上11点到凌晨1点）"),
]

# An evening into the small hours (23点-1点, 晚上11点到12点, 23:00-24:00) is read as the content check
# reads it, its end the next day: tests/sheets/test_past_midnight_cells.py. These it does not read.
BACKWARDS = [
    ("morning_carried", "上午11点到1点", "01:00"),
    ("backwards", "14:00-13:00", "13:00"),
    ("end_said_in_the_daytime", "晚上8点到上午6点", "06:00"),  # 上午 is no small hour (validate/date_hint.py)
    ("which_eleven", "11点到0点", "00:00"),  # 11点: 11:00 or 23:00?
]

# a lone 晚上12点 is told it is the next day's 00:00 (import.cell.time_midnight: tests/sheets/test_midnight_cells.py)
NOT_TIMES = [("bare_number", "9"), ("hour_25", "25:00"), ("three_parts", "9点-10点-11点"),
             ("words", "全天")]


@pytest.mark.parametrize(("cell", "expected"), [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_a_time_cell_is_read(cell: object, expected: tuple[str, str | None]) -> None:
    assert read_time(cell) == (*expected, False)  # type: ignore[arg-type]  # the end is the start's day


@pytest.mark.parametrize(("cell", "said"), [c[1:] for c in UNSURE], ids=[c[0] for c in UNSURE])
def test_an_hour_without_morning_or_afternoon_is_not_guessed(cell: str, said: str) -> None:
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


@pytest.mark.parametrize("cell", [c[1] for c in NOT_TIMES], ids=[c[0] for c in NOT_TIMES])
def test_what_is_no_time_is_said_so(cell: str) -> None:
    with pytest.raises(CellError) as refused:
        read_time(cell)
    assert refused.value.key == "import.cell.time"


def test_an_import_reads_the_afternoon_and_names_the_unsure_row(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    (tmp_path / "a.csv").write_text("标题,日期,时间\n邻里节,2026-05-20,下午2点到4点\n", encoding="utf-8")
    assert run("import", "活动", str(tmp_path / "a.csv"), "--content", str(content)).exit_code == 0
    record = fields_of(next((content / "activities").iterdir()))
    assert (record["date"], record["end"]) == ("2026-05-20 14:00", "2026-05-20 16:00")
    (tmp_path / "b.csv").write_text("标题,日期,时间\n读书会,2026-05-21,3点\n", encoding="utf-8")
    result = run("import", "活动", str(tmp_path / "b.csv"), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "b.csv:2" in result.stderr and "15:00（下午3点）或 03:00（凌晨3点）" in result.stderr
