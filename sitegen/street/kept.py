"""street.yaml and the street's community folders as the last build read them, kept beside OUT.

Reading a street (street/read.py) validates street.yaml with the record schemas, and loading them
(pydantic and sitegen/validate/schema.py) is a third of what a street rebuild with nothing to do
imports: about 0.1 s on the 2-core bench machine. A rebuild whose street folder is as the last one
read it takes the read from `.OUT.sitegen-cache/street-read.json` instead and never loads them.

The kept read is used only when all it came from is as it was (`_key`): sitegen's code, --base-url,
the street folder's path (as given and resolved), street.yaml's bytes, the street folder's entries
(name, whether a folder, whether a link and where it points) with each folder's site.yaml bytes (a
community's base_url is checked against the street's), and the theme folder street.yaml names
(where it resolves, whether it is a folder). Only a read without errors is kept (one with errors
stops the build anyway), and only when its warnings' arguments are JSON values that read back equal.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.errors import Problem
from sitegen.load.files import SITE_FILE
from sitegen.paths import code_digest
from sitegen.pipeline.cache import cache_dir
from sitegen.street.config import COMMUNITY_NAME, STREET_FILE, Community, Office, Street, StreetRead
from sitegen.write.files import replace_file

KEPT_FILE: Final = "street-read.json"


def kept_file(out: Path) -> Path:
    """Where the read of the street built into `out` is kept: in the street's cache folder (that of
    the folder a link `out` points to, as the build's own, write/slots.py output_folder)."""
    return cache_dir(out.resolve() if out.is_symlink() else out) / KEPT_FILE


def read_kept(folder: Path, base_url: str | None, out: Path | None) -> tuple[StreetRead, Callable[[], None]]:
    """The street in `folder` (street/read.py `read_street`, with `base_url` replacing street.yaml's),
    as the build into `out` kept it when it came from what `folder` holds now, else read again; and
    what keeps a fresh read for the next build (to be called once the output lock is held).
    Without `out`, the street is read and nothing is kept."""
    kept = kept_file(out) if out is not None else None
    key = _key(folder, base_url) if kept is not None else ""
    if kept is not None and key:
        found = _load(kept, key, folder)
        if found is not None:
            return found, lambda: None
    from sitegen.street.read import read_street  # the schemas are loaded only here

    read = read_street(folder, base_url)
    return read, (lambda: keep(kept, key, read)) if kept is not None and key else (lambda: None)


def keep(kept: Path, key: str, read: StreetRead) -> None:
    """Keep `read` (made when `folder` hashed to `key`) for the next build, when it has no error and
    its warnings read back equal; else remove what was kept."""
    text = _dumps(key, read) if key and read.street is not None else None
    if text is None:
        kept.unlink(missing_ok=True)
    else:
        replace_file(kept, text)


def _key(folder: Path, base_url: str | None) -> str:
    """32 hex digits of what a read of `folder` comes from (module docstring); "" when something cannot be read."""
    digest = hashlib.blake2b(digest_size=16)

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode("utf-8", "surrogateescape"))

    try:
        add(code_digest(), base_url, os.fspath(folder), os.path.realpath(folder), (folder / STREET_FILE).read_bytes())
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        for entry in entries:
            link = entry.is_symlink()
            add(entry.name, entry.is_dir(), link, os.path.realpath(entry.path) if link else "")
            if entry.is_dir():
                add(_bytes(Path(entry.path) / SITE_FILE))
    except (OSError, ValueError):
        return ""
    return digest.hexdigest()


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _theme(folder: Path, theme: str | None) -> list[object] | None:
    """Where street.yaml's theme folder resolves and whether it is one (None without a theme)."""
    if theme is None:
        return None
    return [os.path.realpath(folder / theme), (folder / theme).is_dir()]


def _dumps(key: str, read: StreetRead) -> str | None:
    assert read.street is not None
    if any(not p.warning for p in read.problems):
        return None
    street = dataclasses.asdict(read.street)
    street.pop("folder")
    problems = [[str(p.path), p.line, p.key, dict(p.args), p.warning] for p in read.problems]
    data = {"key": key, "theme": _theme(read.street.folder, read.street.theme), "street": street,
            "communities": [c.slug for c in read.communities], "problems": problems}
    try:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return None
    if json.loads(text)["problems"] != problems:  # a tuple or a path among the arguments: not kept
        return None
    return text


def _load(kept: Path, key: str, folder: Path) -> StreetRead | None:
    """The kept read when it was kept under `key` (and the theme folder is as it was), else None."""
    try:
        data = json.loads(kept.read_text("utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        values = dict(data["street"])
        office = Office(**values.pop("office"))
        street = Street(folder=folder, office=office, **values)
        if _theme(folder, street.theme) != data["theme"]:
            return None
        slugs = [str(slug) for slug in data["communities"]]
        if not all(COMMUNITY_NAME.fullmatch(slug) for slug in slugs):  # never a path from a hand-edited file
            return None
        communities = [Community(slug=slug, content=folder / slug) for slug in slugs]
        problems = [Problem(PurePosixPath(path), line, key_, args, warning)
                    for path, line, key_, args, warning in data["problems"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # gone, or not as sitegen wrote it: read the street again
    return StreetRead(street=street, communities=communities, problems=problems)
