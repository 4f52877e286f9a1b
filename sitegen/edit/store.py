"""The editor's record files: list them, read one into a form, save a form back, delete to .trash.

Files stay the source of truth. A save changes only the fields the form changed, through
ruamel.yaml's round trip, so the field order and every comment a person wrote stay where they
were. The new text is checked exactly as `sitegen check` would check it (overlaid on the content
folder) before anything is written; a file changed on disk since it was opened is never
overwritten. A record that does not pass yet can be kept as a draft under a `_` name, which
builds ignore, until it does.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Final

from sitegen.edit.forms import KINDS, form_for, photo_field
from sitegen.errors import ContentInvalid, Problem
from sitegen.kinds import kind as kind_entry
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.write.files import replace_file

SUFFIXES: Final = (".md", ".yaml", ".yml")
TRASH: Final = ".trash"
_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
# One change at a time: the version check and the write of a save (or a delete) are one step, so two
# tabs saving the same record at once cannot both pass the check (the server answers in threads).
_WRITING: Final = threading.Lock()


class EditError(Exception):
    """A request the editor refuses: `status` is the HTTP status, `key` the message key."""

    def __init__(self, status: int, key: str, **args: object) -> None:
        self.status = status
        self.key = key
        self.args_ = args
        super().__init__(key)


@dataclass(slots=True)
class Saved:
    """The outcome of a save: where the file is now, its version, and any problems by field."""

    path: str | None
    version: str | None
    written: bool
    draft_kept: bool = False
    errors: dict[str, list[str]] = field(default_factory=dict)  # field name ("" for the whole record) → messages
    warnings: dict[str, list[str]] = field(default_factory=dict)


def version_of(data: bytes) -> str:
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


def _yaml() -> Any:
    from ruamel.yaml import YAML

    handler = YAML()
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def _split(text: str, path: PurePosixPath) -> tuple[str, str]:
    """(YAML text, body) of a record file, split as `check` splits it (load/frontmatter.py);
    EditError 422 naming the line when a Markdown record's front matter is missing or unclosed."""
    from sitegen.load.frontmatter import split_front_matter

    if path.suffix.lower() != ".md":
        return text, ""
    split, problem = split_front_matter(text, path)
    if split is None:
        raise EditError(422, "edit.file_broken", problem=problem)
    return split.yaml_text, split.body.strip("\n")


def _round_trip(yaml_text: str, path: PurePosixPath) -> Any:
    """The record's YAML as ruamel's round-trip data, or EditError 422 naming the file and line.

    The text is first read as `check` reads it (sitegen.load.yamlfile), which refuses anchors and
    aliases before anything expands (an alias bomb never reaches ruamel), tags, duplicate keys and
    deep nesting; a file it refuses must be mended in a text editor, and the message says where.
    """
    from ruamel.yaml.error import YAMLError

    from sitegen.load.yamlfile import parse_yaml

    if not yaml_text.strip():
        return None
    first_line = 2 if path.suffix.lower() == ".md" else 1
    _, problems = parse_yaml(yaml_text, path, first_line)
    if problems:
        raise EditError(422, "edit.file_broken", problem=problems[0])
    try:
        return _yaml().load(yaml_text)
    except YAMLError as e:  # what PyYAML reads and ruamel does not: name the place, not ruamel's words
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        raise EditError(422, "edit.file_broken", problem=Problem(path, line, "yaml.syntax",
                                                                  {"detail": type(e).__name__})) from None


def _masked(name: str) -> str:
    from sitegen.model.privacy import mask_name

    return mask_name(name)


