"""A time cell whose end is not after its start, on a dated row, is never given a fixed example day (break20:
22:00-7:00 on a row dated 2026-11-20 was told "例如 2026-12-06 07:00"). From the late afternoon into the
morning it is told to put the end in 结束 on the row's next day; a daytime one backwards (14:00-13:00) only to
write the start first, as before (test_import.py: no 23-hour event is offered). Each row: the row's 日期 and
时间, and what the message says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, xlsx

ROWS = [
    ("to_seven", "2026-11-20", "17:30-7:00", "在“结束”列写第二天的日期和时间 2026-11-21 07:00"),  # 22:00-7:00 is read (break21)
    ("afternoon_to_dawn", "2026-11-20", "下午5点到凌晨1点", "在“结束”列写第二天的日期和时间 2026-11-21 01:00"),
    ("year_end_to_eight", "2026-12-31", "21:00-8:00", "在“结束”列写第二天的日期和时间 2027-01-01 08:00"),
    ("backwards_in_the_day", "2026-02-28", "14:00-13:00", "请写成开始在前、结束在后，例如 14:00-16:00。\n"),
    ("backwards_at_dusk", "2026-12-31", "16:00-15:00", "请写成开始在前、结束在后，例如 14:00-16:00。\n"),
]


@pytest.mark.parametrize(("day", "cell", "said"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_example_day_is_the_rows_next_day(make_site: MakeSite, tmp_path: Path, day: str, cell: str,
                                              said: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["夜间巡逻", day, cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "活动.xlsx:2: 列“时间”：" in result.stderr and said in result.stderr, result.stderr
    assert "2026-12-06" not in result.stderr
