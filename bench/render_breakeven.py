"""Where rendering in-process stops beating the worker pool (sitegen/pipeline/workers.py RENDER_HERE_BELOW).

    python -m bench.render_breakeven CONTENT OUT [--wishes 1,2,4,8] [--repeats 3]

Builds CONTENT once into OUT with a serve-like Memory (and once more after an edit), then for each count N edits the first N
wishes and rebuilds, alternately rendering every changed page here and on a forked pool, and
prints the median render phase (ms) of each with the number of pages rendered. The wishes are
restored at the end. Output is the same either way (tests/pipeline hold it); only time differs.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from sitegen.options import Options
from sitegen.pipeline import build, workers
from sitegen.pipeline.memory import Memory


def _forced(mode: str, run: Any) -> Any:
    """workers.run rendering every page here ("here") or on the pool ("pool"), whatever their number."""
    def forced(job: workers.Job, task: str, indices: list[int], count: int, tick: Any) -> list[workers.Result]:
        if task != "render":
            return run(job, task, indices, count, tick)
        if mode == "here" or len(indices) < 2:
            return [result for chunk in workers._chunks(indices, 32) for result in workers.TASKS[task](job, chunk)]
        size = max(1, min(64, len(indices) // (count * 8) or 1))
        with ProcessPoolExecutor(max_workers=count, mp_context=workers.fork_context(), initializer=workers._start_worker,
                                 initargs=(os.getpid(), job)) as pool:
            chunks = workers._chunks(indices, size)
            return [r for part in pool.map(workers._in_worker, [task] * len(chunks), chunks) for r in part]
    return forced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--wishes", default="1,2,4,8")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    options, memory, run = Options(), Memory(), workers.run
    build(args.content, args.out, options, memory=memory)
    wishes = sorted((args.content / "wishes").glob("*.md"))
    texts = {path: path.read_text("utf-8") for path in wishes}
    edit = 0
    try:
        wishes[0].write_text(texts[wishes[0]] + "\n# warm\n", encoding="utf-8")
        build(args.content, args.out, options, memory=memory)  # the first rebuild after a cold one settles the cache
        for count in [int(n) for n in args.wishes.split(",")]:
            seconds: dict[str, list[float]] = {"here": [], "pool": []}
            rendered = 0
            for _ in range(args.repeats):
                for mode in ("here", "pool"):
                    workers.run = _forced(mode, run)
                    edit += 1
                    for path in wishes[:count]:
                        path.write_text(texts[path] + f"\n# edit {edit}\n", encoding="utf-8")
                    report = build(args.content, args.out, options, memory=memory)
                    gc.collect()
                    seconds[mode].append(report.timings["render"])
                    rendered = report.rendered
            print(f"{count} wishes, {rendered} pages: " + ", ".join(
                f"{mode} {statistics.median(found) * 1000:.0f} ms" for mode, found in seconds.items()), flush=True)
    finally:
        workers.run = run
        for path, text in texts.items():
            path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
