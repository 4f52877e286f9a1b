"""Which communities of a street have nothing to do, asked of all of them at once, on every core.

A street rebuild first asks each community `pipeline.unchanged` (its small state, its input files'
stats and the stamp of its output and print folders, write/stamp.py): about 12.5 ms of CPU a
community of 300 records on the 2-core bench machine under load (13.7 before the print folder's
hard-linked posters were left to the output's stamp; medians of 5 interleaved runs), nearly all of
it its 5,500 stat calls (about 1.2-1.8 µs each through write/rawstat.py, with the load; a bare
faccessat(2) of the same names, the same path walk, costs 0.9-1.3). One after another that is
seconds for a district of 300 communities with nothing changed; spread over forked processes (as
rendering is, pipeline/workers.py) it is divided by the cores. Each answer is a function of files
alone, so the order of asking changes nothing; below `ALONE` communities, or where fork does not
exist, they are asked here, one after another.

Answers are handed over as they come, each with the index of its question, not in the order asked:
a community whose input files changed is answered at once (no output stamp to take), so the street
checks it (in this process) while the rest are asked, however late it comes in the street's order.

From the first "something to do" answer on, the workers yield the processor to this process
(`YIELDING`, a lower scheduling priority: nice(2)): its checking and building that community is
what the user waits for, and the answers still to come are not needed before it is done. On the
2-core bench machine the two workers and this process shared the cores while it checked the one
changed community of a street of 20. A street with nothing to do keeps the workers' priority: then
this process only waits for them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sitegen import pipeline
from sitegen.options import Options
from sitegen.paths import code_digest
from sitegen.runtime import die_with_parent, fork_context
from sitegen.write.rawstat import FastStat

if TYPE_CHECKING:
    from ctypes import c_byte

ALONE: Final = 8  # fewer communities than this are asked in this process: starting workers costs more
TASKS_PER_WORKER: Final = 8  # questions are sent in chunks of n / (workers * this): few round trips, early answers
YIELDING: Final = 10  # nice(2) increment of a worker once this process has a community to build (weight 110 of 1024)

# (content folder, output folder, the community's build options, its git revision: load/history.py Revisions)
Question = tuple[Path, Path, Options, str]
Answer = tuple[int, pipeline.Report | None]  # (index of the question, its answer)


def _ask(question: Question) -> pipeline.Report | None:
    """The answer without its `inputs` (the stats of every file the community reads, some 24 kB
    pickled at 300 records): the street never reads them, and a worker's answer is pickled there
    and unpickled by the street."""
    content, out, options, revision = question
    answer = pipeline.unchanged(content, out, options, revision)
    return answer if answer is None else dataclasses.replace(answer, inputs={})


_BUSY: c_byte | None = None  # in a worker only: set (non-zero) by the street once it has work of its own


def _ask_all(questions: list[Question]) -> list[pipeline.Report | None]:
    answers = []
    for question in questions:
        _yield_when_busy()
        answers.append(_ask(question))
    return answers


def _yield_when_busy() -> None:
    """In a worker: lower its own priority by YIELDING, once, when the street has said it is busy."""
    global _BUSY
    if _BUSY is not None and _BUSY.value:
        _BUSY = None
        try:
            os.nice(YIELDING)
        except OSError:  # a system that refuses: the answers are the same, only their timing is not
            pass


def _start(parent: int, busy: c_byte) -> None:
    global _BUSY
    die_with_parent(parent)
    _BUSY = busy


def unchanged_all(questions: Sequence[Question], workers: int) -> Iterator[Answer]:
    """`pipeline.unchanged(content, out, options, revision)` of each question on up to `workers` processes,
    as (index of the question, answer) pairs in the order they are answered; each index once.

    Each answer is the report a build with nothing to do would give, or None when that community has
    something to do (or its output must be checked by building it). Pairs come a chunk at a time,
    as each chunk is answered: the caller checks a changed community while the workers ask the rest.
    """
    context = fork_context()
    if workers <= 1 or len(questions) < ALONE or context is None:
        yield from enumerate(map(_ask, questions))
        return
    code_digest()  # every question's cache key holds it: made here once, inherited by each worker
    FastStat.open()  # what every stamp calls through (ctypes, the C library, its layout checked): loaded once, inherited too
    size = max(1, len(questions) // (workers * TASKS_PER_WORKER))
    busy = context.Value("b", 0, lock=False)  # shared memory the workers inherit: "yield from now on"
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                             initargs=(os.getpid(), busy)) as pool:
        chunks: dict[Future[list[pipeline.Report | None]], range] = {}
        for start in range(0, len(questions), size):
            indices = range(start, min(start + size, len(questions)))
            chunks[pool.submit(_ask_all, [questions[i] for i in indices])] = indices
        try:
            pending = set(chunks)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: chunks[f].start):  # same-time answers in the street's order
                    for index, answer in zip(chunks[future], future.result(), strict=True):
                        if answer is None:  # the caller checks (and later builds) this one: the workers yield to it
                            busy.value = 1
                        yield index, answer
        except GeneratorExit:  # the caller stopped (an interrupt): the questions not yet asked are not
            pool.shutdown(wait=False, cancel_futures=True)
            raise
