"""Unicode NFKC (UAX #15) of long Chinese text, the same string `unicodedata.normalize` gives, faster.

Chinese text is almost never in NFKC already: its full-width punctuation (，：（）！) has
compatibility mappings, so the quick check fails and a whole page is normalized, character by
character. `unicodedata.normalize("NFKC")` of the pages the leak scan folds was a sixth of a cold
build's CPU time at 1,000 records (cProfile, HTML pages only).

Why it is exact: NFKC(s) = NFC(NFKD(s)), and NFKD(s) is the canonical reordering of the characters'
own NFKD mappings. Replacing any character c by NFKC(c), whose NFKD is c's own, leaves NFKD(s),
and so NFKC(s), unchanged. So the commonest such characters are replaced first (str.replace), then the runs of
the others that have a compatibility mapping (in the ranges Chinese text uses), one regex pass with
a memo per run, and the result
is normalized again only when something else is left to do (a combining mark, a character outside
those ranges): `unicodedata.is_normalized` answers that in one cheap pass.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Final

# Where Chinese text takes characters with compatibility mappings: Latin-1 (no-break space, ², ½),
# general punctuation to the CJK symbols (…, ①, ㈠, ideographic space), the CJK compatibility
# ideographs, and the vertical, small and half/full-width forms. Anything else falls to the last step.
_RANGES: Final = ((0x00A0, 0x00FF), (0x2000, 0x33FF), (0xF900, 0xFAFF), (0xFE10, 0xFFEF))
SHORT: Final = 512  # below this many characters the plain call is as fast
# The commonest of them in Chinese text, replaced by str.replace before the regex pass (which then
# calls back far less often): the full-width comma alone was nine in ten matches on generated pages.
_COMMON: Final = tuple((char, unicodedata.normalize("NFKC", char)) for char in "，：；！？（）…\u3000")
_MEMO_SIZE: Final = 4096


@cache
def _table() -> tuple[re.Pattern[str], dict[int, str]]:
    """The characters in _RANGES that NFKC changes, as one character class and a translate table."""
    table: dict[int, str] = {}
    for low, high in _RANGES:
        for point in range(low, high + 1):
            char = chr(point)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char:
                table[point] = folded
    members = "".join(re.escape(chr(point)) for point in sorted(table))
    return re.compile(f"[{members}]+"), table


@lru_cache(maxsize=_MEMO_SIZE)
def _folded(run: str) -> str:
    """A run of characters that NFKC changes, each replaced by its own NFKC (a pure function)."""
    return run.translate(_table()[1])


def _run(match: re.Match[str]) -> str:
    return _folded(match.group())


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, the same string; faster on long Chinese text."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    if len(text) < SHORT:
        return unicodedata.normalize("NFKC", text)
    for char, folded in _COMMON:
        if char in text:
            text = text.replace(char, folded)
    text = _table()[0].sub(_run, text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
