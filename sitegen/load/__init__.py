"""Load stage: content folder → raw records with lines, and every problem met on the way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitegen.errors import Problem
from sitegen.load.files import KINDS, PAGES, SourceFile, discover
from sitegen.load.records import RawRecord, load_file, parse_file

__all__ = ["Loaded", "RawRecord", "SourceFile", "load_content"]


@dataclass(frozen=True, slots=True)
class Loaded:
    files: list[SourceFile]
    records: list[RawRecord]  # site.yaml first, then records in path order
    problems: list[Problem]


FileCache = dict[str, tuple[int, int, list[RawRecord], list[Problem]]]


def load_content(content: Path, cache: FileCache | None = None,
                 stats: dict[str, tuple[int, int]] | None = None,
                 overlay: Mapping[PurePosixPath, str] | None = None) -> Loaded:
    """Read every content file; problems are collected, nothing raises for bad content.

    With a cache, a file whose size and modification time are unchanged is not read again.
    `overlay` maps content-relative paths (under a kind's folder) to texts read as if they were
    on disk, replacing a file of the same path: `sitegen import` validates rows before writing.
    """
    files, problems = discover(content, stats)
    if overlay:
        files = _overlaid(files, overlay)
    records: list[RawRecord] = []
    for source in files:
        key = str(source.rel)
        if overlay and source.rel in overlay:
            found, file_problems = parse_file(source, overlay[source.rel])
            records.extend(found)
            problems.extend(file_problems)
            continue
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


def _overlaid(files: list[SourceFile], overlay: Mapping[PurePosixPath, str]) -> list[SourceFile]:
    """The discovered files with the overlay's texts in place of (or beside) them, in path order."""
    kept = [f for f in files if f.rel not in overlay]
    added = [SourceFile(rel, rel.parts[0], len(text.encode("utf-8")), 0) for rel, text in overlay.items()]
    order = {folder: index for index, folder in enumerate((*KINDS, PAGES))}
    site = [f for f in kept if f.folder == "site"]
    return site + sorted((f for f in kept + added if f.folder != "site"), key=lambda f: (order[f.folder], str(f.rel)))
