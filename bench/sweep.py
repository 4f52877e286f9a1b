"""CPU time of one watched sweep of a quiet slot (write/sweeping.py), against the walk it replaced.

    python -m bench.sweep [--records 15000] [--work DIR] [--rewrite]

A slot of RECORDS record folders in each of the four trees (standard, 长辈版, 繁體, both: 60,008
folders at 15,000), every folder quiet; before each of 7 timed sweeps a record page in one tree is
rewritten as a build rewrites it (and, with --rewrite, the list page of `activities/` too, so that
folder, holding every record's folder, is listed). Linux with inotify only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitegen.write.folderwatch import FolderWatch  # noqa: E402
from sitegen.write.slots import fs_clock  # noqa: E402
from sitegen.write.sweeping import Dirs, _watched_sweep  # noqa: E402
from sitegen.write.tree import folder_tree  # noqa: E402
from tests.write.test_watched_sweep_same import _walked  # noqa: E402

TREES = ("", "care/", "zh-hant/", "zh-hant/care/")


def _rewrite(path: Path) -> None:
    path.unlink()
    path.write_bytes(b"x")


def measure(sweeper: Callable[..., Dirs], slot: Path, records: int, rewrite: bool) -> list[float]:
    """Milliseconds of CPU of 7 sweeps of `slot` (made here), each after a page or two rewritten."""
    holds = {f"{tree}{rel}": "0" * 64 for tree in TREES
             for rel in ("index.html", "activities/index.html",
                         *(f"activities/a{i:05d}/index.html" for i in range(records)))}
    for rel in holds:
        (slot / rel).parent.mkdir(parents=True, exist_ok=True)
        (slot / rel).write_bytes(b"x")
    watch, (files, subs), known = FolderWatch(), folder_tree(holds), {}
    time.sleep(0.05)
    for _ in range(2):  # listed and watched, then found as recorded: quiet
        known = sweeper(watch.slot(slot), files, subs, known, fs_clock(slot.parent))
    times = []
    for k in range(7):
        _rewrite(slot / f"care/activities/a{k:05d}/index.html")
        if rewrite:
            _rewrite(slot / "activities/index.html")
        time.sleep(0.03)
        started = time.process_time()
        known = sweeper(watch.slot(slot), files, subs, known, fs_clock(slot.parent))
        times.append((time.process_time() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=15000)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--rewrite", action="store_true")
    args = parser.parse_args()
    if not FolderWatch().works:
        sys.exit("no inotify here")
    with tempfile.TemporaryDirectory(dir=args.work) as work:
        for name, sweeper in (("walk (before)", _walked), ("sweep", _watched_sweep)):
            times = measure(sweeper, Path(work) / name.split()[0], args.records, args.rewrite)
            print(f"{name:<14} {args.records * len(TREES) + 8:>7} folders: CPU median {statistics.median(times):6.1f} ms"
                  f"  ({', '.join(f'{t:.1f}' for t in times)})")


if __name__ == "__main__":
    main()
