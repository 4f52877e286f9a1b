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

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Final

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
    base-36 digits and commas, so neither needs more than encode_basestring's quotes."""
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
    chars: dict[str, int] = field(default_factory=dict)
    hant_chars: dict[str, int] = field(default_factory=dict)
    fold: tuple[dict[str, str], bytes] | None = None
    kinds: dict[str, str] = field(default_factory=dict)  # the kind names the fold map learned


def count(counts: dict[str, int], added: Iterable[str], removed: Iterable[str]) -> bool:
    """Count the characters of texts `added`, uncount those of `removed` (each text holds a character
    once); True when a character came or went. Adding first, a character only moved is never counted out."""
    moved = False
    for text in added:
        for char in text:
            held = counts.get(char)
            if held is None:
                counts[char] = 1
                moved = True
            else:
                counts[char] = held + 1
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


def chars_of(fields: Iterable[str]) -> str:
    """The characters of `fields` the fold map can hold (not ASCII), each once, in code point order."""
    found: set[str] = set()
    for text in fields:
        found.update(text)
    return "".join(sorted(c for c in found if not c.isascii()))


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
