"""Search in a real browser from file://: what a resident types, what they get, in every tree, within the CSP."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render.search import plain
from tests.conftest import DEMO, NOW

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
TREES = ["", "care/", "zh-hant/", "zh-hant/care/"]
# A record from each kind: a run of six characters from the middle of its body must find it first.
MIDDLES = ["activities/2026-dongzhi-baojiaozi", "deliberations/2025-jiazhuang-dianti", "wishes/2025-dai-gou-yao",
           "disclosures/liu-yang", "pages/about"]
SCRIPTS = [  # tree, typed → the record it must find (繁體 typed on the 简体 site and the reverse)
    ("", "加裝電梯", "deliberations/2025-jiazhuang-dianti/"),
    ("care/", "加裝電梯", "deliberations/2025-jiazhuang-dianti/"),
    ("zh-hant/", "加装电梯", "deliberations/2025-jiazhuang-dianti/"),
    ("zh-hant/care/", "电梯", "deliberations/2025-jiazhuang-dianti/"),
    ("zh-hant/", "電梯", "deliberations/2025-jiazhuang-dianti/"),
]
WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
         "function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("search-browser") / "output"
    pipeline.build(DEMO, out, Options(now=NOW, use_cache=False))
    return out


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(WATCH)
    tab = context.new_page()
    tab.errors = []
    tab.on("console", lambda m: tab.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: tab.errors.append(f"pageerror: {e}"))
    yield tab
    assert tab.evaluate("window.__csp") == [], "blocked by the CSP"
    assert tab.errors == []
    context.close()


def search(page: Any, site: Path, tree: str, query: str) -> list[str]:
    """Open the search page with ?q= and return the result links as site paths (tree prefix kept)."""
    page.goto((site / tree / "search" / "index.html").as_uri() + "?q=" + quote(query))
    page.wait_for_function("document.querySelector('.search-status').textContent !== '' || "
                           "document.querySelectorAll('.result').length > 0")
    root = site.as_uri() + "/"
    return [page.evaluate("a => a.href", a).removeprefix(root).removesuffix("index.html")
            for a in page.query_selector_all(".result-title")]


def middle_of(record: str) -> str:
    """Six characters from the middle of a record's body (no punctuation), written nowhere else in the content."""
    path = DEMO / (record + ".md")
    body = plain(path.read_text("utf-8").split("---", 2)[-1])
    others = "".join(p.read_text("utf-8") for p in DEMO.rglob("*.*") if p != path and p.suffix in (".md", ".yaml"))
    windows = [(abs(i + 3 - len(body) / 2), body[i:i + 6]) for i in range(len(body) - 5)]
    return next(w for _, w in sorted(windows) if re.fullmatch(r"[\u4e00-\u9fff]{6}", w) and w not in others)


@pytest.mark.parametrize("record", MIDDLES)
def test_a_run_from_the_middle_of_a_body_finds_its_record_first(page: Any, site: Path, record: str) -> None:
    query = middle_of(record)
    found = search(page, site, "", query)
    assert found and found[0] == record + "/", (query, found)
    assert query in page.inner_text(".result .snippet") or page.query_selector(".result mark") is not None


@pytest.mark.parametrize(("tree", "typed", "record"), SCRIPTS)
def test_either_script_finds_the_other(page: Any, site: Path, tree: str, typed: str, record: str) -> None:
    found = search(page, site, tree, typed)
    assert tree + record in found
    title = page.inner_text(".result-title")
    assert ("電梯" in title) == tree.startswith("zh-hant/")  # results are shown in the tree's script
    assert page.query_selector(".result-title mark") is not None  # the match is highlighted


def wishers() -> list[str]:
    names = []
    for path in sorted((DEMO / "wishes").iterdir()):
        found = re.search(r"^wisher:\s*(\S+)", path.read_text("utf-8"), re.MULTILINE)
        if found:
            names.append(found.group(1))
    assert len(names) >= 5
    return names


def test_a_wishers_full_name_finds_nothing_and_is_nowhere_in_the_index(page: Any, site: Path) -> None:
    index = "".join(p.read_text("utf-8") for p in (site / "static").glob("search-index*.js"))
    for name in wishers():
        assert name not in index
        for tree in ("", "zh-hant/"):
            assert search(page, site, tree, name) == [], name
            assert page.inner_text(".search-status").startswith(("没有找到", "沒有找到"))
            assert page.is_visible("[data-help] a")  # the lists, to browse instead


@pytest.mark.parametrize("tree", TREES)
def test_results_stay_in_their_tree_and_the_header_leads_there(page: Any, site: Path, tree: str) -> None:
    found = search(page, site, tree, "邻里")
    assert len(found) >= 2 and all(f.startswith(tree) for f in found)
    assert all(not f.removeprefix(tree).startswith(("care/", "zh-hant/")) for f in found)
    page.goto((site / tree / "activities" / "index.html").as_uri())
    page.click("a.search-link")
    page.wait_for_load_state("load")
    assert page.url == (site / tree / "search" / "index.html").as_uri()
    # the switches on a search page carry the query to the other tree
    search(page, site, tree, "停车")
    for link in page.query_selector_all(".toolbar a.switch:not(.search-link)"):
        assert link.get_attribute("href").endswith("search/index.html?q=" + quote("停车"))


def test_typing_searches_and_enter_keeps_the_query_in_the_address(page: Any, site: Path) -> None:
    page.goto((site / "search" / "index.html").as_uri())
    page.wait_for_function("document.querySelector('.search-status').textContent === ''")
    page.type("#q", "停车", delay=30)
    page.wait_for_selector(".result")
    assert "停车" in page.inner_text(".search-results")
    page.fill("#q", "议事会")
    page.press("#q", "Enter")
    page.wait_for_function("location.search.length > 0")
    assert page.evaluate("new URLSearchParams(location.search).get('q')") == "议事会"
    page.reload()
    page.wait_for_selector(".result")
    assert page.input_value("#q") == "议事会"


def test_without_scripts_the_page_says_so_and_the_form_still_goes(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "search" / "index.html").as_uri())
    assert page.is_visible("[data-noscript]")
    assert len(page.query_selector_all("[data-help] a")) == 6
    page.fill("#q", "电梯")
    page.press("#q", "Enter")
    page.wait_for_load_state("load")
    assert page.url.endswith("search/index.html?q=" + quote("电梯"))  # a GET form to itself: CSP form-action 'self'
    context.close()


def test_a_digit_run_finds_a_shown_phone_and_one_character_finds_something(page: Any, site: Path) -> None:
    assert search(page, site, "", "5678") == ["disclosures/wang-deming/"]  # 138****5678, as the page shows it
    assert len(search(page, site, "", "梯")) >= 1


def test_the_page_at_phone_size(page: Any, site: Path, artifacts: Path) -> None:
    for tree in ("", "care/"):
        search(page, site, tree, "停车")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"horizontal scroll: {width}px"
        page.screenshot(path=str(artifacts / f"search{'-care' if tree else ''}.png"), full_page=True)


def test_more_results_come_in_steps(page: Any, site: Path) -> None:
    search(page, site, "", "社")
    total = int(re.search(r"\d+", page.inner_text(".search-status")).group())  # type: ignore[union-attr]
    assert total > 20, "the demo needs more than one step of results for this test"
    assert len(page.query_selector_all(".result")) == 20
    page.click(".search-more")
    assert len(page.query_selector_all(".result")) == min(40, total)


@pytest.mark.parametrize("tree", ["", "care/"])
def test_axe_finds_nothing_on_the_search_page(browser: Any, site: Path, tree: str) -> None:
    """axe-core (WCAG 2.1 A/AA and best practices) with results shown, and with none (axe's own
    requests for the style sheet fail from file://: its console is not watched here)."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=PHONE)
    found = {}
    for query in ("停车", "没有这个词"):
        search(page, site, tree, query)
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
        violations = [(v["id"], v["impact"], len(v["nodes"])) for v in result.response["violations"]]
        if violations:
            found[query] = violations
    page.close()
    assert found == {}


def test_nothing_is_searched_while_an_input_method_composes(page: Any, site: Path) -> None:
    page.goto((site / "search" / "index.html").as_uri())
    page.wait_for_function("document.querySelector('.search-status').textContent === ''")
    page.evaluate("""() => {
        const input = document.getElementById('q');
        input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        input.value = 'tingche';
        input.dispatchEvent(new InputEvent('input', {data: 'tingche', isComposing: true}));
    }""")
    page.wait_for_timeout(400)
    assert page.inner_text(".search-status") == ""  # no "nothing found for tingche" flashing by
    page.evaluate("""() => {
        const input = document.getElementById('q');
        input.value = '停车';
        input.dispatchEvent(new CompositionEvent('compositionend', {data: '停车'}));
    }""")
    page.wait_for_selector(".result")
    assert "停车" in page.inner_text(".search-results")


@pytest.fixture(scope="module")
def far_apart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 activities; 鹦鹉 in three of them, far apart in the index, so that its postings hold gaps of two
    letters (render/search_gaps.py gap_text: base 26), which search.js must read back."""
    root = tmp_path_factory.mktemp("search-far")
    content = root / "content"
    (content / "activities").mkdir(parents=True)
    (content / "site.yaml").write_text("name: 测试社区\nbase_url: https://test.example.org/\n", encoding="utf-8")
    for number in range(80):
        word = "观察鹦鹉" if number in (0, 41, 79) else "整理花坛"
        (content / "activities" / f"a{number:02d}.md").write_text(
            f"---\ntitle: 第{number}次活动\ndate: 2026-01-{number % 28 + 1:02d}\n---\n今天{word}。\n", encoding="utf-8")
    out = root / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    return out


def test_postings_far_apart_are_read_back(page: Any, far_apart: Path) -> None:
    index = next((far_apart / "static").glob("search-index.*.js")).read_text("utf-8")
    assert re.search(r'"鹦鹉":"[a-z]{2,}', index) or re.search(r'"鹦鹉":"[a-z]+,[a-z]{2,}', index), "no gap of two letters"
    found = search(page, far_apart, "", "鹦鹉")
    assert sorted(found) == ["activities/a00/", "activities/a41/", "activities/a79/"]
