"""Swap two folders as one step, and undo what a killed swap left.

On Linux the folders are exchanged by one atomic renameat2(RENAME_EXCHANGE); elsewhere by three
renames, and the next build restores the old output if a kill fell between them (recover()).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Final

_RENAME_EXCHANGE: Final = 2
_AT_FDCWD: Final = -100


@cache
def _renameat2() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders; False where the system cannot (then fall back to renames)."""
    function = _renameat2()
    if function is None:
        return False
    result = function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)  # type: ignore[operator]
    return bool(result == 0)


def exchange(a: Path, b: Path) -> None:
    """Swap two existing folders: atomically on Linux; elsewhere by three renames that recover() undoes."""
    if _exchange(a, b):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{b.name}.old-", dir=b.parent))
    old.rmdir()
    b.rename(old)
    try:
        a.rename(b)
    except BaseException:
        old.rename(b)
        raise
    old.rename(a)


def _siblings(out: Path, kind: str) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"))


def recover(out: Path) -> None:
    """Undo what a killed build left: restore an output caught between renames, drop stale stages."""
    old = _siblings(out, "old")
    if not out.exists() and old:
        old[-1].rename(out)
        old = old[:-1]
    for leftover in [*old, *_siblings(out, "stage")]:
        shutil.rmtree(leftover, ignore_errors=True)
