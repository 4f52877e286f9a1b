"""A problem in a record's body is said at the body's column (import) or the body's box (the editor),
not at the field written last before it (breaker helper-126: a wisher's name in 内容 was blamed on
参与人数, or on 主办 when 参与人数 was empty; the editor put it under "place")."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from sitegen.edit.checking import check_form
from sitegen.i18n.messages import Messages
from tests.conftest import MakeSite, run

SITE = "name: 测试社区\nbase_url: https://test.example.org/\n"
WISH = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"


@pytest.mark.parametrize("count", ["30", ""], ids=["count_given", "count_empty"])
def test_import_says_a_body_problem_at_the_body_column(make_site: MakeSite, tmp_path: Path, count: str) -> None:
    content = make_site({"wishes/a.yaml": WISH}, site=SITE)
    sheet = tmp_path / "act.csv"
    sheet.write_text(f"标题,日期,主办,参与人数,内容\n看望老人,2026-06-01,社区,{count},感谢周桂芳阿姨。\n", encoding="utf-8")
    result = run("import", "活动", str(sheet), "--content", str(content))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("act.csv:2: ")]
    assert len(lines) == 1 and "内容" in lines[0] and "参与人数" not in lines[0] and "主办" not in lines[0], result.stderr


@pytest.mark.parametrize("front", ["title: 看望\ndate: 2026-06-01\nplace: 活动室\n", "title: 看望\ndate: 2026-06-01\n"],
                         ids=["place_last", "date_last"])
def test_the_editor_says_a_body_problem_at_the_body(make_site: MakeSite, front: str) -> None:
    content = make_site({"wishes/a.yaml": WISH}, site=SITE)
    errors, _ = check_form(content, PurePosixPath("activities/kanwang.md"), f"---\n{front}---\n感谢周桂芳阿姨。\n",
                           "activities", Messages("en"))
    assert list(errors) == ["body"], errors
