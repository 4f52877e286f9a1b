"""The preview's web server (`sitegen serve`): the state a build leaves for it, what it answers and to
whom. Built files are served with the reload hook and the error overlay added (serveoverlay.py), never
written to the site; only 127.0.0.1 and localhost are answered (allowed_hosts).
"""

from __future__ import annotations

import html
import mimetypes
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, unquote, urlsplit

from sitegen.errors import Problem
from sitegen.i18n.messages import Messages
from sitegen.runtime import HeapSettler
from sitegen.serveoverlay import NOTHING_BUILT, OVERLAY_CSS, LIVE_JS, PREFIX, inject

if TYPE_CHECKING:
    from sitegen.pipeline.memory import Memory


@dataclass
class State:
    """The last build's outcome, shared by the watcher and the request handlers."""

    out: Path
    messages: Messages
    problems: list[str] = field(default_factory=list)
    stopped: bool = False  # the problems are a rebuild that stopped (the disk, our bug), not the content's
    warned: list[str] = field(default_factory=list)  # the warnings last printed, as printed
    generation: int = 0
    # pages listening for reloads (open event streams; one closed is counted until its next ping fails, 15 s)
    watching: int = 0
    roots: list[str] = field(default_factory=list)  # input folders besides the usual ones (the last build's)
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # the inputs as the last build read them
    changed: threading.Condition = field(default_factory=threading.Condition)
    memory: Memory | None = None  # the build cache, kept in the process between rebuilds (pipeline/memory.py)
    build: Callable[..., Any] | None = None  # in place of pipeline.build (a street: sitegen/street/build.py)
    relabel: Relabel | None = None  # every build's problems as said (a street's community alone: street/lone.py)
    refresh: Callable[[Any], Any] | None = None  # each build's options, from the street as it is then (the same)
    settle: Callable[[int], None] = field(default_factory=HeapSettler)  # the heap after a build, when idle (runtime.py)
    # The first build found nothing to do, so the memory holds nothing yet: filled when idle (fill_memory).
    empty: bool = False

    def finished(self, problems: list[str]) -> None:
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()


Relabel = Callable[[list[Problem]], list[Problem]]  # problems → as they are said (serve.run_server)

MAX_PATH: Final = 2048  # bytes of a request path; longer ones are refused (414) before touching the disk
IDLE_SECONDS: Final = 30  # a connection that sends nothing for this long is closed (the event stream pings every 15 s)


def allowed_hosts(port: int) -> frozenset[str]:
    """The Host headers the preview answers: its own address and localhost, with or without port.

    Anything else is refused (421): a page on another site whose name was re-pointed at 127.0.0.1
    (DNS rebinding) must not read the preview.
    """
    names = ("127.0.0.1", "localhost")
    return frozenset([*names, *(f"{name}:{port}" for name in names)])


def handler_for(state: State, port: int = 0, idle: float = IDLE_SECONDS) -> type[BaseHTTPRequestHandler]:
    """Request handlers over `state`, answering only to the hosts of `port` (see allowed_hosts)."""
    return type("Handler", (_Handler,), {"state": state, "hosts": allowed_hosts(port), "timeout": idle})


_BUILTIN: Final = {PREFIX + "live.js": (LIVE_JS, "text/javascript; charset=utf-8"),
                   PREFIX + "overlay.css": (OVERLAY_CSS, "text/css; charset=utf-8")}


