"""The CPython- and POSIX-specific tricks sitegen plays, in one place, each with why it is safe.

Everything else in sitegen is portable Python; these are the exceptions a reader should know about:

- **The collector paused for a build** (`paused_collector`). Loading the cache, modelling and
  planning make hundreds of thousands of objects and hardly any garbage cycles: CPython's cyclic
  collector only slowed them down (a quarter of a rebuild). Reference counting still frees
  everything acyclic at once; the few cycles wait until the block ends. Safe because the block is
  one build and the collector is turned back on however it ends.
- **A long-lived process freezes what each build leaves** (`HeapSettler`). Under `serve` the
  kept cache is a heap of millions of objects; with the collector back on after a build, every
  later collection of the older generations walked all of it (20-300 ms, at random moments:
  often inside the next save's rebuild). Once serve is idle after a build (its watcher's first
  quiet half second) the young objects are collected and the survivors frozen (`gc.freeze`), off
  the path of any save and of the reload event: later collections walk only
  what is new. Reference counting still frees frozen objects that lose their last reference; only
  cycles among frozen objects wait, until every `full_every`-th settle unfreezes and collects all.
  A build under serve freezes what it made as it ends (`paused_collector(long_lived=True)`): the
  collector, back on, would otherwise walk all of it at its first young collection, on the save's
  path; the few cycles among it wait for the next full settle.
- **Forked workers collect for themselves** (`collect_in_worker`). A forked render worker inherits
  the paused collector; rendering (Jinja) makes cycles, so the worker freezes what it inherited
  (`gc.freeze`: moved to a generation the collector never scans, so the parent's objects are neither
  walked nor copied on write) and collects its own garbage. The parent is not affected.
- **Fork as the start method** (`fork_context`). Workers inherit the renderer and the planned
  pages instead of receiving them pickled. Only where fork exists and is safe: not on Windows (no
  fork) nor macOS (system libraries may crash in a forked child); there the work runs in-process.
- **Workers die with their build** (`die_with_parent`). A worker must not outlive a killed build:
  it would wait forever on its task pipe. Linux kills it with its parent (prctl PR_SET_PDEATHSIG);
  elsewhere a daemon thread polls the parent id. `os._exit` leaves at once: a worker's exit must
  not run the parent's atexit handlers or flush buffers it inherited.
- **Work left to a detached grandchild** (`in_background`). Deleting the replaced output folder is
  left to a double-forked grandchild: the child exits at once and is reaped, so no zombie stays and
  the user waits for nothing. The child and grandchild leave with `os._exit` for the reason above.
- **Free heap handed back before a fork** (`release_free_heap`). The C allocator keeps memory freed
  by a build (the search index's texts, the feeds) mapped in the process, and a forked worker
  shares those pages and copies every one it allocates into: glibc's `malloc_trim(0)` returns the
  free pages to the system first (at 1,000 records 10 MB after the write wave). Safe because it
  only releases what nothing uses; where glibc is missing it does nothing.
- **A server stopped like Ctrl-C** (`stopped_like_ctrl_c`). `serve` and `edit` end on Ctrl-C by
  saving what the next build starts from and saying they stopped. SIGTERM (a task manager, `kill`)
  and SIGHUP (the terminal window closed) ended the process on the spot, neither said nor saved
  (newcomer19); for the block they raise KeyboardInterrupt in the main thread instead, as SIGINT
  does, once: the block holds the stop too, and a second signal (or Ctrl-C) during it is ignored
  (break19c: it ended the stop on the spot, unsaved). The old handlers are put back after it.
  Only from the main thread (Python's rule for signal handlers); elsewhere the block runs as it would.
- **Leaving without tearing down** (`exit_now`). A real CLI run has written and saved everything;
  freeing a large heap one object at a time only costs the user time, so it exits with `os._exit`
  after flushing stdout and stderr. Only the command-line entry point calls it, never a library user.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext


@contextmanager
def paused_collector(long_lived: bool = False) -> Iterator[None]:
    """Pause CPython's cyclic garbage collector for the block (one build); on again however it ends.

    `long_lived` (a build under `serve`, whose process settles its heap when idle: HeapSettler):
    what the block made is frozen as the collector comes back on, so the first allocation after it
    does not walk every object the build made (a young collection of them all: 50-97 ms of each save
    at 10,000 records, before the reload). Its garbage cycles (372 objects a save at 1,000 records)
    wait for the settler's next full collection."""
    gc.disable()
    try:
        yield
    finally:
        if long_lived:
            gc.freeze()
        gc.enable()


class HeapSettler:
    """Collect and freeze the heap once after each build of a long-lived process (module docstring)."""

    def __init__(self, full_every: int = 50) -> None:
        self.full_every, self.settled, self.last = full_every, 0, -1

    def __call__(self, generation: int) -> None:
        """Settle the heap unless build `generation` was settled already: collect what the builds since
        left (all of the heap every `full_every`-th time), then freeze the rest."""
        if generation == self.last:
            return
        self.last = generation
        if self.settled % self.full_every == 0:
            gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.settled += 1


def collect_in_worker() -> None:
    """In a forked worker that inherited a paused collector: freeze the inherited heap, collect again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def fork_context() -> BaseContext | None:
    """The fork start method where it exists and is safe (not Windows, not macOS); None elsewhere."""
    import multiprocessing  # here, not above: the command line imports this module and may never fork

    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        return None
    return multiprocessing.get_context("fork")


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when the process `parent` ends; call it first in the worker."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    import threading  # here, not above: the command line imports this module and starts no thread

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def in_background(work: Callable[[], None]) -> None:
    """Run `work` in a detached grandchild and return at once; where fork is missing, run it here."""
    if not hasattr(os, "fork"):
        work()
        return
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the forked processes
        try:
            os.setsid()
            if os.fork() == 0:
                work()
        finally:
            os._exit(0)
    os.waitpid(child, 0)


@contextmanager
def stopped_like_ctrl_c() -> Iterator[None]:
    """For the block, SIGTERM and SIGHUP (where the system has them) raise KeyboardInterrupt in the main
    thread, as Ctrl-C's SIGINT does (module docstring), once: a later one of them, or a later Ctrl-C, is
    ignored until the block ends, so the stop after the first (the block's `finally`) saves and says it
    stopped (break19c: a second SIGTERM while serve stopped ended it on the spot). The handlers are put
    back however the block ends. Raises nothing itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def interrupt(number: int, frame: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where it is ignored (`&`)
        names.append("SIGINT")
    before = {name: signal.signal(getattr(signal, name), interrupt) for name in names}
    try:
        yield
    finally:
        for name, handler in before.items():
            signal.signal(getattr(signal, name), handler)


def exit_now(code: int) -> None:
    """End the process with `code` without freeing the heap: stdout and stderr are flushed first."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def release_free_heap() -> None:
    """Return the C heap's free pages to the system (glibc `malloc_trim(0)`); nothing elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # musl, or no C library to ask: the pages stay, nothing else changes
        pass
