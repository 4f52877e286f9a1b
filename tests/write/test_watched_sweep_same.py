"""The watched sweep (write/sweeping.py _watched_sweep) takes every quiet folder as clean at once and
looks only at the others; it must decide exactly what a walk from the top decides. `_walked` below is
that walk, as the sweep was written before (c. 63c4d68): both run on twin slots, after the same hands,
and must leave the same entries on disk, find the same folders clean (each with its own record or
its own new mark), and leave the same folders quiet."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.folderwatch import FolderWatch, SlotWatch
from sitegen.write.slots import MANIFEST, fs_clock
from sitegen.write.sweeping import _FILE_TYPE, _FOLDER, Dirs, _list, _watched_sweep
from sitegen.write.tree import folder_tree
from tests.write.test_folder_watch import MORE
from tests.write.test_sweep import HANDS, TICK, _entries
from tests.write.test_sweep import SITE as HANDS_SITE

pytestmark = pytest.mark.skipif(not FolderWatch().works, reason="no inotify here")

# tests/write/test_sweep.py's SITE (its hands' paths) and more: folders three and four levels down, quiet ones below
# folders that change, and two folders whose names can be exchanged
SITE = {
    **HANDS_SITE, "index.html": b"home", "activities/index.html": b"list", "activities/a/index.html": b"a",
    "activities/b/index.html": b"b", "activities/b/poster/index.html": b"b poster", "activities/c/index.html": b"c",
    "care/index.html": b"care", "care/activities/a/index.html": b"care a", "care/activities/b/index.html": b"care b",
    "zh-hant/care/activities/a/index.html": b"hant care a", "zh-hant/care/activities/b/index.html": b"hant care b",
    "media/p/w640.jpg": b"jpeg", "media/q/w640.jpg": b"jpeg q", "tags/t/index.html": b"tag",
}


def _walked(watch: SlotWatch, files: dict[str, set[str]], subs: dict[str, list[str]], known: Dirs,
            settled: int) -> Dirs:
    """The watched sweep as a walk from the top, one folder at a time (the reference)."""
    base, quiet = watch.base, watch.folders
    clean: Dirs = {}
    pending: list[tuple[str, bool]] = [("", False)]
    while pending:
        rel, trusted = pending.pop()
        if trusted and rel in quiet and (recorded := known.get(rel)) is not None:
            clean[rel] = recorded
            pending += [(sub, True) for sub in subs.get(rel, ())]
            continue
        quiet.discard(rel)
        armed = bool(rel) and watch.arm_folder(rel)
        try:
            info = os.lstat(base + rel)
        except OSError:
            continue
        mark = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        if rel and known.get(rel) == mark and info.st_mode & _FILE_TYPE == _FOLDER:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
            pending += [(sub, True) for sub in subs.get(rel, ())]
            continue
        listed = _list(base + rel, files.get(rel, set()), subs.get(rel, []))
        if listed is None:
            continue
        pending += [(sub, (recorded := known.get(sub)) is not None and recorded[0] == inode) for sub, inode in listed[0]]
        if rel and not listed[1] and info.st_mode & _FILE_TYPE == _FOLDER and info.st_ctime_ns < settled:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
    return clean


def _exchanged(f: Path, one: str, other: str) -> None:
    """Two folders' names exchanged: each name now names the other folder (the other inode)."""
    os.rename(f / one, f / "swap-tmp")
    os.rename(f / other, f / one)
    os.rename(f / "swap-tmp", f / other)


def _rewritten(f: Path, rel: str) -> None:
    """A file replaced as a build replaces it (unlinked, created): its folder hears of it."""
    (f / rel).unlink()
    (f / rel).write_bytes(SITE[rel])


def _file_for_folder(f: Path, rel: str) -> None:
    shutil.rmtree(f / rel)
    (f / rel).write_text("x")


