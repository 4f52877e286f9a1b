"""Plan every published photo once: its hash, orientation and variant sizes, from the header."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path, PurePosixPath

from sitegen.errors import Problem
from sitegen.kinds import ALL_KINDS
from sitegen.load.files import stat_mark
from sitegen.model.records import Model, Record
from sitegen.render.images import Photo, plan_photo


def _sha(content: Path, path: PurePosixPath, known: dict[str, tuple[int, int, str]]) -> str:
    """The photo's hash, read again only when its size or time changed."""
    file = content.joinpath(*path.parts)
    mark = stat_mark(file.stat())
    entry = known.get(str(path))
    if entry is not None and entry[:2] == mark:
        return entry[2]
    sha = hashlib.sha256(file.read_bytes()).hexdigest()
    known[str(path)] = (*mark, sha)
    return sha


def _users(model: Model) -> dict[PurePosixPath, Record]:
    """Each photo and the first record (in model order) that shows it: the one a problem points at."""
    users: dict[PurePosixPath, Record] = {}
    for record in (*model.records(), *model.pages):
        for path in record.photos:
            users.setdefault(path, record)
    return users


def _field(record: Record, path: PurePosixPath) -> str:
    """The field a record names `path` in, for the message: a kind's own photo field (a disclosure's
    `photo`) comes first in record.photos (validate/check.py), else `photos`."""
    own = next((k.photo_field for k in ALL_KINDS if k.folder == record.kind), "photos")
    return own if record.photos[:1] == (path,) else "photos"


def damaged_photos(model: Model, paths: list[PurePosixPath], content: Path | None = None) -> list[Problem]:
    """Photos whose pixels failed to decode when their variants were made, each at the line of the
    record showing it that names it (read from the record's file in `content`), else the record's first."""
    users = _users(model)
    return [Problem(users[path].source.path, _line_naming(content, users[path], path), "photo.damaged",
                    {"path": str(path), "field": _field(users[path], path)})
            for path in paths if path in users]


def _line_naming(content: Path | None, record: Record, path: PurePosixPath) -> int | None:
    """The first line of `record`'s file, from the record's own on, that names `path` (or its file name:
    typed without media/, or in another Unicode form); the record's first line when none does or the file
    cannot be read (left16: a photo found damaged only at build was said at the record's first line)."""
    first = record.source.line or 1
    if content is None:
        return record.source.line
    try:
        lines = (content / record.source.path).read_text("utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return record.source.line
    for wanted in _naming(path):
        for number, line in enumerate(lines[first - 1:], first):
            if wanted.search(unicodedata.normalize("NFC", line)):
                return number
    return record.source.line


def _naming(path: PurePosixPath) -> list[re.Pattern[str]]:
    """How a line names `path`, surest first: the path; typed without media/; the file name alone. Each
    a whole name: not the end of another (big-cut.jpg, 2024/cut.jpg) nor its start (cut.jpg.jpg), which
    were said as the damaged photo's line (break19c)."""
    text = unicodedata.normalize("NFC", str(path))
    forms = [text, text.removeprefix("media/"), unicodedata.normalize("NFC", path.name)]
    before = [r"(?<![\w.-])", r"(?<![\w./\\-])"]  # the path may follow ./ or a folder; a shorter form, neither
    return [re.compile(before[min(index, 1)] + re.escape(form) + r"(?![\w.-])")
            for index, form in enumerate(dict.fromkeys(forms))]


def plan_photos(model: Model, content: Path, known: dict[str, tuple[int, int, str]],
                planned: dict[tuple[PurePosixPath, str], Photo] | None = None,
                ) -> tuple[dict[PurePosixPath, Photo], list[Problem]]:
    """Every photo a record or page shows, by path, and the problems of those that cannot be read.

    `planned`: the photos a build before planned, by (path, sha256): a photo with the same bytes
    has the same header, so it is taken again without opening the file; replaced by this build's.
    """
    users = _users(model)
    photos: dict[PurePosixPath, Photo] = {}
    problems: list[Problem] = []
    kept = dict(planned) if planned is not None else {}
    if planned is not None:
        planned.clear()
    for path, record in sorted(users.items()):
        try:
            sha = _sha(content, path, known)
            photo = kept.get((path, sha)) or plan_photo(content, path, sha)
            photos[path] = photo
            if planned is not None:
                planned[(path, sha)] = photo
        except Exception as e:  # noqa: BLE001 - any Pillow failure is a problem with this photo
            problems.append(Problem(record.source.path, record.source.line, "image.failed",
                                    {"path": str(path), "detail": type(e).__name__, "field": _field(record, path)}))
    return photos, problems
