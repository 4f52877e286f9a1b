"""A sum or a count the import cannot read is told the digits it reads as, as a record file's check is (break21):
1.000.000 in 价值 was told "不是金额……例如 200", 2.500 people "不是整数", 一千 and 1.5万 the same, while check
says value.number_hint 1000000, 2500, 1000, 15000 (validate/numbers.py `not_a_number`). A dot that may be a
decimal point (1.000) keeps both readings (import.cell.dot_thousands); a plain 1,000,000 is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE

WISH = ["心愿", "心愿人", "价值", "发布日期", "状态"]
ACTIVITY = ["标题", "日期", "参与人数"]
# id, kind, header, row, the column, what the message says after 列“…”：
ROWS = [
    ("million_dotted", "wish", WISH, ["收音机", "王芳", "1.000.000", "2026-03-01", "待认领"], "价值", "写成 1000000。"),
    ("million_dotted_yuan", "wish", WISH, ["收音机", "王芳", "1.000.000元", "2026-03-01", "待认领"], "价值", "写成 1000000。"),
    ("money_in_words", "wish", WISH, ["收音机", "王芳", "一千", "2026-03-01", "待认领"], "价值", "写成 1000。"),
    ("money_in_ten_thousands", "wish", WISH, ["收音机", "王芳", "1.5万", "2026-03-01", "待认领"], "价值", "写成 15000。"),
    ("people_dotted", "activity", ACTIVITY, ["邻里节", "2026-03-01", "2.500"], "参与人数", "写成 2500。"),
    ("people_in_words", "activity", ACTIVITY, ["邻里节", "2026-03-01", "三十"], "参与人数", "写成 30。"),
    ("thousand_or_one", "wish", WISH, ["收音机", "王芳", "1.000", "2026-03-01", "待认领"], "价值",
     "请写成 1000（千位之间不加点），或者 1.00（点是小数点时）"),
]


@pytest.mark.parametrize(("kind", "header", "row", "column", "said"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_number_cell_is_told_the_digits_it_reads_as(make_site: MakeSite, tmp_path: Path, kind: str,
                                                      header: list[str], row: list[object], column: str,
                                                      said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, kind, [header, row])
    assert result.exit_code == 1
    assert f"表.xlsx:2: 列“{column}”：" in result.stderr and said in result.stderr, result.stderr
    assert "例如 200" not in result.stderr and "例如 12" not in result.stderr, result.stderr
