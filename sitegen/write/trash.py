"""Folders moved out of the way at once and deleted in the background, each deleted once.

A replaced output, an old shadow, a stage a street no longer needs: users wait for none of them.
Each is moved into a `trash-*` folder of the cache and deleted by a detached grandchild process
(runtime.in_background). A build that finds a `trash-*` folder (a deleter killed, a machine shut
down) deletes it in the background again, but not while its deleter is still at work: deleting the
10,000-record output a renewing build left (write/slots.py renewed) takes seconds, and each save of
those seconds under `serve` moved the folder again and forked one more deleter of the same tree
(22–60 ms a fork of a process holding the whole site, and two deleters racing).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from sitegen.runtime import in_background

BUSY: Final = "deleting"  # in a trash folder: locked (flock) by its deleter while it works

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the deletion runs in the build, nothing is left to find
    fcntl = None  # type: ignore[assignment]


def discard_later(folder: Path, trash_in: Path, linked: bool = False) -> None:
    """Move `folder` into a new `trash-*` folder of `trash_in` now and delete it in the background.

    `linked`: every file of it that has other links is unlinked here first (`unlink_linked`),
    for a folder whose files may be hard links of live ones that no record names (a community's old
    copy an assemble replaced: street/shard.py _put). Left to the background, each such unlink moved
    a live file's ctime after the build had stamped it (write/stamp.py).

    On POSIX a detached grandchild process deletes it, holding the trash folder's BUSY lock, taken
    here before the fork (a flock belongs to the open file, which the deleter inherits), so that
    `being_deleted` is true from the moment this returns; elsewhere it is deleted here and now, and
    so is a folder on another file system than `trash_in` (EXDEV: a print folder whose link points
    there, its stage beside it), which cannot be moved into it. Other OSErrors of the move as raised.
    """
    if not folder.exists():
        return
    trash_in.mkdir(parents=True, exist_ok=True)
    trash = Path(tempfile.mkdtemp(prefix="trash-", dir=trash_in))
    try:
        os.replace(folder, trash / "x")
    except FileNotFoundError:  # deleted meanwhile (the last build's background deletion of a trash folder)
        trash.rmdir()
        return
    except OSError as error:
        trash.rmdir()
        if error.errno != errno.EXDEV:
            raise
        shutil.rmtree(folder, ignore_errors=True)  # in the build: no trash folder of its own to find again
        return
    if linked:
        unlink_linked(trash / "x")
    busy = _locked(trash / BUSY)
    try:
        in_background(lambda: shutil.rmtree(trash, ignore_errors=True))
    finally:
        if busy is not None:
            os.close(busy)  # the deleter's inherited copy keeps the lock until it exits


def unlink_linked(folder: Path, names: Iterable[str] | None = None) -> None:
    """Unlink each file of `folder` that has other links: those of `names` (relative, "/"-separated),
    or, without names, every file under it (one listing a folder, never through a symbolic link).

    For a folder about to be deleted in the background whose files may be hard links of live ones
    (write/stamp.py): left to the background, each such unlink moved a live file's ctime after the
    build had stamped it, and the next build, with nothing to do, built everything again. One lstat
    a file (about 2 µs); an unlink (about 10 µs) only where the file has other links. Never raises:
    what cannot be read or unlinked is left.
    """
    if names is None:
        names = (os.path.relpath(os.path.join(where, name), folder)
                 for where, _, files in os.walk(folder) for name in files)
    base = os.path.join(os.fspath(folder), "")
    for rel in names:
        try:
            if os.lstat(base + rel).st_nlink > 1:
                os.unlink(base + rel)
        except OSError:
            continue


def being_deleted(trash: Path) -> bool:
    """Whether a deleter is still at work on the trash folder `trash` (its BUSY lock is held)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(trash / BUSY, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _locked(path: Path) -> int | None:
    """A new descriptor of `path` holding an exclusive flock, or None where there is none."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd
