"""The matching rules of search, shared with themes/default/static/search.js: fold, then split into keys.

Folding makes 繁體 and 简体, full-width and half-width, upper and lower case the same character:
a query typed in either script finds the other. It is done one character at a time, so offsets
stay put (the browser highlights the match in the text it shows). Keys are what the index lists:
overlapping character pairs (bigrams) of a run of Chinese, the character itself for a run of one,
and whole words of ASCII letters and digits. Any substring of two or more Chinese characters is
then a set of keys every record holding it also holds (the CJK bigram scheme of Lucene's
CJKAnalyzer), with no word segmenter and no dictionary in the browser.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from sitegen.hanzi import converter

# A run of ASCII letters and digits, or a run of other letters and numbers (Chinese, kana, ...).
# search.js uses the same classes: [a-z0-9]+ and (?:(?![\x00-\x7f])[\p{L}\p{N}])+
_RUN: Final = re.compile(r"[a-z0-9]+|[^\W_\x00-\x7f]+")
# OpenCC configurations whose Traditional forms a resident may type: Taiwan, Hong Kong, plain.
_VARIANTS: Final = ("s2t", "s2tw", "s2hk")


def keys(folded: str) -> Iterator[str]:
    """The index keys of folded text, in order, with repeats (a set of them is what is indexed)."""
    for match in _RUN.finditer(folded):
        run = match.group()
        if run.isascii() or len(run) == 1:
            yield run
        else:
            for i in range(len(run) - 1):
                yield run[i : i + 2]


def key_set(folded: str) -> set[str]:
    """set(keys(folded)), made with C loops: the index builder's hot path (a body is a thousand pairs)."""
    found: set[str] = set()
    for run in _RUN.findall(folded):
        if run.isascii() or len(run) == 1:
            found.add(run)
        else:
            found.update(map(str.__add__, run, run[1:]))
    return found


def _bmp(char: str) -> bool:
    return len(char) == 1 and ord(char) < 0x10000


@dataclass
class FoldMemo:
    """What Folder.learn found for each character, kept by the build cache across builds: a
    character's Traditional forms (OpenCC s2t, s2tw, s2hk of it alone, itself included) and its
    search form (t2s of it alone, NFKC, lower case). Each is a function of the character alone
    (one character per line: OpenCC's phrase rules never join neighbours), so an answer is never stale."""

    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)


class Folder:
    """Character folding for one build: a map from a character to its search form.

    The map holds only characters that occur in the index's text or are a Traditional form of
    one that does (a few thousand entries for a community), and only where the search form is
    not the character itself lowercased in ASCII; it is shipped with the index as the browser's
    whole dictionary. Characters outside the Basic Multilingual Plane are left as they are, so a
    folded string has the same UTF-16 length as the original (JavaScript string offsets).
    `memo` (the build cache's) spares OpenCC the characters an earlier build converted.
    """

    def __init__(self, memo: FoldMemo | None = None) -> None:
        self.map: dict[str, str] = {}
        self._seen: set[str] = set()
        self._table: dict[int, str] | None = None
        self.memo = memo if memo is not None else FoldMemo()

    def learn(self, texts: Iterable[str]) -> None:
        """Add every character of `texts`, and its Traditional forms, to the map."""
        chars: set[str] = set()
        for text in texts:
            chars.update(text)
        fresh = sorted(c for c in chars - self._seen if not c.isascii())
        fresh = [c for c in fresh if unicodedata.category(c)[0] not in "ZC"]  # OpenCC reads lines
        if not fresh:
            return
        self._seen.update(fresh)
        known, targets = self.memo.forms, self.memo.targets
        unknown = [c for c in fresh if c not in known]
        if unknown:
            # One character per line: OpenCC's phrase rules never join neighbours, so each converts alone.
            column = "\n".join(unknown)
            converted = [_convert(config, column).split("\n") for config in _VARIANTS]
            for index, char in enumerate(unknown):
                known[char] = tuple(sorted({char, *(lines[index] for lines in converted)}))
        forms = {form for char in fresh for form in known[char]}
        forms -= self._seen - set(fresh)
        ordered = sorted(forms)
        needed = [form for form in ordered if form not in targets]
        if needed:
            simplified = _convert("t2s", "\n".join(needed)).split("\n")
            for form, simple in zip(needed, simplified, strict=True):
                targets[form] = unicodedata.normalize("NFKC", simple).lower()
        for char in ordered:
            self._seen.add(char)
            target = targets[char]
            if _bmp(char) and _bmp(target) and target != _ascii_lower(char):
                self.map[char] = target
        self._table = None

    def fold(self, text: str) -> str:
        """The search form of text the map has learned; one character for each character."""
        if self._table is None:
            self._table = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
            self._table.update((ord(k), v) for k, v in self.map.items())
        return text.translate(self._table)


def _convert(config: str, text: str) -> str:
    return converter(config)(text)


def _ascii_lower(char: str) -> str:
    return char.lower() if "A" <= char <= "Z" else char


def fold_query(folder: Folder, query: str) -> str:
    """A query as the browser folds it: NFKC first (a query may hold anything), then the map."""
    return folder.fold(unicodedata.normalize("NFKC", query))
