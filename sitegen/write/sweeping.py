"""The sweep of a slot: nothing a hand put into the output or its shadow is carried into the next site.

Split from write/slots.py (which re-exports `sweep` and `Dirs`): a folder known clean from the
sweep before is stat'ed instead of listed, and under `serve` one whose watch stayed quiet is not
even stat'ed (write/folderwatch.py).
"""

from __future__ import annotations

import os
import shutil
import stat
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
    found clean (as recorded, or listed) is quiet from then on; a known folder whose watch stayed
    quiet is not even stat'ed when every folder above it was skipped so, found as recorded, or listed
    with its name naming the folder's recorded inode (a page rewritten in `activities/` lists that
    folder, not the hundreds of record folders below it)."""
    base, quiet = watch.base, watch.folders
    clean: Dirs = {}
    lstat, was, subfolders = os.lstat, known.get, subs.get
    pending: list[tuple[str, bool]] = [("", False)]  # (folder, every folder above it skipped or as recorded)
    pop = pending.pop
    while pending:
        rel, trusted = pop()
        if trusted and rel in quiet and (recorded := was(rel)) is not None:
            clean[rel] = recorded
            pending += [(sub, True) for sub in subfolders(rel, ())]
            continue
        quiet.discard(rel)
        armed = bool(rel) and watch.arm_folder(rel)  # before it is looked at: no change missed
        try:
            info = lstat(base + rel)
        except OSError:
            continue
        mark = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
        if rel and was(rel) == mark and info.st_mode & _FILE_TYPE == _FOLDER:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
            pending += [(sub, True) for sub in subfolders(rel, ())]
            continue
        listed = _list(base + rel, files.get(rel, set()), subs.get(rel, []))
        if listed is None:
            continue
        # listed: a name still holds the folder found clean under it when it names that folder's inode (the
        # recorded one); a quiet watch then says the folder is as it was (a folder's inode is its own while it
        # lives, and its watch reports its moving or deletion). Another inode: stat'ed and listed as found.
        pending += [(sub, (recorded := was(sub)) is not None and recorded[0] == inode) for sub, inode in listed[0]]
        if rel and not listed[1] and info.st_mode & _FILE_TYPE == _FOLDER and info.st_ctime_ns < settled:
            clean[rel] = mark
            if armed:
                quiet.add(rel)
    return clean
