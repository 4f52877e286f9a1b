"""A page's fingerprint: a digest of everything it shows, so an unchanged page is never rendered again.

Records carry their own digest (source, photos, derived state such as "upcoming"), so a list of
twenty records costs twenty string joins, not twenty re-serialisations. Objects that many pages
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


class Fingerprinter:
    """Digests of page specs within one build; shared containers are walked once."""

    def __init__(self, photos: Mapping[PurePosixPath, Photo]) -> None:
        self.photos = photos
        self.memo: dict[int, str] = {}
        self.alive: list[object] = []  # keeps memoised objects alive, so their ids stay theirs

    def of(self, value: object, *extra: str) -> str:
        return hashlib.blake2b("\x1f".join([*extra, self._part(value)]).encode("utf-8"), digest_size=16).hexdigest()

    def _part(self, value: object) -> str:
        if isinstance(value, Record):
            return value.digest + "".join(self.photos[p].sha for p in value.photos if p in self.photos)
        if isinstance(value, _SIMPLE):
            return repr(value)
        key = id(value)
        found = self.memo.get(key)
        if found is not None:
            return found
        if isinstance(value, Photo):
            text = value.sha
        elif isinstance(value, Mapping):
            text = "{" + "\x1e".join(repr(k) + ":" + self._part(value[k]) for k in sorted(value, key=repr)) + "}"
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            text = "[" + "\x1e".join(self._part(item) for item in items) + "]"
        elif dataclasses.is_dataclass(value):
            text = type(value).__name__ + "(" + "\x1e".join(self._part(getattr(value, f.name))
                                                           for f in dataclasses.fields(value)) + ")"
        else:
            text = repr(value)
        if len(text) > 64:
            text = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        self.memo[key] = text
        self.alive.append(value)
        return text


def fingerprint(value: object, photos: Mapping[PurePosixPath, Photo], *extra: str) -> str:
    return Fingerprinter(photos).of(value, *extra)
