"""The sweep of a slot: nothing a hand put into the output or its shadow is carried into the next site.

Split from write/slots.py (which re-exports `sweep` and `Dirs`): a folder known clean from the
sweep before is stat'ed instead of listed, and under `serve` one whose watch stayed quiet is not
even stat'ed (write/folderwatch.py).
"""

from __future__ import annotations

import heapq
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from sitegen.write.folderwatch import SlotWatch
from sitegen.write.tree import Tree, folder_tree

_FILE_TYPE: Final = 0o170000  # the type bits of st_mode (stat.S_IFMT)
_FOLDER: Final = stat.S_IFDIR

Dirs = dict[str, tuple[int, int, int]]  # folder path in a slot → (inode, mtime ns, ctime ns) when known clean


def _remove(entry: os.DirEntry[str]) -> None:
    """Delete one foreign entry: a real folder with all it holds, anything else (a link too) itself."""
    try:
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)  # never follows a link inside
        else:
            os.unlink(entry.path)
    except OSError:
        pass


def _list(path: str, wanted: set[str], subfolders: list[str]) -> tuple[list[tuple[str, int]], bool] | None:
    """List one folder of a slot and delete what it should not hold: (the paths of the subfolders it
    should hold and does, each with the inode its entry names, whether anything was deleted); None
    when it cannot be listed."""
    try:
        with os.scandir(path) as listing:
            entries = list(listing)
    except OSError:
        return None
    folders = {sub.rpartition("/")[2]: sub for sub in subfolders}
    found, removed = [], False
    for entry in entries:
        name = entry.name
        if name in folders and entry.is_dir(follow_symlinks=False):
            found.append((folders[name], entry.inode()))
        elif not (name in wanted and entry.is_file(follow_symlinks=False)):
            _remove(entry)
            removed = True
    return found, removed


def sweep(folder: Path, holds: dict[str, str], known: Dirs | None = None, settled: int = 0,
          tree: Tree | None = None, watch: SlotWatch | None = None) -> Dirs:
    """Delete what a hand put into a slot: entries the manifest does not list, links, pipes, devices.

    A kept file is still compared by size and mtime before reuse (write/assembly.py); this removes
    what reuse never looks at. Returns the folders known clean now (see `known`), for the next
    sweep of this slot. `watch` (serve): see _watched_sweep.

    `known` (from the sweep before; trusted only for a slot whose manifest lists what the cache
    says it held, see Slots.prepare) lets a folder go unlisted, at one lstat instead of a listing:
    adding, removing, renaming or replacing an entry of a folder sets the folder's ctime to the
    file system's present (POSIX; ctime cannot be set back by hand, and a folder put in place of
    another has another inode). So a folder whose (inode, mtime, ctime) is still what was recorded
    when it was listed and held nothing foreign holds the same entries, and (its subfolders being
    real folders then) only its subfolders need looking at. `settled` is the file system's clock
    (fs_clock) read before the sweep began: only a folder whose ctime is earlier is recorded, so a
    change after the listing, even in the same tick of a coarse clock, stamps another ctime (the
    rule git uses for "racily clean" index entries). A folder this sweep cleaned is not recorded
    (its ctime is now); it is listed again next time. Files edited in place do not change their
    folder: reuse catches those by their own (size, mtime).
    """
    known = known or {}
    files, subs = tree if tree is not None else folder_tree(holds)
    if watch is not None:
        return _watched_sweep(watch, files, subs, known, settled)
    clean: Dirs = {}  # once per folder below (63,418 in output/ at 10,000 records): bound methods, no calls
    lstat, was, subfolders = os.lstat, known.get, subs.get
    base = os.path.join(os.fspath(folder), "")
    pending = [""]
    pop, extend = pending.pop, pending.extend
    while pending:
        rel = pop()
        try:
            info = lstat(base + rel)
        except OSError:
            continue
        mark = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        if rel and was(rel) == mark and info.st_mode & _FILE_TYPE == _FOLDER:
            clean[rel] = mark
            below = subfolders(rel)
            if below:
                extend(below)
            continue
        listed = _list(base + rel, files.get(rel, set()), subs.get(rel, []))
        if listed is None:
            continue
        extend([sub for sub, _ in listed[0]])
        if rel and not listed[1] and info.st_mode & _FILE_TYPE == _FOLDER and info.st_ctime_ns < settled:
            clean[rel] = mark
    return clean


