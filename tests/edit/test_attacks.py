"""The editor under attack and under odd files: every refusal is a clear answer, never a 500,
never a write outside the content folder, never two saves of one record both taken."""

from __future__ import annotations

import io
import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from PIL import Image

from sitegen.edit import store
from sitegen.edit.server import Editor
from sitegen.edit.store import EditError
from sitegen.load.yamlfile import parse_yaml
from tests.edit.test_server import request
from tests.support.editor import SCAFFOLD, running_editor

WISH = "wishes/2026-zhuxingqi.yaml"


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    with running_editor(tmp_path, "zh-Hans") as running:
        yield running


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


# Request bodies of the wrong shape: a clear 400 in the user's language, never the editor's 500.
@pytest.mark.parametrize(("path", "body"), [
    ("/api/save", {"kind": "wishes", "fields": [1, 2]}),
    ("/api/save", {"kind": "wishes", "fields": "wish"}),
    ("/api/save", {"kind": "wishes", "path": 123, "fields": {}}),
    ("/api/save", {"kind": "wishes", "path": WISH, "version": ["x"], "fields": {}}),
    ("/api/delete", {"path": {"a": 1}}),
    ("/api/delete", {"path": WISH, "version": 7}),
    ("/api/preview", {"body": ["not", "text"]}),
])
def test_malformed_bodies_are_refused_in_words(editor: Editor, path: str, body: object) -> None:
    status, _, data = request(editor, "POST", path, body)
    assert status == 400, data.decode()
    assert json.loads(data)["error"] == "请求的格式不对。"


# Record files a person or another program wrote: opening one names the file and line, never a 500,
# and an alias bomb is refused before it can expand.
@pytest.mark.parametrize(("text", "line", "word"), [
    ("wish: [unclosed\nwisher: 王小明\n", 1, "括号"),  # the line the bracket opens on
    ("wish: 一把椅子\nwisher: 王小明\n  bad: indent\n", 3, "缩进"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nwish: x\n", 1, "&"),
    ("a: &a [*a]\nwish: x\n", 1, "&"),
    ("wish: x\nwisher: \x07王\n", 2, "U+0007"),
])
def test_a_broken_record_file_opens_as_a_clear_message(editor: Editor, text: str, line: int, word: str) -> None:
    (editor.content / "wishes" / "odd.yaml").write_text(text, "utf-8")
    started = time.monotonic()
    status, _, data = request(editor, "GET", "/api/record?path=wishes/odd.yaml")
    assert time.monotonic() - started < 5
    assert status == 422, data.decode()
    message = json.loads(data)["error"]
    assert f"wishes/odd.yaml:{line}: " in message and word in message and "文本编辑器" in message


def test_a_broken_front_matter_is_refused_on_save_too(editor: Editor) -> None:
    target = editor.content / "activities" / "odd.md"
    target.write_text("---\ntitle: [x\n---\n正文\n", "utf-8")
    version = store.version_of(target.read_bytes())
    status, _, data = request(editor, "POST", "/api/save", {"kind": "activities", "path": "activities/odd.md",
                                                            "version": version, "fields": {"title": "好"}})
    assert status == 422 and "activities/odd.md:2: " in json.loads(data)["error"]  # where the bracket opens
    assert target.read_text("utf-8") == "---\ntitle: [x\n---\n正文\n"


# A folder of the content replaced by a link to somewhere else: nothing is written there.
@pytest.mark.parametrize("folder", ["media", ".trash", "activities", "wishes"])
def test_nothing_is_written_through_a_linked_folder(editor: Editor, tmp_path: Path, folder: str) -> None:
    content = editor.content
    outside = tmp_path / "outside"
    if (content / folder).exists():
        shutil.copytree(content / folder, outside)
        shutil.rmtree(content / folder)
    else:
        outside.mkdir()
    (content / folder).symlink_to(outside, target_is_directory=True)
    before = sorted(p.name for p in outside.rglob("*"))
    calls: list[tuple[str, Any, dict[str, str]]] = [
        ("/api/photo", None, {"X-Filename": "a.png"}),
        ("/api/save", {"kind": "activities", "fields": {"title": "测试", "date": "2026-01-02"}, "body": "x"}, {}),
        ("/api/save", {"kind": "wishes", "keep_as_draft": True, "fields": {"wish": "一把椅子"}}, {}),
    ]
    if folder == ".trash":
        calls.append(("/api/delete", {"path": WISH}, {}))
    answers = []
    for path, body, headers in calls:
        if body is None:  # a photo: the body is the picture
            import http.client

            connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=20)
            connection.request("POST", path, body=_png(), headers={
                "Host": f"127.0.0.1:{editor.port}", "X-Sitegen-Token": editor.token, **headers})
            response = connection.getresponse()
            answers.append((path, response.status, response.read()))
            connection.close()
        else:
            status, _, data = request(editor, "POST", path, body, headers)
            answers.append((path, status, data))
    refused = [json.loads(data)["error"] for path, status, data in answers if status == 400]
    assert refused and all(text == "这个文件路径不在内容文件夹的记录文件夹里。" for text in refused)
    assert sorted(p.name for p in outside.rglob("*")) == before


