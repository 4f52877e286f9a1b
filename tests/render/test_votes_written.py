"""A deliberation's votes show the counts its record wrote, and no other: `votes: {for: 12}` was
published as 赞成 12 · 反对 0 · 弃权 0 (the newcomer's), telling residents nobody objected when the
record never said so. A count written as 0 is shown as 0. Each row: the votes lines as typed, what
the page and the poster show after 表决结果 (the same on both), in Simplified and 繁體 (the site's mirror)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, write_files

SITE = "name: 望湖社区\nbase_url: https://example.org/\n"
L = "title: 加装电梯\nraised_on: 2026-10-01\nstatus: decided\ndecision: 同意加装\n{votes}"

ROWS = {
    "all three": ("votes:\n  for: 12\n  against: 1\n  abstain: 2\n", "赞成 12 · 反对 1 · 弃权 2", "贊成 12 · 反對 1 · 棄權 2"),
    "for alone": ("votes: {for: 12}\n", "赞成 12", "贊成 12"),
    "for and against, no abstain": ("votes:\n  for: 12\n  against: 3\n", "赞成 12 · 反对 3", "贊成 12 · 反對 3"),
    "against written as 0": ("votes: {for: 12, against: 0}\n", "赞成 12 · 反对 0", "贊成 12 · 反對 0"),
    "written in another order": ("votes:\n  abstain: 1\n  for: 9\n", "赞成 9 · 弃权 1", "贊成 9 · 棄權 1"),
    "no votes": ("", None, None),
}


def _shown(page: Path, label: str) -> str | None:
    found = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", page.read_text("utf-8"), re.S)
    return html.unescape(found.group(1)).strip() if found else None


@pytest.mark.parametrize("name", ROWS)
def test_votes_show_only_the_counts_written(name: str, tmp_path: Path) -> None:
    votes, hans, hant = ROWS[name]
    write_files(tmp_path / "content", {"site.yaml": SITE, "deliberations/lift.yaml": L.format(votes=votes)})
    out = tmp_path / "out"
    pipeline.build(tmp_path / "content", out, Options(now=NOW, use_cache=False))
    assert _shown(out / "deliberations" / "lift" / "index.html", "表决结果") == hans
    assert _shown(out / "zh-hant" / "deliberations" / "lift" / "index.html", "表決結果") == hant
    assert _shown(out / "posters" / "deliberations" / "lift" / "index.html", "表决结果") == hans
