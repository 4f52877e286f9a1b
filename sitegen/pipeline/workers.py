"""Spread rendering, photo and PDF work over every core; the result is byte for byte a one-process build.

Workers are forked (sitegen/runtime.py says why that is safe), so they inherit the renderer and
the planned pages instead of receiving them pickled: the job is handed to each worker by the
pool's initialiser and kept in that worker alone (`_WORKER_JOB`, set once per worker process,
never in the building process). Where fork does not exist (Windows, macOS) the work runs
in-process, the job passed as an argument. Results are returned, never left in module state.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.render.images import Photo, make_variants
from sitegen.render.site import Renderer
from sitegen.render.views import PageSpec
from sitegen.runtime import collect_in_worker, die_with_parent, fork_context, release_free_heap
from sitegen.slugs import forget_pinyin
from sitegen.write.assembly import write_file
from sitegen.write.leaks import Leak, LeakScanner


@dataclass
class Job:
    """Everything a task needs, inherited by forked workers: indices into its lists name the items."""

    renderer: Renderer | None
    specs: Sequence[PageSpec]
    photos: Sequence[Photo]
    content: Path
    stage: Path  # where the workers write the files they make
    scanner: LeakScanner
    pdfs: Sequence[tuple[str, str]] = ()  # (poster URL, PDF path) to lay out
    parent: int = field(default_factory=os.getpid)


Result = tuple[int, dict[str, str], list[Leak], dict[str, tuple[int, bytes]]]  # index, files, leaks, QR codes
Task = Callable[[Job, list[int]], list[Result]]

_WORKER_JOB: Job | None = None  # in a forked worker only: the job its pool was started with
# Fewer pages than this are rendered here: starting a pool (forking a serve process that holds the
# whole site) costs what rendering about 20 pages does. Measured on 2 cores at 1,000 records (N
# wishes edited, render phase ms, here vs pool, load 5): 7 pages 161 vs 189, 13: 237 vs 270, 21:
# 554 vs 548, 27: 761 vs 562 (python -m bench.render_breakeven).
RENDER_HERE_BELOW = 24


def _render(job: Job, indices: list[int]) -> list[Result]:
    assert job.renderer is not None
    results: list[Result] = []
    for index in indices:
        files, leaks = {}, []
        for rel, data in job.renderer.render(job.specs[index]):
            # An elder-mode copy is its page with markers swapped for labels and links, nothing else:
            # when the standard and 繁體 copies are clean, so are theirs.
            sha = hashlib.sha256(data).hexdigest()
            if not rel.startswith(("care/", "zh-hant/care/")):
                leak = job.scanner.scan(rel, data, sha)
                if leak is not None:
                    leaks.append(leak)
            files[rel] = write_file(job.stage, rel, data, sha)
        results.append((index, files, leaks, job.renderer.codes.take_made()))
    return results


def _photo(job: Job, indices: list[int]) -> list[Result]:
    results: list[Result] = []
    for index in indices:
        try:
            made = make_variants(job.content, job.photos[index])
        except Exception:  # noqa: BLE001 - a photo that fails to decode in full: no files, named by the caller
            made = {}
        results.append((index, {rel: write_file(job.stage, rel, data) for rel, data in made.items()}, [], {}))
    return results


def _pdf(job: Job, indices: list[int]) -> list[Result]:
    from sitegen.render.pdf import render_pdf

    results: list[Result] = []
    for index in indices:
        url, name = job.pdfs[index]
        results.append((index, {name: write_file(job.stage, name, render_pdf(job.stage, url))}, [], {}))
    return results


TASKS: dict[str, Task] = {"render": _render, "photo": _photo, "pdf": _pdf}


def _start_worker(parent: int, job: Job) -> None:
    """A pool worker's first act: die with the build, collect its own garbage, keep its job."""
    global _WORKER_JOB
    die_with_parent(parent)
    collect_in_worker()
    _WORKER_JOB = job


def _in_worker(task: str, indices: list[int]) -> list[Result]:
    assert _WORKER_JOB is not None
    return TASKS[task](_WORKER_JOB, indices)


def _chunks(indices: list[int], size: int) -> list[list[int]]:
    return [indices[i : i + size] for i in range(0, len(indices), size)]


def run(job: Job, task: str, indices: list[int], workers: int, tick: Callable[[int, int], None]) -> list[Result]:
    """Run `task` ("render", "photo" or "pdf") over the given items; results come back in order."""
    results: list[Result] = []
    context = fork_context()
    if workers <= 1 or len(indices) < (RENDER_HERE_BELOW if task == "render" else 2) or context is None:
        for chunk in _chunks(indices, 32):
            results += TASKS[task](job, chunk)
            tick(len(results), len(indices))
        return results
    size = max(8, min(64, len(indices) // (workers * 8) or 1)) if task == "render" else 1
    forget_pinyin()  # slugs are made before any pool: the workers need no pinyin tables, nor does the build now
    release_free_heap()  # the workers neither share nor copy the pages the build freed so far
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=(os.getpid(), job)) as pool:
        chunks = _chunks(indices, size)
        for part in pool.map(_in_worker, [task] * len(chunks), chunks):
            results += part
            tick(len(results), len(indices))
    return results
