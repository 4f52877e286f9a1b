"""`sitegen check -v` of a street counts each kind as a site's does: each community's, then the street's
(session 15: a street's said only how many records in all)."""

from __future__ import annotations

import pytest

from tests.conftest import run
from tests.street.conftest import MakeStreet

MORE = "---\ntitle: 重阳节包饺子\ndate: 2026-10-18\n---\n"
DRAFT = "---\ntitle: 冬至\ndate: 2026-12-21\ndraft: true\n---\n"


@pytest.mark.parametrize(("language", "lines"), [
    ("zh-Hans", ["meihu：活动 1 条，亮身份 1 条，议事 1 条，微心愿 1 条，页面 1 个（草稿不计）。",
                 "wanghu：活动 2 条，亮身份 1 条，议事 1 条，微心愿 1 条，页面 1 个（草稿不计）。",
                 "全街道合计：活动 3 条，亮身份 2 条，议事 2 条，微心愿 2 条，页面 2 个（草稿不计）。"]),
    ("en", ["meihu: 1 activities, 1 disclosures, 1 deliberations, 1 wishes, 1 pages (drafts not counted).",
            "wanghu: 2 activities, 1 disclosures, 1 deliberations, 1 wishes, 1 pages (drafts not counted).",
            "the whole street: 3 activities, 2 disclosures, 2 deliberations, 2 wishes, 2 pages (drafts not counted)."]),
])
def test_check_verbose_counts_each_kind(make_street: MakeStreet, language: str, lines: list[str]) -> None:
    street = make_street(files={"wanghu/activities/more.md": MORE, "meihu/activities/draft.md": DRAFT})
    result = run("check", "-v", "--content", str(street), env={"SITEGEN_LANG": language})
    assert result.exit_code == 0, result.stderr
    shown = result.stdout.splitlines()
    assert shown[-3:] == lines, result.stdout


def test_check_without_v_counts_nothing(make_street: MakeStreet) -> None:
    result = run("check", "--content", str(make_street()), env={"SITEGEN_LANG": "zh-Hans"})
    assert "全街道合计" not in result.stdout and "活动 1 条" not in result.stdout
