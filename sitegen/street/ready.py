"""Which communities of a street have nothing to do, asked of all of them at once, on every core.

A street rebuild first asks each community `pipeline.unchanged` (its small state, its input files'
stats and the stamp of its output and print folders, write/stamp.py): about 20 ms of CPU a community of 300
records on the 2-core bench machine, nearly all of it its 6,300 stat calls (2.5–2.8 µs each). One after another that is
seconds for a district of 300 communities with nothing changed; spread over forked processes (as
rendering is, pipeline/workers.py) it is divided by the cores. Each answer is a function of files
alone, so the order of asking changes nothing; below `ALONE` communities, or where fork does not
exist, they are asked here, one after another. Answers are handed over in order as they come, so
that a street with one community changed checks it (in this process) while the rest are asked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Final

from sitegen import pipeline
from sitegen.options import Options
from sitegen.runtime import die_with_parent, fork_context

ALONE: Final = 8  # fewer communities than this are asked in this process: starting workers costs more

Question = tuple[Path, Path, Options]  # (content folder, output folder, the community's build options)


def _ask(question: Question) -> pipeline.Report | None:
    content, out, options = question
    return pipeline.unchanged(content, out, options)


def _start(parent: int) -> None:
    die_with_parent(parent)


def unchanged_all(questions: Sequence[Question], workers: int) -> Iterator[pipeline.Report | None]:
    """`pipeline.unchanged(content, out, options)` of each question, in order, on up to `workers` processes.

    Each item is the report a build with nothing to do would give, or None when that community has
    something to do (or its output must be checked by building it). Items come as they are answered
    (a chunk at a time): the caller checks a changed community while the workers ask the rest.
    """
    context = fork_context()
    if workers <= 1 or len(questions) < ALONE or context is None:
        yield from map(_ask, questions)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start,
                             initargs=(os.getpid(),)) as pool:
        try:
            yield from pool.map(_ask, questions, chunksize=max(1, len(questions) // (workers * 4)))
        except GeneratorExit:  # the caller stopped (an interrupt): the questions not yet asked are not
            pool.shutdown(wait=False, cancel_futures=True)
            raise
