"""Bound the work a Markdown body can ask of the renderer, and name the line where a body goes too far.

Python-Markdown's inline pass copies a whole paragraph for every piece of markup it finds in it, so
its cost grows with (markup in a paragraph) × (paragraph length); its block pass grows with the
number of lines. 100,000 short lines took 50 s (issue 12). The limits are far above any write-up a
community posts (a long WeChat article is 5,000 characters; a 21,000-character article pasted from
Word as 400 lines with 800 bold phrases is 7.6e7 of inline work) and keep the worst body the limits
let through under ~0.4 s of CPU (tests/render/test_markdown_bounds.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord

MAX_LINES: Final = 5_000
MAX_CHARACTERS: Final = 100_000
MAX_INLINE_WORK: Final = 100_000_000  # Σ over paragraphs of (markup characters × paragraph length)
_MARKUP: Final = "\n*_`\\[]<&!~"


def _paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """(offset of its first line, text) of every run of non-blank lines."""
    start: int | None = None
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if line.strip() and start is None:
            start = number
        elif not line.strip() and start is not None:
            yield start, "\n".join(lines[start:number])
            start = None
    if start is not None:
        yield start, "\n".join(lines[start:])


def over_limits(body: str) -> tuple[str, int, dict[str, object]] | None:
    """(message key, 0-based line, arguments) of the first limit `body` goes past, or None."""
    lines = body.count("\n") + 1
    if lines > MAX_LINES:
        return "body.too_many_lines", MAX_LINES, {"lines": lines, "limit": MAX_LINES}
    if len(body) > MAX_CHARACTERS:
        return "body.too_long", body.count("\n", 0, MAX_CHARACTERS), {"characters": len(body), "limit": MAX_CHARACTERS}
    # Σ (a paragraph's markup × its length) ≤ (the body's markup) × (its length): a body under the
    # limit that way is under it paragraph by paragraph, without splitting it (most bodies: 1,500
    # characters, a few dozen newlines).
    if sum(body.count(ch) for ch in _MARKUP) * len(body) <= MAX_INLINE_WORK:
        return None
    work = 0
    for offset, paragraph in _paragraphs(body):
        work += sum(paragraph.count(ch) for ch in _MARKUP) * len(paragraph)
        if work > MAX_INLINE_WORK:
            return "body.too_dense", offset, {}
    return None


def body_limits(raw: RawRecord) -> list[Problem]:
    """The first limit a body goes past (lines, characters, then markup density), at its line."""
    over = over_limits(raw.body) if raw.body else None
    if over is None:
        return []
    key, offset, args = over
    return [Problem(raw.path, (raw.body_line or 1) + offset, key, args)]
