"""An empty cell must not publish what nobody said of a person (break21): a 亮身份 sheet WITH a 政治面貌 /
是否党员 column and a row whose cell is empty wrote no party_member line, and party_member defaults to true
(SPEC §3), so a 群众 volunteer was published as 党员. The row is now refused at sheet:row, naming what it would
have said and the words to write (import.cell.unsaid); a sheet without the column keeps the SPEC's default.
Export writes the default for a record without the field, so export → import reads back what the site shows.

Columns of the same kind looked at and left as they are: 电话公开方式 (show_phone) empty is the SPEC's
default, the number masked on the web and full on the printed poster only, which states nothing about the
person; 状态 (a wish's or a deliberation's status) is required, an empty one already refused; 赞成/反对/弃权
empty are not shown (model/build.py shows only the counts written); 草稿 empty publishes the row, as any row."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import MakeSite, run
from tests.sheets.one_sheet import import_rows
from tests.sheets.test_import import SITE, fields_of

# id, the header row, the data row → what stderr says at 表.xlsx:2
REFUSED = [
    ("political_status_empty", ["姓名", "职务", "政治面貌"], ["陈桂兰", "志愿者", None],
     "列“政治面貌”：这一格空着，会被当作“党员”公布出去：请在“政治面貌”一栏写 党员 或 群众。"),
    ("party_header_empty", ["姓名", "职务", "是否党员"], ["陈桂兰", "志愿者", None],
     "列“是否党员”：这一格空着，会被当作“党员”公布出去：请在“是否党员”一栏写 党员 或 群众。"),
    ("blank_spaces", ["姓名", "职务", "政治面貌", "电话"], ["陈桂兰", "志愿者", "　 ", 13812345678],
     "列“政治面貌”：这一格空着"),
    ("short_header_empty", ["姓名", "职务", "党员"], ["陈桂兰", "志愿者", ""], "列“党员”：这一格空着"),
]
# id, the header row, the data row → party_member as written (None: no line, the SPEC's default)
READ = [
    ("no_column_keeps_default", ["姓名", "职务"], ["陈桂兰", "志愿者"], None),
    ("masses", ["姓名", "职务", "政治面貌"], ["陈桂兰", "志愿者", "群众"], "false"),
    ("member", ["姓名", "职务", "政治面貌"], ["陈桂兰", "楼栋长", "中共党员"], "true"),
]


@pytest.mark.parametrize(("header", "row", "said"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_an_empty_party_cell_is_refused(make_site: MakeSite, tmp_path: Path, header: list[str], row: list[object],
                                        said: str) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, "disclosure", [header, row])
    assert result.exit_code == 1, result.stderr
    assert f"表.xlsx:2: {said}" in result.stderr, result.stderr
    assert not (content / "disclosures").exists() or not any((content / "disclosures").iterdir())


@pytest.mark.parametrize(("header", "row", "written"), [r[1:] for r in READ], ids=[r[0] for r in READ])
def test_a_said_party_cell_or_no_column_is_read(make_site: MakeSite, tmp_path: Path, header: list[str],
                                                row: list[object], written: str | None) -> None:
    content = make_site(site=SITE)
    result = import_rows(content, tmp_path, "disclosure", [header, row])
    assert result.exit_code == 0, result.stderr
    assert fields_of(next((content / "disclosures").glob("*.yaml"))).get("party_member") == written


def test_export_then_import_keeps_who_is_a_member(make_site: MakeSite, tmp_path: Path) -> None:
    """One record says 群众, one says nothing (a member, as published): the exported sheet has 是 for the second,
    so importing it back is not refused for an empty cell."""
    content = make_site(site=SITE, files={
        "disclosures/a.yaml": "name: 陈桂兰\nrole: 志愿者\nparty_member: false\n",
        "disclosures/b.yaml": "name: 张建国\nrole: 楼栋长\n"})
    target = tmp_path / "导出.xlsx"
    assert run("export", "disclosure", str(target), "--content", str(content)).exit_code == 0
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    column = rows[0].index("是否党员")
    assert sorted(str(r[column]) for r in rows[1:]) == ["否", "是"]
    result = run("import", "disclosure", str(target), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