# what a hand (or a build) does between two sweeps; each is done to both twins
STEPS: list[tuple[str, Callable[[Path], object]]] = [
    ("nothing", lambda f: None),
    ("a page rewritten", lambda f: _rewritten(f, "activities/index.html")),
    ("a page rewritten three levels down", lambda f: _rewritten(f, "zh-hant/care/activities/b/index.html")),
    ("two record folders exchanged", lambda f: _exchanged(f, "activities/a", "activities/c")),
    ("two folders with folders below exchanged", lambda f: _exchanged(f, "care/activities", "zh-hant/care/activities")),
    ("a record folder deleted", lambda f: shutil.rmtree(f / "activities/b")),
    ("a top folder deleted", lambda f: shutil.rmtree(f / "care")),
    # the folders below a folder moved away hear nothing: quiet still, they are no longer in the slot
    ("a folder with a folder below moved out of the slot", lambda f: os.rename(f / "activities/b", f.parent / "b")),
    ("a top folder moved out of the slot", lambda f: os.rename(f / "zh-hant", f.parent / "zh-hant")),
    ("a file in place of a folder", lambda f: _file_for_folder(f, "activities/b")),
    ("a file in place of a folder with folders below", lambda f: _file_for_folder(f, "zh-hant/care")),
    ("a folder's mode changed", lambda f: os.chmod(f / "activities/a", 0o700)),
    *[(name, hand) for name, hand, _ in HANDS + MORE if "overflow" not in name],
]


def _twin(folder: Path) -> tuple[dict[str, str], FolderWatch]:
    folder.mkdir(parents=True)
    holds = {rel: hashlib.sha256(data).hexdigest() for rel, data in SITE.items()}
    for rel, data in SITE.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    (folder / MANIFEST).write_text("".join(f"{sha}  {rel}\n" for rel, sha in sorted(holds.items())), "utf-8")
    return holds, FolderWatch()


def _swept(sweeper: Callable[..., Dirs], folder: Path, watch: FolderWatch, holds: dict[str, str], known: Dirs,
           clock: Path) -> Dirs:
    files, subs = folder_tree(holds)
    slot = watch.slot(folder)
    assert slot is not None
    return sweeper(slot, files, subs, known, fs_clock(clock))


def _same(tmp_path: Path, steps: list[Callable[[Path], object]]) -> None:
    """Sweep twin slots (the walk on one, the sweep on the other) twice to quiet them, then after each
    step, and compare them after every sweep."""
    walked, swept = tmp_path / "walked" / "slot", tmp_path / "swept" / "slot"  # a hand may use the folder above
    holds, watch_w = _twin(walked)
    _, watch_s = _twin(swept)
    time.sleep(TICK)
    known_w: Dirs = {}
    known_s: Dirs = {}
    for step in [lambda f: None, lambda f: None, *steps]:
        step(walked)
        step(swept)
        time.sleep(TICK)
        clean_w = _swept(_walked, walked, watch_w, holds, known_w, tmp_path)
        clean_s = _swept(_watched_sweep, swept, watch_s, holds, known_s, tmp_path)
        assert _entries(walked) == _entries(swept)
        assert clean_w.keys() == clean_s.keys()
        assert {rel for rel in clean_w if clean_w[rel] == known_w.get(rel)} == \
            {rel for rel in clean_s if clean_s[rel] == known_s.get(rel)}  # the same folders kept their record
        assert watch_w.slot(walked).folders == watch_s.slot(swept).folders  # type: ignore[union-attr]
        known_w, known_s = clean_w, clean_s


@pytest.mark.parametrize("step", [s for _, s in STEPS], ids=[n for n, _ in STEPS])
def test_one_step_is_swept_as_the_walk_sweeps_it(tmp_path: Path, step: Callable[[Path], object]) -> None:
    _same(tmp_path, [step])


SEQUENCES: list[tuple[str, list[str]]] = [
    ("a page rewritten, then nothing, then again", ["a page rewritten", "nothing", "a page rewritten"]),
    ("folders exchanged, then exchanged back", ["two record folders exchanged", "two record folders exchanged"]),
    ("a folder with folders below exchanged, then a page rewritten below it",
     ["two folders with folders below exchanged", "a page rewritten three levels down"]),
    ("a record folder deleted, then a file added beside it", ["a record folder deleted", "a file added"]),
]


@pytest.mark.parametrize("names", [n for _, n in SEQUENCES], ids=[n for n, _ in SEQUENCES])
def test_steps_in_turn_are_swept_as_the_walk_sweeps_them(tmp_path: Path, names: list[str]) -> None:
    by_name = dict(STEPS)
    _same(tmp_path, [by_name[name] for name in names])
