"""What a build says it made is what a worker finds in the output folder (newcomer19: told "108 pages",
they counted 483 HTML files, the elder-mode and 繁體 copies of each page, and could not tell the two apart).

Each row is a site; the line a build prints (and the one a build that found the site as it was prints)
must name the pages, and when they have copies, the web pages they make with them: every HTML file in
the output that is not a poster.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitegen.pipeline.cache import cache_dir
from tests.conftest import MakeSite, run

RECORDS = {
    "activities/a.md": "---\ntitle: 义诊\ndate: 2026-11-20 09:00\n---\n社区医生来义诊。\n",
    "wishes/w.yaml": "wish: 想要一个助行器\nwisher: 李秀英\nplace: 望湖小区2栋\nstatus: open\nposted_on: 2026-11-01\n",
}
SITE = "name: 望湖社区\nbase_url: https://example.org/wanghu/\n"

# site.yaml lines → (language of the messages, what the copies are called in them, or None: no copies said)
ROWS: dict[str, tuple[str, str, str]] = {
    "Simplified site, 繁體 copies on (the default), Chinese": ("", "zh-Hans", "{pages} 个页面（连同长辈版和繁體版共 {copies} 个网页）"),
    "Simplified site, 繁體 copies on, English": (
        "", "en", "{pages} pages ({copies} web pages with their elder-mode and Traditional Chinese copies), "),
    "繁體 copies turned off": ("traditional_mirror: false\n", "zh-Hans", "{pages} 个页面（连同长辈版共 {copies} 个网页）、"),
    "a Traditional site (no mirror of itself)": ("language: zh-Hant\n", "zh-Hans", "{pages} 个页面（连同长辈版共 {copies} 个网页）"),
    "繁體 messages": ("", "zh-Hant", "{pages} 個頁面（連同長輩版和繁體版共 {copies} 個網頁）、"),
}


def _web_pages(out: Path) -> int:
    """The HTML files of the output that are pages: the posters' own pages (posters/<kind>/…) left out."""
    return sum(1 for path in out.rglob("*.html")
               if not re.match(r"posters/[^/]+/", path.relative_to(out).as_posix()))


@pytest.mark.parametrize("name", ROWS)
def test_a_build_says_how_many_web_pages_its_copies_make(name: str, make_site: MakeSite, tmp_path: Path) -> None:
    extra, lang, said = ROWS[name]
    content = make_site({"site.yaml": SITE + extra, **RECORDS})
    out = tmp_path / "output"
    for again in (False, True):  # a build, then one that checks everything again and finds the same site
        if again:
            shutil.rmtree(cache_dir(out))
        result = run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": lang})
        assert result.exit_code == 0, result.output
        pages = int(re.search(r"(\d+) (?:个页面|個頁面|pages)", result.output).group(1))  # type: ignore[union-attr]
        copies = _web_pages(out)
        assert pages < copies
        assert said.format(pages=pages, copies=copies) in result.output, result.output
        line = next(line for line in result.output.splitlines() if said.format(pages=pages, copies=copies) in line)
        assert line.count("共") <= 1  # said once (break20: the "up to date" line said it twice)


def test_a_site_without_copies_says_none(make_site: MakeSite, tmp_path: Path) -> None:
    """Pages without copies (a cache written before copies were counted says 0): the pages alone."""
    from sitegen.i18n.messages import Messages
    from sitegen.reporting import built_counts

    messages = Messages("zh-Hans")
    assert built_counts(messages, 10, 0, 4, 2, 1)["pages_said"] == "10 个页面"
    assert built_counts(messages, 10, 10, 1, 2, 1)["pages_said"] == "10 个页面"
    assert built_counts(messages, 10, 40, 4, 2, 1)["pages_said"] == "10 个页面（连同长辈版和繁體版共 40 个网页）"
    assert built_counts(messages, 10, 20, 2, 2, 1)["pages_said"] == "10 个页面（连同长辈版共 20 个网页）"
    assert built_counts(Messages("en"), 10, 20, 2, 2, 1)["pages_said"] == "10 pages (20 web pages with their elder-mode copies)"


def test_each_community_of_a_street_says_its_web_pages(tmp_path: Path) -> None:
    """A street build's line for each community counts as a site's does (break20: `meihu：21 个页面` only)."""
    street = tmp_path / "街道"
    assert run("init", "--street", str(street)).exit_code == 0
    out = tmp_path / "网站"
    result = run("build", "--content", str(street), "--out", str(out), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "个页面（连同长辈版和繁體版共" in line]
    slugs = sorted(p.name for p in street.iterdir() if (p / "site.yaml").is_file())
    assert len(lines) == len(slugs) == 2
    for slug in slugs:
        pages = next(line for line in lines if line.startswith(f"{slug}："))
        assert f"共 {_web_pages(out / slug)} 个网页）" in pages, pages
