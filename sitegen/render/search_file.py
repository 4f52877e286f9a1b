"""The search data files put together from encoded pieces, kept between builds under `serve`.

A data file is `window.sitegenSearch={"v":…,"kinds":…,"fold":…,"docs":[ROW,…],"keys":{"key":"postings",…}};`.
JSON is compositional: a list or a mapping is written as its members' texts joined by commas, so each
row and each key written once and joined give the bytes one json.dumps of the whole gives
(search._script; tests/render/test_search_file.py holds them equal). A save under `serve` then encodes
the rows of the records it changed and the keys they touched, and joins the rest as they were.

The characters of the index decide the fold map shipped with it (search_text.Folder). `Pieces` counts,
per character, the records whose text holds it: the map is learned again only when a character came
or went, in the order a first build learns it, so a kept map is the map a first build makes.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any, Final

from sitegen.render.search_text import Folder, FoldMemo

_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
HEAD: Final = "/* sitegen search index: made by the build */\nwindow.{name}="


def encode(value: object) -> bytes:
    """One JSON value as the data file writes it: compact, UTF-8, U+2028 and U+2029 escaped (older
    JavaScript engines end a line at them, even inside a string)."""
    return _ENCODER.encode(value).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode()


def member(key: str, postings: str) -> bytes:
    """`"key":"postings"` as the keys mapping writes it. A key is a run of letters and digits
    (search_text._RUN: never a quote, a backslash, a control or a line separator) and postings are
    letters and commas, so neither needs more than encode_basestring's quotes."""
    return (encode_basestring(key) + ":" + encode_basestring(postings)).encode()


@dataclass
class Pieces:
    """What the last data files were made of, kept by the build cache in the process only (Keys.pieces).

    `rows`/`hant`: each record's row (memo name → encoded row) in the main script and the 繁體 mirror's;
    `members`: each key's `"key":"postings"`, in key order (as Keys.encoded); `chars`/`hant_chars`:
    character → how many records hold it in their indexed text / their 繁體 row; `fold`: the last fold
    map and its encoding; `mirror`: whether the 繁體 rows were counted.
    """

    mirror: bool
    names: set[str] = field(default_factory=set)
    rows: dict[str, bytes] = field(default_factory=dict)
    hant: dict[str, bytes] = field(default_factory=dict)
    members: dict[str, bytes] = field(default_factory=dict)
    chars: Counter[str] = field(default_factory=Counter)
    hant_chars: Counter[str] = field(default_factory=Counter)
    fold: tuple[dict[str, str], bytes] | None = None
    kinds: dict[str, str] = field(default_factory=dict)  # the kind names the fold map learned
    # the last files: their records' memo names in order, each script's head, and its seal (Told)
    order: list[str] = field(default_factory=list)
    heads: dict[str, bytes] = field(default_factory=dict)
    seals: dict[str, set[bytes]] = field(default_factory=dict)

    def counted(self) -> tuple[object, ...]:
        """What the cache files keep of these pieces: the records counted, the counts (plain dicts in
        the order characters were met, which is the order the fold map is learned in), the fold map
        and the kind names it learned; `recounted` makes pieces of them."""
        return (self.mirror, self.names, dict(self.chars), dict(self.hant_chars), self.fold, self.kinds)

    @classmethod
    def recounted(cls, counted: tuple[Any, ...]) -> Pieces:
        """Pieces holding `counted`'s counts and fold map and no encoded piece (every row and key is
        encoded again, and the files are told as a first build's): `learned` counts only the
        records that came or went since. Anything but what `counted` gives: empty pieces."""
        try:
            mirror, names, chars, hant_chars, fold, kinds = counted
            return cls(bool(mirror), set(names), chars=Counter(chars), hant_chars=Counter(hant_chars),
                       fold=(dict(fold[0]), bytes(fold[1])), kinds=dict(kinds))
        except (TypeError, ValueError, IndexError):
            return cls(False)


class Told(bytes):
    """A data file's bytes, and what is new in them since the file the same pieces made last (the base).

    `spans`: (start, end) byte ranges holding every piece the base did not hold, and an empty range
    where a piece of the base is gone: outside them the file is the base's bytes, stretch after stretch
    (the comma between two pieces may be one comma of the base).
    `base`: the salts the base was found free of private data under (the leak scan adds them to a
    file's `seal`, write/leaks.py), None when there is no base to go by.
    """

    base: set[bytes] | None
    seal: set[bytes]
    spans: list[tuple[int, int]]


def told(data: bytes, base: set[bytes] | None, spans: list[tuple[int, int]]) -> Told:
    """`data` as a Told with a fresh seal."""
    made = Told(data)
    made.base, made.seal, made.spans = base, set(), spans
    return made


def row_spans(head: bytes, fresh_head: bool, rows: Sequence[bytes], kept: Sequence[int | None],
              base_rows: int) -> tuple[list[tuple[int, int]], int]:
    """The spans (see Told) of a file's head and rows as assemble() lays them out, and where "docs" ends.

    `kept[i]`: the place of row i in the base's rows, None for a row new to it; `base_rows`: how many
    rows the base had. A gap in the places of two kept neighbours is a gone piece, an empty span."""
    found = [(0, len(head))] if fresh_head else []
    at = len(head)  # where row i starts
    previous: int | None = -1  # the base's place of the row before (None: new to it)
    for row, place in zip(rows, kept, strict=True):
        if place is None:
            found.append((at, at + len(row)))
        elif previous is not None and place != previous + 1:
            found.append((at, at))
        previous = place
        at += len(row) + 1
    end = at - 1 if rows else at
    if previous is not None and previous != base_rows - 1:
        found.append((end, end))
    return found, end


