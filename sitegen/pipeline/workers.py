"""Spread rendering and photo work over every core; the result is byte for byte a one-process build.

Workers are forked, so they inherit the renderer and the planned pages instead of receiving them
pickled; that inheritance is the one piece of module state here (`_JOB`), set just before the
pool starts and read-only after. Where fork does not exist (Windows), the work runs in-process.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
import gc
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.render.images import Photo, make_variants
from sitegen.render.site import Renderer
from sitegen.render.views import PageSpec
from sitegen.write.leaks import Leak, LeakScanner


_EXCLUSIVE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_file(stage: Path, rel: str, data: bytes) -> str:
    """Write a new file directly; replace an existing one, never write into it: it may be a hard
    link shared with the live output."""
    target = stage / rel
    try:
        handle = os.open(target, _EXCLUSIVE, 0o644)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(target, _EXCLUSIVE, 0o644)
    except FileExistsError:
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temp.write_bytes(data)
        os.replace(temp, target)
        return hashlib.sha256(data).hexdigest()
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return hashlib.sha256(data).hexdigest()


@dataclass
class Job:
    renderer: Renderer | None
    specs: Sequence[PageSpec]
    photos: Sequence[Photo]
    content: Path
    stage: Path
    scanner: LeakScanner
    pdfs: Sequence[tuple[str, str]] = ()  # (poster URL, PDF path) to lay out
    parent: int = field(default_factory=os.getpid)


_JOB: Job | None = None


def _collect_in_worker() -> None:
    """A forked worker inherits the build's paused collector; rendering makes cycles, so it collects,
    with everything inherited frozen out of its way."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


Result = tuple[int, dict[str, str], list[Leak], dict[str, tuple[int, bytes]]]


def _render(indices: list[int]) -> list[Result]:
    job = _JOB
    assert job is not None and job.renderer is not None
    if os.getpid() != job.parent:
        _collect_in_worker()
    results: list[Result] = []
    for index in indices:
        files, leaks = {}, []
        for rel, data in job.renderer.render(job.specs[index]):
            # An elder-mode copy is its page with markers swapped for labels and links, nothing else:
            # when the standard and 繁體 copies are clean, so are theirs.
            if not rel.startswith(("care/", "zh-hant/care/")):
                leak = job.scanner.scan(rel, data)
                if leak is not None:
                    leaks.append(leak)
            files[rel] = write_file(job.stage, rel, data)
        results.append((index, files, leaks, job.renderer.codes.take_made()))
    return results


def _photo(indices: list[int]) -> list[Result]:
    job = _JOB
    assert job is not None
    results: list[Result] = []
    for index in indices:
        try:
            made = make_variants(job.content, job.photos[index])
        except Exception:  # noqa: BLE001 - a photo that fails to decode in full: no files, named by the caller
            made = {}
        results.append((index, {rel: write_file(job.stage, rel, data) for rel, data in made.items()}, [], {}))
    return results


def _pdf(indices: list[int]) -> list[Result]:
    from sitegen.render.pdf import render_pdf

    job = _JOB
    assert job is not None
    results: list[Result] = []
    for index in indices:
        url, name = job.pdfs[index]
        results.append((index, {name: write_file(job.stage, name, render_pdf(job.stage, url))}, [], {}))
    return results


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a killed build: it would wait forever on its task pipe.

    Linux kills it with its parent (PR_SET_PDEATHSIG); elsewhere a thread watches the parent.
    """
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

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _chunks(indices: list[int], size: int) -> list[list[int]]:
    return [indices[i : i + size] for i in range(0, len(indices), size)]


def run(job: Job, task: str, indices: list[int], workers: int, tick: Callable[[int, int], None]) -> list[Result]:
    """Run `task` ("render", "photo" or "pdf") over the given items; results come back in order."""
    global _JOB
    function: Callable[[list[int]], list[Any]] = {"render": _render, "photo": _photo, "pdf": _pdf}[task]
    _JOB = job
    results: list[Result] = []
    try:
        small = len(indices) < (64 if task == "render" else 2)
        if workers <= 1 or small or "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
            for chunk in _chunks(indices, 32):
                results += function(chunk)
                tick(len(results), len(indices))
            return results
        size = max(8, min(64, len(indices) // (workers * 8) or 1)) if task == "render" else 1
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            for part in pool.map(function, _chunks(indices, size)):
                results += part
                tick(len(results), len(indices))
        return results
    finally:
        _JOB = None
