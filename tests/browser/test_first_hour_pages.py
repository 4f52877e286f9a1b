"""Issue 19 in a real browser over HTTP, as Lighthouse sees a page: no console error on the poster
pages (a missing icon made browsers fetch /favicon.ico: a 404), the wish wall is no table with a fake
caption, and a phone gets photos as large as they show (image-size-responsive)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import DEMO, NOW

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
DPR = 3


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    out = tmp_path_factory.mktemp("first-hour") / "output"
    pipeline.build(DEMO, out, Options(now=NOW, use_cache=False))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", out
    server.shutdown()
    server.server_close()


def fresh_page(browser: Any, problems: list[str]) -> tuple[Any, Any]:
    """A new browser profile per page, as Lighthouse loads one: nothing cached, the icon asked for anew."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=DPR)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return context, page


CONSOLE_PAGES = ["posters/wishes/", "posters/", "posters/places/fuguiyuan/", "posters/wishes/2026-zhuxingqi/",
                 "wishes/2026-zhuxingqi/", "wishes/", "care/wishes/"]


@pytest.mark.parametrize("rel", CONSOLE_PAGES)
def test_no_console_error_or_failed_request(browser: Any, served: tuple[str, Path], rel: str) -> None:
    base, _ = served
    problems: list[str] = []
    context, page = fresh_page(browser, problems)
    page.goto(base + rel)
    page.wait_for_load_state("networkidle")
    context.close()
    assert problems == []


@pytest.mark.parametrize("rel", ["posters/wishes/", "posters/places/fuguiyuan/"])
def test_poster_tables_have_no_fake_caption(browser: Any, served: tuple[str, Path], rel: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    base, _ = served
    context, page = fresh_page(browser, [])
    page.goto(base + rel)
    rules = ["table-fake-caption", "td-has-header", "th-has-data-cells", "presentation-role-conflict"]
    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": rules}})
    context.close()
    assert [(v["id"], len(v["nodes"])) for v in result.response["violations"]] == []
    assert "table-fake-caption" in {v["id"] for v in result.response["inapplicable"] + result.response["passes"]}


def photo_pages(out: Path) -> list[str]:
    pages = []
    for tree in ("", "care/"):
        for rel in ("", "wishes/", "activities/", "disclosures/"):
            pages.append(tree + rel)
        for kind in ("wishes", "activities"):
            pages += [f"{tree}{kind}/{p.parent.name}/" for p in sorted((out / kind).glob("*/index.html"))
                      if "srcset" in p.read_text("utf-8")]
    return pages


def test_phone_gets_photos_as_large_as_they_show(browser: Any, served: tuple[str, Path]) -> None:
    """Served pixels >= shown CSS px x DPR (or the largest variant there is), and not more than twice that."""
    base, out = served
    pages = photo_pages(out)
    assert any(p.startswith("care/wishes/20") for p in pages)  # a wish page with a photo, in both trees
    context, page = fresh_page(browser, [])
    wrong, seen = [], 0
    for rel in pages:
        page.goto(base + rel)
        page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
        page.wait_for_load_state("networkidle")
        images = page.evaluate("() => [...document.images].filter(i => i.srcset && i.complete)"
                               ".map(i => [i.currentSrc, i.getBoundingClientRect().width, i.srcset])")
        for src, shown, srcset in images:
            served_width = int(re.search(r"-(\d+)\.jpg$", src).group(1))
            widths = sorted(int(w) for w in re.findall(r" (\d+)w", srcset))
            need = min(shown * DPR, widths[-1])
            too_big = served_width > max(2 * need, widths[0])
            if served_width + 1 < need or too_big:
                wrong.append(f"{rel}: shown {shown:.0f}px, served {served_width}px of {widths}")
            seen += 1
    context.close()
    assert seen >= 10 and wrong == []
