"""`sitegen edit` in headless Chromium, as a worker who never opens a terminal would use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from sitegen.edit.server import Editor
from tests.support.photos import save_with_metadata, scene
from tests.support.editor import running_editor

pytestmark = pytest.mark.slow


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    with running_editor(tmp_path, "zh-Hans") as running:
        yield running


@pytest.fixture
def page(browser: Any, editor: Editor) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"http://127.0.0.1:{editor.port}/")
    tab.wait_for_selector("#kinds button")
    tab.errors = errors
    yield tab
    context.close()


def kind_tab(page: Any, words: str) -> None:
    """Open a kind's tab and wait for its list: on a loaded machine 200 ms was not always enough, and
    `.record` then still named the previous kind's records."""
    with page.expect_response(lambda r: "/api/records?kind=" in r.url):
        page.locator("#kinds button", has_text=words).click()
    page.wait_for_timeout(200)


def fields_of(path: Path) -> dict[str, Any]:
    text = path.read_text("utf-8")
    if text.startswith("---\n"):
        text = text.split("---\n")[1]
    data = yaml.load(text, Loader=yaml.BaseLoader)
    assert isinstance(data, dict)
    return data


def test_a_wish_through_the_form_with_a_message_beside_the_field(page: Any, editor: Editor, artifacts: Path) -> None:
    kind_tab(page, "微心愿")
    page.click("#new")
    page.fill("#f-wish", "想学用智能手机挂号")
    page.fill("#f-wisher", "孙玉兰")
    page.select_option("#f-status", "claimed")
    page.click("#save")
    page.locator('[data-field="posted_on"] > .error').wait_for(state="visible")  # a required date left empty
    assert page.locator("#f-posted_on").get_attribute("aria-invalid") == "true"
    page.fill("#f-posted_on", "2026-10-01")
    page.click("#save")
    error = page.locator('[data-field="claimed_by"] > .error')  # the rule: claimed needs who claimed it
    error.wait_for(state="visible")
    assert "认领人或单位" in error.inner_text() and "claimed_by" not in error.inner_text()  # the form's words
    assert page.locator("#f-wish").input_value() == "想学用智能手机挂号"  # nothing typed is lost
    assert not any((editor.content / "wishes").glob("*shouji*"))
    page.screenshot(path=str(artifacts / "editor-wish-errors-1280.png"), full_page=True)
    page.fill("#f-claimed_by", "社区党员志愿服务队")
    page.fill("#f-claimed_on", "2026-10-03")
    page.click("#save")
    page.locator("#status.good").wait_for()
    written = next((editor.content / "wishes").glob("*shouji*.yaml"))
    assert fields_of(written) == {"wish": "想学用智能手机挂号", "wisher": "孙玉兰", "posted_on": "2026-10-01",
                                  "status": "claimed", "claimed_by": "社区党员志愿服务队", "claimed_on": "2026-10-03"}
    assert "sun" not in written.name  # the file name never spells the wisher
    assert page.locator(".record", has_text="想学用智能手机挂号").inner_text().count("孙**") == 1
    assert "孙玉兰" not in page.locator("#records").inner_text()
    assert page.errors == []


def test_each_kind_through_the_form_then_publish_and_see_the_page(page: Any, editor: Editor) -> None:
    kind_tab(page, "活动")
    page.click("#new")
    page.fill("#f-title", "重阳节包饺子")
    page.fill("#f-date", "2026-10-29")
    page.fill("#f-date-time", "09:00")
    page.fill("#f-partners", "物业\n超市")
    page.fill("#body", "居民一起**包饺子**。")
    page.locator("#preview strong", has_text="包饺子").wait_for()
    page.click("#save")
    page.locator("#status.good").wait_for()
    kind_tab(page, "亮身份")
    page.click("#new")
    page.fill("#f-name", "赵红梅")
    page.fill("#f-role", "单元长")
    page.fill("#f-place", "示例小区/1栋/2单元")
    page.fill("#f-phone", "13900002222")
    page.click("#save")
    page.locator("#status.good").wait_for()
    kind_tab(page, "议事")
    page.click("#new")
    page.fill("#f-title", "楼道堆物清理")
    page.fill("#f-raised_on", "2026-09-01")
    page.select_option("#f-status", "decided")
    page.fill("#f-decision", "每月第一个周六集中清理")
    page.locator('[data-field="timeline"] > button').click()
    page.fill("#f-timeline-0-date", "2026-09-06")
    page.fill("#f-timeline-0-note", "贴出通知")
    page.click("#save")
    page.locator("#status.good").wait_for()
    assert fields_of(next((editor.content / "activities").glob("*chongyang*")))["date"] == "2026-10-29 09:00"
    assert fields_of(next((editor.content / "disclosures").glob("zhao*")))["phone"] == "13900002222"
    assert fields_of(next((editor.content / "deliberations").glob("*loudao*")))["timeline"] == [
        {"date": "2026-09-06", "note": "贴出通知"}]
    page.click("#publish")
    page.locator("#build-log pre", has_text=str(editor.out.resolve())).wait_for()
    built = next((editor.out / "activities").glob("*chongyang*/index.html")).read_text("utf-8")
    assert "<strong>包饺子</strong>" in built
    assert page.errors == []


