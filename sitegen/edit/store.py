"""The editor's record files: list them, read one into a form, save a form back, delete to .trash.

Files stay the source of truth. A save changes only the fields the form changed, through
ruamel.yaml's round trip, so the field order and every comment a person wrote stay where they
were. The new text is checked exactly as `sitegen check` would check it (overlaid on the content
folder) before anything is written; a file changed on disk since it was opened is never
overwritten. A record that does not pass yet can be kept as a draft under a `_` name, which
builds ignore, until it does. A `_` file is a draft to the form too: it keeps its name until the
worker unticks its draft box, and a save that publishes or hides a record says so.
"""

from __future__ import annotations

import re
import shutil
from codecs import BOM_UTF8
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Final

from sitegen.edit.checking import check_form as _check
from sitegen.edit.files import (SUFFIXES, WRITING, EditError, ensure_inside, safe_record_path, version_of,
                                write_atomically)
from sitegen.edit.forms import KINDS, photo_field
from sitegen.edit.media import save_photo, thumbnail
from sitegen.edit.roundtrip import plain, round_trip, split, text_of
from sitegen.errors import Problem
from sitegen.edit.values import apply_form, as_checked, is_draft
from sitegen.i18n.messages import Messages
from sitegen.load.decode import wide_encoding
from sitegen import scaffold
from sitegen.kinds import kind as kind_entry

TRASH: Final = ".trash"


@dataclass(slots=True)
class Saved:
    """The outcome of a save: where the file is now, its version, and any problems by field."""

    path: str | None
    version: str | None
    written: bool
    draft_kept: bool = False
    errors: dict[str, list[str]] = field(default_factory=dict)  # field name ("" for the whole record) → messages
    warnings: dict[str, list[str]] = field(default_factory=dict)
    notice: str = ""  # a record that stopped or started being a draft: what that means for the site


def _masked(name: str) -> str:
    from sitegen.model.privacy import mask_name

    return mask_name(name)


def list_records(content: Path, kind: str, messages: Messages | None = None) -> list[dict[str, Any]]:
    """Every record file of a kind with what the list shows; a wisher only masked, drafts marked; with
    `messages`, a file check cannot read (UTF-16, GBK, broken YAML) with check's message as `problem`."""
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
        records, problems = load_file(SourceFile(rel, kind, stat.st_size, stat.st_mtime_ns), content)
        for raw in records[:1] if len(records) == 1 else []:
            fields = raw.fields
            place = fields.get("place")
            rows.append({
                "path": str(rel), "title": str(fields.get(kind_entry(kind).title_field, entry.stem)),
                "status": str(fields.get("status", "")),
                "date": str(fields.get(kind_entry(kind).date_field or "", "") or "")[:10],
                "place": str(place) if isinstance(place, str) else "",
                "draft": entry.name.startswith("_") or as_checked(kind, {"draft": plain(fields.get("draft"))})["draft"] is True,
                "unfinished": entry.name.startswith("_"),
                "who": _masked(str(fields["wisher"])) if kind == "wishes" and fields.get("wisher") else "",
            })
        if not records and problems and messages is not None:  # a file check cannot read is listed, and why
            rows.append({"path": str(rel), "title": entry.name, "status": "", "date": "", "place": "", "draft": False,
                         "unfinished": False, "who": "", "problem": problems[0].render(messages)})
        if len(records) > 1:
            rows.append({"path": str(rel), "title": entry.name, "status": "", "date": "", "place": "", "draft": False,
                         "unfinished": False, "who": "", "many": len(records)})
    return rows


def _text_of_file(data: bytes, target: Path, path: PurePosixPath) -> str:
    """A record file's text as the form reads it: without its BOM, Notepad's CRLF line ends as LF (a form
    value ending in a CR was told an invisible control character, so a Windows worker could save none of
    the records `sitegen init` and `new` write there: break20). A file `check` cannot read as text (UTF-16,
    GBK, Big5: load/decode.py) is EditError 422 with check's message; it was shown as garbage, and a save
    rewrote it in UTF-8 with the garbage in it (breaker s21)."""
    try:
        if b"\x00" in data or wide_encoding(data) is not None:  # UTF-16 or UTF-32, with or without a mark
            raise UnicodeDecodeError("utf-8", data, 0, 1, "not UTF-8 text")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from sitegen.load.decode import read_text

        _, problem = read_text(target, path)
        raise EditError(422, "edit.file_encoding", problem=problem or Problem(path, None, "file.not_text", {})) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR too


def _as_file_was(text: str, before: bytes | None) -> str | bytes:
    """`text` (LF) as the file held it: in Notepad's form (a BOM and CRLF, scaffold.for_notepad) when it had
    CRLF line ends, with its BOM alone when it had one; a new file as `sitegen new` writes one on this
    system (scaffold.NOTEPAD: Notepad's form on Windows)."""
    if (b"\r\n" in before) if before is not None else scaffold.NOTEPAD:
        return scaffold.for_notepad(text.encode("utf-8"))
    return BOM_UTF8 + text.encode("utf-8") if before is not None and before.startswith(BOM_UTF8) else text


