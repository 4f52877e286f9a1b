"""Figures and lists when data is thin: the latest year that has figures, 暂无 on an empty chart, no made-up year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, write_files  # NOW is in 2026

SITE = "name: 望湖社区\nbase_url: https://example.org/\n"
OLD = {
    "activities/a.md": "---\ntitle: 邻里节\ndate: 2024-06-01\nparticipants: 120\n---\n正文\n",
    "activities/b.md": "---\ntitle: 包饺子\ndate: 2024-08-10\nparticipants: 30\n---\n正文\n",
    "wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2024-03-01\nstatus: claimed\nclaimed_by: 张三\n"
                     "claimed_on: 2024-03-05\n",
    "deliberations/l.yaml": "title: 噪音\nraised_on: 2023-04-07\nstatus: completed\ndecision: 限时\n"
                            "timeline:\n  - date: 2024-05-01\n    note: 办结\n",
}
NOW_TOO = {**OLD, "activities/c.md": "---\ntitle: 重阳\ndate: 2026-10-20\nparticipants: 40\n---\n正文\n"}
EMPTY: dict[str, str] = {}

# (content, site language, year of the figures, the four figures, the note, the activity chart title)
CASES = [
    (OLD, "zh-Hans", 2024, ["2", "150", "1", "1"], "今年暂无数据，以下是2024年的数字。", "2024年各月活动（场）"),
    (OLD, "en", 2024, ["2", "150", "1", "1"], "these figures are for 2024", "Activities by month, 2024"),
    (NOW_TOO, "zh-Hans", 2026, ["1", "40", "0", "0"], None, "近12个月活动（场）"),
    (EMPTY, "zh-Hans", 2026, ["0", "0", "0", "0"], None, "近12个月活动（场）"),
]


def build(tmp_path: Path, files: dict[str, str], language: str) -> Path:
    write_files(tmp_path / "content", {"site.yaml": SITE + f"language: {language}\n", **files})
    pipeline.build(tmp_path / "content", tmp_path / "out", Options(now=NOW, use_cache=False))
    return tmp_path / "out"


@pytest.mark.parametrize(("files", "language", "year", "values", "note", "chart_title"), CASES,
                         ids=["old-zh", "old-en", "this-year", "empty"])
def test_home_figures_are_for_the_latest_year_with_data(tmp_path: Path, files: dict[str, str], language: str,
                                                        year: int, values: list[str], note: str | None,
                                                        chart_title: str) -> None:
    home = (build(tmp_path, files, language) / "index.html").read_text("utf-8")
    figures = re.findall(r"<li><strong>([^<]*)</strong><span>([^<]*)</span></li>", home)
    assert [v for v, _ in figures] == values
    assert all(str(year) in label for _, label in figures)
    if note is None:
        assert "figures-note" not in home
    else:
        assert note in re.search(r'<p class="figures-note">([^<]*)</p>', home).group(1)  # type: ignore[union-attr]
    assert f'<figcaption id="chart-activities">{chart_title}</figcaption>' in home


@pytest.mark.parametrize(("language", "word"), [("zh-Hans", "暂无"), ("en", "None yet")])
def test_an_empty_chart_says_so(tmp_path: Path, language: str, word: str) -> None:
    out = build(tmp_path, EMPTY, language)
    home = (out / "index.html").read_text("utf-8")
    assert home.count(f'<p class="chart-empty">{word}</p>') == 3
    assert 'class="chart-svg"' not in home
    wishes = (out / "wishes/index.html").read_text("utf-8")
    assert f'<p class="chart-empty">{word}</p>' in wishes
    if language == "zh-Hans":
        assert '<p class="chart-empty">暫無</p>' in (out / "zh-hant/index.html").read_text("utf-8")


def test_a_chart_with_data_draws_its_bars(tmp_path: Path) -> None:
    home = (build(tmp_path, OLD, "zh-Hans") / "index.html").read_text("utf-8")
    assert home.count('class="chart-svg"') == 3 and "chart-empty" not in home
    assert "2024年微心愿（个）" in home


# (since, the year folder it is listed in, or None)
SINCE_CASES = [("since: 2024-03-01\n", 2024), ("", None), ("since: 2026-01-05\n", 2026)]


@pytest.mark.parametrize(("since", "year"), SINCE_CASES, ids=["2024", "no-since", "2026"])
def test_disclosure_is_listed_under_its_since_year_or_none(tmp_path: Path, since: str, year: int | None) -> None:
    out = build(tmp_path, {"disclosures/d.yaml": f"name: 张建国\nrole: 楼栋长\n{since}"}, "zh-Hans")
    folders = sorted(p.name for p in (out / "browse/disclosures").iterdir()) if (out / "browse/disclosures").exists() else []
    assert folders == ([str(year)] if year else [])
    listing = (out / "disclosures/index.html").read_text("utf-8")
    assert "张建国" in listing
    assert ("browse/disclosures/2026/" in listing) is (year == 2026)


@pytest.mark.parametrize(("dates", "held"), [
    (("2026-11-10", "2026-11-28"), 1),  # one held, one coming this month: the chart said 2 beside the figure's 1
    (("2026-11-10", "2026-11-20"), 2),
    (("2026-11-28",), 0),
])
def test_the_activity_chart_counts_what_the_figure_counts(tmp_path: Path, dates: tuple[str, ...], held: int) -> None:
    """The home page's 2026年开展活动 counts activities held; its 近12个月活动 chart counted those coming later
    this month too (newcomer helper-119: 3 beside a chart of 4 bars, the fourth 冬至 three weeks ahead)."""
    files = {f"activities/a{i}.md": f"---\ntitle: 活动{i}\ndate: {day}\n---\n正文\n" for i, day in enumerate(dates)}
    home = (build(tmp_path, files, "zh-Hans") / "index.html").read_text("utf-8")
    figure = re.search(r"<strong>(\d+)</strong><span>2026年开展活动</span>", home)
    chart = re.search(r'<desc id="chart-activities-d">[^<]*11月 (\d+)</desc>', home)
    assert (int(chart.group(1)) if chart else 0) == held, home  # nothing held: the chart says 暂无
    assert figure is not None and int(figure.group(1)) == held
