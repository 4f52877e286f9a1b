"""Under `serve`: the kernel says which folders of a slot changed, so a sweep stats only those.

A sweep (write/slots.py) looks at every folder of a slot for entries a hand added: one lstat per
folder (7,773 at 1,000 generated records, about 40 ms of each save's rebuild on the 2-core bench
machine), each compared with the (inode, mtime, ctime) recorded when the folder was last found clean.
A long-lived process can ask Linux instead (inotify(7)): a watch on a folder reports every entry
created, deleted, moved in or out, and every change of the folder's own attributes, whoever makes
it, in the order made, queued by the kernel as the change is made. So a folder watched before it
was found clean, with no event since, still holds what it held then: a later sweep need not stat it.

Adding, removing or renaming an entry always goes through the folder that holds it, so its watch
sees it (unlike a write into a file, which may go through any hard link: files are still compared
by their stats, write/assembly.py). The watched folder is still the one at its path while it was
neither moved nor deleted (its own IN_MOVE_SELF, IN_DELETE_SELF: a folder can be put in place of
another only by moving or deleting that one) and no folder above it was: a sweep skips a quiet
folder only when each folder above it was skipped as quiet or found as recorded by its lstat
(slots.sweep: `trusted` chains down from the slot's top, which is always listed). A queue that
overflowed forgets every quiet folder; a watch that cannot be added (no inotify, the user's
watches used up) leaves its folder to the lstat.

Watches follow inodes, not paths: the output and its shadow are exchanged after every build, so
quiet folders are kept per slot tree, named by its top folder's (device, inode).
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import weakref
from functools import cache
from typing import Final

# <sys/inotify.h>, the same on every Linux architecture
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
_IN_NONBLOCK: Final = 0o4000
_IN_CLOEXEC: Final = 0o2000000
# what changes a folder's entries or its own (inode, mtime, ctime); a file written in place is not asked
_MASK: Final = (_IN_ATTRIB | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE | _IN_DELETE_SELF
                | _IN_MOVE_SELF | _IN_ONLYDIR | _IN_DONT_FOLLOW)
_EVENT: Final = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len (then len bytes of name)

Tree = tuple[int, int]  # a slot tree: its top folder's (st_dev, st_ino)


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.inotify_init1, libc.inotify_add_watch  # noqa: B018 - present (glibc 2.9 on, musl)
    except (OSError, AttributeError):
        return None
    return libc


class FolderWatch:
    """One inotify instance for every slot a process builds into; `quiet(tree)` after draining it.

    `quiet(tree)[rel]` is present when the folder `rel` of `tree` was watched before a sweep found it
    clean and no event came for it since. Without inotify every set stays empty: sweeps stat as before.
    """

    def __init__(self) -> None:
        libc = _libc()
        fd = libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC) if libc is not None else -1
        self._fd: int | None = fd if fd >= 0 else None
        self._add = libc.inotify_add_watch if libc is not None else None
        self._where: dict[int, tuple[Tree, str]] = {}  # watch descriptor → the folder it was added for
        self._quiet: dict[Tree, set[str]] = {}
        self._full = False  # the user's watches are used up: none is asked for again
        if self._fd is not None:
            weakref.finalize(self, os.close, self._fd)

    @property
    def works(self) -> bool:
        """Whether folders can be watched at all (Linux, an inotify instance to spare)."""
        return self._fd is not None

    def quiet(self, tree: Tree) -> set[str]:
        """The folders of `tree` quiet since they were found clean, after every event queued so far
        is taken: a sweep skips those (below a clean folder), takes out each one it looks at, and
        puts back those it finds clean (`arm` first)."""
        self._drain()
        return self._quiet.setdefault(tree, set())

    def arm(self, tree: Tree, path: str, rel: str) -> bool:
        """Watch the folder at `path` (folder `rel` of `tree`) before it is looked at; False when it
        cannot be watched (it may then never be skipped)."""
        if self._fd is None or self._add is None or self._full:
            return False
        wd = self._add(self._fd, os.fsencode(path), _MASK)
        if wd < 0:
            if ctypes.get_errno() == 28:  # ENOSPC: max_user_watches reached
                self._full = True
            return False
        self._where[wd] = (tree, rel)
        return True

    def _drain(self) -> None:
        """Take every queued event: each makes its folder unquiet; an overflow, all of them."""
        if self._fd is None:
            return
        while True:
            try:
                data = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                return
            except OSError:
                self._quiet.clear()
                return
            offset = 0
            while offset < len(data):
                wd, mask, _, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size + length
                if mask & _IN_Q_OVERFLOW:
                    self._quiet.clear()
                    continue
                where = self._where.pop(wd, None) if mask & _IN_IGNORED else self._where.get(wd)
                if where is not None:
                    self._quiet.get(where[0], set()).discard(where[1])