def test_a_hand_written_comment_survives_and_a_change_on_disk_is_caught(page: Any, editor: Editor) -> None:
    rel = editor.content / "wishes" / "2026-zhuxingqi.yaml"
    kind_tab(page, "微心愿")
    with page.expect_response(lambda r: "/api/record?path=" in r.url):
        page.locator(".record").first.click()
    page.wait_for_function("() => (document.querySelector('#f-wish') || {}).value")  # the form holds the record
    page.fill("#f-category", "助老服务")
    page.click("#save")
    page.locator("#status.good").wait_for()
    text = rel.read_text("utf-8")
    assert "category: 助老服务" in text and "# 许愿人姓名（必填，不会公开全名）" in text
    rel.write_text(text.replace("助老服务", "助老（别人改的）"), "utf-8")  # someone edits the file meanwhile
    page.fill("#f-value", "260")
    page.click("#save")
    page.locator("#conflict").wait_for(state="visible")
    assert "助老（别人改的）" in rel.read_text("utf-8") and "260" not in rel.read_text("utf-8")
    assert page.locator("#f-value").input_value() == "260"  # the worker's typing is still there
    page.click("#reload")
    page.locator("#conflict").wait_for(state="hidden")
    assert page.locator("#f-category").input_value() == "助老（别人改的）"


def test_an_uploaded_photo_reaches_the_site_without_its_gps(page: Any, editor: Editor, tmp_path: Path) -> None:
    photo = tmp_path / "家门口.jpg"
    save_with_metadata(scene(1600, 1200, "门口", (90, 140, 200)), photo, orientation=6)
    kind_tab(page, "微心愿")
    page.locator(".record").first.click()
    page.set_input_files("#photo-input", str(photo))
    page.wait_for_selector("#thumbs img[src^='blob:']")
    page.click("#save")
    page.locator("#status.good").wait_for()
    stored = fields_of(editor.content / "wishes" / "2026-zhuxingqi.yaml")["photos"]
    assert len(stored) == 1 and stored[0].startswith("media/jiamenkou-")
    page.click("#publish")
    page.locator("#build-log pre", has_text=str(editor.out.resolve())).wait_for()
    images = [p for p in editor.out.rglob("*.jpg") if "jiamenkou" in p.name or p.parent.name == "media"]
    assert images
    for image in images:
        with Image.open(image) as opened:
            assert not opened.getexif() and "comment" not in opened.info and "xmp" not in opened.info
        assert image.read_bytes() != photo.read_bytes()


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_screenshots_of_the_list_and_each_form(browser: Any, editor: Editor, artifacts: Path, width: int,
                                                height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(f"http://127.0.0.1:{editor.port}/")
    tab.wait_for_selector(".record")
    tab.screenshot(path=str(artifacts / f"editor-list-{width}.png"))
    tabs = (("活动", "activities"), ("亮身份", "disclosures"), ("议事", "deliberations"), ("微心愿", "wishes"))
    for words, kind in tabs:
        if width < 700 and tab.locator("#back").is_visible():
            tab.click("#back")
        kind_tab(tab, words)
        tab.locator(".record").first.click()
        tab.wait_for_selector("#form-pane:not([hidden])")
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (kind, overflow)  # nothing runs off a phone screen
        box, line = tab.locator("#draft").bounding_box(), tab.locator(".draft-box label").bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (kind, box)  # the 草稿 box: was the browser's 13px
        assert line["height"] >= 44, (kind, line)  # its line a thumb's target
        tab.screenshot(path=str(artifacts / f"editor-{kind}-{width}.png"), full_page=True)
    context.close()
