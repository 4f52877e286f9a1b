"""Under `serve`: the kernel says which folders of a slot changed, so a sweep stats only those.

A sweep (write/slots.py) looks at every folder of a slot for entries a hand added: one lstat each
(7,773 folders at 1,000 generated records, some 80 ms of each save's rebuild on the 2-core bench
machine), each compared with what was recorded when it was last found clean. A long-lived process can
ask Linux instead (inotify(7)): a watch reports what is done to its folder, whoever does it, in the
order done, queued by the kernel as it is done. So a folder watched before it was found as recorded,
with no event since, still holds what was recorded: the next sweep need not stat it.

Folders: adding, removing or renaming an entry always goes through the folder that holds it, so its
watch sees it. The watched folder is still the one at its path while it was neither moved nor
deleted (its own IN_MOVE_SELF, IN_DELETE_SELF: a folder can be put in place of another only by moving
or deleting that one) and no folder above it was: a sweep skips a quiet folder only when each
folder above it was skipped as quiet or found as recorded by its lstat, or was listed with the
quiet folder's name on its recorded inode (slots.sweep: `trusted`
chains down from the slot's top, which is always listed).

Files are not watched: reuse (write/assembly.py) stats every kept file. A write through a shared
writable mapping (mmap) reaches the file with no event at all, the open that made the mapping possibly
long before the watch (i-break12): only the file's own change time tells.

A queue that overflowed forgets everything quiet; a watch that cannot be added (no inotify, the
user's watches used up: fs.inotify.max_user_watches, of which one process takes half at most)
leaves its folder to the lstat.
Watches follow inodes, not paths: the output and its shadow are exchanged after every build, so
what is quiet is kept per slot tree, named by its top folder's (device, inode).
"""

from __future__ import annotations

import errno
import os
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from inotify_simple import INotify

# the event bits of <sys/inotify.h>, the same on every Linux architecture (inotify_simple.flags)
_IN_ATTRIB: Final = 0x004
_IN_MOVED_FROM: Final = 0x040
_IN_MOVED_TO: Final = 0x080
_IN_CREATE: Final = 0x100
_IN_DELETE: Final = 0x200
_IN_DELETE_SELF: Final = 0x400
_IN_MOVE_SELF: Final = 0x800
_IN_Q_OVERFLOW: Final = 0x4000
_IN_IGNORED: Final = 0x8000  # the watch is gone (its folder deleted)
_IN_ONLYDIR: Final = 0x01000000
_IN_DONT_FOLLOW: Final = 0x02000000
# what changes a folder's entries or its own (inode, mtime, ctime); a file written in place is not asked
_MASK: Final = (_IN_ATTRIB | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE | _IN_DELETE_SELF
                | _IN_MOVE_SELF | _IN_ONLYDIR | _IN_DONT_FOLLOW)

Tree = tuple[int, int]  # a slot tree: its top folder's (st_dev, st_ino)


def _inotify() -> INotify | None:
    """A non-blocking inotify instance (inotify_simple: the kernel's calls, through ctypes), or None
    off Linux, without the library, or when the kernel gives none (the user's instances used up)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        from inotify_simple import INotify

        return INotify(nonblocking=True)
    except (ImportError, OSError, AttributeError):  # AttributeError: a C library without inotify_init1
        return None


def _watch_cap() -> int:
    """Half of fs.inotify.max_user_watches (8,192 where it cannot be read, the old kernels' value)."""
    try:
        with open("/proc/sys/fs/inotify/max_user_watches", encoding="ascii") as limit:
            return int(limit.read()) // 2
    except (OSError, ValueError):
        return 8192 // 2


class FolderWatch:
    """One inotify instance for every slot a process builds into (`slot` gives one slot's view).

    A folder `rel` of a slot tree is quiet when it was watched before it was found clean
    (as recorded) and no event came for it since. Without inotify nothing is ever quiet: sweeps
    stat as before.
    """

    def __init__(self) -> None:
        self._inotify = _inotify()
        # watch descriptor → what it was added for: a folder may be one inode under several names and slots
        self._where: dict[int, set[tuple[Tree, str]]] = {}
        self._quiet: dict[Tree, set[str]] = {}
        self._full = False  # the user's watches are used up: none is asked for again
        self._cap = _watch_cap()  # at most half the user's watches: editors and other watchers keep theirs
        if self._inotify is not None:
            weakref.finalize(self, self._inotify.close)

    @property
    def works(self) -> bool:
        """Whether folders can be watched at all (Linux, an inotify instance to spare)."""
        return self._inotify is not None

    def slot(self, folder: Path) -> SlotWatch | None:
        """The view of the slot tree at `folder` after every event queued so far is taken; None
        without inotify or when `folder` cannot be stat'ed."""
        if self._inotify is None:
            return None
        try:
            top = os.lstat(folder)
        except OSError:
            return None
        self._drain()
        tree = (top.st_dev, top.st_ino)
        return SlotWatch(self, tree, os.path.join(os.fspath(folder), ""), self._quiet.setdefault(tree, set()))

    def arm(self, tree: Tree, path: str, rel: str) -> bool:
        """Watch the folder at `path`, `rel` of its `tree`, before it is looked at; False when it
        cannot be watched (it may then never be skipped)."""
        if self._inotify is None or self._full or len(self._where) >= self._cap:
            return False
        try:
            wd = self._inotify.add_watch(path, _MASK)
        except OSError as e:
            if e.errno == errno.ENOSPC:  # max_user_watches reached
                self._full = True
            return False
        self._where.setdefault(wd, set()).add((tree, rel))
        return True

    def _drain(self) -> None:
        """Take every queued event: each makes what its watch was added for unquiet; an overflow, all."""
        if self._inotify is None:
            return
        while True:
            try:
                events = self._inotify.read(timeout=0)
            except OSError:
                self._forget()
                return
            if not events:
                return
            for event in events:
                if event.mask & _IN_Q_OVERFLOW:
                    self._forget()
                    continue
                for tree, rel in self._where.pop(event.wd, ()) if event.mask & _IN_IGNORED else self._where.get(event.wd, ()):
                    self._quiet[tree].discard(rel)

    def _forget(self) -> None:
        for quiet in self._quiet.values():
            quiet.clear()


@dataclass(frozen=True, slots=True)
class SlotWatch:
    """One slot tree's quiet folders (its sweep's), and how to watch more."""

    watch: FolderWatch
    tree: Tree
    base: str  # the slot's folder, ending in a separator
    folders: set[str]

    def arm_folder(self, rel: str) -> bool:
        """Watch folder `rel` before it is looked at (FolderWatch.arm)."""
        return self.watch.arm(self.tree, self.base + rel, rel)