def list_records(content: Path, kind: str) -> list[dict[str, Any]]:
    """Every record file of a kind with what the list shows; a wisher only masked, drafts marked."""
    from sitegen.load.files import SourceFile
    from sitegen.load.records import load_file

    folder = content / kind
    rows: list[dict[str, Any]] = []
    if not folder.is_dir():
        return rows
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or entry.suffix.lower() not in SUFFIXES:
            continue
        if entry.is_symlink() or not entry.is_file():
            continue
        rel = PurePosixPath(kind, entry.name)
        stat = entry.stat()
        records, _ = load_file(SourceFile(rel, kind, stat.st_size, stat.st_mtime_ns), content)
        for raw in records[:1] if len(records) == 1 else []:
            fields = raw.fields
            place = fields.get("place")
            rows.append({
                "path": str(rel), "title": str(fields.get(kind_entry(kind).title_field, entry.stem)),
                "status": str(fields.get("status", "")),
                "date": str(fields.get(kind_entry(kind).date_field or "", "") or "")[:10],
                "place": str(place) if isinstance(place, str) else "",
                "draft": entry.name.startswith("_") or str(fields.get("draft", "")).lower() in ("true", "yes"),
                "unfinished": entry.name.startswith("_"),
                "who": _masked(str(fields["wisher"])) if kind == "wishes" and fields.get("wisher") else "",
            })
        if len(records) > 1:
            rows.append({"path": str(rel), "title": entry.name, "status": "", "date": "", "place": "", "draft": False,
                         "unfinished": False, "who": "", "many": len(records)})
    return rows


def read_record(content: Path, rel: str) -> dict[str, Any]:
    """One record as the form shows it: field values as text, the body, and the file's version."""
    path = safe_record_path(content, rel)
    target = content.joinpath(*path.parts)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise EditError(404, "edit.not_found", path=rel) from None
    text = data.decode("utf-8-sig", errors="replace")
    yaml_text, body = _split(text, path)
    loaded = _round_trip(yaml_text, path) or {}
    if not isinstance(loaded, dict):
        raise EditError(422, "edit.many_records")
    return {"path": str(path), "kind": path.parts[0], "version": version_of(data),
            "fields": _plain(dict(loaded)), "body": body}


def _plain(value: Any) -> Any:
    """ruamel's values as JSON: dates as YYYY-MM-DD text, maps and lists as plain ones."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return str(value)


def _typed(spec_input: str, value: Any) -> Any:
    """A form value as it should be written: numbers as numbers, dates as dates, lists as lists."""
    if value is None or value == "" or value == []:
        return None
    if spec_input == "checkbox":
        return bool(value)
    if spec_input in ("number", "money") and isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        if re.fullmatch(r"-?\d+\.\d+", text):
            return float(text)
        return text
    if spec_input in ("date", "datetime") and isinstance(value, str):
        text = value.strip().replace("T", " ")
        return _as_date(text) if _DAY.fullmatch(text) else text
    from sitegen.validate.fields import clean_line, clean_text

    if spec_input == "list":
        items = value if isinstance(value, list) else str(value).split("\n")
        return [clean_line(str(v)) for v in items if clean_line(str(v))] or None
    if isinstance(value, str):  # as `check` reads it: no control, zero-width or bidi characters
        return (clean_line(value) if spec_input != "textarea" else clean_text(value)) or None
    return value


def _as_date(text: str) -> date | str:
    """A real day is written as a date; an impossible one (2026-13-01) as typed, for `check` to name."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _apply(data: Any, kind: str, values: dict[str, Any], messages: Messages) -> None:
    """Set, change or remove each form field in the round-trip map, new keys in the schema's order."""
    from ruamel.yaml.comments import CommentedMap

    specs = {spec.name: spec for spec in form_for(kind, messages)}
    order = [*specs, "photo", "photos", "draft"]
    for name in order:
        if name not in values:
            continue
        spec = specs.get(name)
        if spec is not None and spec.input in ("group", "rows"):
            wanted = _nested(spec, values[name])
        elif name in ("photos",):
            wanted = [str(v) for v in values[name] or [] if str(v).strip()] or None
        elif name in ("photo",):
            wanted = str(values[name] or "").strip() or None
        elif name == "draft":
            wanted = True if values[name] else None
        else:
            wanted = _typed(spec.input if spec else "text", values[name])
        if wanted is None:
            data.pop(name, None)
        elif _plain(data.get(name)) != _plain(wanted):
            if name in data:
                data[name] = wanted
            else:
                before = [key for key in order[: order.index(name)] if key in data]
                position = list(data.keys()).index(before[-1]) + 1 if before else 0
                data.insert(position, name, wanted) if isinstance(data, CommentedMap) else data.update({name: wanted})


