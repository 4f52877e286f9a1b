"""A page's fingerprint: a digest of everything it shows, so an unchanged page is never rendered again.

Records carry their own digest (source, photos, derived state such as "upcoming"), taken with their
URL (which the digest leaves out), so a list of twenty records costs twenty string joins, not twenty
re-serialisations. Objects that many pages
share (a kind's year links, the tag map) are digested once per build (memo by identity).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath

from sitegen.model.records import Record
from sitegen.render.images import Photo

_SIMPLE = (str, int, float, bool, date, datetime, PurePosixPath, type(None))

_PLAIN = frozenset({str, int, float, bool, type(None), date, datetime})  # exact types: repr inline, no call
# How _part digests a value, decided by its type alone (the isinstance tests below), once per type.
_RECORD, _REPR, _PHOTO, _MAPPING, _ITEMS, _SET, _FIELDS, _OTHER = range(8)


def _kind_of(kind: type) -> tuple[int, tuple[str, ...]]:
    """(how to digest a value of type `kind`, its dataclass field names when it is one)."""
    if issubclass(kind, Record):
        return _RECORD, ()
    if issubclass(kind, _SIMPLE):
        return _REPR, ()
    if issubclass(kind, Photo):
        return _PHOTO, ()
    if issubclass(kind, Mapping):
        return _MAPPING, ()
    if issubclass(kind, (list, tuple)):
        return _ITEMS, ()
    if issubclass(kind, (set, frozenset)):
        return _SET, ()
    if dataclasses.is_dataclass(kind):
        return _FIELDS, tuple(f.name for f in dataclasses.fields(kind))
    return _OTHER, ()


class Fingerprinter:
    """Digests of page specs within one build; shared containers are walked once."""

    def __init__(self, photos: Mapping[PurePosixPath, Photo]) -> None:
        self.photos = photos
        self.memo: dict[int, str] = {}
        self.alive: list[object] = []  # keeps memoised objects alive, so their ids stay theirs
        self.kinds: dict[type, tuple[int, tuple[str, ...]]] = {}

    def of(self, value: object, *extra: str) -> str:
        """The digest (32 hex digits) of `value` and the strings `extra`: records by their own digest
        and their photos', simple values by repr, containers and dataclasses by their parts."""
        return hashlib.blake2b("\x1f".join([*extra, self._part(value)]).encode("utf-8"), digest_size=16).hexdigest()

    def _part(self, value: object) -> str:
        """The text `value` is digested as (long texts as their own digest), memoised by identity."""
        kind = self.kinds.get(type(value))
        if kind is None:
            kind = self.kinds[type(value)] = _kind_of(type(value))
        how = kind[0]
        if how == _REPR:
            return repr(value)
        if how == _RECORD:
            # its address too: a record file renamed (same text, same digest) shows a new URL in every list
            return value.url + value.digest + "".join(  # type: ignore[attr-defined,no-any-return]
                self.photos[p].sha for p in value.photos if p in self.photos)  # type: ignore[attr-defined]
        key = id(value)
        found = self.memo.get(key)
        if found is not None:
            return found
        text = self._text(how, kind[1], value)
        if len(text) > 64:
            text = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        self.memo[key] = text
        self.alive.append(value)
        return text

    def _text(self, how: int, names: tuple[str, ...], value: object) -> str:
        """The text of a container, a dataclass (its fields `names`), a photo or another value."""
        part, plain = self._part, _PLAIN
        if how == _FIELDS:
            fields = [getattr(value, name) for name in names]
            return type(value).__name__ + "(" + "\x1e".join([repr(v) if type(v) in plain else part(v)
                                                           for v in fields]) + ")"
        if how == _ITEMS:
            return "[" + "\x1e".join([repr(v) if type(v) in plain else part(v)
                                       for v in value]) + "]"  # type: ignore[attr-defined]
        if how == _MAPPING:
            return "{" + "\x1e".join([repr(k) + ":" + part(value[k])  # type: ignore[index]
                                       for k in sorted(value, key=repr)]) + "}"  # type: ignore[call-overload]
        if how == _SET:
            return "[" + "\x1e".join([part(item) for item in sorted(value, key=repr)]) + "]"  # type: ignore[call-overload]
        if how == _PHOTO:
            return value.sha  # type: ignore[attr-defined,no-any-return]
        return repr(value)


def fingerprint(value: object, photos: Mapping[PurePosixPath, Photo], *extra: str) -> str:
    """The digest of one value (Fingerprinter.of) with nothing memoised across calls."""
    return Fingerprinter(photos).of(value, *extra)
