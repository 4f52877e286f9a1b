"""A problem of a cell names its column once, as the worker knows it, without the template's required mark
(breaker s21): a sheet made from the template (日期*, 标题*) was told “列‘日期*’：‘日期*’里的‘晚上’不是具体的时间”,
the column twice and the asterisk each time; a 结束 cell “列‘结束’：‘结束’要写日期和时间”. Now a header's required mark
(*, ＊, 必填, （必填）) is left out wherever a column is named (sheets/columns.py shown_header), and a message that
names its field itself (check's advice) names the column there (列“日期”里的…) with no 列“…”： before it.
Each row: the sheet's header and row (real .xlsx), the column as it must be named, and what the message says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE

EVENT = ["标题*", "日期*", "时间", "结束", "参与人数（必填）"]
WISH = ["心愿*", "心愿人*", "价值（元）*", "发布日期 *", "状态"]
ROWS = [
    ("part_without_hour", "活动", EVENT, ["巡逻", "2026年11月20日 晚上", None, None, 3], "日期",
     "列“日期”里的“晚上”不是具体的时间"),
    ("no_year", "活动", EVENT, ["巡逻", "11月20日 晚上10点", None, None, 3], "日期", "列“日期”没有写年份"),
    ("not_a_date", "活动", EVENT, ["巡逻", "下周三", None, None, 3], "日期", "列“日期”：“下周三”不是日期"),
    ("date_range_site", "活动", EVENT, ["巡逻", "2199-12-31", "23:00-01:00", None, 3], "时间", "超出了公示栏可能用到的日期范围"),
    ("end_clock", "活动", EVENT, ["巡逻", "2026-11-20", "20:00", "22:00", 3], "结束",
     "列“结束”：这一列要写日期和时间，“22:00”只有时间：请写成 2026-11-20 22:00"),
    ("count_marked", "活动", EVENT, ["巡逻", "2026-11-20", None, None, "十几个"], "参与人数", "列“参与人数”："),
    ("money_required", "微心愿", WISH, ["收音机", "王芳", "一百多", "2026-03-01", "待认领"], "价值（元）", "列“价值(元)”："),
    ("day_required_blank", "微心愿", WISH, ["收音机", "王芳", 100, "2026年3月1日 上午9点", "待认领"], "发布日期",
     "列“发布日期”：这里只写日期"),
]


@pytest.mark.parametrize(("kind", "header", "row", "column", "said"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_cell_problem_names_its_column_once_without_its_mark(make_site: MakeSite, tmp_path: Path, kind: str,
                                                               header: list[str], row: list[object], column: str,
                                                               said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith("表.xlsx:2: 列“") and said in line, result.stderr
    assert "*" not in line and "必填" not in line, result.stderr
    named = column.replace("（", "(").replace("）", ")")  # a header as read: NFKC
    assert line.count(f"“{named}”") == 1, result.stderr


PERSON = ["姓名*", "职务*", "电话公开方式"]
TALK = ["议题*", "提出日期*", "状态*", "进展"]
# the column's word before the value (列“状态”：状态“做完了”…) is the column named twice
WORDED = [
    ("status", "微心愿", WISH, ["收音机", "王芳", 100, "2026-03-01", "做完了"], "状态"),
    ("show_phone", "亮身份", PERSON, ["李红", "志愿者", "随便"], "电话公开方式"),
    ("time_order", "活动", EVENT, ["巡逻", "2026-11-20", "14:00-13:00", None, 3], "时间"),
    ("time_ambiguous", "活动", EVENT, ["巡逻", "2026-11-20", "3点", None, 3], "时间"),
    ("time_range", "活动", EVENT, ["巡逻", "2026-11-20", "下午3点到0点半", None, 3], "时间"),
    ("timeline", "议事", TALK, ["电动车充电", "2026-03-01", "居民提事", "两个小区已完工"], "进展"),
]


@pytest.mark.parametrize(("kind", "header", "row", "column"), [r[1:] for r in WORDED], ids=[r[0] for r in WORDED])
def test_a_cell_problem_does_not_say_its_column_again_before_the_value(make_site: MakeSite, tmp_path: Path,
                                                                       kind: str, header: list[str],
                                                                       row: list[object], column: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert f"表.xlsx:2: 列“{column}”：“" in result.stderr, result.stderr
    assert f"：{column}“" not in result.stderr, result.stderr
