"""The mode, size, mtime and ctime of many entries of one folder, at little more than the cost of the system calls.

`os.stat` builds a `stat_result` for every call: some twenty Python objects, its three times each
as a float and as nanoseconds made by big-integer arithmetic. A street's rebuild with nothing to do
stats about 6,000 entries a community (write/stamp.py), and on the 2-core bench machine that
building cost as much CPU as the fstatat(2) itself. Here the C library's `fstatat` is called
through ctypes by `map` over the names, each call writing into its own slot of one zeroed buffer,
and the four fields are cut out of the buffer as strided memoryviews: no Python object an entry
besides the call's own arguments.

Where this is safe: `struct stat` has a fixed layout per kernel ABI (Linux x86_64 and aarch64
below, as in glibc's and musl's <bits/stat.h>), and `FastStat.open` checks it once per process
against `os.stat` of a real folder; elsewhere, or when the C library has no `fstatat` symbol
(glibc before 2.33), or when that check fails, it gives None and the caller uses `os.stat`.
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Final

_NOFOLLOW: Final = 0x100  # AT_SYMLINK_NOFOLLOW, the same on every Linux architecture


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where the fields are in one `struct stat`: its size and the byte offset of each field."""

    size: int
    mode: int  # unsigned 32 bits
    length: int  # st_size, signed 64 bits
    mtime: int  # st_mtim: seconds then nanoseconds, signed 64 bits each
    ctime: int  # st_ctim, the same


# The kernel's `struct stat` of each ABI (arch/x86/include/uapi/asm/stat.h; the generic
# include/uapi/asm-generic/stat.h for aarch64), which glibc's and musl's fstatat fill as it is.
_LAYOUTS: Final = {
    "x86_64": _Layout(size=144, mode=24, length=48, mtime=88, ctime=104),
    "aarch64": _Layout(size=128, mode=16, length=48, mtime=88, ctime=104),
}


class FastStat:
    """fstatat of many names relative to one open folder, the fields as packed columns (module docstring)."""

    def __init__(self, function: Callable[..., int], layout: _Layout) -> None:
        self._fstatat, self._layout = function, layout
        # Scratch space kept between calls (a street worker stamps community after community): the
        # buffer and a pointer object to each of its slots, made once for the largest count asked;
        # one caller at a time uses it (the lock), any other gets a buffer of its own.
        self._buffer: ctypes.Array[ctypes.c_char] = (ctypes.c_char * 0)()
        self._slots: list[ctypes.c_void_p] = []
        self._lock = threading.Lock()

    @staticmethod
    @cache
    def open() -> FastStat | None:
        """The one of this process, or None where the layout is unknown or does not check out."""
        layout = _LAYOUTS.get(platform.machine()) if sys.platform.startswith("linux") else None
        if layout is None or sys.byteorder != "little":
            return None
        try:
            function = ctypes.CDLL(None).fstatat  # errno is never read: not saved around each call
        except (OSError, AttributeError):
            return None
        found = FastStat(function, layout)
        return found if found._checks_out() else None

    def columns(self, fd: int, names: Sequence[bytes]) -> bytes:
        """Each name's (mode, size, mtime, ctime) relative to the folder open as `fd`, never through a
        symbolic link, as columns: every mode (4 bytes), then every size, mtime seconds, mtime
        nanoseconds, ctime seconds, ctime nanoseconds (8 bytes each), in the machine's byte order.
        A name that is not there (or cannot be stat'ed) has all six 0: no entry has mode 0."""
        count = len(names)
        if not self._lock.acquire(blocking=False):  # another thread is stamping (or a fork copied the lock
            return self._columns(fd, names, *self._scratch(count))  # taken): a buffer of its own, never a wait
        try:
            if count > len(self._slots):
                self._buffer, self._slots = self._scratch(count)
            else:
                ctypes.memset(self._buffer, 0, self._layout.size * count)  # a failed call leaves its slot 0
            return self._columns(fd, names, self._buffer, self._slots)
        finally:
            self._lock.release()

    def _scratch(self, count: int) -> tuple[ctypes.Array[ctypes.c_char], list[ctypes.c_void_p]]:
        """A zeroed buffer of `count` slots and a pointer object to each."""
        size = self._layout.size
        buffer = (ctypes.c_char * (size * count))()
        base = ctypes.addressof(buffer)
        return buffer, list(map(ctypes.c_void_p, range(base, base + size * count, size)))

    def _columns(self, fd: int, names: Sequence[bytes], buffer: ctypes.Array[ctypes.c_char],
                 slots: list[ctypes.c_void_p]) -> bytes:
        layout, count = self._layout, len(names)
        deque(map(self._fstatat, repeat(fd, count), names, slots, repeat(_NOFOLLOW, count)), maxlen=0)
        with memoryview(buffer) as whole:
            words = whole.cast("B")[:layout.size * count]
            longs, ints = words.cast("q"), words.cast("I")
            step, half = layout.size // 8, layout.size // 4
            parts = [ints[layout.mode // 4::half]]
            parts += [longs[offset // 8::step] for offset in (layout.length, layout.mtime, layout.mtime + 8,
                                                              layout.ctime, layout.ctime + 8)]
            return b"".join(part.tobytes() for part in parts)

    def _checks_out(self) -> bool:
        """The layout read back equals os.stat of this module's own file (mode, size, both times in ns):
        a file nothing writes to while sitegen runs."""
        folder, name = os.path.split(os.path.abspath(__file__))
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            return False
        try:
            expected = os.stat(name, dir_fd=fd, follow_symlinks=False)
            raw = self.columns(fd, [os.fsencode(name)])
        except (OSError, ValueError, TypeError, ctypes.ArgumentError):
            return False
        finally:
            os.close(fd)
        mode = int.from_bytes(raw[:4], sys.byteorder)
        values = [int.from_bytes(raw[4 + 8 * i:12 + 8 * i], sys.byteorder, signed=True) for i in range(5)]
        seen = (mode, values[0], values[1] * 10**9 + values[2], values[3] * 10**9 + values[4])
        return seen == (expected.st_mode, expected.st_size, expected.st_mtime_ns, expected.st_ctime_ns)
