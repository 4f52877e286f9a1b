"""The community build caches a street build holds between checking a community and building it."""

from __future__ import annotations

from pathlib import Path

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache, CacheDamaged, State

HELD = 2  # checked communities whose caches stay in memory for their builds (the rest are saved and read again)


def hold(caches: dict[str, BuildCache], slug: str, cache: BuildCache | None, out: Path, options: Options) -> None:
    """Hold a checked community's cache for its build, or save it (`keep`) when HELD are held already:
    a cold street holds no more than HELD caches at once, so memory grows with the largest community."""
    if cache is None:
        return
    if len(caches) < HELD:
        caches[slug] = cache
    else:
        keep(cache, out, options)


def last_cache(out: Path, options: Options) -> BuildCache | None:
    """The community's build cache as its last build left it, to check only the files that changed
    (read, never saved here: its build loads and updates it); None when there is none to trust."""
    if not options.use_cache:
        return None
    try:
        return BuildCache.load(out, pipeline.cache_key(options), options.cache_folder)
    except CacheDamaged:
        return None


def keep(cache: BuildCache, out: Path, options: Options) -> None:
    """Save what checking parsed and validated when the street is not built (a problem somewhere),
    for the next try to reuse. Only the content caches changed (they are keyed by file size, mtime
    and digest); the last build's state is kept as it was."""
    try:
        state = State.load(out, options.cache_folder)
    except CacheDamaged:
        return
    cache.save(out, state, options.cache_folder)
