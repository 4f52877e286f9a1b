"""`sitegen edit`: the editor's local web server (127.0.0.1 only) and its JSON API.

Safe by construction: it binds the loopback address; it answers only requests whose Host is the
address it bound or `localhost` with its port (a DNS-rebinding page gets 421); every API call
carries the per-run token the editor page was served with (a page on another site cannot read
it), and every call that changes something must also come from the editor's own origin; paths
from requests are checked to stay inside the content folder; content is never executed.
"""

from __future__ import annotations

import json
import re
import mimetypes
import secrets
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any, Final
from urllib.parse import parse_qs, unquote, urlsplit

from sitegen.edit import store
from sitegen.edit.forms import KINDS, schema_document
from sitegen.edit.store import EditError
from sitegen.errors import ContentInvalid, Problem
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.street.lone import as_in_street, said_in_street
from sitegen.reporting import built_counts
from sitegen.runtime import stopped_like_ctrl_c

MAX_BODY: Final = 32 * 1024 * 1024
DRAIN_LIMIT: Final = 512 * 1024 * 1024  # a too-large body up to this size is read and answered 413
STATIC: Final = ("editor.js", "editor.css")
TIMEOUT: Final = 30  # seconds an idle connection is kept


@dataclass
class Editor:
    """Everything one editor run knows: folders, language, its token, and one build at a time."""

    content: Path
    out: Path
    preview: Path
    messages: Messages
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    port: int = 0
    building: threading.Lock = field(default_factory=threading.Lock)

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _page(editor: Editor) -> bytes:
    """The editor's one HTML page, with the token and the interface words in it (no inline script)."""
    template = resources.files("sitegen.edit").joinpath("static", "index.html").read_text("utf-8")
    import html as html_

    words = {key: editor.messages.text(key) for key in _PAGE_WORDS}
    text = template.replace("{{token}}", html_.escape(editor.token)).replace("{{lang}}", editor.messages.language)
    for key, value in words.items():
        text = text.replace("{{" + key + "}}", html_.escape(value))
    return text.encode("utf-8")


_PAGE_WORDS: Final = ("edit.title", "edit.noscript")


def _build(editor: Editor, out: Path, drafts: bool) -> dict[str, Any]:
    """Run the site's build into `out`; its messages as the terminal would print them."""
    from sitegen import pipeline
    from sitegen.pipeline.execute import LeaksFound

    with editor.building:
        try:
            report = pipeline.build(editor.content, out, as_in_street(editor.content, Options(drafts=drafts)))
        except ContentInvalid as e:
            problems = said_in_street(editor.content, e.problems)  # a street's community: as its street says them
            return {"ok": False, "messages": [p.render(editor.messages) for p in problems]}
        except LeaksFound as e:
            return {"ok": False, "messages": [editor.messages.text("cli.leak", path=leak.path, what=leak.what)
                                              for leak in e.leaks]}
    counts = built_counts(editor.messages, report.pages, report.copies, report.trees, report.posters, report.photos)
    done = editor.messages.text("cli.build_done", **counts, out=str(out.resolve()), seconds=f"{report.seconds:.2f}")
    warnings = [p.render(editor.messages) for p in said_in_street(editor.content, report.warnings)]
    return {"ok": True, "out": str(out.resolve()), "messages": [*warnings, done]}


