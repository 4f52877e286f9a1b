"""`sitegen edit` when things go wrong for a worker: the editor stopped under a filled form, an
unfinished draft, a preview that takes a build's time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitegen.edit.server import start
from sitegen.i18n.messages import Messages
from tests.browser.test_editor import kind_tab
from tests.support.editor import SCAFFOLD

pytestmark = pytest.mark.slow


@pytest.fixture
def session(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, Any, Path]]:
    content = tmp_path / "content"
    shutil.copytree(SCAFFOLD, content)
    server, editor = start(content, tmp_path / "output", 0, Messages("zh-Hans"))
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.goto(f"http://127.0.0.1:{editor.port}/")
    tab.wait_for_selector("#kinds button")
    yield tab, server, content
    context.close()
    server.shutdown()
    server.server_close()


def test_a_save_after_the_editor_stopped_says_so_and_keeps_the_form(session: tuple[Any, Any, Path]) -> None:
    tab, server, content = session
    kind_tab(tab, "微心愿")
    tab.locator(".record").first.click()
    tab.wait_for_selector("#form-pane:not([hidden])")
    before = (content / "wishes" / "2026-zhuxingqi.yaml").read_bytes()
    server.shutdown()
    server.server_close()  # the worker closed the terminal window
    tab.fill("#f-category", "助老（停了以后填的）")
    tab.click("#save")
    tab.locator("#status", has_text="连不上编辑器").wait_for(timeout=10000)
    assert tab.locator("#f-category").input_value() == "助老（停了以后填的）"
    assert (content / "wishes" / "2026-zhuxingqi.yaml").read_bytes() == before
    assert tab.errors == []


def test_an_unfinished_draft_offers_no_preview_and_a_record_opens_its_built_page(session: tuple[Any, Any, Path]) -> None:
    tab, _, content = session
    kind_tab(tab, "微心愿")
    tab.click("#new")
    tab.fill("#f-wish", "想要一台收音机")
    tab.click("#save-draft")
    tab.locator("#status.warn").wait_for()
    assert list((content / "wishes").glob("_*.yaml"))
    assert tab.locator("#preview-page").is_hidden() and tab.locator("#print-poster").is_hidden()
    if tab.locator("#back").is_visible():
        tab.click("#back")
    tab.locator(".record", has_text="助行器").first.click()
    tab.wait_for_selector("#form-pane:not([hidden])")
    with tab.context.expect_page(timeout=60000) as opened:
        tab.click("#preview-page")
    built = opened.value
    built.wait_for_url("**/site/wishes/2026-zhuxingqi/index.html", timeout=60000)
    built.wait_for_load_state()
    assert "助行器" in built.content()
    assert built.evaluate("window.opener") is None
    assert tab.errors == []
