"""A save seen half done under `serve`: an editor that empties a file, then writes it.

Notepad and some sync tools save by truncating the file and writing it again. serve builds after
5 ms without a change (serve.py QUIET_MS), so a build could fall between the two and read a record
with no first line: a false "第一行必须是三个短横线" on the overlay for one rebuild, gone at the
next (newcomer15, newcomer16). A file that is empty now and was not at the last build is given a
moment to be written; one still empty then (or gone) is built as it is: its problem is real.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import Final

EMPTIED_WAIT: Final = 0.3  # seconds an emptied file is given to be written again
POLL: Final = 0.02  # seconds between looks


def emptied_since(before: Mapping[str, tuple[int, int]], now: Mapping[str, tuple[int, int]]) -> list[str]:
    """The paths of `now` (path → (size, mtime), as pipeline/inputs.py input_stats gives) that are
    empty and were not in `before` (the inputs the last build read)."""
    return [path for path, (size, _) in now.items() if size == 0 and before.get(path, (0, 0))[0] > 0]


def await_writes(emptied: list[str], limit: float = EMPTIED_WAIT) -> bool:
    """Wait up to `limit` seconds for the files `emptied` to be written (a size above 0) or removed;
    True when one was (the inputs are then read again), False at once when there are none."""
    deadline = time.monotonic() + limit
    waiting = list(emptied)
    while waiting and time.monotonic() < deadline:
        time.sleep(POLL)
        waiting = [path for path in waiting if _size(path) == 0]
    return len(waiting) < len(emptied)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1  # gone: not waited for any longer
