"""serve builds a burst of changes only when a file in it is not as the last build read it (issue 15).

A save made while the watcher settled after a build was built at its first quiet moment, and the
watcher's own event for it then started a second, identical build (at 10,000 records 1.5 s more
before the next save was built, and every later reload came one build early). Each case: what happens to the files after the build read
them, the paths the burst names, and whether the burst is skipped as built already.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.pipeline.inputs import folder_stats
from sitegen.serve import built_already


def _append(path: Path) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("第2次修改。\n")


def _same_size_later(path: Path) -> None:
    time.sleep(0.02)
    path.write_text(path.read_text("utf-8").replace("一", "二"), "utf-8")


def _touch_old_time(path: Path) -> None:
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # the mtime put back: the ctime still moves


def _nothing(path: Path) -> None:
    return None


CASES: list[tuple[Callable[[Path], None], list[str], bool]] = [
    (_nothing, ["activities/a.md"], True),  # the second burst of a save already built
    (_nothing, ["activities/a.md", "wishes/w.yaml"], True),
    (_append, ["activities/a.md"], False),  # saved again since
    (_same_size_later, ["activities/a.md"], False),  # the same size, written later
    (_touch_old_time, ["activities/a.md"], False),  # `touch -r`, `cp -p`: its ctime says so
    (_nothing, ["activities/new.md"], False),  # a file the build did not read
    (_nothing, ["activities"], False),  # a folder: never a file the build read
    (lambda path: path.unlink(), ["activities/a.md"], False),  # deleted since
    (_append, ["wishes/w.yaml", "activities/a.md"], False),  # one of two changed
]


@pytest.mark.parametrize(("after", "named", "skipped"), CASES)
def test_a_burst_naming_only_files_as_built_is_not_built_again(tmp_path: Path, after: Callable[[Path], None],
                                                               named: list[str], skipped: bool) -> None:
    (tmp_path / "activities").mkdir()
    (tmp_path / "wishes").mkdir()
    record = tmp_path / "activities" / "a.md"
    record.write_text("---\ntitle: 一次活动\n---\n正文一。\n", "utf-8")
    (tmp_path / "wishes" / "w.yaml").write_text("title: 一个心愿\n", "utf-8")
    seen = folder_stats([tmp_path])  # what the build read (serve's state.seen)
    after(record)
    changes = {(2, str(tmp_path / rel)) for rel in named}  # watchfiles' (Change.modified, path)
    assert built_already(changes, seen) is skipped
