"""`sitegen serve`: build, serve on localhost, rebuild on change and reload open pages.

The reload script and the error overlay are added to pages as they are served; they never
reach the built site. While the content is broken, the last good build keeps being served
with the errors laid over it, and a fix recovers by itself.
"""

from __future__ import annotations

import dataclasses
import html
import mimetypes
import threading
import time
import webbrowser
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

import click

from sitegen.errors import ContentInvalid
from sitegen.i18n.messages import Messages
from sitegen.options import Options

PREFIX: Final = "/__sitegen__/"
LIVE_JS: Final = b"""(function () {
  var source = new EventSource("/__sitegen__/events");
  source.onmessage = function (event) { if (event.data === "reload") { window.location.reload(); } };
})();
"""
OVERLAY_CSS: Final = b"""#sitegen-overlay { position: relative; z-index: 99; margin: 0; padding: 16px 20px; background: #fff4f4;
  color: #5a0000; border-bottom: 4px solid #b3121f; font: 16px/1.5 system-ui, sans-serif; }
#sitegen-overlay h2 { margin: 0 0 8px; font-size: 20px; }
#sitegen-overlay pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.5 ui-monospace, monospace; margin: 8px 0 0; }
"""


@dataclass
class State:
    """The last build's outcome, shared by the watcher and the request handlers."""

    out: Path
    messages: Messages
    problems: list[str] = field(default_factory=list)
    generation: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finished(self, problems: list[str]) -> None:
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()


def rebuild(content: Path, state: State, options: Options) -> None:
    """One incremental build; errors go to the terminal and to the overlay, never up."""
    from sitegen import pipeline
    from sitegen.pipeline.execute import LeaksFound

    started = time.perf_counter()
    try:
        pipeline.build(content, state.out, dataclasses.replace(options, now=Options().now))
    except ContentInvalid as e:
        lines = [p.render(state.messages) for p in e.problems if not p.warning]
        report(state, lines)
        return
    except LeaksFound as e:
        report(state, [leak.render(state.messages) for leak in e.leaks])
        return
    state.finished([])
    click.echo(state.messages.text("serve.rebuilt", seconds=f"{time.perf_counter() - started:.2f}"))


def report(state: State, lines: list[str]) -> None:
    click.echo(state.messages.text("serve.failed"), err=True)
    for line in lines:
        click.echo("  " + line, err=True)
    state.finished(lines)


def _inject(page: bytes, state: State) -> bytes:
    """Add the reload script (and the overlay when the content is broken) to one served page."""
    head = f'<link rel="stylesheet" href="{PREFIX}overlay.css"><script src="{PREFIX}live.js" defer></script>'
    text = page.decode("utf-8", errors="replace").replace("</head>", head + "</head>", 1)
    if state.problems:
        items = html.escape("\n".join(state.problems))
        overlay = (f'<section id="sitegen-overlay" role="alert"><h2>{html.escape(state.messages.text("serve.overlay_title"))}'
                   f'</h2><p>{html.escape(state.messages.text("serve.overlay_hint"))}</p><pre>{items}</pre></section>')
        start = text.find("<body")
        end = text.find(">", start) + 1 if start >= 0 else 0
        text = text[:end] + overlay + text[end:]
    return text.encode("utf-8")


def handler_for(state: State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "sitegen"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet terminal
            return

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def do_GET(self) -> None:  # noqa: N802
            path = unquote(urlsplit(self.path).path)
            if path == PREFIX + "live.js":
                return self._send(200, LIVE_JS, "text/javascript; charset=utf-8")
            if path == PREFIX + "overlay.css":
                return self._send(200, OVERLAY_CSS, "text/css; charset=utf-8")
            if path == PREFIX + "events":
                return self._events()
            target = self._resolve(path)
            if target is None:
                missing = state.out / "404.html"
                body = _inject(missing.read_bytes(), state) if missing.is_file() else b"404"
                return self._send(HTTPStatus.NOT_FOUND, body, "text/html; charset=utf-8")
            body = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body = _inject(body, state)
            if kind.startswith("text/") or kind in ("application/xml", "application/javascript"):
                kind += "; charset=utf-8"
            self._send(200, body, kind)

        def _resolve(self, path: str) -> Path | None:
            """The file for a URL path, re-resolved on every request: the output folder is swapped whole."""
            root = state.out.resolve()
            candidate = (root / path.lstrip("/")).resolve()
            if not candidate.is_relative_to(root):
                return None
            if candidate.is_dir():
                candidate = candidate / "index.html"
            return candidate if candidate.is_file() else None

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = state.generation
            try:
                while True:
                    with state.changed:
                        state.changed.wait_for(lambda seen=seen: state.generation != seen, timeout=15)
                    message = b"data: reload\n\n" if state.generation != seen else b": ping\n\n"
                    seen = state.generation
                    self.wfile.write(message)
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, OSError):
                return

    return Handler


def watched_folders(content: Path) -> list[Path]:
    from sitegen.paths import default_theme_dir

    folders = [content, default_theme_dir()]
    theme = content.parent / "themes"
    if theme.is_dir():
        folders.append(theme)
    return [f for f in folders if f.is_dir()]


def run_server(content: Path, out: Path, port: int, open_browser: bool, options: Options, messages: Messages) -> None:
    import watchfiles

    state = State(out=out, messages=messages)
    rebuild(content, state, options)
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler_for(state))
    except OSError:
        from sitegen.errors import UsageProblem

        raise UsageProblem("serve.port_busy", port=port) from None
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(messages.text("serve.listening", out=str(out), url=url, content=str(content)), err=False)
    if open_browser:
        webbrowser.open(url)
    stop = threading.Event()
    try:
        for _changes in watchfiles.watch(*watched_folders(content), stop_event=stop, debounce=300, step=50,
                                         raise_interrupt=True):
            rebuild(content, state, options)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        click.echo(messages.text("serve.stopped"))
