"""Plan every published photo once: its hash, orientation and variant sizes, from the header."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sitegen.errors import Problem
from sitegen.model.records import Model, Record
from sitegen.render.images import Photo, plan_photo


def plan_photos(model: Model, content: Path) -> tuple[dict[PurePosixPath, Photo], list[Problem]]:
    users: dict[PurePosixPath, Record] = {}
    for record in (*model.records(), *model.pages):
        for path in record.photos:
            users.setdefault(path, record)
    photos: dict[PurePosixPath, Photo] = {}
    problems: list[Problem] = []
    for path, record in sorted(users.items()):
        try:
            photos[path] = plan_photo(content, path)
        except Exception as e:  # noqa: BLE001 - any Pillow failure is a problem with this photo
            problems.append(Problem(record.source.path, record.source.line, "image.failed",
                                    {"path": str(path), "detail": type(e).__name__}))
    return photos, problems
