"""Which of a community's folders a build that raised had already swapped in (issue 14).

A community's build (pipeline.build) swaps its web folder `OUT/<slug>` in, then its print folder
`OUT-print/<slug>`, then keeps what the next build reuses; should anything stop it after the first
swap, the street must still name the community as holding the new build (and say when its print
folder may still be the old one). A swap exchanges the folder in whole: the folder at that path is
another one afterwards (its device and inode), so comparing them before and after tells.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

Swapped = Callable[[str, bool], None]  # (a community's slug, whether its print folder is in too) as its web folder is
T = TypeVar("T")


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def told_if_swapped(build: Callable[[], T], slug: str, web: Path, printed: Path, swapped: Swapped | None) -> T:
    """`build()`; should it raise after the community's `web` folder was swapped in, `swapped(slug, its
    `printed` folder was swapped in too)` is told before the error goes on."""
    before = (_identity(web), _identity(printed))
    try:
        return build()
    except BaseException:
        if swapped is not None and _identity(web) != before[0]:
            swapped(slug, _identity(printed) != before[1])
        raise


def left_stopped(out: Path) -> list[str]:
    """The communities a first street build into `out` (as typed: a link is followed, as the build does)
    left when it stopped part-way (write/slots.py stopped_street); [] when there are none."""
    from sitegen.pipeline.cache import cache_dir
    from sitegen.pipeline.inputs import absolute
    from sitegen.write.slots import stopped_street

    real = absolute(out)
    real = real.resolve() if real.is_symlink() else real
    return stopped_street(real, cache_dir(real))