def read_record(content: Path, rel: str, messages: Messages | None = None) -> dict[str, Any]:
    """One record as the form shows it: field values as text, the body, and the file's version (a `_` file's
    `draft` true, whatever its draft line says: builds skip it, and its box opened unticked); with
    `messages`, also what `check` finds in it by field (`errors`, `warnings`: field → messages, each at
    file:line as check prints it), so a value check refuses (date: 2026-13-01) opens as typed, the
    problem said beside it."""
    path = safe_record_path(content, rel)
    target = content.joinpath(*path.parts)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise EditError(404, "edit.not_found", path=rel) from None
    text = _text_of_file(data, target, path)
    yaml_text, body = split(text, path)
    loaded = round_trip(yaml_text, path) or {}
    if not isinstance(loaded, dict):
        raise EditError(422, "edit.many_records")
    fields = as_checked(path.parts[0], plain(dict(loaded)))
    if path.name.startswith("_") and fields.get("draft") in (None, False):  # builds skip it: a draft (breaker s21)
        fields["draft"] = True
    record = {"path": str(path), "kind": path.parts[0], "version": version_of(data), "fields": fields, "body": body}
    if messages is not None:
        final = _real_name(path)
        record["errors"], record["warnings"] = _check(content, final, text, path.parts[0], messages, located=path)
    return record


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
    builds ignore. A `_` file keeps its name (builds skip it), whatever its draft line says, unless the form
    unticks its draft box: then it takes its real name (without every leading `_`) and `notice` says it will
    be published. `notice` describes only what was written: '' when nothing was. Raises EditError 409 when
    the file changed on disk since `version` (also when another save of it finished first), when the name it
    would take is another file's (edit.name_taken unticked, edit.draft_name_taken kept with problems: each
    says what works, never a new title, which renames nothing), 422 when the file on disk cannot be read as
    YAML, 400 when the file would land outside the content folder.
    """
    with WRITING:
        return _save_record(content, kind, rel, version, values, body, messages, keep_as_draft)


def _save_record(content: Path, kind: str, rel: str | None, version: str | None, values: dict[str, Any],
                 body: str, messages: Messages, keep_as_draft: bool) -> Saved:
    if kind not in KINDS:
        raise EditError(400, "edit.bad_kind")
    path, data, current = _opened(content, rel, version) if rel else (new_name(content, kind, values), None, None)
    if data is None:
        from ruamel.yaml.comments import CommentedMap

        data = CommentedMap()
    by_name = bool(rel) and path.name.startswith("_")
    was_draft = (by_name or is_draft(kind, data)) if rel else None
    if by_name and values.get("draft") is True and not is_draft(kind, data):  # its name hides it: no line added
        values = dict(values, draft=None)
    apply_form(data, kind, values, messages)
    keep_name = by_name and values.get("draft") is not False  # ticked or not sent: its name hides it, whatever its line
    text = text_of(data, body, path.suffix.lower() == ".md")
    final = _real_name(path)
    errors, warnings = _check(content, final, text, kind, messages)
    if errors and not keep_as_draft:  # nothing written: only the refusal is said (breaker s21)
        return Saved(path=str(path) if rel else None, version=version, written=False, errors=errors, warnings=warnings)
    destination = path if keep_name else path.with_name("_" + final.name) if errors else final
    notice = _draft_notice(was_draft, destination.name.startswith("_") or is_draft(kind, data), messages)
    if destination != path and content.joinpath(*destination.parts).exists():
        raise EditError(409, "edit.draft_name_taken" if errors else "edit.name_taken", path=str(destination))
    write_atomically(content, content.joinpath(*destination.parts), _as_file_was(text, current))
    if destination != path and rel:
        content.joinpath(*path.parts).unlink(missing_ok=True)
    written = content.joinpath(*destination.parts).read_bytes()
    return Saved(path=str(destination), version=version_of(written), written=True, draft_kept=bool(errors),
                 errors=errors, warnings=warnings, notice=notice)


def _real_name(path: PurePosixPath) -> PurePosixPath:
    """The name a `_` file is published under: without every leading `_` (`__w.yaml` → `w.yaml`; `_w.yaml` is
    skipped by builds too, so unticking its box published nothing yet was said to: breaker s21)."""
    return path.with_name(path.name.lstrip("_") or path.name)


def _opened(content: Path, rel: str, version: str | None) -> tuple[PurePosixPath, Any, bytes]:
    """(path, round-trip data or None when empty, bytes) of the record file a save changes; EditError 409 when it
    is gone or changed since `version`, 422 when it holds many records."""
    path = safe_record_path(content, rel)
    target = content.joinpath(*path.parts)
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        raise EditError(409, "edit.gone") from None
    if version_of(current) != version:
        raise EditError(409, "edit.changed_on_disk")
    yaml_text, _ = split(_text_of_file(current, target, path), path)
    data = round_trip(yaml_text, path)
    if data is not None and not isinstance(data, dict):
        raise EditError(422, "edit.many_records")
    return path, data, current


def _draft_notice(before: bool | None, after: bool, messages: Messages) -> str:
    """What a save means for the site ('' when a record kept its state): `before` and `after` say whether
    builds skip it (a draft line, or a `_` name), `before` None for a new record. The worker who unticks the
    box is told the record will be published, and so is one who saves a new record that is not a draft
    (it went out with the next publish without a word: breaker s21)."""
    if before is None:
        return messages.text("edit.draft_on" if after else "edit.new_on_site")
    return "" if before == after else messages.text("edit.draft_on" if after else "edit.draft_off")


def delete_record(content: Path, rel: str, version: str | None) -> str:
    """Move a record file to .trash (builds ignore it; put it back by moving it). Returns where it went."""
    path = safe_record_path(content, rel)
    target = content.joinpath(*path.parts)
    with WRITING:
        if not target.is_file():
            raise EditError(404, "edit.not_found", path=rel)
        if version is not None and version_of(target.read_bytes()) != version:
            raise EditError(409, "edit.changed_on_disk")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = content / TRASH / path.parts[0] / f"{stamp}-{path.name}"
        ensure_inside(content, destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        ensure_inside(content, destination)
        shutil.move(str(target), str(destination))
    return str(destination.relative_to(content).as_posix())


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


__all__ = ["EditError", "Saved", "delete_record", "list_records", "photo_field", "places", "read_record",
           "safe_record_path", "save_photo", "save_record", "thumbnail", "version_of"]
