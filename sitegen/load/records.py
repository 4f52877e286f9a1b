"""Turn one content file into raw records: plain data with the line of every field."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sitegen.errors import Problem
from sitegen.load.comments import record_comments
from sitegen.load.decode import read_text
from sitegen.load.files import SourceFile
from sitegen.load.frontmatter import split_front_matter
from sitegen.load.garbage import find_garbage
from sitegen.load.note_hints import note_hints
from sitegen.load.yamlfile import ContentLoader, Located, Path_, parse_yaml


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as written: untyped fields, where each one is, and a digest of what it says."""

    kind: str  # "site", "pages" or one of KINDS
    path: PurePosixPath
    line: int
    fields: dict[str, object]
    lines: dict[Path_, int] = field(repr=False)
    stem: str  # the file name without extension: the slug unless `id` is given
    in_list: bool = False
    body: str | None = None
    body_line: int | None = None
    digest: str = ""
    # fields written only as a comment (`# claimed_by: …`) → their line: load/comments.py
    commented: dict[str, int] = field(default_factory=dict, repr=False)

    def line_of(self, *at: str | int) -> int:
        """The line of a field, or of its nearest parent that exists, or of the record."""
        for end in range(len(at), 0, -1):
            found = self.lines.get(tuple(at[:end]))
            if found is not None:
                return found
        return self.line

    def problem(self, at: tuple[str | int, ...] | str, key: str, *, warning: bool = False, **args: object) -> Problem:
        where = (at,) if isinstance(at, str) else at
        return Problem(self.path, self.line_of(*where), key, args, warning)


def _digest(fields: object, body: str | None) -> str:
    text = json.dumps([fields, body], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _record(source: SourceFile, located: Located, data: dict[str, object], lines: dict[Path_, int],
            line: int, in_list: bool, body: str | None = None, body_line: int | None = None,
            commented: dict[str, int] | None = None) -> RawRecord:
    stem = source.rel.name.rsplit(".", 1)[0]
    return RawRecord(kind=source.folder, path=source.rel, line=line, fields=data, lines=lines, stem=stem,
                     in_list=in_list, body=body, body_line=body_line, digest=_digest(data, body),
                     commented=commented or {})


def load_file(source: SourceFile, content: Path) -> tuple[list[RawRecord], list[Problem]]:
    """Read, decode and parse one file; a broken file yields problems, never an exception."""
    text, problem = read_text(source.absolute(content), source.rel, source.size)
    if problem is not None or text is None:
        return [], [problem] if problem else []
    return parse_file(source, text)


def parse_file(source: SourceFile, text: str) -> tuple[list[RawRecord], list[Problem]]:
    """Parse one file's decoded text (from disk, or not yet written: `sitegen import` checks rows so)."""
    garbage = find_garbage(text, source.rel)  # in any field or body: refused before it is parsed
    if garbage:
        return [], garbage
    if source.rel.suffix.lower() == ".md":
        return _parse_markdown(source, text)
    located, problems = parse_yaml(text, source.rel)
    if located is None:
        return [], problems
    problems += note_hints(text, source.rel, 1, ContentLoader)  # `社区活动室＃王姐说…`: a warning, the file is read
    if located.data is None:
        return [], [*problems, Problem(source.rel, None, "file.empty")]
    if isinstance(located.data, dict):
        commented = record_comments(text.split("\n"), 1, located.line, located.data, located.lines) if "#" in text else {}
        return [_record(source, located, located.data, located.lines, located.line, False, commented=commented)], problems
    if not isinstance(located.data, list) or source.folder in ("site", "pages"):
        return [], [*problems, Problem(source.rel, located.line, "file.not_a_mapping")]
    return _list_items(source, located, located.data, problems, text)


def _parse_markdown(source: SourceFile, text: str) -> tuple[list[RawRecord], list[Problem]]:
    """A Markdown record: one mapping of front matter between `---` lines, then the body."""
    split, problem = split_front_matter(text, source.rel)
    if split is None:
        return [], [problem] if problem else []
    located, problems = parse_yaml(split.yaml_text, source.rel, split.yaml_line)
    if located is None:
        return [], problems
    problems += note_hints(split.yaml_text, source.rel, split.yaml_line, ContentLoader)
    data = located.data if located.data is not None else {}
    if not isinstance(data, dict):
        return [], [*problems, Problem(source.rel, split.yaml_line, "file.not_a_mapping")]
    commented = record_comments(split.yaml_text.split("\n"), split.yaml_line, located.line, data, located.lines)
    return [_record(source, located, data, located.lines, 1, False, split.body, split.body_line, commented)], problems


def _list_items(source: SourceFile, located: Located, items: list[object],
                problems: list[Problem], text: str) -> tuple[list[RawRecord], list[Problem]]:
    """A YAML file holding a list of records: one record per mapping item, a problem per other item;
    an item's commented fields are those between its first line and the next item's."""
    # The lines of every item, split in one pass (a pass per item was quadratic: 10,000 items, 100 s).
    by_item: dict[object, dict[Path_, int]] = {}
    for at, n in located.lines.items():
        if len(at) > 1:
            by_item.setdefault(at[0], {})[at[1:]] = n
    records = []
    starts = [located.lines.get((index,), located.line) for index in range(len(items))]
    lines = text.split("\n") if "#" in text else []
    for index, item in enumerate(items):
        item_line = starts[index]
        if not isinstance(item, dict):
            problems.append(Problem(source.rel, item_line, "file.item_not_a_mapping"))
            continue
        end = starts[index + 1] - 1 if index + 1 < len(items) else None
        where = by_item.get(index, {})
        commented = record_comments(lines[item_line - 1:end], item_line, item_line, item, where) if lines else {}
        records.append(_record(source, located, item, where, item_line, True, commented=commented))
    return records, problems
