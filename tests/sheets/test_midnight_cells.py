"""Midnight said as a night's end (晚12点, 晚上12点, 凌晨12点, 24:00) where the import asks one time or a day and
time is told it is 00:00 of the next day, with the row's next day (breaker s21): a 时间 cell 晚12点 was told only
“不是时间”, a 日期 cell 2026-12-06 晚上12点 “不是日期”, a 结束 cell 2026-12-06 24:00 check's “不是有效时间，请使用
00:00 到 23:59” and 晚上12点 “不是日期”. A range ending at midnight (晚8点到晚12点, 20:00-24:00) is read as before.
Each row: the 日期, 时间 and 结束 cells (real .xlsx), the column told and what it is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of, xlsx

HEADER = ["标题", "日期", "时间", "结束", "地点"]
NEXT = "2026-12-07"
ROWS = [
    ("time_short", "2026-12-06", "晚12点", None, "时间", f"“晚12点”是半夜12点，也就是第二天（{NEXT}）的 00:00"),
    ("time_evening", "2026-12-06", "晚上12点", None, "时间", f"也就是第二天（{NEXT}）的 00:00"),
    ("time_24", "2026-12-06", "24:00", None, "时间", f"“日期”列写 {NEXT}，“时间”列写 00:00"),
    ("time_small_hours", "2026-12-06", "凌晨12点", None, "时间", "例如 20:00-24:00"),
    ("time_traditional", "2026-12-06", "晚上12點", None, "时间", f"也就是第二天（{NEXT}）的 00:00"),
    ("time_no_day", None, "晚上12点", None, "时间", "也就是第二天的 00:00，这一格看不出是哪一天"),
    ("date_evening", "2026-12-06 晚上12点", None, None, "日期", f"是第二天的 00:00：请写成 {NEXT} 00:00"),
    ("date_chinese", "2026年12月6日 晚12点", None, None, "日期", f"请写成 {NEXT} 00:00"),
    ("end_24", "2026-12-06", "20:00", "2026-12-06 24:00", "结束", f"请写成 {NEXT} 00:00"),
    ("end_evening", "2026-12-06", "20:00", "2026-12-06晚上12点", "结束", f"请写成 {NEXT} 00:00"),
    ("end_alone", "2026-12-06", "20:00", "晚上12点", "结束", f"只有时间：请写成 {NEXT} 00:00"),
    ("end_alone_24", "2026-12-06", None, "24:00", "结束", f"只有时间：请写成 {NEXT} 00:00"),
]


@pytest.mark.parametrize(("day", "clock", "end", "column", "said"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_midnight_is_told_as_the_next_days_0000(make_site: MakeSite, tmp_path: Path, day: str | None,
                                               clock: str | None, end: str | None, column: str, said: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [HEADER, ["守岁", day, clock, end, "活动室"]])
    result = run("import", "活动", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert f"活动.xlsx:2: 列“{column}”：" in result.stderr and said in result.stderr, result.stderr
    assert "不是时间" not in result.stderr and "不是日期" not in result.stderr, result.stderr


@pytest.mark.parametrize("clock", ["晚8点到晚12点", "20:00-24:00", "晚上8点到凌晨12点"])
def test_a_range_ending_at_midnight_is_read(make_site: MakeSite, tmp_path: Path, clock: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [HEADER, ["守岁", "2026-12-06", clock, None, "活动室"]])
    result = run("import", "活动", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.output
    (record,) = (content / "activities").glob("*")
    assert fields_of(record)["end"] == f"{NEXT} 00:00"