def _watched_sweep(watch: SlotWatch, files: dict[str, set[str]], subs: dict[str, list[str]], known: Dirs,
                   settled: int) -> Dirs:
    """sweep with a watch (write/folderwatch.py): each folder looked at is watched first, and one
    found clean (as recorded, or listed) is quiet from then on. A known folder whose watch stayed quiet
    is taken as clean at once (_taken); the others are looked at top down, and what one of them finds
    decides the folders below it as a walk from the top would have (tests/write/test_watched_sweep_same.py):
    found as recorded by its lstat, the folders below it stand as taken; listed, those below it are as
    _below_listed says; not a folder, or gone, nothing below it is reached (a page rewritten in
    `activities/` lists that folder, not the hundreds of record folders below it)."""
    base, quiet = watch.base, watch.folders
    clean, todo = _taken(known, quiet, subs)
    lstat, was = os.lstat, known.get
    unreached: set[str] = set()
    while todo:
        rel = heapq.heappop(todo)
        if rel in unreached:
            continue
        quiet.discard(rel)
        armed = bool(rel) and watch.arm_folder(rel)  # before it is looked at: no change missed
        try:
            info = lstat(base + rel)
        except OSError:
            _unreach(subs, subs.get(rel, ()), clean, unreached)
            continue
        mark = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        if rel and was(rel) == mark and info.st_mode & _FILE_TYPE == _FOLDER:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
            continue  # the folders below: taken (quiet) or in `todo` already
        listed = _list(base + rel, files.get(rel, set()), subs.get(rel, []))
        if listed is None:
            _unreach(subs, subs.get(rel, ()), clean, unreached)
            continue
        # listed: a name still holds the folder found clean under it when it names that folder's inode (the
        # recorded one); a quiet watch then says the folder is as it was (a folder's inode is its own while it
        # lives, and its watch reports its moving or deletion). Another inode: stat'ed and listed as found.
        _below_listed(subs.get(rel, ()), dict(listed[0]), subs, clean, unreached, todo)
        if rel and not listed[1] and info.st_mode & _FILE_TYPE == _FOLDER and info.st_ctime_ns < settled:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
    return clean


def _taken(known: Dirs, quiet: set[str], subs: dict[str, list[str]]) -> tuple[Dirs, list[str]]:
    """The folders taken as clean without a look (quiet, recorded clean, in the tree still), each with
    its record, and the tree's other folders in path order (a heap: a folder before those below it).

    A save under serve at 10,000 records stirs a few dozen of the 63,418 folders of a slot; walking
    the quiet ones one at a time cost 55 ms of CPU a sweep, this 15 (60,008 folders; at 8,008: 4.9 and
    1.8 ms; 2 cores, loaded: python -m bench.sweep).
    The record is copied whole less the few others: copying is C's, and a set of every path built to
    intersect cost more than the walk it spares."""
    clean = dict(known)
    for rel in [rel for rel in known if rel not in quiet or rel not in subs]:
        del clean[rel]
    todo = [rel for rel in subs if rel not in clean]
    todo.sort()
    return clean, todo


def _below_listed(below: Iterable[str], inodes: dict[str, int], subs: dict[str, list[str]], clean: Dirs,
                  unreached: set[str], todo: list[str]) -> None:
    """What a folder's listing (`inodes`: the subfolders found, each with the inode its name names)
    decides of the folders `below` it: one missing is not reached (nor anything below it); one taken
    as clean whose name names another inode than its record's is looked at itself (pushed on `todo`)."""
    for sub in below:
        inode = inodes.get(sub)
        if inode is None:
            _unreach(subs, (sub,), clean, unreached)
        elif sub in clean and clean[sub][0] != inode:  # taken as clean, not looked at yet: its record
            del clean[sub]
            heapq.heappush(todo, sub)


def _unreach(subs: dict[str, list[str]], tops: Iterable[str], clean: Dirs, unreached: set[str]) -> None:
    """The folders `tops` and every folder below them are not reached by this sweep: none is clean."""
    pending = list(tops)
    while pending:
        rel = pending.pop()
        if rel not in unreached:
            unreached.add(rel)
            clean.pop(rel, None)
            pending.extend(subs.get(rel, ()))
