"""`sitegen serve`: build, serve on localhost, rebuild on change and reload open pages.

The reload script and the error overlay are added to pages as they are served; they never
reach the built site. While the content is broken, the last good build keeps being served
with the errors laid over it, and a fix recovers by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote, urlsplit

import click

from sitegen.errors import UsageProblem
from sitegen.failure import rebuild_said
from sitegen.halfsaved import await_writes, emptied_since
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.reporting import Reportable, report_problems
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
    roots: list[str] = field(default_factory=list)  # input folders besides the usual ones (the last build's)
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # the inputs as the last build read them
    changed: threading.Condition = field(default_factory=threading.Condition)
    memory: Memory | None = None  # the build cache, kept in the process between rebuilds (pipeline/memory.py)
    build: Callable[..., Any] | None = None  # in place of pipeline.build (a street: sitegen/street/build.py)
    settle: Callable[[int], None] = field(default_factory=HeapSettler)  # the heap after a build, when idle (runtime.py)
    # The first build found nothing to do, so the memory holds nothing yet: filled when idle (fill_memory).
    empty: bool = False

    def finished(self, problems: list[str]) -> None:
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()


def _inputs(content: Path, state: State) -> dict[str, tuple[int, int]]:
    from sitegen.pipeline.inputs import input_stats
    return state.memory.read_inputs(content, state.roots) if state.memory else input_stats(content, state.roots)


def rebuild(content: Path, state: State, options: Options, first: bool = False) -> None:
    """One incremental build; every error (content, leak, busy output, our own bug) goes to the
    terminal and to the overlay, never up: the last good build stays served."""
    from sitegen import pipeline
    from sitegen.write.lock import Holder

    started = time.perf_counter()
    messages = state.messages
    if not content.is_dir():  # gone, or a file in its place: said as what it is (no record's error)
        key = "serve.content_not_folder" if content.exists() else "serve.content_gone"
        return report(state, [messages.text(key, content=str(content))], stopped=True)
    # before reading: a save during the build is seen later; the build takes them from the memory
    before, state.seen = state.seen, _inputs(content, state)
    if await_writes(emptied_since(before, state.seen)):  # an editor that empties a file, then writes it (Notepad)
        state.seen = _inputs(content, state)
    try:
        def waiting(holder: Holder | None) -> None:
            click.echo(messages.text("cli.output_busy_wait", out=str(state.out), pid=holder.pid if holder else "?",
                                     started=holder.started if holder else "?"), err=True)

        if state.build is not None:  # a street (sitegen/street/build.py serve_build)
            outcome = state.build(content, state.out, dataclasses.replace(options, now=Options().now), waiting=waiting)
        else:
            outcome = pipeline.build(content, state.out, dataclasses.replace(options, now=Options().now),
                                     waiting=waiting, memory=state.memory)
    except Exception as e:  # noqa: BLE001 - a long-lived server must outlive any one rebuild
        return report(state, *rebuild_said(e, messages, str(state.out)))  # as the CLI says it (failure.py)
    state.roots, state.seen = outcome.roots, outcome.inputs or state.seen
    if outcome.cache_damaged:
        click.echo(messages.text("cli.cache_damaged"), err=True)
    state.empty = first and outcome.unchanged and state.memory is not None
    state.finished([])
    warn(state, outcome.warnings)
    key = "serve.built" if first else "serve.rebuilt"
    click.echo(messages.text(key, seconds=f"{time.perf_counter() - started:.2f}"))


def warn(state: State, warnings: Sequence[Reportable]) -> None:
    """The build's warnings (a placeholder base_url, a wish past its date…) as `sitegen build` prints
    them, when they are not the ones printed last: at the first build, then only when a save changed
    them, so that a worker sees each warning once and not after every save (the newcomer's: serve
    never said its site's QR codes would not open)."""
    lines = [warning.render(state.messages) for warning in warnings]
    if lines != state.warned:
        report_problems(state.messages, warnings)
    state.warned = lines


def fill_memory(content: Path, state: State, options: Options) -> None:
    """When idle after a first build that found nothing to do: build once more with the memory, quietly,
    so that the first save is checked, planned and kept like every later one.

    A site served again the next day is up at once (its output answers for it: "unchanged"), but
    the memory has no check, models or plan of it, and the first save paid for all of them:
    10,000 records, saves of 10.6, 9.3 and 5.6 s; after this fill (8.2 s, while idle) 3.4, 2.6 and
    3.3 s (2 cores, measured 2026-12-01: python -m bench.serve_restart). Nothing is said and no page reloads
    unless this build changed a page (a day passed: "upcoming" moved); a problem it meets is left
    for the next save's build to say, as that build meets it again.
    """
    from sitegen import pipeline

    state.empty = False
    if not content.is_dir() or state.memory is None:
        return
    state.memory.read_inputs(content, state.roots)
    try:
        outcome = pipeline.build(content, state.out, dataclasses.replace(options, now=Options().now),
                                 memory=state.memory, fill=True)
    except Exception:  # noqa: BLE001 - said by the next save's build, which meets it again
        return
    if outcome.rendered:
        state.finished([])


def report(state: State, lines: list[str], stopped: bool = False) -> None:
    """Errors to the terminal, each line once: the same errors again after a save are one line.
    `stopped`: the rebuild stopped (a full disk, our bug), so the content is not said to have errors."""
    if lines == state.problems and stopped == state.stopped:
        again = state.messages.text("serve.still_stopped") if stopped else \
            state.messages.text("serve.still_failing", count=len(lines))
        click.echo(again, err=True)
    else:
        click.echo(state.messages.text("serve.rebuild_stopped" if stopped else "serve.failed"), err=True)
        for line in lines:
            click.echo("  " + line, err=True)
    state.stopped = stopped
    state.finished(lines)


MAX_PATH: Final = 2048  # bytes of a request path; longer ones are refused (414) before touching the disk
QUIET_MS, BURST_MS = 5, 300  # a burst of changes is built after 5 ms without one (a save: < 1 ms), 300 at most
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

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
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
            return self._missing()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            body = inject(body, self.state.problems, self.state.messages, self.state.stopped)
        if kind.startswith("text/") or kind in ("application/xml", "application/javascript"):
            kind += "; charset=utf-8"
        return self._send(200, body, kind)

    def _missing(self) -> None:
        """404 with the site's own page; before any good build, the errors instead (never a bare 404)."""
        state = self.state
        page = _read(state.out / "404.html")
        if page is not None:
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


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A connection that failed is the client's business: no traceback in the user's terminal."""
        return


def run_server(content: Path, out: Path, port: int, open_browser: bool, options: Options, messages: Messages,
               build: Callable[..., Any] | None = None) -> None:
    """Serve `out` on 127.0.0.1, build it, then rebuild on every change of any input until Ctrl-C.

    UsageProblem when the output folder is not ours or the port is taken; nothing else stops it.
    """
    from sitegen.pipeline.memory import Memory
    from sitegen.write.slots import output_folder

    output_folder(out, street=build is not None)  # someone else's folder is refused before anything is written
    state = State(out=out, messages=messages, memory=None if build is not None else Memory(), build=build)
    try:
        server = _Server(("127.0.0.1", port), handler_for(state, port))
    except OSError:
        raise UsageProblem("serve.port_busy", port=port) from None
    bound = server.server_address[1]
    if bound != port:  # --port 0: the system chose one
        server.RequestHandlerClass = handler_for(state, int(bound))
    url = f"http://127.0.0.1:{bound}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(messages.text("serve.listening", out=str(out), url=url, content=str(content)), err=False)
    stop = threading.Event()
    try:
        rebuild(content, state, options, first=True)
        if open_browser:
            webbrowser.open(url)
        watch(content, state, options, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        if state.memory is not None:
            state.memory.persist(out)  # the next build starts from this session's cache
        click.echo(messages.text("serve.stopped"))


def watch(content: Path, state: State, options: Options, stop: threading.Event) -> None:
    """Rebuild on every change under every input folder; re-arm when the folders change (a theme
    outside the content folder appears, or the content folder is deleted and comes back)."""
    gone = False
    while not stop.is_set():
        if not content.is_dir():  # deleted or moved away while serving: say so once, wait for it to come back
            if not gone:
                rebuild(content, state, options)
                gone = True
            time.sleep(0.5)
            continue
        if gone:
            gone = False
            rebuild(content, state, options)
            continue
        try:
            _watch_roots(content, state, options, stop)
        except KeyboardInterrupt:
            raise
        except Exception:  # noqa: BLE001 - the watcher lost a folder (deleted): look again
            time.sleep(0.5)


def _watch_roots(content: Path, state: State, options: Options, stop: threading.Event) -> None:
    """Rebuild after each burst of changes under today's input folders; return when they change.

    A watcher sees only what changes after it is armed: at its first quiet moment the inputs are
    compared with those of the build before, so a file saved in between is not missed.
    """
    import watchfiles

    from sitegen.pipeline.inputs import input_roots, input_stats

    roots = state.roots
    armed = False
    for changes in watchfiles.watch(*input_roots(content, roots), stop_event=stop, debounce=BURST_MS, step=QUIET_MS,
                                    raise_interrupt=True, yield_on_timeout=True, rust_timeout=500):
        if not changes:
            if state.empty:
                fill_memory(content, state, options)  # idle after a first build that had nothing to do
            state.settle(state.generation)  # idle (no change for 0.5 s): once after each build, off the save's path
            if armed:
                continue
            armed = True
            if input_stats(content, roots) == state.seen:
                continue
        rebuild(content, state, options)
        if state.roots != roots or not content.is_dir():
            return


def _moved_on(state: State, seen: int) -> Callable[[], bool]:
    """A predicate for Condition.wait_for: a build has finished since generation `seen`."""
    return lambda: state.generation != seen
