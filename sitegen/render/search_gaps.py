"""The search index's postings: which records hold a key, as gaps between record numbers in letters.

`encode` writes a key's record numbers (ascending) as gaps, each one less than the step from the
record before (the first from -1), written by `gap_text`, comma-separated; `decode` reads them back,
as search.js does (`Index.postings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

GAP_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"


def gap_text(n: int) -> str:
    """A gap between record numbers written in letters alone, base 26, a = 0 (0 → a, 25 → z, 26 → ba).

    Never digits: the leak scan (write/leaks.py) reads up to three separators between two digits as
    nothing, so gaps in base-36 digits after a key of digits read as one number: `"139":"0,0,0,…"`
    was 13900000000, a placeholder number of a disclosure, and the build stopped at a file the
    worker cannot change (breaker helper-123). search.js reads them back (`Index.postings`).
    """
    text = ""
    while True:
        n, rest = divmod(n, 26)
        text = GAP_LETTERS[rest] + text
        if n == 0:
            return text


def encode(numbers: Sequence[int], digits: Sequence[str]) -> str:
    """The postings of record `numbers` (ascending), `digits[n]` being gap_text(n) made once for all keys."""
    return ",".join([digits[b - a - 1] for a, b in zip([-1, *numbers], numbers, strict=False)])


def decode(postings: str) -> list[int]:
    """The record numbers (ascending) of one key's postings as `encode` wrote them."""
    numbers: list[int] = []
    at = -1
    for gap in postings.split(","):
        value = 0
        for letter in gap:
            value = value * 26 + ord(letter) - 97
        at += value + 1
        numbers.append(at)
    return numbers
