"""A sweep under a folder watch (write/folderwatch.py, serve) skips the folders the kernel says no one
touched, and still removes everything a hand adds (the hands of tests/write/test_sweep.py and more);
reuse stats every kept file still (files are not watched) and makes again one a hand wrote into through
any of its links or through a writable mapping, which inotify never reports (i-break12)."""

from __future__ import annotations

import mmap
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.assembly import Assembly, file_stat
from sitegen.write.folderwatch import FolderWatch
from sitegen.write.slots import MANIFEST, fs_clock, sweep
from tests.write.test_sweep import HANDS, SITE, TICK, _entries, _slot

pytestmark = pytest.mark.skipif(not FolderWatch().works, reason="no inotify here")


def _replaced(f: Path, rel: str, moved_to: Path) -> None:
    """The folder `rel` moved out of the slot and a copy holding one more file put in its place."""
    shutil.copytree(f / rel, moved_to / "copy")
    (moved_to / "copy" / "a" / "evil.html").write_text("x") if (moved_to / "copy" / "a").is_dir() else None
    os.rename(f / rel, moved_to / "old")
    os.rename(moved_to / "copy", f / rel)


def _flooded(f: Path) -> None:
    """More events than the kernel queues (fs.inotify.max_queued_events, 16,384 by default) in a watched
    folder, then a file added three levels down: its event is lost, only the overflow is told."""
    try:
        with open("/proc/sys/fs/inotify/max_queued_events", encoding="ascii") as limit:
            room = int(limit.read())
    except (OSError, ValueError):
        room = 16384
    for n in range(room // 2 + 1):  # two events each: created, deleted
        (f / "media" / f"flood-{n}").touch()
        (f / "media" / f"flood-{n}").unlink()
    (f / "care/wishes/a/evil.html").write_text("x")


MORE: list[tuple[str, Callable[[Path], object], list[str]]] = [
    # a folder put in place of another: its parent changed; the folders below it are other folders,
    # though the watched ones (moved away with the old folder) heard nothing
    ("a folder two levels down replaced", lambda f: _replaced(f, "care/wishes", f.parent), ["care/wishes/a/evil.html"]),
    ("a folder one level down replaced", lambda f: _replaced(f, "wishes", f.parent), ["wishes/a/evil.html"]),
    ("a file added three levels down", lambda f: (f / "care/wishes/a/evil.html").write_text("x"),
     ["care/wishes/a/evil.html"]),
    # i-break12 (held): an overflow forgets every quiet folder
    ("the kernel's queue overflowed, then a file added", _flooded, ["care/wishes/a/evil.html"]),
]


def _quiet_slot(tmp_path: Path, watch: FolderWatch) -> tuple[Path, dict[str, str], dict[str, tuple[int, int, int]]]:
    slot = tmp_path / "slot"
    holds = _slot(slot)
    time.sleep(TICK)
    known = sweep(slot, holds, settled=fs_clock(tmp_path), watch=watch.slot(slot))  # listed, each watched first
    known = sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot))
    return slot, holds, known


@pytest.mark.parametrize(("hand", "gone"), [(h, g) for _, h, g in HANDS + MORE], ids=[n for n, _, _ in HANDS + MORE])
def test_nothing_a_hand_adds_survives_a_watched_sweep(tmp_path: Path, hand: Callable[[Path], object],
                                                      gone: list[str]) -> None:
    watch = FolderWatch()
    slot, holds, known = _quiet_slot(tmp_path, watch)
    hand(slot)
    sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot))
    left = _entries(slot)
    assert not left & set(gone)
    assert left >= {rel for rel in SITE if not rel.startswith(tuple(gone))} | {MANIFEST}


def test_a_quiet_folder_is_not_stat_ed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch = FolderWatch()
    slot, holds, known = _quiet_slot(tmp_path, watch)
    seen: list[str] = []
    lstat = os.lstat

    def counting(path: str) -> os.stat_result:
        seen.append(os.path.relpath(path, slot))
        return lstat(path)

    monkeypatch.setattr(os, "lstat", counting)
    assert sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot)) == known
    # the slot's top (a swap renames it) alone: its listing vouches for the folders in it, each name on
    # the inode recorded for it (before, each of them was stat'ed too)
    assert sorted(seen) == [".", "."]
    seen.clear()
    (slot / "care/wishes/a/evil.html").write_text("x")
    sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot))
    assert "care/wishes/a" in seen and "wishes/a" not in seen and not (slot / "care/wishes/a/evil.html").exists()


