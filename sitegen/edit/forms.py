"""The editor's forms, generated from the schema that validates content (each kind's registry entry, sitegen/kinds/).

Each field of a kind becomes a `FieldSpec`: the input it needs (a date picker for a `Day`, a
number box for a `Count`, a select for an enumeration, one line per item for a list, a
fieldset for `meeting` and `votes`, rows for a `timeline`), whether it is required, and the
words shown for it. The input is read off the field's validator, so a new field in the schema
gets the right input without touching the editor.
"""

from __future__ import annotations

import typing
from dataclasses import asdict, dataclass
from typing import Any, Final

from pydantic import PlainValidator
from pydantic.fields import FieldInfo

from sitegen.i18n.messages import Messages
from sitegen.kinds import kind as kind_entry
from sitegen.load.files import KINDS
from sitegen.validate.schema import SCHEMAS, Fields

# validator function name → the HTML input that suits it
_INPUTS: Final = {
    "_one_line": "text", "_name": "text", "_multi_line": "textarea", "_day": "date", "_day_or_time": "datetime",
    "_count": "number", "_percent": "number", "_money": "money", "_boolean": "checkbox", "_string_list": "list",
    "_tags": "list",  # one tag a line, as its label says (a text box showed 邻里节,敬老 and a save wrote it so)
    "_slug": "text", "parse_phone": "tel", "_place": "place", "_path_text": "text", "check": "select",
}
_HIDDEN: Final = frozenset({"id", "draft", "photos", "photo", "poster_paper"})  # handled by the page itself


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One input of a form: its name in the file, its input, required or not, choices, words."""

    name: str
    input: str  # text, textarea, date, datetime, number, money, checkbox, list, tel, place, select, group, rows
    required: bool
    label: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value written to the file, words shown)
    fields: tuple[FieldSpec, ...] = ()  # the parts of a group (meeting, votes) or of a row (timeline)


def _validator(annotation: Any, info: FieldInfo | None = None) -> PlainValidator | None:
    for meta in (info.metadata if info else ()):
        if isinstance(meta, PlainValidator):
            return meta
    for arg in typing.get_args(annotation):
        if isinstance(arg, PlainValidator):
            return arg
        found = _validator(arg)
        if found is not None:
            return found
    return None


def _words(messages: Messages, key: str, fallback: str) -> str:
    text = messages.text(key)
    return fallback if text == key else text


def _choices(kind: str, name: str, allowed: tuple[str, ...], messages: Messages) -> tuple[tuple[str, str], ...]:
    return tuple((value, _words(messages, f"edit.choice.{name}.{value}", value)) for value in allowed)


def _spec(kind: str, name: str, info: FieldInfo, schema: type[Fields], messages: Messages,
          parent: str = "") -> FieldSpec:
    label = _words(messages, f"edit.field.{name}", name)
    if parent:  # a part of meeting or timeline may have words of its own (会议日期)
        label = _words(messages, f"edit.field.{parent}.{name}", label)
    hint = _words(messages, f"edit.hint.{kind}.{name}", "")
    nested = schema.nested.get(name)
    if nested is not None:
        parts = tuple(_spec(kind, info_.alias or inner, info_, nested, messages, parent=name)
                      for inner, info_ in nested.model_fields.items())
        many = typing.get_origin(info.annotation) is tuple
        return FieldSpec(name, "rows" if many else "group", info.is_required(), label, hint, fields=parts)
    validator = _validator(info.annotation, info)
    function = validator.func if validator is not None else None
    kind_of_input = _INPUTS.get(getattr(function, "__name__", ""), "text")
    choices: tuple[tuple[str, str], ...] = ()
    if kind_of_input == "select":
        choices = _choices(kind, name.split(".")[-1], getattr(function, "allowed", ()), messages)
    return FieldSpec(name, kind_of_input, info.is_required(), label, hint, choices)


def form_for(kind: str, messages: Messages) -> list[FieldSpec]:
    """The inputs of one kind's form, in the schema's order (the order fields are written in files)."""
    from sitegen.validate.schema import Common

    schema = SCHEMAS[kind]
    own = [name for name in schema.model_fields if name not in Common.model_fields]
    specs = []
    for name in [*own, *Common.model_fields]:  # the kind's own fields first, tags and summary last
        info = schema.model_fields[name]
        key = info.alias or name
        if key in _HIDDEN:
            continue
        specs.append(_spec(kind, key, info, schema, messages))
    return specs


def photo_field(kind: str) -> str:
    """Where a kind keeps its pictures: a disclosure has one `photo`, the others a `photos` list."""
    return kind_entry(kind).photo_field


def schema_document(messages: Messages) -> dict[str, Any]:
    """Every kind's form as plain data for the page's script."""
    return {kind: {"fields": [asdict(spec) for spec in form_for(kind, messages)], "photo": photo_field(kind),
                   "title": messages.text(f"edit.kind.{kind}"), "title_field": kind_entry(kind).title_field}
            for kind in KINDS}


__all__ = ["KINDS", "FieldSpec", "form_for", "photo_field", "schema_document"]
