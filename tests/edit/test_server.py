"""The editor's server: loopback only, its own Host, its token on every call, its origin on every write."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.edit.server import Editor, start
from sitegen.i18n.messages import Messages
from tests.support.editor import running_editor



@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    with running_editor(tmp_path, "en") as running:
        yield running


def request(editor: Editor, method: str, path: str, body: object = None, headers: dict[str, str] | None = None,
            token: bool = True) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=20)
    sent = {"Host": f"127.0.0.1:{editor.port}"}
    if token:
        sent["X-Sitegen-Token"] = editor.token
    if body is not None:
        sent["Content-Type"] = "application/json"
    sent.update(headers or {})
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=sent)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), data


def test_it_listens_on_loopback_only_and_serves_its_page_with_a_csp(editor: Editor) -> None:
    status, headers, page = request(editor, "GET", "/", token=False)
    assert status == 200 and editor.token.encode() in page
    assert "script-src 'self'" in headers["Content-Security-Policy"] and "<script>" not in page.decode()


@pytest.mark.parametrize(("method", "path", "body", "headers", "token", "status"), [
    ("GET", "/", None, {"Host": "evil.example"}, False, 421),  # DNS rebinding: a foreign Host
    ("GET", "/api/records?kind=wishes", None, {"Host": "evil.example:80"}, True, 421),
    ("GET", "/api/records?kind=wishes", None, {}, False, 403),  # no token
    ("GET", "/api/records?kind=wishes", None, {"X-Sitegen-Token": "guess"}, False, 403),
    ("POST", "/api/save", {"kind": "wishes", "fields": {}}, {"Origin": "http://evil.example"}, True, 403),
    ("POST", "/api/delete", {"path": "wishes/2026-zhuxingqi.yaml"}, {"Sec-Fetch-Site": "cross-site"}, True, 403),
    ("POST", "/api/delete", {"path": "wishes/2026-zhuxingqi.yaml"}, {}, False, 403),
    ("GET", "/api/record?path=../site.yaml", None, {}, True, 400),
    ("GET", "/api/record?path=wishes/%2e%2e/%2e%2e/etc/passwd", None, {}, True, 400),
    ("GET", "/api/thumb?path=media/../../x.jpg", None, {}, True, 400),
    ("POST", "/api/delete", {"path": "wishes/../site.yaml"}, {}, True, 400),
    ("GET", "/site/../../etc/passwd", None, {}, False, 400),
    ("GET", "/%00", None, {}, False, 400),
])
def test_refused_requests(editor: Editor, method: str, path: str, body: object, headers: dict[str, str], token: bool,
                          status: int) -> None:
    got, _, data = request(editor, method, path, body, headers, token)
    assert got == status, data
    assert (editor.content / "wishes" / "2026-zhuxingqi.yaml").is_file()
    assert (editor.content / "site.yaml").is_file()


def test_a_save_from_the_page_writes_and_a_stale_one_is_refused(editor: Editor) -> None:
    status, _, data = request(editor, "GET", "/api/record?path=wishes/2026-zhuxingqi.yaml")
    record = json.loads(data)
    fields = dict(record["fields"], category="助老服务")
    payload = {"kind": "wishes", "path": record["path"], "version": record["version"], "fields": fields, "body": ""}
    status, _, data = request(editor, "POST", "/api/save", payload, {"Origin": f"http://127.0.0.1:{editor.port}"})
    assert status == 200 and json.loads(data)["written"]
    assert "category: 助老服务" in (editor.content / "wishes" / "2026-zhuxingqi.yaml").read_text("utf-8")
    status, _, data = request(editor, "POST", "/api/save", payload)  # the old version again
    assert status == 409 and "changed elsewhere" in json.loads(data)["error"]


def test_publish_builds_the_site_and_says_where(editor: Editor) -> None:
    status, _, data = request(editor, "POST", "/api/publish", {})
    result = json.loads(data)
    assert status == 200 and result["ok"] and (editor.out / "index.html").is_file()
    assert str(editor.out.resolve()) in result["messages"][-1]


def test_an_editor_started_inside_the_output_follows_its_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sitegen edit --content ../content --out .` typed inside the output: a build swaps the output whole, so
    the working folder becomes the old copy (the cache's shadow); the folders as typed then said the site
    was built there and lost the content folder for every later request."""
    with running_editor(tmp_path, "en"):
        pass
    (tmp_path / "output").mkdir()
    monkeypatch.chdir(tmp_path / "output")
    server, editor = start(Path("../content"), Path("."), 0, Messages("en"))
    try:
        for _ in range(2):
            status, _, data = request(editor, "POST", "/api/publish", {})
            result = json.loads(data)
            assert status == 200 and result["ok"] and result["out"] == str(tmp_path / "output"), result
        status, _, data = request(editor, "GET", "/api/records?kind=wishes")
        assert status == 200 and "2026-zhuxingqi" in data.decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()
    assert not [p.name for p in (tmp_path / "output").iterdir() if "sitegen" in p.name]
