"""A trash folder is deleted by one deleter: a build leaves one that is still being deleted alone.

After a build that renewed the shadow (write/slots.py renewed), deleting the old output takes
seconds, and every save meanwhile moved the folder again and forked one more deleter of the same
tree. Rows: what a build finds in the cache (a trash folder whose deleter is at work, one whose
deleter was killed, one an older sitegen left) and whether the build deletes it again.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.slots import Slots
from sitegen.write.trash import BUSY, being_deleted, discard_later

_HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(30)
"""


def _trash(cache: Path, busy_file: bool) -> Path:
    trash = cache / "trash-left"
    (trash / "x" / "activities").mkdir(parents=True)
    (trash / "x" / "activities" / "index.html").write_text("old", encoding="utf-8")
    if busy_file:
        (trash / BUSY).touch()
    return trash


def _wait_gone(path: Path) -> bool:
    deadline = time.monotonic() + 20
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not path.exists()


def _deleter_at_work(cache: Path) -> subprocess.Popen[str]:
    trash = _trash(cache, busy_file=True)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(trash / BUSY)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


# (what the cache holds, whether the build deletes the trash folder again)
ROWS: list[tuple[str, Callable[[Path], object], bool]] = [
    ("deleter at work", _deleter_at_work, False),
    ("deleter killed", lambda cache: _trash(cache, busy_file=True), True),
    ("left by an older sitegen", lambda cache: _trash(cache, busy_file=False), True),
]


@pytest.mark.parametrize(("found", "make", "deleted"), ROWS, ids=[r[0] for r in ROWS])
def test_a_build_deletes_a_trash_folder_only_when_no_deleter_is_at_work(tmp_path: Path, found: str,
                                                                       make: Callable[[Path], object],
                                                                       deleted: bool) -> None:
    cache = tmp_path / ".out.sitegen-cache"
    made = make(cache)
    try:
        Slots(tmp_path / "out", cache).prepare()
        trash = cache / "trash-left"
        if deleted:
            assert _wait_gone(trash), found
        else:
            assert (trash / "x" / "activities" / "index.html").exists(), "moved again while being deleted"
            assert sorted(p.name for p in cache.glob("trash-*")) == ["trash-left"], "a second deleter"
    finally:
        if isinstance(made, subprocess.Popen):
            made.kill()
            made.communicate()


def test_a_folder_is_being_deleted_from_the_moment_discard_later_returns(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rmtree = shutil.rmtree

    def slow(path: object, *args: object, **kwargs: object) -> None:
        time.sleep(1.0)  # a large old output: the deleter inherited this as it forked
        rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    folder, cache = tmp_path / "old", tmp_path / "cache"
    (folder / "a").mkdir(parents=True)
    monkeypatch.setattr(shutil, "rmtree", slow)
    discard_later(folder, cache)
    monkeypatch.undo()
    [trash] = cache.glob("trash-*")
    assert being_deleted(trash)
    assert _wait_gone(trash)


def _moved_across(folder: Path, trash_in: Path) -> None:
    raise OSError(errno.EXDEV, "Invalid cross-device link", str(folder))


# (where the folder thrown away is, the cache's trash folder on its file system or not)
ACROSS: list[tuple[str, Callable[[Path, Path], None] | None]] = [
    ("the cache's file system", None),
    ("another file system (a print folder whose link points there)", _moved_across),
]


@pytest.mark.parametrize(("where", "move"), ACROSS, ids=[r[0] for r in ACROSS])
def test_a_folder_on_any_file_system_is_thrown_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str,
                                                    move: Callable[[Path, Path], None] | None) -> None:
    folder, cache = tmp_path / ".print.stage-x", tmp_path / "cache"
    (folder / "posters").mkdir(parents=True)
    (folder / "posters" / "index.html").write_text("old", encoding="utf-8")
    if move is not None:
        real = os.replace
        monkeypatch.setattr(os, "replace", lambda a, b: move(Path(a), Path(b)) if Path(b).name == "x" else real(a, b))
    discard_later(folder, cache)
    assert _wait_gone(folder), where
    deadline = time.monotonic() + 20
    while list(cache.glob("trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(cache.glob("trash-*")), f"{where}: a trash folder left"
