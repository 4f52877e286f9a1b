"""A sum written European style, thousands grouped by dots and a decimal comma (1.000,50), is told its digits
(break21): in 价值 it was told "不是金额……例如 200", and a record file's `value: 1.000,50` the field's example,
while 1.000.000 is told 写成 1000000 in both. It reads one way only (a thousand and fifty fen), so both are now
told 写成 1000.50 (validate/number_hint.py `number_hint`, which the import and check share); nothing is read
as the value. A comma alone (1,5) stays unread: a decimal comma or a slip of 15?"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from sitegen.validate import fields
from tests.conftest import MakeSite
from tests.sheets.one_sheet import check_said, import_rows
from tests.sheets.test_import import SITE

WISH = ["心愿", "心愿人", "价值", "发布日期", "状态"]
ACTIVITY = ["标题", "日期", "参与人数"]
# id, kind, header, row, the column → what its message says
SHEET_ROWS = [
    ("euro_sum", "wish", WISH, ["收音机", "王芳", "1.000,50", "2026-03-01", "待认领"], "价值", "写成 1000.50。"),
    ("euro_sum_yuan", "wish", WISH, ["收音机", "王芳", "￥1.000,50元", "2026-03-01", "待认领"], "价值", "写成 1000.50。"),
    ("euro_million", "wish", WISH, ["收音机", "王芳", "1.234.567,89", "2026-03-01", "待认领"], "价值", "写成 1234567.89。"),
    ("euro_people", "activity", ACTIVITY, ["邻里节", "2026-03-01", "1.200,00"], "参与人数", "写成 1200。"),
]
# the field's check, what is typed → what the refusal says
CHECK_ROWS = [
    ("Money", "1.000,50", "请写成 1000.50（现在是“1.000,50”）"),
    ("Money", "2.500,5", "请写成 2500.5（现在是“2.500,5”）"),
    ("Count", "1.200,00", "请写成 1200（现在是“1.200,00”）"),
]


@pytest.mark.parametrize(("kind", "header", "row", "column", "said"), [r[1:] for r in SHEET_ROWS],
                         ids=[r[0] for r in SHEET_ROWS])
def test_a_european_sum_in_a_sheet_is_told_its_digits(make_site: MakeSite, tmp_path: Path, kind: str,
                                                      header: list[str], row: list[object], column: str,
                                                      said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert f"表.xlsx:2: 列“{column}”：" in result.stderr and said in result.stderr, result.stderr
    assert "例如 200" not in result.stderr and "例如 12" not in result.stderr, result.stderr


@pytest.mark.parametrize(("check", "typed", "said"), CHECK_ROWS, ids=[f"{r[0]}-{r[1]}" for r in CHECK_ROWS])
def test_a_european_sum_in_a_file_is_told_its_digits(check: str, typed: str, said: str) -> None:
    assert said in check_said(check, typed)


def test_a_lone_decimal_comma_is_not_guessed() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        fields._money("1,5")
    assert caught.value.type != "value.number_hint"
