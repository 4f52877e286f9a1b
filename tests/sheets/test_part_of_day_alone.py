"""A part of the day with no hour (break21): a 时间 cell 晚上, 夜里 or 凌晨 was told only "不是时间。请写成 09:00",
and a date line 2026-11-20 夜里 or 凌晨 got no hint. A cell is now told the hour to add, as a time that reads
(晚上7点) and in 24-hour time (19:00); a range with a lone part (晚上到凌晨, 晚上8点到凌晨) the range so written;
a date line the example time, as 晚上 was already."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.validate.date_hint import explain
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, xlsx

# id, the 时间 cell → what the message says after 列“时间”：
CELLS = [
    ("evening", "晚上", "“晚上”没有说几点：请写上钟点，例如 晚上7点（也就是 19:00）"),
    ("night", "夜里", "例如 夜里10点（也就是 22:00）"),
    ("small_hours", "凌晨", "例如 凌晨5点（也就是 05:00）"),
    ("small_hours_traditional", "淩晨", "例如 凌晨5点（也就是 05:00）"),
    ("midnight_word", "半夜", "例如 晚上11点（也就是 23:00）"),
    ("afternoon", "下午", "例如 下午3点（也就是 15:00）"),
    ("two_lone_parts", "晚上到凌晨", "里的“晚上、凌晨”没有说几点：请写上钟点，例如 晚上7点到凌晨5点（也就是 19:00-05:00）"),
    ("lone_end", "晚上8点到凌晨", "里的“凌晨”没有说几点：请写上钟点，例如 晚上8点到凌晨5点（也就是 20:00-05:00）"),
]
# a date line's part of the day alone → the example time its hint offers
LINES = [
    ("night_line", "夜里", "2026-11-20 22:00"),
    ("small_hours_line", "凌晨", "2026-11-20 05:00"),
    ("deep_night_line", "深夜", "2026-11-20 23:00"),
]


@pytest.mark.parametrize(("cell", "said"), [r[1:] for r in CELLS], ids=[r[0] for r in CELLS])
def test_a_part_of_the_day_alone_is_told_the_hour_to_add(make_site: MakeSite, tmp_path: Path, cell: str,
                                                         said: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["纳凉晚会", "2026-11-20", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "活动.xlsx:2: 列“时间”：" in result.stderr and said in result.stderr, result.stderr
    assert "不是时间" not in result.stderr


@pytest.mark.parametrize(("part", "example"), [r[1:] for r in LINES], ids=[r[0] for r in LINES])
def test_a_date_lines_part_of_the_day_alone_is_given_an_hour(part: str, example: str) -> None:
    assert explain(f"2026-11-20 {part}", True, 2026) == ("value.date_part_of_day", {
        "part": part, "suggestion": "2026-11-20", "example": example})
