"""The whole flow in one place: load → validate → model → render → write. Nothing is written
until everything is known to be good, and then the new site replaces the old one whole."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sitegen.errors import ContentInvalid, Problem
from sitegen.load import load_content
from sitegen.model.build import build_model
from sitegen.model.records import Model
from sitegen.options import Options
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
    rendered: int = 0  # pages rendered this time (the rest were unchanged and reused)
    seconds: float = 0.0
    unchanged: bool = False
    warnings: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def check(content: Path, options: Options) -> Checked:
    """Load, validate and model the content; raise ContentInvalid with every problem found."""
    loaded = load_content(content)
    validated = validate_content(loaded, content)
    problems = validated.problems
    if any(not p.warning for p in problems) or validated.site is None:
        raise ContentInvalid(problems)
    times = {f.rel: f.mtime_ns for f in loaded.files}
    model, model_problems = build_model(validated, options, times)
    if model is None or model_problems:
        raise ContentInvalid([*problems, *model_problems])
    return Checked(model=model, warnings=[p for p in problems if p.warning], records=len(validated.records))


def build(content: Path, out: Path, options: Options, progress: Progress | None = None) -> Report:
    """Check everything, render into a stage beside `out`, scan it for private data, then swap it in."""
    from sitegen.pipeline.execute import write_site

    started = time.perf_counter()
    checked = check(content, options)
    report = write_site(checked.model, content, out, options, progress)
    report.warnings = checked.warnings
    report.seconds = time.perf_counter() - started
    return report


def content_path(content: Path, rel: PurePosixPath) -> Path:
    return content.joinpath(*rel.parts)
