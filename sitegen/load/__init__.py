"""Load stage: content folder → raw records with lines, and every problem met on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import Problem
from sitegen.load.files import SourceFile, discover
from sitegen.load.records import RawRecord, load_file

__all__ = ["Loaded", "RawRecord", "SourceFile", "load_content"]


@dataclass(frozen=True, slots=True)
class Loaded:
    files: list[SourceFile]
    records: list[RawRecord]  # site.yaml first, then records in path order
    problems: list[Problem]


def load_content(content: Path) -> Loaded:
    """Read every content file; problems are collected, nothing raises for bad content."""
    files, problems = discover(content)
    records: list[RawRecord] = []
    for source in files:
        found, file_problems = load_file(source, content)
        records.extend(found)
        problems.extend(file_problems)
    return Loaded(files=files, records=records, problems=problems)
