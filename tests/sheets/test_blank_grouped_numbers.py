"""A sum with its thousands grouped by a blank or an apostrophe and a decimal comma (1 000,50, 1'000,50, as
French, Russian and Swiss spreadsheets write one) is told its digits (breaker s21): in 价值 it was told only
“不是金额……例如 200”, while 1.000,50 is told 写成 1000.50. It reads one way only, so both are now told the
digits (validate/number_hint.py `number_hint`, which the import and check share); nothing is read as the value.
Each row: what is typed and what the message says."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from sitegen.validate import fields
from tests.conftest import MakeSite
from tests.sheets.one_sheet import check_said, import_rows
from tests.sheets.test_import import SITE

WISH = ["心愿*", "心愿人*", "价值（元）", "发布日期*", "状态"]
ACTIVITY = ["标题*", "日期*", "参与人数"]
SHEET_ROWS = [
    ("blank_sum", "wish", WISH, ["收音机", "王芳", "1 000,50", "2026-03-01", "待认领"], "写成 1000.50。"),
    ("nbsp_sum", "wish", WISH, ["收音机", "王芳", "1\u00a0000,50", "2026-03-01", "待认领"], "写成 1000.50。"),
    ("narrow_nbsp_sum", "wish", WISH, ["收音机", "王芳", "12\u202f345,6", "2026-03-01", "待认领"], "写成 12345.6。"),
    ("apostrophe_sum", "wish", WISH, ["收音机", "王芳", "1'000,50", "2026-03-01", "待认领"], "写成 1000.50。"),
    ("blank_million_yuan", "wish", WISH, ["收音机", "王芳", "￥1 234 567,89元", "2026-03-01", "待认领"],
     "写成 1234567.89。"),
    ("blank_people", "activity", ACTIVITY, ["邻里节", "2026-03-01", "1 200,00"], "写成 1200。"),
]
CHECK_ROWS = [
    ("Money", "1 000,50", "请写成 1000.50（现在是“1 000,50”）"),
    ("Money", "2'500,5", "请写成 2500.5（现在是“2'500,5”）"),
    ("Count", "1 200,00", "请写成 1200（现在是“1 200,00”）"),
]


@pytest.mark.parametrize(("kind", "header", "row", "said"), [r[1:] for r in SHEET_ROWS], ids=[r[0] for r in SHEET_ROWS])
def test_a_blank_grouped_sum_in_a_sheet_is_told_its_digits(make_site: MakeSite, tmp_path: Path, kind: str,
                                                           header: list[str], row: list[object], said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert said in result.stderr, result.stderr
    assert "例如 200" not in result.stderr and "例如 12" not in result.stderr, result.stderr


@pytest.mark.parametrize(("check", "typed", "said"), CHECK_ROWS, ids=[f"{r[0]}-{r[1]}" for r in CHECK_ROWS])
def test_a_blank_grouped_sum_in_a_file_is_told_its_digits(check: str, typed: str, said: str) -> None:
    assert said in check_said(check, typed)


@pytest.mark.parametrize("typed", ["1 000,5 2", "1 00,50", "1 000.000,50"])
def test_a_mixed_or_short_grouping_is_not_guessed(typed: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        fields._money(typed)
    assert caught.value.type != "value.number_hint"
