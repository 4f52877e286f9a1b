"""A wisher's full name found elsewhere is traced to the line of the wish that names it: the
`wisher:` line, not the wish's first line (a newcomer, session 15: "见 wishes/….yaml:3" where line 3
was `wish:` and the name was on line 4). Rows: the wish file, and the line its wisher is on."""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, run

ROWS = [
    ("wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-11-01\nstatus: open\n", 2),
    ("# 2026年11月\nwish: 助行器\nposted_on: 2026-11-01\nwisher: 周桂芳\nstatus: open\n", 4),
    ("- wish: 老花镜\n  wisher: 钱文华\n  posted_on: 2026-11-01\n  status: open\n"
     "- wish: 助行器\n  posted_on: 2026-11-01\n  wisher: 周桂芳\n  status: open\n", 7),
]


@pytest.mark.parametrize(("wishes", "line"), ROWS)
def test_the_full_name_is_traced_to_its_wisher_line(make_site: MakeSite, wishes: str, line: int) -> None:
    content = make_site({"wishes/w.yaml": wishes,
                         "activities/a.md": "---\ntitle: 包饺子\ndate: 2026-11-02\n---\n感谢周桂芳老人。\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1
    assert f"见 wishes/w.yaml:{line}）" in result.stderr, result.stderr