def _nested(spec: Any, value: Any) -> Any:
    """meeting / votes as a map, timeline as a list of maps; empty parts left out."""
    if spec.input == "group":
        if not isinstance(value, dict):
            return None
        out = {}
        for part in spec.fields:
            typed = _typed(part.input, value.get(part.name))
            if typed is not None:
                out[part.name] = typed
        return out or None
    rows = []
    for row in value if isinstance(value, list) else []:
        if not isinstance(row, dict):
            continue
        entry = {part.name: _typed(part.input, row.get(part.name)) for part in spec.fields}
        entry = {k: v for k, v in entry.items() if v is not None}
        if entry:
            rows.append(entry)
    return rows or None


def _text_of(data: Any, body: str, markdown: bool) -> str:
    stream = io.StringIO()
    if data:
        _yaml().dump(data, stream)
    yaml_text = stream.getvalue()
    if not markdown:
        return yaml_text
    body = body.replace("\r\n", "\n").strip("\n")
    return "---\n" + yaml_text + "---\n" + (f"\n{body}\n" if body else "")


def new_name(content: Path, kind: str, values: dict[str, Any]) -> PurePosixPath:
    """A file name for a new record, as `sitegen new` makes them (never the wisher's name)."""
    from sitegen.slugs import slugify

    entry = kind_entry(kind)
    title = str(values.get(entry.title_field) or "")
    stem = slugify(title, 60) or "record"
    day = str(values.get(entry.date_field or "") or "")[:4]
    if entry.dated:
        stem = f"{day if re.fullmatch(r'[0-9]{4}', day) else date.today().year}-{stem}"
    candidate, number = stem, 2
    while any((content / kind / f"{candidate}{s}").exists() or (content / kind / f"_{candidate}{s}").exists()
              for s in SUFFIXES):
        candidate, number = f"{stem}-{number}", number + 1
    return PurePosixPath(kind, f"{candidate}{entry.suffix}")


def save_record(content: Path, kind: str, rel: str | None, version: str | None, values: dict[str, Any],
                body: str, messages: Messages, *, keep_as_draft: bool = False) -> Saved:
    """Check the form's record as `check` would and write it, or say what is wrong by field.

    With keep_as_draft, a record that does not pass yet is still kept, under a `_` name that
    builds ignore. Raises EditError 409 when the file changed on disk since `version` (also when
    another save of it finished first), 422 when the file on disk cannot be read as YAML, 400
    when the file would land outside the content folder.
    """
    with _WRITING:
        return _save_record(content, kind, rel, version, values, body, messages, keep_as_draft)


def _save_record(content: Path, kind: str, rel: str | None, version: str | None, values: dict[str, Any],
                 body: str, messages: Messages, keep_as_draft: bool) -> Saved:
    if kind not in KINDS:
        raise EditError(400, "edit.bad_kind")
    if rel:
        path = safe_record_path(content, rel)
        target = content.joinpath(*path.parts)
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            raise EditError(409, "edit.gone") from None
        if version_of(current) != version:
            raise EditError(409, "edit.changed_on_disk")
        yaml_text, _ = _split(current.decode("utf-8-sig", errors="replace"), path)
        data = _round_trip(yaml_text, path)
        if data is not None and not isinstance(data, dict):
            raise EditError(422, "edit.many_records")
    else:
        path = new_name(content, kind, values)
        data = None
    if data is None:
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
    _apply(data, kind, values, messages)
    markdown = path.suffix.lower() == ".md"
    text = _text_of(data, body, markdown)
    final = path.with_name(path.name.removeprefix("_"))  # a kept draft that now passes gets its real name
    errors, warnings = _check(content, final, text, kind, messages, replaces=path)
    if errors and not keep_as_draft:
        return Saved(path=str(path) if rel else None, version=version, written=False, errors=errors, warnings=warnings)
    destination = path.with_name("_" + final.name) if errors else final
    if destination != path and content.joinpath(*destination.parts).exists():
        raise EditError(409, "edit.name_taken", path=str(destination))
    _write_atomically(content, content.joinpath(*destination.parts), text)
    if destination != path and rel:
        content.joinpath(*path.parts).unlink(missing_ok=True)
    written = content.joinpath(*destination.parts).read_bytes()
    return Saved(path=str(destination), version=version_of(written), written=True, draft_kept=bool(errors),
                 errors=errors, warnings=warnings)


