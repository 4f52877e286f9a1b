"""`sitegen serve`: build, serve on localhost, rebuild on change and reload open pages.

The reload script and the error overlay are added to pages as they are served; they never
reach the built site. While the content is broken, the last good build keeps being served
with the errors laid over it, and a fix recovers by itself. What the server answers, and the
state it answers from, are in servehttp.py; here are the builds and the watch that starts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
import dataclasses
import os
import threading
import time
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sitegen.errors import ContentInvalid, UsageProblem
from sitegen.failure import rebuild_said
from sitegen.halfsaved import await_writes, emptied_since
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.reporting import Reportable, report_problems
from sitegen.runtime import stopped_like_ctrl_c
from sitegen.servehttp import PreviewServer, Relabel, State, handler_for

if TYPE_CHECKING:
    pass

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

        if state.refresh is not None:  # a street's community alone: its street as it is now (street/lone.py)
            options = state.refresh(options)
        if state.build is not None:  # a street (sitegen/street/build.py serve_build)
            outcome = state.build(content, state.out, dataclasses.replace(options, now=Options().now), waiting=waiting)
        else:
            outcome = pipeline.build(content, state.out, dataclasses.replace(options, now=Options().now),
                                     waiting=waiting, memory=state.memory)
    except Exception as e:  # noqa: BLE001 - a long-lived server must outlive any one rebuild
        if isinstance(e, ContentInvalid) and state.relabel is not None:
            e = ContentInvalid(state.relabel(e.problems))
        return report(state, *rebuild_said(e, messages, str(state.out)))  # as the CLI says it (failure.py)
    state.roots, state.seen = outcome.roots, outcome.inputs or state.seen
    if outcome.cache_damaged:
        click.echo(messages.text("cli.cache_damaged"), err=True)
    state.empty = first and outcome.unchanged and state.memory is not None
    state.finished([])
    warn(state, state.relabel(outcome.warnings) if state.relabel is not None else outcome.warnings)
    # "pages reloaded" only when a page listens (newcomer17: said with no browser open)
    key = "serve.built" if first else "serve.rebuilt" if state.watching else "serve.rebuilt_unwatched"
    click.echo(messages.text(key, seconds=f"{time.perf_counter() - started:.2f}"))


def warn(state: State, warnings: Sequence[Reportable]) -> None:
    """The build's warnings (a placeholder base_url, a wish past its date…) as `sitegen build` prints
    them, when they are not the ones printed last: at the first build, then only when a save changed
    them, so that a worker sees each warning once and not after every save (the newcomer's: serve
    never said its site's QR codes would not open)."""
    lines = [warning.render(state.messages) for warning in warnings]
    if lines != state.warned:
        report_problems(state.messages, warnings)
        if not lines:  # the last one fixed: said once (i-break19: it went without a word)
            click.echo(state.messages.text("serve.warnings_cleared"), err=True)
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
        options = state.refresh(options) if state.refresh is not None else options
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


QUIET_MS, BURST_MS = 5, 300  # a burst of changes is built after 5 ms without one (a save: < 1 ms), 300 at most


def run_server(content: Path, out: Path, port: int, open_browser: bool, options: Options, messages: Messages,
               build: Callable[..., Any] | None = None, relabel: Relabel | None = None,
               refresh: Callable[[Options], Options] | None = None) -> None:
    """Serve `out` on 127.0.0.1, build it, then rebuild on every change of any input until Ctrl-C.
    A street's community served on its own: `relabel` says every build's problems (street/lone.py
    as_lone: an inherited value's at `../street.yaml:LINE`), `refresh` gives each build's options
    from the street as it is then (as_in_street: a wish added next door is refused at the next save).

    UsageProblem when the output folder is not ours or the port is taken; nothing else stops it.
    """
    from sitegen.pipeline.memory import Memory
    from sitegen.write.printfolder import print_folder, print_folder_free
    from sitegen.write.slots import output_folder

    # someone else's folder is refused before anything is written, and so is a print folder holding theirs
    print_folder_free(output_folder(out, street=build is not None), print_folder(out, options.print_to), build is not None)
    state = State(out=out, messages=messages, memory=None if build is not None else Memory(), build=build,
                  relabel=relabel, refresh=refresh)
    try:
        server = PreviewServer(("127.0.0.1", port), handler_for(state, port))
    except OSError:
        raise UsageProblem("serve.port_busy", port=port) from None
    bound = server.server_address[1]
    if bound != port:  # --port 0: the system chose one
        server.RequestHandlerClass = handler_for(state, int(bound))
    url = f"http://127.0.0.1:{bound}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(messages.text("serve.listening", out=str(out), url=url, content=str(content)), err=False)
    stop = threading.Event()
    with stopped_like_ctrl_c():  # a kill or a closed terminal stops it as Ctrl-C does: saved, said (once)
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


def built_already(changes: Iterable[tuple[object, str]], seen: Mapping[str, tuple[int, int]]) -> bool:
    """Whether every file `changes` (watchfiles' (change, path) pairs) names is as the last build read it:
    its stat_mark (size, later of mtime and ctime) the one in `seen`, which is what that build read.

    A save can be built before the watcher hands over its event: at the watcher's first quiet moment
    (after the heap is settled, which takes most of a second at 10,000 records) the inputs are compared
    with the last build's, and a save made meanwhile is built then; the event for that save, queued
    all along, came next and started a second, identical build (1.5 s at 10,000 records, in 3 of 4
    bench runs: every later save then waited for the build before it, and its reload came one build
    early). The loader takes a file as unchanged by the same mark (load/__init__.py), so that build
    could not have shown anything new. A path the build did not read (a new file, a folder, one
    deleted) is never "built"."""
    from sitegen.load.files import stat_mark

    for _, path in changes:
        before = seen.get(path)
        if before is None:
            return False
        try:
            now = stat_mark(os.stat(path))
        except OSError:
            return False
        if now != before:
            return False
    return True


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
        if changes and built_already(changes, state.seen):
            continue
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
