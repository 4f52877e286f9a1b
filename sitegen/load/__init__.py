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


FileCache = dict[str, tuple[int, int, list[RawRecord], list[Problem]]]


def load_content(content: Path, cache: FileCache | None = None,
                 stats: dict[str, tuple[int, int]] | None = None) -> Loaded:
    """Read every content file; problems are collected, nothing raises for bad content.

    With a cache, a file whose size and modification time are unchanged is not read again.
    """
    files, problems = discover(content, stats)
    records: list[RawRecord] = []
    for source in files:
        key = str(source.rel)
        entry = cache.get(key) if cache is not None else None
        if entry is not None and entry[:2] == (source.size, source.mtime_ns):
            found, file_problems = entry[2], entry[3]
        else:
            found, file_problems = load_file(source, content)
            if cache is not None:
                cache[key] = (source.size, source.mtime_ns, found, file_problems)
        records.extend(found)
        problems.extend(file_problems)
    if cache is not None:
        for gone in cache.keys() - {str(f.rel) for f in files}:
            del cache[gone]
    return Loaded(files=files, records=records, problems=problems)