def member_spans(start: int, members: Sequence[bytes], marks: Sequence[tuple[int, bool]]) -> list[tuple[int, int]]:
    """The spans (see Told) of the keys' members starting at byte `start`: `marks` are (index, new),
    in index order: a new member, or the place of a gone one (then `index` is the member after it)."""
    ends = [0, *itertools.accumulate(map(len, members))]
    found = []
    for index, new in marks:
        at = start + ends[index] + (index if index < len(members) else max(index - 1, 0))  # the commas before it
        found.append((at, at + len(members[index])) if new else (at, at))
    return found


def count(counts: Counter[str], added: Iterable[str], removed: Iterable[str]) -> bool:
    """Count the characters of texts `added`, uncount those of `removed` (each text holds a character
    once); True when a character came or went. Adding first, a character only moved is never counted out.

    Adding is Counter's own loop in C: a new character is appended to `counts` as it is met, as
    a loop of `counts[char] = 1` would (the fold map is learned in that order)."""
    before = len(counts)
    counts.update(itertools.chain.from_iterable(added))
    moved = len(counts) != before
    for text in removed:
        for char in text:
            held = counts[char] - 1
            if held:
                counts[char] = held
            else:
                del counts[char]
                moved = True
    return moved


def learned(pieces: Pieces, names: Sequence[str], gone: set[str],
            memo: Mapping[str, tuple[list[str], str, str, list[str] | None]], kinds: Mapping[str, str],
            folds: FoldMemo | None) -> Folder:
    """The fold map of the index of records `names` (`gone`: those of the last one no longer in it),
    set in `pieces.fold`: kept when no character came or went, else learned as a first build learns it.

    `memo` is search.make_files' (the characters of each record's text, its 繁體 row).
    """
    new = [name for name in names if name not in pieces.names]
    moved = count(pieces.chars, (memo[n][2] for n in new), (memo[n][2] for n in gone))
    if pieces.mirror:
        moved = count(pieces.hant_chars, (chars_of(memo[n][3] or ()) for n in new),
                      (chars_of(memo[n][3] or ()) for n in gone)) or moved
    folder = Folder(folds)
    if pieces.fold is not None and not moved and pieces.kinds == kinds:
        folder.map = pieces.fold[0]  # never changed: nothing more is learned
        return folder
    folder.learn(["".join(pieces.chars)])
    folder.learn(kinds.values())
    if pieces.mirror:
        folder.learn(["".join(pieces.hant_chars)])
    fold = dict(sorted(folder.map.items()))
    pieces.fold, pieces.kinds = (fold, encode(fold)), dict(kinds)
    return folder


_ASCII: Final = frozenset(map(chr, range(128)))


def chars_of(fields: Iterable[str]) -> str:
    """The characters of `fields` the fold map can hold (not ASCII), each once, in code point order."""
    found: set[str] = set()
    for text in fields:
        found.update(text)
    return "".join(sorted(found.difference(_ASCII)))


def update_members(pieces: Pieces, encoded: Mapping[str, str], touched: set[str] | None) -> None:
    """Bring `pieces.members` to `encoded` (Keys.encoded): only the `touched` keys, or all when None."""
    members = pieces.members
    if touched is None:
        pieces.members = {key: member(key, postings) for key, postings in encoded.items()}
        return
    added = False
    for key in touched:
        postings = encoded.get(key)
        if postings is None:
            members.pop(key, None)
        else:
            added = added or key not in members
            members[key] = member(key, postings)
    if len(members) != len(encoded):  # not the keys they were made with: all of them again
        pieces.members = {key: member(key, postings) for key, postings in encoded.items()}
    elif added:  # a key new to the site goes where key order puts it
        pieces.members = {key: members[key] for key in encoded}


def assemble(name: str, head: Sequence[tuple[str, bytes]], rows: Iterable[bytes], members: Iterable[bytes]) -> bytes:
    """The data file setting `window.<name>`: the `head` members (name, encoded value) in order, then
    "docs" (`rows`) and "keys" (`members`), as _script would write the same mapping."""
    parts = [HEAD.format(name=name).encode(), b"{"]
    for key, value in head:
        parts += [encode_basestring(key).encode(), b":", value, b","]
    parts += [b'"docs":[', b",".join(rows), b'],"keys":{', b",".join(members), b"}};\n"]
    return b"".join(parts)


class Telling:
    """Each data file of one search.make_files setting `window.<name>`, put together and told what is new in it."""

    def __init__(self, name: str, pieces: Pieces, names: list[str], encoded: Mapping[str, str] | None,
                 touched: set[str] | None) -> None:
        self.name, self.pieces, self.members = name, pieces, list(pieces.members.values())
        places = {name: place for place, name in enumerate(pieces.order)}
        self.kept = [places.get(name) for name in names]
        self.marks: list[tuple[int, bool]] | None = None  # None: the keys were made whole, no base to go by
        if touched is not None and encoded is not None:
            order = list(pieces.members)
            self.marks = sorted((bisect.bisect_left(order, key), key in encoded) for key in touched)

    def file(self, script: str, head: list[tuple[str, bytes]], rows: list[bytes]) -> bytes:
        """The data file of `script` ("hans", "hant") and its spans against the last one."""
        pieces = self.pieces
        data = assemble(self.name, head, rows, self.members)
        start = data.index(b'"docs":[') + len(b'"docs":[')
        base = pieces.seals.get(script) if self.marks is not None else None
        spans, end = row_spans(data[:start], data[:start] != pieces.heads.get(script), rows, self.kept,
                               len(pieces.order))
        spans += member_spans(end + len(b'],"keys":{'), self.members, self.marks or [])
        made = told(data, base, spans)
        pieces.heads[script], pieces.seals[script] = data[:start], made.seal
        return made
