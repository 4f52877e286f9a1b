"""Which of a build's two folders a build that raised had already swapped in.

A build (pipeline.build, a site's or a street community's) swaps its web folder in, then its print
folder, then saves what the next build reuses; should anything stop it after the first swap, what it
says must still be true: the new site is live, and its print folder is the new one or the old. A swap
exchanges the folder in whole: the folder at that path is another one afterwards (its device and
inode), so comparing them before and after tells.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def told_if_swapped(build: Callable[[], T], web: Path, printed: Path, swapped: Callable[[bool], None] | None) -> T:
    """`build()`; should it raise after the `web` folder was swapped in, `swapped(the printed folder was
    swapped in too)` is told before the error goes on."""
    before = (_identity(web), _identity(printed))
    try:
        return build()
    except BaseException:
        if swapped is not None and _identity(web) != before[0]:
            swapped(_identity(printed) != before[1])
        raise
