"""What a build reads, as (size, mtime) per file, and when its pages change with the date alone."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from typing import TYPE_CHECKING

from sitegen.load.files import stat_mark
from sitegen.paths import default_theme_dir

if TYPE_CHECKING:
    from sitegen.model.records import Model


def absolute(folder: Path) -> Path:
    """A content or output folder as an absolute path, symbolic links kept (os.path.abspath) after
    the last `..`: up to it the path is resolved (os.path.realpath), as the system reads `link/..`
    (where the link points, up one), not as abspath does (the folder holding the link).

    Input stats and parsed files are keyed by path, so `--content content`, `--content ./content/`
    and `--content /site/content` must name the same files, or the next build re-reads them all;
    and an output typed `.` has no name to put its cache folder beside it (pipeline/cache.py cache_dir).
    """
    parts = Path(folder).parts
    if ".." not in parts:
        return Path(os.path.abspath(folder))
    last = len(parts) - parts[::-1].index("..")
    return Path(os.path.realpath(Path(*parts[:last]))).joinpath(*parts[last:])


def real(content: Path) -> Path:
    """A content folder by where it is (os.path.realpath): reached through a symbolic link one time and
    directly the next, its files keep their keys and the second build has nothing to do; and `themes/`
    beside it is the one a site.yaml `theme: ../themes/NAME` reaches (pipeline/execute.py)."""
    return Path(os.path.realpath(content))


def input_roots(content: Path, extra: Iterable[str] = ()) -> list[Path]:
    """Every folder a build reads, absolute: the content, the default theme, `themes/` beside the
    content, and `extra` (a site's own theme found elsewhere, remembered from the last build)."""
    content = real(content)
    roots = [content, default_theme_dir(), content.parent / "themes", *map(absolute, map(Path, extra))]
    return [root for root in roots if root.is_dir()]


def outside_roots(content: Path, folder: Path | None) -> list[str]:
    """`folder` (a theme the build read) when no usual input root holds it: it must be watched too."""
    if folder is None:
        return []
    real = folder.resolve()
    if any(real.is_relative_to(root.resolve()) for root in input_roots(content)):
        return []
    return [str(real)]


def input_stats(content: Path, extra: Iterable[str] = ()) -> dict[str, tuple[int, int]]:
    """Every file under the input roots, with its size and modification time."""
    return folder_stats(input_roots(content, extra))


def folder_stats(roots: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every file under `roots` (hidden folders skipped), with its size and modification time.

    Links are followed to files (a link to a folder is neither listed nor entered, as os.walk does);
    an entry that cannot be read is left out. A street asks this of every community on every build,
    so the walk is os.scandir's own: each file one stat, its path joined in C.
    """
    stats: dict[str, tuple[int, int]] = {}
    for root in roots:
        if root.is_dir():
            _scan(os.fspath(root), stats)
    return stats


def _scan(folder: str, stats: dict[str, tuple[int, int]]) -> None:
    """Add every file under `folder` to `stats`: its files first, then each subfolder's, top down."""
    inner: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_dir():
                        if not entry.name.startswith(".") and not entry.is_symlink():
                            inner.append(entry.path)
                        continue
                    info = entry.stat()
                except OSError:
                    continue
                stats[entry.path] = stat_mark(info)
    except OSError:
        return
    for path in inner:
        _scan(path, stats)


def changes_at(model: Model) -> datetime:
    """The next moment a page changes although no file did: an activity stops being upcoming, or a
    new month starts (the home page counts this year and charts the last twelve months)."""
    zone = ZoneInfo(model.site.timezone)
    now = model.now.astimezone(zone)
    first = date(now.year + (now.month == 12), now.month % 12 + 1, 1)
    moments = [datetime.combine(first, time(), zone)]
    if model.dates_change_at is not None:  # a record's date comes, or a page dated by the build day turns a day older
        moments.append(model.dates_change_at)
    for activity in model.activities:
        if not activity.upcoming:
            continue
        if isinstance(activity.start, datetime):
            moments.append(activity.start.replace(tzinfo=zone))
        else:
            moments.append(datetime.combine(activity.start + timedelta(days=1), time(), zone))
    return min(moments)