def test_two_tabs_saving_one_record_at_once_cannot_both_win(editor: Editor, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = store._check

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)  # the time a check of a big site takes, between reading the version and writing
        return checked(*args, **kwargs)

    monkeypatch.setattr(store, "_check", slow_check)
    _, _, data = request(editor, "GET", f"/api/record?path={WISH}")
    record = json.loads(data)
    answers: list[tuple[int, bytes]] = []

    def save(text: str) -> None:
        fields = {**record["fields"], "wish": text}
        status, _, data = request(editor, "POST", "/api/save", {"kind": "wishes", "path": WISH,
                                                                 "version": record["version"], "fields": fields})
        answers.append((status, data))

    tabs = [threading.Thread(target=save, args=(text,)) for text in ("第一个标签页", "第二个标签页")]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert sorted(status for status, _ in answers) == [200, 409]
    winner = next(json.loads(data) for status, data in answers if status == 200)
    assert winner["written"]
    kept = (editor.content / WISH).read_text("utf-8")
    assert ("第一个标签页" in kept) != ("第二个标签页" in kept)


def test_store_refuses_an_escape_with_its_own_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCAFFOLD, content)
    (tmp_path / "elsewhere").mkdir()
    shutil.rmtree(content / "media", ignore_errors=True)
    (content / "media").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(EditError) as caught:
        store.save_photo(content, "a.png", _png())
    assert caught.value.key == "edit.bad_path" and not list((tmp_path / "elsewhere").iterdir())


# What a form field may carry from a paste: written as `check` reads it, or mended, never a 500.
@pytest.mark.parametrize(("typed", "kept"), [
    ("读书\x07会", "读书会"),
    ("a\x00b", "ab"),
    ("\u202e反转", "反转"),  # a bidi override would show the title reversed
    ("图书\u200b室", "图书室"),
    ("行\u2028分隔", "行 分隔"),
    ("半个表情\ud83d", "半个表情"),  # a lone surrogate: JSON carries it, UTF-8 cannot, U+FFFD is refused
])
def test_pasted_invisible_characters_in_a_field(editor: Editor, typed: str, kept: str) -> None:
    body = {"kind": "activities", "fields": {"title": typed, "date": "2026-01-02"}, "body": "正文\ud83d"}
    status, _, data = request(editor, "POST", "/api/save", body)
    assert status == 200, data.decode()
    saved = json.loads(data)
    assert saved["written"], saved
    text = (editor.content / saved["path"]).read_text("utf-8")
    located, problems = parse_yaml(text.split("---\n")[1], PurePosixPath(saved["path"]))
    assert not problems and located is not None and located.data["title"] == kept  # type: ignore[index]
    assert "正文\n" in text and "\ufffd" not in text


def test_a_photo_too_large_is_answered_not_cut_off(editor: Editor) -> None:
    """A 40 MB picture gets the editor's 413 in words; a reset connection would read as "offline"."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=60)
    connection.request("POST", "/api/photo", body=b"\xff\xd8" + bytes(40 * 1024 * 1024), headers={
        "Host": f"127.0.0.1:{editor.port}", "X-Sitegen-Token": editor.token, "X-Filename": "big.jpg"})
    response = connection.getresponse()
    assert response.status == 413 and "照片太大" in json.loads(response.read())["error"]
    connection.close()
    assert not list((editor.content / "media").glob("big*"))
