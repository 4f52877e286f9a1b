"""Photos in the editor: an upload stored under media/, and small upright thumbnails for the form."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path, PurePosixPath

from sitegen.edit.files import WRITING, EditError, write_atomically


def save_photo(content: Path, filename: str, data: bytes) -> str:
    """Store an uploaded picture under media/ with a safe, content-derived name; only JPEG, PNG, WebP.

    EditError 413 over 30 MB; 422 `edit.heic` for an iPhone HEIC photo (how to save it as JPEG),
    422 `edit.not_a_photo` for anything else Pillow does not open as one of the three.
    """
    from PIL import Image, UnidentifiedImageError

    from sitegen.slugs import slugify

    from sitegen.validate.photos import is_heif

    if len(data) > 30 * 1024 * 1024:
        raise EditError(413, "edit.photo_too_large")
    if is_heif(data[:16]):
        raise EditError(422, "edit.heic")
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise EditError(422, "edit.not_a_photo") from None
    suffix = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}.get(fmt or "")
    if suffix is None:
        raise EditError(422, "edit.not_a_photo")
    stem = slugify(PurePosixPath(filename.replace("\\", "/")).stem, 40) or "photo"
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}{suffix}"
    target = content / "media" / name
    with WRITING:
        if not target.exists():
            write_atomically(content, target, data)
    return f"media/{name}"


def thumbnail(content: Path, rel: str, size: int = 320) -> bytes:
    """A small JPEG of a photo under media/, turned upright, with no metadata."""
    from PIL import Image, ImageOps

    path = PurePosixPath(rel.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts or path.parts[0] != "media":
        raise EditError(400, "edit.bad_path")
    target = content.joinpath(*path.parts)
    if target.is_symlink() or not target.resolve().is_relative_to(content.resolve()) or not target.is_file():
        raise EditError(404, "edit.not_found", path=rel)
    try:
        with Image.open(target) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
            upright.thumbnail((size, size))
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=80)
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        raise EditError(422, "edit.not_a_photo") from None