def _check(content: Path, path: PurePosixPath, text: str, kind: str, messages: Messages,
           replaces: PurePosixPath | None = None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Problems of this record when written at `path`, by field; problems elsewhere are not its own."""
    from sitegen import pipeline
    from sitegen.load.files import SourceFile
    from sitegen.load.records import parse_file

    overlay = {path: text}  # an unfinished draft's `_` file (`replaces`) is ignored by builds anyway
    try:
        problems: list[Problem] = pipeline.check(content, Options(drafts=True), overlay=overlay).warnings
    except ContentInvalid as e:
        problems = e.problems
    records, _ = parse_file(SourceFile(path, kind, len(text), 0), text)
    lines = records[0].lines if records else {}
    errors: dict[str, list[str]] = {}
    warnings: dict[str, list[str]] = {}
    words = _form_words(kind, messages)
    for problem in problems:
        if problem.path != path:
            continue
        name = _field_at(lines, problem)
        bucket = warnings if problem.warning else errors
        args = {key: words.get(str(value), value) for key, value in problem.args.items()}
        text = re.sub(r"`([^`]+)`", r"“\1”", messages.text(problem.key, **args))
        bucket.setdefault(name, []).append(text)
    return errors, warnings


def _form_words(kind: str, messages: Messages) -> dict[str, str]:
    """Field names and enumeration values as the form shows them: a message names 认领人, not claimed_by."""
    words: dict[str, str] = {}
    for spec in form_for(kind, messages):
        words[spec.name] = spec.label
        words.update(dict(spec.choices))
        for part in spec.fields:
            words[f"{spec.name}.{part.name}"] = f"{spec.label} · {part.label}"
    return words


def _field_at(lines: dict[tuple[str | int, ...], int], problem: Problem) -> str:
    """The top-level field a problem points at (its line, or the field its message names)."""
    named = str(problem.args.get("field", "")).split(".")[0].split("[")[0]
    if named:
        return named
    for at, line in sorted(lines.items(), key=lambda item: -item[1]):
        if problem.line is not None and line <= problem.line and at and isinstance(at[0], str):
            return at[0]
    return ""


def delete_record(content: Path, rel: str, version: str | None) -> str:
    """Move a record file to .trash (builds ignore it; put it back by moving it). Returns where it went."""
    path = safe_record_path(content, rel)
    target = content.joinpath(*path.parts)
    with _WRITING:
        if not target.is_file():
            raise EditError(404, "edit.not_found", path=rel)
        if version is not None and version_of(target.read_bytes()) != version:
            raise EditError(409, "edit.changed_on_disk")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = content / TRASH / path.parts[0] / f"{stamp}-{path.name}"
        _ensure_inside(content, destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        _ensure_inside(content, destination)
        shutil.move(str(target), str(destination))
    return str(destination.relative_to(content).as_posix())


def save_photo(content: Path, filename: str, data: bytes) -> str:
    """Store an uploaded picture under media/ with a safe, content-derived name; only JPEG, PNG, WebP."""
    from PIL import Image, UnidentifiedImageError

    from sitegen.slugs import slugify

    if len(data) > 30 * 1024 * 1024:
        raise EditError(413, "edit.photo_too_large")
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
    with _WRITING:
        if not target.exists():
            _write_atomically(content, target, data)
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


def places(content: Path) -> list[str]:
    """Every place path the disclosures use, and each of its upper levels, for the place picker."""
    from sitegen.load import load_content

    found: set[str] = set()
    for raw in load_content(content).records:
        place = raw.fields.get("place") if raw.kind in ("disclosures", "wishes") else None
        if isinstance(place, str) and place.strip():
            levels = [level.strip() for level in place.replace("／", "/").split("/") if level.strip()]
            found.update("/".join(levels[: i + 1]) for i in range(len(levels)))
    return sorted(found)


def _ensure_inside(content: Path, path: Path) -> None:
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


def _write_atomically(content: Path, path: Path, text: str | bytes) -> None:
    """Write beside the file, then replace it; only inside the content folder (EditError 400 otherwise)."""
    _ensure_inside(content, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _ensure_inside(content, path)  # again: the folder just made must not lead out either
    replace_file(path, text)


__all__ = ["EditError", "Saved", "delete_record", "list_records", "photo_field", "places", "read_record",
           "save_photo", "save_record", "thumbnail"]
