"""Photo paths: inside the content folder, exact case, and really a JPEG, PNG or WebP."""

from __future__ import annotations

import difflib
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.load.files import stat_mark
from sitegen.validate.fields import LIST_SEPARATORS

MAX_ASPECT: Final = 20  # a panorama is 4:1; a long screenshot 10:1
MAX_PIXELS: Final = 60_000_000  # a 12 MP phone photo is 12 M; 60 M leaves room, bombs do not fit
_MAGIC: Final = ((b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"))
_DRIVE: Final = re.compile(r"^[A-Za-z]:")
_SUFFIXES: Final = frozenset({".jpg", ".jpeg", ".png", ".webp"})
_HEIF_BRANDS: Final = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})


def sniff(head: bytes) -> str | None:
    """The photo format by its first bytes, never by its name (an .svg renamed .jpg is not a photo)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


# between photos a worker put on one line: what separates any list typed on one line, and spaces
_SEPARATORS: Final = re.compile(f"{LIST_SEPARATORS.pattern}|\\s+")
# One photo's name of several on a line, to the end of its suffix, a name with spaces whole (活动 1.jpg),
# then a separator or the line's end (left17: such a line was told as one missing name).
_NAMED: Final = re.compile(rf"\s*(.+?\.(?:jpe?g|png|webp|heic|heif|gif|bmp|tiff?))\s*(?:(?:{LIST_SEPARATORS.pattern})\s*|\s+|$)",
                           re.I)


# A name a YAML flow list would misread unquoted: starting with an indicator (#1.jpg, *a.jpg, @a.jpg), or
# holding ": ", " #", a comma or a bracket (break19b: the list suggested was refused or read as a mapping).
_NEEDS_QUOTES: Final = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|[,\[\]{}]|:$")


def _in_flow(name: str) -> str:
    """`name` as an item of a YAML flow list: as it is, or in single quotes when YAML would misread it."""
    return "'" + name.replace("'", "''") + "'" if _NEEDS_QUOTES.search(name) else name


def _named(value: str) -> list[str]:
    """The photo names of a line holding several, each to the end of its suffix (`_NAMED`): a name with
    a space in it stays whole; [] when the line is not all such names."""
    parts, at = [], 0
    while at < len(value):
        found = _NAMED.match(value, at)
        if found is None or found.end() == at:
            return []
        parts.append(found.group(1).strip())
        at = found.end()
    return parts


class PhotoChecker:
    """Check each referenced photo once, however many records share it.

    `known` remembers header checks by (size, mtime) across builds: a rebuild opens no unchanged photo.
    """

    def __init__(self, content: Path, known: dict[str, tuple[int, int, str | None]] | None = None) -> None:
        self.root = content.resolve()
        self.content = content
        self.known = known if known is not None else {}
        self._listings: dict[Path, frozenset[str]] = {}
        self._checked: dict[str, tuple[PurePosixPath | None, str | None, dict[str, object]]] = {}
        self._inside: dict[Path, bool] = {}  # a photo's folder → whether it leads inside the content folder

    def _listing(self, folder: Path) -> frozenset[str]:
        if folder not in self._listings:
            try:
                self._listings[folder] = frozenset(os.listdir(folder))
            except OSError:
                self._listings[folder] = frozenset()
        return self._listings[folder]

    def check(self, value: str) -> tuple[PurePosixPath | None, str | None, dict[str, object]]:
        """(normalised path, None, {}) when fine, else (None, message key, args)."""
        if value not in self._checked:
            found = self._check(value)
            if found[1] in ("photo.missing", "photo.missing_hint", "photo.in_media", "photo.url", "photo.bad_path"):
                found = self._several(value) or found
            self._checked[value] = found
        return self._checked[value]

    def _several(self, value: str) -> tuple[None, str, dict[str, object]] | None:
        """`media/a.jpg, media/b.jpg` on one line, no such file, but each part a photo that is there or
        a photo's name (newcomer17: with one of them missing, the line was told to be one missing
        name): photo.one_per_line, with them listed for the example; else None."""
        for parts in (_named(value), [p.strip() for p in _SEPARATORS.split(value) if p.strip()]):
            if len(parts) > 1 and all(PurePosixPath(part).suffix.lower() in _SUFFIXES or self.check(part)[1] is None
                                      for part in parts):
                break
        else:
            return None
        return None, "photo.one_per_line", {"path": value, "count": len(parts), "first": parts[0],
                                            "listed": ", ".join(_in_flow(part) for part in parts)}

    def _check(self, value: str) -> tuple[PurePosixPath | None, str | None, dict[str, object]]:
        args: dict[str, object] = {"path": value}
        parts, key = _relative_parts(value)
        if parts is None:
            return None, key, args
        folder, key, extra = self._on_disk(parts)
        if key is not None:
            return None, key, {**args, **extra}
        key = self._file_problem(folder)
        if key == "photo.folder":
            return None, key, {**args, **self._example(folder, parts)}
        if key is not None:
            return None, key, args
        return PurePosixPath(*parts), None, {}

    def _on_disk(self, parts: list[str]) -> tuple[Path, str | None, dict[str, object]]:
        """(the file, None, {}), each of `parts` changed to the name on disk in place when only its
        Unicode form differs; else (folder reached, message key, its arguments): "photo.case" with
        `actual`, the name on disk; "photo.in_media" with `suggestion`, the path typed under media/,
        where it is; "photo.missing_hint" with `suggestion`, the path typed with the missing part
        replaced by a name of its folder close to it (a digit or a letter off, another
        extension); "photo.missing"."""
        folder = self.content
        for index, part in enumerate(parts):
            names = self._listing(folder)
            if part not in names:
                same = _same_name(names, part)
                if same is None:
                    match = next((n for n in names if _folded(n) == _folded(part)), None)
                    if match is not None:
                        return folder, "photo.case", {"actual": match}
                    in_media = "/".join(["media", *parts])  # 照片.jpg typed for media/照片.jpg: the folder left out
                    if index == 0 and part != "media" and self.check(in_media)[1] is None:
                        return folder, "photo.in_media", {"suggestion": in_media}
                    suggestion = self._suggestion(["/".join([*parts[:index], close, *parts[index + 1:]])
                                                   for close in _close_names(names, part)])
                    if suggestion is not None:
                        return folder, "photo.missing_hint", {"suggestion": suggestion}
                    return folder, "photo.missing", {}
                parts[index] = part = same  # typed NFC, stored NFD (a Mac), or the reverse: the name on disk
            folder = folder / part
        return folder, None, {}

    def _suggestion(self, candidates: list[str]) -> str | None:
        """The first of `candidates` (paths as typed) that is a good photo, or whose own close name is:
        a suggestion is never a folder, a document, a HEIC or a file whose other parts are missing."""
        for candidate in candidates:
            _, key, args = self.check(candidate)
            if key is None or key == "photo.missing_hint":
                return str(args["suggestion"]) if key else candidate
        return None

    def _example(self, folder: Path, parts: list[str]) -> dict[str, object]:
        """`example`: the folder's path with the first good photo of its first ten (by name, hidden ones
        left out), or with 照片.jpg."""
        photos = sorted(n for n in self._listing(folder) if Path(n).suffix.lower() in _SUFFIXES and n[0] != ".")
        example = self._suggestion(["/".join([*parts, name]) for name in photos[:10]])
        return {"example": example or "/".join([*parts, "照片.jpg"])}

    def _file_problem(self, path: Path) -> str | None:
        """The message key of what is wrong with the file itself (outside, not a file, not a photo), or None.

        A photo checked by an earlier build and unchanged since costs one lstat (`_known_problem`); any
        other is looked at whole: where it leads, what it is, its first bytes and its header.
        """
        known = self._known_problem(path)
        if known is not None:
            return known[0]
        try:
            inside = path.resolve().is_relative_to(self.root)
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            return "photo.outside"
        if path.is_dir():
            return "photo.folder"
        if not path.is_file():
            return "photo.missing"
        try:
            with open(path, "rb") as handle:
                head = handle.read(16)
        except OSError:
            return "photo.unreadable"
        if sniff(head) is None:
            return "photo.heic" if is_heif(head) else "photo.not_a_photo"
        mark = stat_mark(path.stat())
        entry = self.known.get(str(path))
        if entry is not None and entry[:2] == mark:
            return entry[2]
        problem = _header_problem(path)
        self.known[str(path)] = (*mark, problem)
        return problem

    def _known_problem(self, path: Path) -> tuple[str | None] | None:
        """(the recorded header problem,) of a regular file (by its lstat: not a link) that an earlier
        build recorded with the same size and change time, in a folder that leads inside the content
        folder; else None, and the file is looked at whole.

        `known` holds a photo only once it was opened, sniffed as a photo and its header read, under its
        stat_mark then: its bytes, its permissions (chmod sets the ctime) and the file at its name (a
        file put in its place is another inode with its own times) are as they were. Its folder is
        resolved once a build: a folder that is a link leading outside makes the photo "photo.outside".
        """
        entry = self.known.get(str(path))
        if entry is None:
            return None
        try:
            info = os.lstat(path)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode) or entry[:2] != stat_mark(info):
            return None
        folder = path.parent
        inside = self._inside.get(folder)
        if inside is None:
            try:
                inside = self._inside[folder] = folder.resolve().is_relative_to(self.root)
            except (OSError, RuntimeError):
                inside = self._inside[folder] = False
        return (entry[2],) if inside else None


def _relative_parts(value: str) -> tuple[list[str] | None, str | None]:
    """(the path's parts, None) for a relative path inside the content, else (None, message key)."""
    if "\x00" in value or not value.strip():
        return None, "photo.bad_path"
    if "://" in value or value.lower().startswith(("file:", "data:", "javascript:")):
        return None, "photo.url"
    text = value.strip().replace("\\", "/")
    if text.startswith("/") or _DRIVE.match(text):
        return None, "photo.absolute"
    parts: list[str] = []
    for part in text.split("/"):
        if part == "..":  # media/活动/../活动/合影.jpg stays inside; media/../../x.jpg does not
            if not parts:
                return None, "photo.outside"
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    if not parts:
        return None, "photo.outside"
    return parts, None


def is_heif(head: bytes) -> bool:
    """An HEIF/HEIC photo (an iPhone's "高效" format; ISO/IEC 23008-12): an ISO box `ftyp` whose brand
    is one of HEIF's. Pillow cannot read it, and neither can most browsers or WeChat's."""
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def _close_names(names: frozenset[str], typed: str) -> list[str]:
    """The names in `names` close to `typed`, closest first: the same name with another extension
    (合影.jpeg for 合影.jpg), then up to three by difflib ratio ≥ 0.75; hidden names (.*) never."""
    names = frozenset(n for n in names if n[0] != ".")
    stem = Path(typed).stem.casefold()
    same_stem = sorted(n for n in names if Path(n).stem.casefold() == stem)
    return same_stem + difflib.get_close_matches(typed, sorted(set(names) - set(same_stem)), n=3, cutoff=0.75)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _same_name(names: frozenset[str], typed: str) -> str | None:
    """The name in `names` that is `typed` in another Unicode normalisation form (照片 as NFC or NFD)."""
    wanted = unicodedata.normalize("NFC", typed)
    return next((n for n in sorted(names) if unicodedata.normalize("NFC", n) == wanted), None)


@contextmanager
def strict_decoding() -> Iterator[None]:
    """Inside, Pillow refuses image data cut short instead of filling the rest with grey.

    `PIL.ImageFile.LOAD_TRUNCATED_IMAGES` is one switch for the whole process, and libraries turn
    it on: WeasyPrint 70 sets it True when imported (a `build --pdf`, or any earlier import in the
    same process), which let a photo cut in half pass as good. The switch is set back on leaving.
    """
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _header_problem(path: Path) -> str | None:
    """Read the header first (a bomb's size is known without decoding it), then decode every byte.

    A photo cut short by a failed copy or upload has a good header and stops mid-data: only a
    decode finds it. JPEGs are decoded at 1/8 scale (libjpeg still reads every block), ~20 ms for
    a 12 MP photo; the result is remembered by size and time, so a rebuild decodes nothing again.
    """
    from PIL import Image

    try:
        with warnings.catch_warnings(), strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return "photo.too_large"
                try:
                    if image.format == "JPEG":
                        image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                    image.load()
                except Exception:  # noqa: BLE001 - truncated data, bad Huffman table, zlib error…
                    return "photo.damaged"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "photo.too_large"
    except Exception:  # noqa: BLE001 - Pillow raises many types for a broken header
        return "photo.unreadable"
    if width * height > MAX_PIXELS:
        return "photo.too_large"
    if max(width, height) > MAX_ASPECT * min(width, height):  # a 100×70000 strip: no JPEG can hold its variants
        return "photo.aspect"
    return None
