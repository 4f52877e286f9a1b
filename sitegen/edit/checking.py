"""A record from the form checked as `sitegen check` would check it, its problems sorted by form field."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from sitegen.edit.forms import form_for
from sitegen.errors import ContentInvalid, Problem
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.street.lone import as_in_street
from sitegen.validate.commented import UNCOMMENTED


def check_form(content: Path, path: PurePosixPath, text: str, kind: str, messages: Messages,
               located: PurePosixPath | None = None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Problems of this record when written at `path`, by field; problems elsewhere are not its own.

    Returns (errors, warnings), each field name ("" for the whole record) → messages in `messages`'
    language, with field names and enumeration values as the form shows them; with `located`, each
    message starts with that file and the line, as `sitegen check` prints it (activities/a.yaml:2: …).
    """
    from sitegen import pipeline
    from sitegen.load.files import SourceFile
    from sitegen.load.records import parse_file

    overlay = {path: text}  # the unfinished draft's own `_` file, if any, is ignored by builds anyway
    try:
        options = as_in_street(content, Options(drafts=True))  # a street's community: as the street has it
        problems: list[Problem] = pipeline.check(content, options, overlay=overlay).warnings
    except ContentInvalid as e:
        problems = e.problems
    records, _ = parse_file(SourceFile(path, kind, len(text), 0), text)
    lines = dict(records[0].lines) if records else {}
    if records and records[0].body and records[0].body_line:  # a problem in the body is the body's (helper-126: "place")
        lines[("body",)] = records[0].body_line
    errors: dict[str, list[str]] = {}
    warnings: dict[str, list[str]] = {}
    words = _form_words(kind, messages)
    for problem in problems:
        if problem.path != path:
            continue
        name = _field_at(lines, problem)
        bucket = warnings if problem.warning else errors
        args = {key: value if _said(key, problem.args) else words.get(str(value), value) for key, value in problem.args.items()}
        # a field the file holds as `# field: …` is asked for as any other: the form has no `#` to delete
        key = UNCOMMENTED.get(problem.key, problem.key)
        said = re.sub(r"`([^`]+)`", r"“\1”", messages.text(key, **args))
        if located is not None:
            said = f"{located}:{problem.line}: {said}" if problem.line else f"{located}: {said}"
        bucket.setdefault(name, []).append(said)
    return errors, warnings


def _said(key: str, args: Mapping[str, object]) -> bool:
    """An argument the message already says in the worker's words beside it (status_value and
    status_words: 已认领（claimed）; show and show_words): not said again in the form's."""
    return f"{key.removesuffix('_value')}_words" in args


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
