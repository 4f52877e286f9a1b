"""The edge of the night a 时间 cell reads (break21): 22:00-6:59 was read as ending the next morning while
22:00-7:00 was refused and told to put the end in 结束, and 22:00-8:30 only to write the start first. An
evening start's end before 08:00 (date_hint.py NIGHT_ENDS) is the next morning's, on a date line and in a
sheet alike; an end from 08:00 to noon is told that the column reads a night only until 8 in the morning, and
the end to write in 结束 with the row's next day."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.validate.date_hint import explain
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of, xlsx

# id, the 时间 cell on a row dated 2026-11-20 → (date:, end:)
READ = [
    ("before_seven", "22:00-6:59", ("2026-11-20 22:00", "2026-11-21 06:59")),
    ("at_seven", "22:00-7:00", ("2026-11-20 22:00", "2026-11-21 07:00")),
    ("before_eight", "22:00-7:59", ("2026-11-20 22:00", "2026-11-21 07:59")),
    ("words_half_past_seven", "晚上10点到早上7点半", ("2026-11-20 22:00", "2026-11-21 07:30")),
    ("evening_carried", "晚上9点到7点", ("2026-11-20 21:00", "2026-11-21 07:00")),
]
# id, the 时间 cell on a row dated 2026-11-20 → what the message says
TOLD = [
    ("at_eight", "22:00-8:00", "只读到第二天早上 8 点以前结束（例如 22:00-7:30）；第二天 08:00 才结束的，请在“时间”列只写开始 22:00，"
                               "在“结束”列写第二天的日期和时间 2026-11-21 08:00"),
    ("morning_shift", "21:00-9:30", "在“结束”列写第二天的日期和时间 2026-11-21 09:30"),
    ("late_afternoon_start", "17:30-7:00", "在“结束”列写第二天的日期和时间 2026-11-21 07:00"),
]


@pytest.mark.parametrize(("cell", "expected"), [r[1:] for r in READ], ids=[r[0] for r in READ])
def test_an_evening_ending_before_eight_is_the_next_mornings(make_site: MakeSite, tmp_path: Path, cell: str,
                                                             expected: tuple[str, str]) -> None:
    assert explain(f"2026-11-20 {cell}", True, 2026) == ("value.datetime_range_typed",
                                                          {"start": expected[0], "end": expected[1]})
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["夜间巡逻", "2026-11-20", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    record = fields_of(next((content / "activities").glob("*.md")))
    assert (record["date"], record["end"]) == expected


@pytest.mark.parametrize(("cell", "said"), [r[1:] for r in TOLD], ids=[r[0] for r in TOLD])
def test_an_evening_into_the_morning_is_told_its_end_day(make_site: MakeSite, tmp_path: Path, cell: str,
                                                         said: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["夜间值守", "2026-11-20", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "活动.xlsx:2: 列“时间”：" in result.stderr and said in result.stderr, result.stderr
    assert "例如 14:00-16:00" not in result.stderr or "不是的话" in result.stderr, result.stderr
