"""Where the editor may read and write: record paths from requests, writes kept inside the content folder.

Every refusal is an `EditError` carrying the HTTP status the server answers with. One lock makes the
version check and the write of a change one step (the server answers in threads).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.edit.forms import KINDS
from sitegen.errors import KeyedError
from sitegen.write.files import replace_file

SUFFIXES: Final = (".md", ".yaml", ".yml")
# One change at a time: the version check and the write of a save (or a delete) are one step, so two
# tabs saving the same record at once cannot both pass the check (the server answers in threads).
WRITING: Final = threading.Lock()


class EditError(KeyedError):
    """A request the editor refuses: `status` is the HTTP status, `key` the message key."""

    def __init__(self, status: int, key: str, **args: object) -> None:
        self.status = status
        super().__init__(key, **args)


def version_of(data: bytes) -> str:
    """A file's version as the form carries it: the first 20 hex digits of the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()[:20]


def safe_record_path(content: Path, rel: str) -> PurePosixPath:
    """A record path from a request, refused unless it names a record file inside a kind folder."""
    path = PurePosixPath(rel.replace("\\", "/"))
    if (path.is_absolute() or len(path.parts) != 2 or path.parts[0] not in KINDS or ".." in path.parts
            or path.name.startswith(".") or path.suffix.lower() not in SUFFIXES or "\0" in rel):
        raise EditError(400, "edit.bad_path")
    target = content.joinpath(*path.parts)
    if target.is_symlink() or not target.resolve().is_relative_to(content.resolve()):
        raise EditError(400, "edit.bad_path")
    return path


def ensure_inside(content: Path, path: Path) -> None:
    """Refuse (EditError 400) a file whose folder, once links are followed, is not inside `content`.

    A folder of the content (media/, .trash/, a kind folder) may be a link to somewhere else;
    the editor never writes there. A folder not made yet is judged by the nearest one that is.
    """
    root = content.resolve()
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        if folder.is_symlink():  # a dangling link: where it points is not ours to create
            raise EditError(400, "edit.bad_path")
        folder = folder.parent
    if path.is_symlink() or not folder.resolve().is_relative_to(root):
        raise EditError(400, "edit.bad_path")


def write_atomically(content: Path, path: Path, text: str | bytes) -> None:
    """Write beside the file, then replace it; only inside the content folder (EditError 400 otherwise)."""
    ensure_inside(content, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_inside(content, path)  # again: the folder just made must not lead out either
    replace_file(path, text, shared=True)
