"""The whole flow in one place: load → validate → model → render → write. Nothing is written
until everything is known to be good, and then the new site replaces the old one whole."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sitegen.errors import ContentInvalid, Problem
from sitegen.load import load_content
from sitegen.model.build import build_model
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache
from sitegen.pipeline.inputs import changes_at, input_stats
from sitegen.validate.check import validate_content

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True, slots=True)
class Checked:
    model: Model
    warnings: list[Problem]
    records: int


@dataclass(slots=True)
class Report:
    pages: int = 0
    posters: int = 0
    photos: int = 0
    files: int = 0
    rendered: int = 0  # pages rendered this time; the rest were unchanged and kept
    seconds: float = 0.0
    unchanged: bool = False
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def check(content: Path, options: Options, cache: BuildCache | None = None) -> Checked:
    """Load, validate and model the content; raise ContentInvalid with every problem found."""
    loaded = load_content(content, cache.files if cache else None)
    validated = validate_content(loaded, content, cache.valid if cache else None)
    problems = validated.problems
    if any(not p.warning for p in problems) or validated.site is None:
        raise ContentInvalid(problems)
    model, model_problems = build_model(validated, options, {f.rel: f.mtime_ns for f in loaded.files})
    if model is None or model_problems:
        raise ContentInvalid([*problems, *model_problems])
    return Checked(model=model, warnings=[p for p in problems if p.warning], records=len(validated.records))


def cache_key(options: Options) -> str:
    return repr((options.base_url, options.drafts, options.pdf))


def build(content: Path, out: Path, options: Options, progress: Progress | None = None) -> Report:
    """Check everything, render what changed into the shadow copy, scan it, then swap it in."""
    from sitegen.pipeline.execute import write_site

    started = time.perf_counter()
    cache = BuildCache.load(out, cache_key(options)) if options.use_cache else BuildCache(key=cache_key(options))
    stats = input_stats(content)
    if options.use_cache and _unchanged(cache, stats, out, options.now):
        return Report(unchanged=True, seconds=time.perf_counter() - started, **cache.report)
    checked = check(content, options, cache)
    loaded_at = time.perf_counter()
    outcome = write_site(checked.model, content, out, options, progress, cache)
    cache.inputs = stats
    cache.upcoming_until = changes_at(checked.model).isoformat()
    cache.report = {"pages": outcome.pages, "posters": outcome.posters, "photos": outcome.photos, "files": outcome.files}
    if options.use_cache:
        cache.save(out)
    return Report(pages=outcome.pages, posters=outcome.posters, photos=outcome.photos, files=outcome.files,
                  rendered=outcome.rendered, seconds=time.perf_counter() - started, warnings=checked.warnings,
                  timings={"check": loaded_at - started, **outcome.timings})


def _unchanged(cache: BuildCache, stats: dict[str, tuple[int, int]], out: Path, now: datetime) -> bool:
    """Nothing to do: same files, same options, no page due to change with the date, output in place."""
    if not cache.inputs or cache.inputs != stats or not cache.upcoming_until:
        return False
    if now >= datetime.fromisoformat(cache.upcoming_until):
        return False
    manifest = out / "manifest.sha256"
    return manifest.is_file() and cache.report.get("files", -1) >= 0