class _Handler(BaseHTTPRequestHandler):
    """The preview's answers: built files (pages with the reload hook), the hook's own files, the
    reload channel. Bound to a State and its hosts by handler_for."""

    server_version = "sitegen"
    state: State
    hosts: frozenset[str]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet terminal
        return

    def _send(self, status: int, body: bytes, kind: str, location: str | None = None) -> None:
        self.send_response(status)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, text: str) -> None:
        self._send(status, text.encode("utf-8"), "text/plain; charset=utf-8")

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        except Exception:  # noqa: BLE001 - a bad request must never print a traceback or stop the server
            self.close_connection = True
            try:
                self._text(HTTPStatus.INTERNAL_SERVER_ERROR, "500")
            except OSError:
                pass

    def _refused(self) -> str | None:
        """The URL path when the request may be answered; None once a refusal was sent
        (another site's Host: 421, an overlong path: 414, control characters or backslashes: 400)."""
        host = (self.headers.get("Host") or "").strip().lower()
        if host and host not in self.hosts:
            self._text(HTTPStatus.MISDIRECTED_REQUEST, self.state.messages.text("serve.bad_host"))
            return None
        raw = urlsplit(self.path).path
        if len(raw) > MAX_PATH:
            self._text(HTTPStatus.REQUEST_URI_TOO_LONG, "414")
            return None
        path = unquote(raw, errors="replace")
        if any(ord(ch) < 32 for ch in path) or "\\" in path:
            self._text(HTTPStatus.BAD_REQUEST, "400")
            return None
        return path

    def _get(self) -> None:
        path = self._refused()
        if path is None:
            return None
        if path in _BUILTIN:
            return self._send(200, *_BUILTIN[path])
        if path == PREFIX + "events":
            return self._events()
        target = _resolve(self.state.out, path)
        body = _read(target) if target is not None else None
        if target is None or body is None:
            return self._missing(path)
        if target.name == "index.html" and not path.endswith(("/", "index.html")):  # a folder named without its /
            # its page's relative links resolve from the folder, as a static host redirects (breaker helper-128:
            # /wanghu's 长辈版 link led to the street's /care/)
            query = urlsplit(self.path).query
            return self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8",
                              quote(path + "/") + (f"?{query}" if query else ""))
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.name == "404.html":  # asked for by name: linked into the preview as when it answers a miss
            body = previewed_404(body, "/" + path.strip("/").rsplit("404.html", 1)[0].lstrip("/"))
        if kind == "text/html":
            body = inject(body, self.state.problems, self.state.messages, self.state.stopped)
        if kind.startswith("text/") or kind in ("application/xml", "application/javascript"):
            kind += "; charset=utf-8"
        return self._send(200, body, kind)

    def _missing(self, path: str) -> None:
        """404 with the site's own page (a street's: the community's the path is in); a street's own
        missing page says so; before any good build, the errors instead (never a bare 404)."""
        state = self.state
        page, local = _read(state.out / "404.html"), "/"
        top = path.strip("/").split("/", 1)[0]
        if page is None and top and not top.startswith(".") and (state.out / top / "404.html").is_file():
            page, local = _read(state.out / top / "404.html"), f"/{top}/"  # a street's community
        if page is None and (state.out / "index.html").is_file():  # a street's own pages: they have no 404 page
            said = state.messages.text
            hint = f'{html.escape(said("serve.page_missing"))} <a href="/">{html.escape(said("serve.street_home"))}</a>'
            page = NOTHING_BUILT.format(hint=hint).encode("utf-8")
        if page is not None:
            page = previewed_404(page, local)
            return self._send(HTTPStatus.NOT_FOUND, inject(page, state.problems, state.messages, state.stopped),
                              "text/html; charset=utf-8")
        hint = html.escape(state.messages.text("serve.nothing_built_stopped" if state.stopped else "serve.nothing_built"))
        from sitegen.street.swapped import left_stopped

        if state.build is not None and (built := left_stopped(state.out)):  # a street stopped part-way
            hint = html.escape(state.messages.text("serve.street_partly_built")) + " " + " · ".join(
                f'<a href="/{html.escape(slug)}/">{html.escape(slug)}</a>' for slug in built)
        status = HTTPStatus.SERVICE_UNAVAILABLE if state.problems else HTTPStatus.NOT_FOUND
        return self._send(status, inject(NOTHING_BUILT.format(hint=hint).encode("utf-8"), state.problems, state.messages,
                                        state.stopped, built=False),
                          "text/html; charset=utf-8")

    def _events(self) -> None:
        """The reload channel (server-sent events): `data: reload` after every build, a ping every 15 s."""
        state = self.state
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = state.generation
        with state.changed:
            state.watching += 1
        try:
            while True:
                with state.changed:
                    state.changed.wait_for(_moved_on(state, seen), timeout=15)
                message = b"data: reload\n\n" if state.generation != seen else b": ping\n\n"
                seen = state.generation
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
        finally:
            with state.changed:
                state.watching -= 1


_CANONICAL_404: Final = re.compile(rb'<link rel="canonical" href="([^"]*/)404\.html">')


def previewed_404(page: bytes, local: str = "/") -> bytes:
    """The site's 404 page with its links into this preview: as published, they are absolute under
    the base URL (it answers at any path; docs/spec.md §4), so here it would have no style and its
    links would leave the preview for the real site (breaker helper-124). The base URL is the one the
    page names itself under (its canonical link); `href` and `src` values starting with it start
    with `local` instead (`/`, or a street's community's `/wanghu/`). A page without that link is
    sent as it is."""
    found = _CANONICAL_404.search(page)
    if found is None:
        return page
    base, here = found.group(1), local.encode("utf-8")
    return page.replace(b'href="' + base, b'href="' + here).replace(b'src="' + base, b'src="' + here)


def _resolve(out: Path, path: str) -> Path | None:
    """The file for a URL path, re-resolved on every request: the output folder is swapped whole."""
    try:
        root = out.resolve()
        candidate = (root / path.lstrip("/")).resolve()
        if not candidate.is_relative_to(root):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):  # a name too long for the system, or one it cannot hold
        return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # swapped away between resolving and reading, or gone
        return None


class PreviewServer(ThreadingHTTPServer):
    """The preview's server: a thread per connection, none keeping the process up at Ctrl-C."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A connection that failed is the client's business: no traceback in the user's terminal."""
        return


def _moved_on(state: State, seen: int) -> Callable[[], bool]:
    """A predicate for Condition.wait_for: a build has finished since generation `seen`."""
    return lambda: state.generation != seen