def _in_place(path: Path) -> None:
    """Other bytes written into the file, its size and mtime put back."""
    before = path.stat()
    data = path.read_bytes()
    with open(path, "r+b") as handle:
        handle.write(bytes([data[0] ^ 1]))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _through_map(mapped: mmap.mmap) -> None:
    """Other bytes written through a shared writable mapping: no inotify event, only a new mtime."""
    mapped[0] ^= 1
    mapped.flush()


# a hand between two builds (the slot, a link to a page outside it, a writable mapping of that page
# made before the builds) → the file reuse must not keep
FILE_HANDS: list[tuple[str, Callable[[Path, Path, mmap.mmap], object]]] = [
    ("written in place", lambda f, away, mapped: _in_place(f / "wishes/a/index.html")),
    ("written in place through a link outside the slot", lambda f, away, mapped: _in_place(away)),
    ("made unreadable", lambda f, away, mapped: os.chmod(f / "wishes/a/index.html", 0o600)),
    ("replaced by a file of the same size", lambda f, away, mapped: (
        (f / "wishes/a/x").write_bytes(b"A"), os.replace(f / "wishes/a/x", f / "wishes/a/index.html"))),
    # i-break12 (broke): kept unstat'ed while its watch was quiet, the page was published as the hand left it
    ("written through a writable mapping made before the builds", lambda f, away, mapped: _through_map(mapped)),
]


@pytest.mark.parametrize("hand", [h for _, h in FILE_HANDS], ids=[n for n, _ in FILE_HANDS])
def test_reuse_under_a_watch_stats_every_kept_file_and_makes_a_touched_one_again(
        tmp_path: Path, hand: Callable[[Path, Path, mmap.mmap], object], monkeypatch: pytest.MonkeyPatch) -> None:
    watch = FolderWatch()
    slot, holds, known = _quiet_slot(tmp_path, watch)
    away = tmp_path / "away.html"
    os.link(slot / "wishes/a/index.html", away)  # a link a hand made long before (an event then, not now)
    with open(away, "r+b") as handle:  # a mapping a hand made long before, its file closed since
        mapped = mmap.mmap(handle.fileno(), 0)
    files = {rel: holds[rel] for rel in SITE}
    stats = {rel: found for rel in SITE if (found := file_stat(slot / rel)) is not None}

    def build() -> bool:
        sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot))
        return Assembly(slot, holds, tmp_path / "live", {}, stats, {}).reuse_all(files)

    assert build() and build()  # the second: every folder quiet since the first found it as recorded
    seen: list[str] = []
    lstat = os.lstat
    monkeypatch.setattr(os, "lstat", lambda path: seen.append(path) or lstat(path))
    assert build() and sorted(str(p) for p in seen if str(p).endswith(".html")) == sorted(
        str(slot / rel) for rel in SITE if rel.endswith(".html"))
    time.sleep(TICK)
    hand(slot, away, mapped)
    assert not build()  # the mapping still held: closing it (Python's mmap keeps a file open) would be an event
    mapped.close()


def test_a_watch_keeps_the_slots_apart(tmp_path: Path) -> None:
    """Two slots of one watch (the output and its shadow): a hand in one leaves the other's folders quiet."""
    watch = FolderWatch()
    first, holds, known = _quiet_slot(tmp_path / "1", watch)
    second, _, known2 = _quiet_slot(tmp_path / "2", watch)
    (second / "wishes/a/evil.html").write_text("x")
    sweep(first, holds, known, fs_clock(tmp_path), watch=watch.slot(first))
    sweep(second, holds, known2, fs_clock(tmp_path), watch=watch.slot(second))
    assert not (second / "wishes/a/evil.html").exists()


def test_a_watch_takes_no_more_than_its_share_and_stats_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    watch = FolderWatch()
    monkeypatch.setattr(watch, "_cap", 3)  # three watches: the rest of the slot is stat'ed every time
    slot, holds, known = _quiet_slot(tmp_path, watch)
    assert len(watch.slot(slot).folders) <= 3  # type: ignore[union-attr]
    (slot / "care/wishes/a/evil.html").write_text("x")
    (slot / "media/p/evil.html").write_text("x")
    sweep(slot, holds, known, fs_clock(tmp_path), watch=watch.slot(slot))
    assert not (slot / "care/wishes/a/evil.html").exists() and not (slot / "media/p/evil.html").exists()
