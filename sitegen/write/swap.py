"""Build into a fresh folder beside the output and swap it in only when complete.

A failed build, or one killed with SIGKILL at any moment, leaves the previous output byte for
byte as it was: on Linux the two folders are exchanged in one atomic renameat2(RENAME_EXCHANGE);
elsewhere two renames, and the next build restores the old folder if a kill fell between them.
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
    return result == 0


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


def new_stage(out: Path) -> Path:
    """A fresh folder on the same disk as the output, so the swap is a rename, never a copy."""
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.stage-", dir=out.parent))


def swap_in(stage: Path, out: Path) -> None:
    """Make `stage` the output; the old output is removed only once the new one is in place."""
    if out.exists() and _exchange(stage, out):
        shutil.rmtree(stage, ignore_errors=True)  # it now holds the old output
        return
    if not out.exists():
        stage.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        stage.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def discard(stage: Path) -> None:
    shutil.rmtree(stage, ignore_errors=True)