class EditorHandler(BaseHTTPRequestHandler):
    """One request to the editor; `editor` is set on a subclass made per run by handler_for."""

    editor: Editor
    server_version = "sitegen-edit"
    timeout = TIMEOUT

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the terminal quiet
        return

    def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _refuse(self, status: int, key: str, **args: object) -> None:
        messages = self.editor.messages
        shown = {name: value.render(messages) if isinstance(value, Problem) else value for name, value in args.items()}
        self._json(status, {"error": messages.text(key, **shown), "key": key})  # the page tells a name taken from a change

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.editor.allowed_hosts()

    def _token_ok(self) -> bool:
        return secrets.compare_digest(self.headers.get("X-Sitegen-Token", ""), self.editor.token)

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        fetch_site = self.headers.get("Sec-Fetch-Site")
        if fetch_site not in (None, "same-origin", "none"):
            return False
        return origin is None or origin in (self.editor.origin(), f"http://localhost:{self.editor.port}")

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def _dispatch(self, method: str) -> None:
        try:
            if not self._host_ok():
                return self._refuse(HTTPStatus.MISDIRECTED_REQUEST, "edit.bad_host")
            parts = urlsplit(self.path)
            path = unquote(parts.path)
            if "\0" in path or len(self.path) > 4096:
                return self._refuse(HTTPStatus.BAD_REQUEST, "edit.bad_path")
            if path.startswith("/api/"):
                if not self._token_ok():
                    return self._refuse(HTTPStatus.FORBIDDEN, "edit.bad_token")
                if method == "POST" and not self._same_origin():
                    return self._refuse(HTTPStatus.FORBIDDEN, "edit.cross_site")
                return self._api(method, path, parse_qs(parts.query))
            if method != "GET":
                return self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "edit.bad_path")
            return self._static(path)
        except EditError as e:
            self._refuse(e.status, e.key, **e.args_)
        except (BrokenPipeError, ConnectionResetError):
            return
        except Exception as e:  # noqa: BLE001 - the editor keeps running; the page shows the message
            self._refuse(HTTPStatus.INTERNAL_SERVER_ERROR, "edit.internal", detail=type(e).__name__)

    def _static(self, path: str) -> None:
        if path in ("/", "/index.html"):
            csp = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                   "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
            return self._send(200, _page(self.editor), "text/html; charset=utf-8", {"Content-Security-Policy": csp})
        if path == "/favicon.ico":
            return self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        name = path.rsplit("/", 1)[-1]
        if path.startswith("/static/") and name in STATIC:
            body = resources.files("sitegen.edit").joinpath("static", name).read_bytes()
            kind = "text/javascript" if name.endswith(".js") else "text/css"
            return self._send(200, body, kind + "; charset=utf-8")
        if path.startswith("/site/"):  # the preview build: the page and poster of a record
            return self._file(self.editor.preview, path.removeprefix("/site/"))
        self._refuse(HTTPStatus.NOT_FOUND, "edit.not_found", path=path)

    def _file(self, root: Path, rel: str) -> None:
        base = root.resolve()
        target = (base / rel).resolve()
        if not target.is_relative_to(base):
            return self._refuse(HTTPStatus.BAD_REQUEST, "edit.bad_path")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._refuse(HTTPStatus.NOT_FOUND, "edit.not_built")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith(("xml", "javascript")):
            kind += "; charset=utf-8"
        self._send(200, target.read_bytes(), kind)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:  # read it away first: a browser shown a reset connection says "offline"
            self.close_connection = True
            left = min(length, DRAIN_LIMIT)
            while left > 0 and (chunk := self.rfile.read(min(left, 1 << 20))):
                left -= len(chunk)
            raise EditError(413, "edit.photo_too_large")
        return self.rfile.read(length) if length else b""

    def _data(self) -> dict[str, Any]:
        try:
            data = json.loads(self._body() or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise EditError(400, "edit.bad_request") from None
        if not isinstance(data, dict):
            raise EditError(400, "edit.bad_request")
        whole: dict[str, Any] = _whole(data)
        return whole

    def _api(self, method: str, path: str, query: dict[str, list[str]]) -> None:
        def arg(name: str) -> str:
            return (query.get(name) or [""])[0]

        content, messages = self.editor.content, self.editor.messages
        routes: dict[tuple[str, str], Callable[[], None]] = {
            ("GET", "/api/schema"): lambda: self._json(200, {
                "kinds": schema_document(self.editor.messages), "places": store.places(content),
                "words": _words(self.editor.messages), "site": _site_name(content)}),
            ("GET", "/api/records"): lambda: self._json(200, store.list_records(content, _kind(arg("kind")), messages)),
            ("GET", "/api/record"): lambda: self._json(200, store.read_record(content, arg("path"), messages)),
            ("GET", "/api/thumb"): lambda: self._send(200, store.thumbnail(content, arg("path")), "image/jpeg"),
            ("POST", "/api/save"): self._save,
            ("POST", "/api/delete"): self._delete,
            ("POST", "/api/preview"): self._preview,
            ("POST", "/api/photo"): self._photo,
            ("POST", "/api/publish"): lambda: self._json(200, _build(self.editor, self.editor.out, drafts=False)),
            ("POST", "/api/build-preview"): lambda: self._json(200, _build(self.editor, self.editor.preview, True)),
        }
        route = routes.get((method, path))
        if route is None:
            raise EditError(404, "edit.not_found", path=path)
        route()

    def _save(self) -> None:
        data = self._data()
        fields = data.get("fields") or {}
        if not isinstance(fields, dict):
            raise EditError(400, "edit.bad_request")
        saved = store.save_record(self.editor.content, _kind(str(data.get("kind", ""))), _text(data, "path") or None,
                                  _text(data, "version") or None, fields, _text(data, "body"),
                                  self.editor.messages, keep_as_draft=bool(data.get("keep_as_draft")))
        self._json(200, asdict(saved))  # problems are an answer, not a failure: `written` says which

    def _delete(self) -> None:
        data = self._data()
        where = store.delete_record(self.editor.content, _text(data, "path"), _text(data, "version") or None)
        self._json(200, {"trash": where, "message": self.editor.messages.text("edit.deleted", path=where)})

    def _preview(self) -> None:
        from sitegen.render.markdown import render_markdown

        self._json(200, {"html": str(render_markdown(_text(self._data(), "body")))})

    def _photo(self) -> None:
        name = unquote(self.headers.get("X-Filename", "photo.jpg"))
        rel = store.save_photo(self.editor.content, name, self._body())
        self._json(200, {"path": rel})



def handler_for(editor: Editor) -> type[BaseHTTPRequestHandler]:
    """A handler class bound to one editor run."""
    return type("Handler", (EditorHandler,), {"editor": editor})


_HALF: Final = re.compile("[\ud800-\udfff]")


def _whole(value: Any) -> Any:
    """JSON text with half an emoji (a lone surrogate, as a cut paste leaves) dropped: it cannot be
    written as UTF-8, a U+FFFD in its place would be refused as garbage by `check`, and the rest of
    what the worker typed must still save."""
    if isinstance(value, str):
        return _HALF.sub("", value)
    if isinstance(value, dict):
        return {_whole(k): _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def _text(data: dict[str, Any], name: str) -> str:
    """A text member of a request's JSON ('' when absent); any other shape is a malformed request (400)."""
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise EditError(400, "edit.bad_request")
    return value


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise EditError(400, "edit.bad_kind")
    return kind


def _site_name(content: Path) -> str:
    from sitegen.load.yamlfile import parse_yaml

    try:
        located, _ = parse_yaml((content / "site.yaml").read_text("utf-8-sig"), PurePosixPath("site.yaml"))
    except OSError:
        return ""
    data = located.data if located else None
    return str(data.get("name", "")) if isinstance(data, dict) else ""


_WORD_KEYS: Final = (
    "new", "save", "save_draft", "delete", "reload", "preview_page", "print_poster", "publish", "search",
    "all_statuses", "all_years", "all_places", "draft", "unfinished", "saved", "saved_draft", "has_errors",
    "changed_on_disk", "confirm_delete", "required", "add_row", "remove", "photos", "drop_photo", "body",
    "body_preview", "publishing", "back", "empty_list", "many_records", "unsaved", "building_preview",
    "wisher_private", "place_new", "offline", "draft_box",
)


def _words(messages: Messages) -> dict[str, str]:
    return {key: messages.text(f"edit.ui.{key}") for key in _WORD_KEYS}


def start(content: Path, out: Path, port: int, messages: Messages) -> tuple[ThreadingHTTPServer, Editor]:
    """Bind 127.0.0.1:port (0 picks a free one) and serve in a thread; the caller stops it.

    The folders are kept by where they are now: a build swaps `out` whole, and a working folder
    inside it (`--out .`, `--content ../content`) then becomes the old copy."""
    from sitegen.pipeline.inputs import absolute

    content, out = absolute(content), absolute(out)
    preview = content.parent / ".sitegen-preview"
    editor = Editor(content=content, out=out, preview=preview, messages=messages)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_for(editor))
    server.daemon_threads = True
    editor.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, editor


def run_editor(content: Path, out: Path, port: int, open_browser: bool, messages: Messages) -> None:
    """`sitegen edit`: serve until Ctrl-C."""
    import time

    import click

    try:
        server, editor = start(content, out, port, messages)
    except OSError:
        from sitegen.errors import UsageProblem

        raise UsageProblem("serve.port_busy", port=port) from None
    url = f"http://127.0.0.1:{editor.port}/"
    click.echo(messages.text("edit.listening", url=url, content=str(content)))
    if open_browser:
        webbrowser.open(url)
    with stopped_like_ctrl_c():  # a kill or a closed terminal stops it as Ctrl-C does (once)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
            click.echo(messages.text("serve.stopped"))
