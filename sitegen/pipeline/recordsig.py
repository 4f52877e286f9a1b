"""What a record's ident (pipeline/replan.py Replanner.ident) is made of, as values compared
exactly: under serve the records are made again on every build, and an ident, a text of
reprs, is taken from the last build when these values are equal, at a tenth of its cost.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from sitegen.model.records import Record
from sitegen.render.images import Photo


def exact(value: date | None) -> tuple[object, ...]:
    """A date or datetime as compared for its repr: its type, value, time zone object and fold
    (two aware datetimes of one instant compare equal across zones). The zone object is named by
    its id while `value`, which holds it alive, is held in the same tuple."""
    tz = getattr(value, "tzinfo", None)
    return (type(value), value, id(tz) if tz is not None else None, getattr(value, "fold", 0))


def record_sig(record: Record, photos: dict[PurePosixPath, Photo]) -> tuple[object, ...]:
    """What Replanner._ident reads of a record, as values whose equality means an equal ident,
    and far cheaper than the text (no repr): URL parts, digest, dates, source, year, tags, place
    slug and the photos' hashes."""
    place = getattr(record, "place", None)
    day = record.day
    return (record.kind, record.slug, record.digest, day if type(day) is date else exact(day), exact(record.updated),
            str(record.source), record.year, record.tags, getattr(place, "slug", "") if place is not None else "",
            tuple(photos[p].sha if p in photos else "-" for p in record.photos) if record.photos else ())
