"""How long each test file takes, for the order the suite runs them in (tests/conftest.py).

    pytest -n 2 --durations=0 > durations.log
    python -m tests.support.file_seconds durations.log      # rewrites tests/support/file_seconds.json

The seconds are the sum of a file's setup, call and teardown durations. Only the order they give is
used: each file runs whole on one worker (xdist's loadfile: tests/conftest.py), the longest first, so
that no long file starts last and leaves the other worker idle while it ends (longest processing
time first). A file the table does not know runs after those it knows, in collection order.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

TABLE = Path(__file__).with_name("file_seconds.json")
_LINE = re.compile(r"^(\d+(?:\.\d+)?)s (?:setup|call|teardown)\s+(\S+?)::")


def file_seconds(log: str) -> dict[str, float]:
    """Seconds per test file from a `pytest --durations=0` report; files under one second left out."""
    seconds: defaultdict[str, float] = defaultdict(float)
    for line in log.splitlines():
        found = _LINE.match(line)
        if found:
            seconds[found.group(2)] += float(found.group(1))
    return {path: round(total, 1) for path, total in sorted(seconds.items(), key=lambda item: -item[1]) if total >= 1}


def order(paths: list[str]) -> dict[str, int]:
    """Each known file's rank, longest first."""
    known = json.loads(TABLE.read_text("utf-8")) if TABLE.is_file() else {}
    return {path: rank for rank, path in enumerate(sorted(known, key=lambda p: -known[p])) if path in paths}


if __name__ == "__main__":
    TABLE.write_text(json.dumps(file_seconds(Path(sys.argv[1]).read_text("utf-8")), indent=1, ensure_ascii=False) + "\n",
                     encoding="utf-8")
