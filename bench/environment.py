"""The environment every measured command runs in."""

from __future__ import annotations

import os
import time


def run_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a measured command runs in: this one, with bytecode caching on as in an
    installed sitegen (pip compiles a wheel's modules). A shell with PYTHONDONTWRITEBYTECODE set
    would make every run of an editable checkout compile sitegen from source (≈ 0.1 s a run)."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, **(extra or {})}


def pinned_clock() -> int:
    """Pin sitegen's clock for every build of this bench run (SOURCE_DATE_EPOCH, sitegen/options.py): the
    time now, unless the caller pinned one already. The seconds since the epoch, as pinned.

    "No change" must mean no change: a page due to change with the date (an activity that has begun since
    the build before) makes a rebuild do real work, as it should. A district's cold build takes half an
    hour; its "no change" rebuild met activities begun meanwhile and rebuilt 40 communities and more
    (2026-12-02: after a 1,689 s cold build, still at it five minutes on)."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if pinned is None or not pinned.isdigit():
        pinned = str(int(time.time()))
        os.environ["SOURCE_DATE_EPOCH"] = pinned
    return int(pinned)
