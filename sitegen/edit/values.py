"""Form values into the round-trip map: typed as `check` reads them, new keys in the schema's order."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Final

from pydantic_core import PydanticCustomError

from sitegen.edit.forms import form_for
from sitegen.edit.roundtrip import plain
from sitegen.i18n.messages import Messages
from sitegen.kinds import kind as kind_entry
from sitegen.validate import numbers
from sitegen.validate.fields import read_day, read_day_or_time
from sitegen.validate.words import Words, chosen, unquoted, word_table
from sitegen.validate.yesno import folded, yes_no_table

_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


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
        if re.fullmatch(r"-?\d+\.\d{1,2}", text):  # 12.5, 0.05: no other reading
            return float(text)
        return text  # 1.000 (a thousand, or one?), 80%, 1,200: as typed, for `check` to read or name (break20b)
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


def _wanted(name: str, spec: Any, value: Any) -> Any:
    """The value a form field asks for in the file; None to remove the field."""
    if spec is not None and spec.input in ("group", "rows"):
        return _nested(spec, value)
    if name == "photos":  # one path as the record had it (photos: media/a.jpg): that photo, not one per letter
        return [str(v) for v in ([value] if isinstance(value, str) else value or []) if str(v).strip()] or None
    if name == "photo":
        return str(value or "").strip() or None
    if name == "draft":
        return True if value else None
    return _typed(spec.input if spec else "text", value)


def apply_form(data: Any, kind: str, values: dict[str, Any], messages: Messages) -> None:
    """Set, change or remove each form field in the round-trip map, new keys in the schema's order
    (`photos: media/a.jpg`, one photo on its key's line, is left as typed when the form keeps that photo).
    `draft` changes only when the form says true or false: null (what 保存 sent) published a worker's draft."""
    from ruamel.yaml.comments import CommentedMap

    specs = {spec.name: spec for spec in form_for(kind, messages)}
    order = [*specs, "photo", "photos", "draft"]
    for name in order:
        if name not in values or (name == "draft" and values[name] is None):  # a box the page did not send: as it is
            continue
        wanted = _wanted(name, specs.get(name), values[name])
        if name in data and _untouched(kind, name, specs.get(name), data[name], wanted):
            continue
        if wanted is None:
            data.pop(name, None)
        elif not (name == "photos" and [plain(data.get(name))] == wanted):
            if name in data:
                data[name] = wanted
            else:
                before = [key for key in order[: order.index(name)] if key in data]
                position = list(data.keys()).index(before[-1]) + 1 if before else 0
                data.insert(position, name, wanted) if isinstance(data, CommentedMap) else data.update({name: wanted})


def _untouched(kind: str, name: str, spec: Any, current: Any, wanted: Any) -> bool:
    """True when the form gives back for `name` what it was shown of the file's value: the line is kept as
    typed (党员 when ticked; `votes: {for: 1,200, against: 3}`, which check refuses, shown as the 1 check
    reads, was written `for: 1` and published; `votes: {赞成: 12}` and a timeline entry's `验收`, which check
    warns of and the form has no box for, were removed: breaker s21)."""
    shown = as_checked(kind, {name: plain(current)})[name]
    return bool(shown == plain(wanted) or plain(_wanted(name, spec, shown)) == plain(wanted))


# The number fields' readers, as `check` reads each (validate/numbers.py): 80%, 1,200.50, 300元.
_NUMBERS: Final = {"Count": numbers.count, "Percent": numbers.percent, "Money": numbers.money}
_DATES: Final = {"Day": read_day, "DayOrTime": read_day_or_time}


def as_checked(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """`fields` with each yes-or-no field (the registry's Bool fields and draft) True or False where its word
    reads as one, and each number field (Count, Percent, Money) a number where its text reads as one, as
    `check` reads them (validate/yesno.py: 是, √, 1, party_member's 党员, in an input method's quotes too;
    validate/numbers.py: 80%, 1,200.50), so the form shows what the site will (break20: the editor ticked
    only true and yes, so `party_member: 党员` or “党员” showed unticked and a save wrote false; a number box
    shown `progress: 80%` was empty, and a save removed the field). Anything else is left for `check` to name."""
    entry = kind_entry(kind)
    own = {"draft": None, **{f.name: f.words for f in entry.fields if f.type == "Bool"}}
    read = dict(fields)
    for name, words in own.items():
        value = read.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            found = yes_no_table(words).get(folded(unquoted(str(value).strip())))
            read[name] = value if found is None else found
    for field in entry.fields:
        value = read.get(field.name)
        if field.type == "choice" and field.words and isinstance(value, str):  # show_phone: 不显示, status: 已认领
            read[field.name] = _choice_value(field.words, value)
        elif field.type in _DATES and isinstance(value, str):  # 2026-10-01 9:00: a time box shows nothing of 9:00
            read[field.name] = _date_shown(field.type, value)
        elif field.type in _NUMBERS and isinstance(value, str):
            try:
                read[field.name] = _NUMBERS[field.type](unquoted(value.strip()))
            except PydanticCustomError:  # refused: shown as typed, for `check` to name
                pass
    return read


def is_draft(kind: str, data: Any) -> bool:
    """True when `check` reads the record's `draft` as yes (true, 是, "yes": validate/yesno.py)."""
    return as_checked(kind, {"draft": plain(data.get("draft")) if data else None})["draft"] is True


def _date_shown(kind: str, typed: str) -> str:
    """A date (or date and time) as the form's boxes take it, YYYY-MM-DD or YYYY-MM-DD HH:MM, where check reads
    `typed` as one (2026-10-2, 2026-10-01 9:00, 2026-10-01T09:00); `typed` itself when it does not. The page's
    date and time boxes show nothing of another spelling, and a save wrote the date without its time (break20b)."""
    try:
        read = _DATES[kind](typed)
    except (PydanticCustomError, ValueError):  # refused (2026-13-01: ValueError, as pydantic takes it): as typed
        return typed
    return read.strftime("%Y-%m-%d %H:%M") if isinstance(read, datetime) else read.isoformat()


def _choice_value(words: Words, typed: str) -> str:
    """The value a choice field's word stands for, as `check` reads it (words.chosen, in quotes too); `typed`
    itself when it reads as none. A select shown no value (show_phone: 不显示) was saved without the field,
    and the phone it hid was published (break20b)."""
    return chosen(tuple(words), word_table(words), unquoted(typed.strip())) or typed


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
