"""A record file's text through ruamel.yaml's round trip: comments and field order kept on save."""

from __future__ import annotations

import io
from datetime import date, datetime
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from sitegen.edit.files import EditError
from sitegen.errors import Problem


class TypedDay(str):
    """A plain scalar YAML 1.2 takes for a timestamp, kept as the worker typed it and written back plain.

    `check` reads every value as text (load/yamlfile.py), so the editor does too: ruamel's datetime raised on
    a day that is no real moment (2026-13-01, 2026-10-01 25:00:00: the editor answered 500), and re-rendered a
    real one a save did not touch (08:00:00.5 as 08:00:00.500000, 8:00:00 as 08:00:00, 2026-10-01t08:00:00
    as T, Z as +00:00: breaker s21), while the form showed 08:00 for a value check refuses."""


@cache
def _classes() -> tuple[type, type]:
    """ruamel's round-trip constructor and representer, with every timestamp kept as typed (TypedDay)."""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class Constructor(RoundTripConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            return TypedDay(node.value)

    class Representer(RoundTripRepresenter):
        pass

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", Constructor.construct_yaml_timestamp)
    Representer.add_representer(TypedDay, lambda self, data: self.represent_scalar(
        "tag:yaml.org,2002:timestamp", str(data)))  # the tag its spelling resolves to: written plain
    return Constructor, Representer


def _yaml() -> Any:
    from ruamel.yaml import YAML

    handler = YAML()
    handler.Constructor, handler.Representer = _classes()
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def split(text: str, path: PurePosixPath) -> tuple[str, str]:
    """(YAML text, body) of a record file, split as `check` splits it (load/frontmatter.py);
    EditError 422 naming the line when a Markdown record's front matter is missing or unclosed."""
    from sitegen.load.frontmatter import split_front_matter

    if path.suffix.lower() != ".md":
        return text, ""
    parts, problem = split_front_matter(text, path)
    if parts is None:
        raise EditError(422, "edit.file_broken", problem=problem)
    return parts.yaml_text, parts.body.strip("\n")


def round_trip(yaml_text: str, path: PurePosixPath) -> Any:
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


def plain(value: Any) -> Any:
    """ruamel's values as JSON: dates as YYYY-MM-DD text, maps and lists as plain ones."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return str(value)


def text_of(data: Any, body: str, markdown: bool) -> str:
    """The file's new text: the round-trip map dumped, inside `---` front matter before the body for Markdown."""
    stream = io.StringIO()
    if data:
        _yaml().dump(data, stream)
    yaml_text = stream.getvalue()
    if not markdown:
        return yaml_text
    body = body.replace("\r\n", "\n").strip("\n")
    return "---\n" + yaml_text + "---\n" + (f"\n{body}\n" if body else "")
