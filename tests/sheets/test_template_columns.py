"""The 表格模板 offers each kind's columns a worker fills in: an activity's 地点 was left out (break20b), with
the place paths that a person's or a wish's sheet offers as 小区 / 楼栋 / 单元. Each row: a kind, the headers
its template must hold, and those it must not (the path as one column, besides its parts)."""

from __future__ import annotations

import pytest

from sitegen.sheets.workbook import template_columns

ROWS = [
    ("activities", {"地点", "标题*", "日期*"}, {"小区"}),
    ("disclosures", {"小区", "楼栋", "单元"}, {"位置"}),
    ("wishes", {"小区", "楼栋", "单元"}, {"位置"}),
]


@pytest.mark.parametrize(("kind", "held", "left_out"), ROWS, ids=[r[0] for r in ROWS])
def test_a_template_offers_the_columns_a_worker_fills(kind: str, held: set[str], left_out: set[str]) -> None:
    headers = {column.headers[0] + ("*" if column.required else "") for column in template_columns(kind)}
    headers |= {column.headers[0] for column in template_columns(kind)}
    assert held <= headers and not left_out & headers, sorted(headers)
