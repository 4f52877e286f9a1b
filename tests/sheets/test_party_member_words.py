"""A 是否党员 / 政治面貌 cell the import cannot read is told the words it takes there (break21): it was told
“应写成‘是’或‘否’” while the column also takes 党员, 中共党员 … and 群众, 共青团员 … (kinds/disclosures.py
PARTY_MEMBER_WORDS), which a 政治面貌 column holds; a yes-or-no column without words of its own (草稿) is told
是 or 否 only. Each row: the header, the cell, and what the message says (or must not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, xlsx

ROWS = [
    ("party_header_unsure", "是否党员", "不确定", "这一列也可以写 党员、中共党员、预备党员（是）；群众、非党员、共青团员（否）"),
    ("political_status_typo", "政治面貌", "党圆", "这一列也可以写 党员、中共党员、预备党员（是）；群众、非党员、共青团员（否）"),
    ("party_header_short", "党员", "不清楚", "这一列也可以写 党员"),
]


@pytest.mark.parametrize(("header", "cell", "said"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_party_member_cell_is_told_its_own_words(make_site: MakeSite, tmp_path: Path, header: str, cell: str,
                                                   said: str) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "亮身份.xlsx", [["姓名", "职务", header], ["陈桂兰", "楼栋长", cell]])
    result = run("import", "disclosure", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert f"亮身份.xlsx:2: 列“{header}”：“{cell}”应写成“是”或“否”" in result.stderr and said in result.stderr, result.stderr


def test_a_draft_cell_is_told_yes_or_no_alone(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "亮身份.xlsx", [["姓名", "职务", "草稿"], ["陈桂兰", "楼栋长", "党员"]])
    result = run("import", "disclosure", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert "“党员”应写成“是”或“否”。" in result.stderr and "这一列也可以写" not in result.stderr, result.stderr
