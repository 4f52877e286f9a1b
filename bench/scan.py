"""Seconds the leak scan takes over a built output folder (one process, every file).

    sitegen build --content content --out /tmp/demo-out && python bench/scan.py /tmp/demo-out
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitegen.model.records import Secrets  # noqa: E402
from sitegen.validate.privacy import name_variants  # noqa: E402
from sitegen.write.leaks import LeakScanner  # noqa: E402


def main(out: Path, rounds: int = 3) -> None:
    files = [(p.relative_to(out).as_posix(), p.read_bytes()) for p in sorted(out.rglob("*")) if p.is_file()]
    scanner = LeakScanner(Secrets(names=frozenset(name_variants("俞晓风")), web_hidden_phones=frozenset({"13805515678"}),
                                  poster_hidden_phones=frozenset()))
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for rel, data in files:
            scanner.scan(rel, data)
        best = min(best, time.perf_counter() - started)
    size = sum(len(data) for _, data in files)
    print(f"{len(files)} files, {size // 1024} KB: best of {rounds} {best:.3f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
