"""A page's fingerprint: a digest of everything it shows, so an unchanged page is never rendered again.

Records carry their own digest (source, photos, derived state such as "upcoming"), so a list of
twenty records costs twenty string joins, not twenty re-serialisations.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath

from sitegen.model.records import Record
from sitegen.render.images import Photo


def _parts(value: object, photos: Mapping[PurePosixPath, Photo], out: list[str]) -> None:
    if isinstance(value, Record):
        out.append(value.digest)
        out.extend(photos[p].sha for p in value.photos if p in photos)
    elif isinstance(value, Photo):
        out.append(value.sha)
    elif isinstance(value, (str, int, float, bool, date, datetime, PurePosixPath)) or value is None:
        out.append(repr(value))
    elif isinstance(value, Mapping):
        for key in sorted(value, key=repr):
            out.append(repr(key))
            _parts(value[key], photos, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        out.append(f"[{len(value)}")
        for item in value:
            _parts(item, photos, out)
    elif dataclasses.is_dataclass(value):
        out.append(type(value).__name__)
        for field in dataclasses.fields(value):
            _parts(getattr(value, field.name), photos, out)
    else:
        out.append(repr(value))


def fingerprint(value: object, photos: Mapping[PurePosixPath, Photo], *extra: str) -> str:
    out = list(extra)
    _parts(value, photos, out)
    return hashlib.blake2b("\x1f".join(out).encode("utf-8"), digest_size=16).hexdigest()
