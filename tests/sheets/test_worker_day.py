"""Advice on a dated row names the worker's own day, never a fixed example (break21): a 日期 cell holding a
time (2026/11/20 22:00, an Excel date-and-time cell or the same typed) was told 'e.g. 2026-12-06 07:00', a
time-only 结束 (07:00) '2021-08-06', a time in a date-only column 'delete the time, as in 2026-05-01'; a 日期
cell's own time beside a 时间 cell dropped the 时间 cell without a word (9:00 and 14:00-16:00 published 9:00,
22:00 and 22:00-23:30 lost its end). Each row: the kind, the sheet's header and row, and what it says."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest

from tests.conftest import MakeSite, run
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE, fields_of, xlsx

ACTIVITY = ["标题", "日期", "时间", "结束"]
SAID = [
    ("time_cell_past_midnight", "activity", ACTIVITY, ["夜间巡逻", datetime(2026, 11, 20, 22, 0), "22:00-8:00", None],
     "列“时间”：", "在“结束”列写第二天的日期和时间 2026-11-21 08:00"),
    ("typed_day_and_time", "activity", ACTIVITY, ["夜间巡逻", "2026-11-20 15:00", "下午3点到0点半", None],
     "列“时间”：", "例如第二天凌晨 0 点半写成 2026-11-21 00:30"),
    ("two_start_times", "activity", ACTIVITY, ["议事会", datetime(2026, 11, 20, 9, 0), "14:00-16:00", None],
     "列“时间”：", "请在“日期”列只写日期 2026-11-20，时间只写在“时间”列"),
    ("end_clock_next_day", "activity", ACTIVITY, ["夜间巡逻", "2026-11-20", "22:00", "07:00"],
     "列“结束”：", "请写成 2026-11-21 07:00"),
    ("end_time_cell_same_day", "activity", ACTIVITY, ["义诊", datetime(2026, 11, 20, 14, 0), None, time(18, 0)],
     "列“结束”：", "请写成 2026-11-20 18:00"),
    ("date_only_column", "wish", ["心愿", "心愿人", "发布日期", "状态"], ["收音机", "王芳", datetime(2026, 3, 1, 9, 30), "待认领"],
     "列“发布日期”：", "请删去时间，写成 2026-03-01"),
]
EXAMPLES = ("2026-12-06", "2021-08-06", "2026-05-01")


@pytest.mark.parametrize(("kind", "header", "row", "column", "said"), [r[1:] for r in SAID], ids=[r[0] for r in SAID])
def test_advice_names_the_rows_own_day(make_site: MakeSite, tmp_path: Path, kind: str, header: list[str],
                                       row: list[object], column: str, said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert f"表.xlsx:2: {column}" in result.stderr and said in result.stderr, result.stderr
    assert not any(example in result.stderr for example in EXAMPLES), result.stderr


# a 日期 cell whose own time is the 时间 cell's start: the record as both say it
KEPT = [
    ("same_start_with_end", datetime(2026, 11, 20, 22, 0), "22:00-23:30", ("2026-11-20 22:00", "2026-11-20 23:30")),
    ("same_start_past_midnight", "2026-11-20 20:00", "20:00-00:30", ("2026-11-20 20:00", "2026-11-21 00:30")),
]


@pytest.mark.parametrize(("day", "cell", "expected"), [r[1:] for r in KEPT], ids=[r[0] for r in KEPT])
def test_a_days_own_time_that_is_the_start_keeps_the_end(make_site: MakeSite, tmp_path: Path, day: object, cell: str,
                                                         expected: tuple[str, str]) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["纳凉晚会", day, cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    record = fields_of(next((content / "activities").glob("*.md")))
    assert (record["date"], record.get("end")) == expected
