"""One build at a time per output folder: a lock file beside it, naming the holder.

Two builds into one output folder (two terminals, or `serve` rebuilding while `build` is typed)
would share one shadow folder and swap in a mix. Every build takes this lock first. It is a POSIX
record lock (fcntl.lockf) on `LOCKFILE`: the kernel drops it when its holder dies, so a lock left
by a killed build is stale by construction and simply taken over; the file itself only tells the
next build who holds it (PID and start time) for the message. Record locks belong to a process and
are not inherited by forked children, so the render workers and the background deleter of
write/slots.py never keep a dead build's lock alive. Threads of one process (a library user
building twice at once) are kept apart by a per-path threading lock.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path
from typing import Final

LOCKFILE: Final = "lock"
_POLL: Final = 0.1  # seconds between attempts while another build holds the lock

# Per-process: which output folders this process is building now (POSIX record locks do not keep
# two threads of one process apart). Guarded by _GUARD; entries live only while a build runs.
_GUARD = threading.Lock()
_THREADS: dict[str, threading.Lock] = {}
_STARTED: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds the lock: enough for a user to recognise the other build."""

    pid: int
    started: str  # ISO time, UTC, as the holder wrote it


class OutputBusy(Exception):
    """Another build kept the output folder locked for longer than we were willing to wait."""

    def __init__(self, holder: Holder | None) -> None:
        self.holder = holder
        super().__init__(f"locked by {holder}")


def _read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        return Holder(pid=int(data["pid"]), started=str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a byte-range lock, also dropped by the system when its holder dies
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        # Held elsewhere: EACCES or EAGAIN. Anything else (ENOLCK on a share without locking) means
        # this folder cannot be locked at all: build unlocked rather than wait for nobody.
        return e.errno not in (errno.EACCES, errno.EAGAIN)
    return True


@contextmanager
def output_lock(lock_dir: Path, wait: float, waiting: Callable[[Holder | None], None] | None = None,
                out: Path | None = None) -> Iterator[None]:
    """Hold the lock of one output folder for the duration of the block.

    `lock_dir` is the output folder's own cache folder (created if missing). When another process
    holds the lock, `waiting` is called once with its holder and the lock is tried again every
    0.1 s for `wait` seconds; then OutputBusy is raised and nothing was touched. When the block raises,
    `lock_dir` was made here and the output folder `out` (a site's) is not there, the build was a first one
    that stopped before anything went in: `lock_dir` is removed whole, lock and staged files with it.
    """
    made = not lock_dir.exists()
    lock_dir.mkdir(parents=True, exist_ok=True)
    path = lock_dir / LOCKFILE
    key = str(path.resolve())
    with _GUARD:
        thread_lock = _THREADS.setdefault(key, threading.Lock())
    deadline = time.monotonic() + wait
    told = False
    if not thread_lock.acquire(blocking=False):
        # Held by this very process: never open the lock file meanwhile, as closing any descriptor
        # of it would drop the holder's record lock.
        here = Holder(pid=os.getpid(), started=_STARTED.get(key, ""))
        if waiting is not None:
            waiting(here)
            told = True
        if not thread_lock.acquire(timeout=max(wait, 0.0)):
            raise OutputBusy(here)
    try:
        fd, made = _acquire(path, deadline, waiting, told, made)
        try:
            _STARTED[key] = datetime.now(UTC).isoformat(timespec="seconds")
            stamp = json.dumps({"pid": os.getpid(), "started": _STARTED[key]})
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, stamp.encode() + b"\n")
            yield
        except BaseException:
            _leave_nothing(lock_dir, path, made and out is not None and not out.exists())  # a first build stopped
            raise
        finally:
            os.close(fd)  # closing releases the record lock
    finally:
        thread_lock.release()


def _acquire(path: Path, deadline: float, waiting: Callable[[Holder | None], None] | None, told: bool,
             made: bool) -> tuple[int, bool]:
    """A descriptor of the lock file at `path` holding its record lock, and whether its folder was made
    by this build (`made`: it was not there when the build started); OutputBusy after `deadline`.

    A first build that stopped removes its lock file (`_leave_nothing`): a build that waited on that
    file then holds a lock on a file no one else can find. So the file locked must still be the one
    at `path` (the same device and inode), else it is opened and locked again, folder made anew, by
    this build then (made: a first build, which removes it when it stops in turn).
    """
    first = True
    while True:
        if not first:
            made = not path.parent.exists()
        first = False
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:  # a stopped first build removed the folder just now: make it again
            continue
        try:
            while not _try_lock(fd):
                if not told and waiting is not None:
                    waiting(_read_holder(path))
                    told = True
                if time.monotonic() >= deadline:
                    raise OutputBusy(_read_holder(path))
                time.sleep(_POLL)
            if _same_file(fd, path):
                return fd, made
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        there = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (held.st_dev, held.st_ino)


def _leave_nothing(lock_dir: Path, path: Path, first: bool) -> None:
    """When `first`, remove `lock_dir`, made by this lock: a first build stopped (a full disk) leaves no
    cache folder holding its lock and half a staged site (shadow/, shadow.dirty). Everything but the
    lock goes while it is held; then the lock file, then the folder only if it is empty: a build
    that made its own lock file there meanwhile keeps it (and its folder). What cannot be removed
    stays, and the next build uses or sweeps it as it would."""
    if not first:
        return
    try:
        entries = [entry for entry in lock_dir.iterdir() if entry.name != LOCKFILE]
    except OSError:
        return
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    try:
        path.unlink()
        lock_dir.rmdir()
    except OSError:
        return
