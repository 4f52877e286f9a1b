"""Open the built site in a real browser, as a resident would: phone viewport, file:// and hostile content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import DEMO, NOW
from tests.render.test_xss import hostile_site

pytestmark = pytest.mark.slow

PHONE = {"width": 375, "height": 667}
PAGES = [
    ("home", "index.html"),
    ("activities", "activities/index.html"),
    ("activity", "activities/2026-dongzhi-baojiaozi/index.html"),
    ("disclosure", "disclosures/li-xiuying/index.html"),
    ("deliberation", "deliberations/2024-diandongche-chongdian/index.html"),
    ("wish", "wishes/2026-zhuxingqi/index.html"),
    ("wishes", "wishes/index.html"),
    ("board", "places/fuguiyuan/9dong/index.html"),
    ("about", "pages/about/index.html"),
]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "output"
    pipeline.build(DEMO, out, Options(now=NOW, use_cache=False))
    return out


def open_page(browser: Any, url: str, errors: list[str]) -> Any:
    page = browser.new_page(viewport=PHONE, device_scale_factor=1)
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("mode", ["", "care/"])
@pytest.mark.parametrize(("name", "rel"), PAGES)
def test_phone_page_fits_and_has_no_errors(browser: Any, demo_site: Path, artifacts: Path,
                                          name: str, rel: str, mode: str) -> None:
    errors: list[str] = []
    page = open_page(browser, (demo_site / mode / rel).as_uri(), errors)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"horizontal scroll: {width}px"
    font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font >= (24 if mode else 18)
    page.screenshot(path=str(artifacts / f"{name}{'-care' if mode else ''}.png"), full_page=True)
    page.close()
    assert errors == []


def test_elder_mode_is_remembered(browser: Any, demo_site: Path) -> None:
    errors: list[str] = []
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((demo_site / "index.html").as_uri())
    page.click("a.care-switch")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('care')")
    # a poster QR code opens the standard page: the choice takes the reader to the elder page
    page.goto((demo_site / "wishes/2026-zhuxingqi/index.html").as_uri())
    page.wait_for_url("**/care/wishes/2026-zhuxingqi/index.html")
    page.click("a.care-switch")
    page.wait_for_load_state("load")
    assert not page.evaluate("document.documentElement.classList.contains('care')")
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-browser")
    out = root / "output"
    pipeline.build(hostile_site(root), out, Options(now=NOW, use_cache=False))
    return out


def test_hostile_content_fires_nothing(browser: Any, hostile_out: Path) -> None:
    rels = ["index.html", "activities/a0/index.html", "activities/a1/index.html", "disclosures/d0/index.html",
            "deliberations/l0/index.html", "wishes/w1/index.html", "pages/about/index.html",
            "places/xiaoqu0/index.html", "posters/activities/a0/index.html", "posters/wishes/index.html",
            "zh-hant/activities/a2/index.html", "care/wishes/w3/index.html"]
    for rel in rels:
        errors: list[str] = []
        page = open_page(browser, (hostile_out / rel).as_uri(), errors)
        page.mouse.move(10, 10)
        page.wait_for_timeout(50)
        assert page.evaluate("window.__xss === undefined"), rel
        assert not [e for e in errors if e.startswith("dialog")], rel
        page.close()


AXE_PAGES = [rel for _, rel in PAGES] + ["places/index.html", "tags/index.html", "posters/index.html",
                                         "posters/activities/2026-dongzhi-baojiaozi/index.html",
                                         "posters/places/fuguiyuan/index.html", "posters/wishes/index.html"]


@pytest.mark.parametrize("mode", ["", "care/"])
def test_accessibility_axe_finds_nothing(browser: Any, demo_site: Path, mode: str) -> None:
    """axe-core (WCAG 2.1 A/AA and best practices) on every kind of page, in both modes."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for rel in AXE_PAGES:
        if mode and rel.startswith("posters/"):
            continue
        page = browser.new_page(viewport=PHONE)
        page.goto((demo_site / mode / rel).as_uri())
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": [
            "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
        violations = [(v["id"], v["impact"], len(v["nodes"])) for v in result.response["violations"]]
        if violations:
            found[mode + rel] = violations
        page.close()
    assert found == {}
