"""A 日期 cell typed as people write a date line is read or advised as `sitegen check` reads or advises the same
text on a date line (break21): 2026年11月20日 晚上10点 and 2026-11-20 22:00-7:00 were told only "不是日期", while
check reads the first (2026-11-20 22:00) and tells the second where its end goes. The import now takes check's
reading when it is one day and time (sheets/datewords.py, through validate/date_hint.py `explain`) and check's
advice otherwise, the column named as the worker wrote it and a range's end said of the 结束 column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, run
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE, fields_of, xlsx

ACTIVITY = ["标题", "日期"]
WISH = ["心愿", "心愿人", "发布日期", "状态"]
TALK = ["议题", "提出日期", "状态"]
# id, the 日期 cell of an activity → date: as written
READ = [
    ("words_evening", "2026年11月20日 晚上10点", "2026-11-20 22:00"),
    ("words_half_past", "2026年11月20日 下午3点半", "2026-11-20 15:30"),
    ("short_evening", "2026.11.20 晚8点", "2026-11-20 20:00"),
]
# id, kind, header, row, the column → what its message says
TOLD = [
    ("range_in_date", "activity", ACTIVITY, ["夜间巡逻", "2026-11-20 22:00-7:00"], "日期",
     "这一格只写开始：请写成 2026-11-20 22:00，结束写在“结束”列：2026-11-21 07:00"),
    ("part_without_hour", "activity", ACTIVITY, ["夜间巡逻", "2026年11月20日 晚上"], "日期",
     "“日期”里的“晚上”不是具体的时间"),
    ("hour_without_part", "activity", ACTIVITY, ["夜间巡逻", "2026-11-20 3点"], "日期",
     "请写成 2026-11-20 15:00（下午3点）或 2026-11-20 03:00（凌晨3点）"),
    ("no_year", "activity", ACTIVITY, ["夜间巡逻", "11月20日 晚上10点"], "日期", "没有写年份"),
    ("time_in_day_column", "wish", WISH, ["收音机", "王芳", "2026年3月1日 上午9点", "待认领"], "发布日期",
     "请删去时间，写成 2026-03-01"),
    ("days_in_day_column", "deliberation", TALK, ["电动车充电", "2026-03-01 至 2026-03-03", "居民提事"], "提出日期",
     "只能写一天：请写成 2026-03-01"),
]


@pytest.mark.parametrize(("cell", "expected"), [r[1:] for r in READ], ids=[r[0] for r in READ])
def test_a_date_cell_check_reads_is_read(make_site: MakeSite, tmp_path: Path, cell: str, expected: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "表.xlsx", [ACTIVITY, ["夜间巡逻", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    assert fields_of(next((content / "activities").glob("*.md")))["date"] == expected


@pytest.mark.parametrize(("kind", "header", "row", "column", "said"), [r[1:] for r in TOLD], ids=[r[0] for r in TOLD])
def test_a_date_cell_is_told_what_check_tells(make_site: MakeSite, tmp_path: Path, kind: str, header: list[str],
                                              row: list[object], column: str, said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert f"表.xlsx:2: 列“{column}”" in result.stderr and said in result.stderr, result.stderr
    assert result.stderr.splitlines()[0].count(f"“{column}”") == 1, result.stderr  # named once (breaker s21)
    assert "不是日期" not in result.stderr, result.stderr
