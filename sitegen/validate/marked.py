"""A field name YAML read with a mark before it: `＃ claimed_by: 志愿队` is no comment but a key.

YAML's comment mark is the ASCII `#` at the start of a line or after a blank. A Chinese input method
types the full-width `＃`; YAML reads `＃ claimed_by` (`＃　claimed_by`, `＃claimed_by`, `﹟ claimed_by`,
and `　# claimed_by` with a full-width space before an ASCII `#`) as one name, so the line is read, as a
field sitegen does not know. It was told both "unknown field" and, through load/comments.py, "this
line starts with #, a comment" (session 20): the line is said once, as a field name with a mark before
it (validate/commented.py puts it in place of "missing" when the field is asked for).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from sitegen.errors import Problem
from sitegen.load.comments import field_path
from sitegen.load.records import RawRecord
from sitegen.load.slips import MARK, indent_problem

_BLANKS: Final = re.compile(r"[\s\u180e\u200b\u200c\u200d\u2060\ufeff]+$")


def marked_name(key: str) -> tuple[str, str] | None:
    """(the mark, the name) when `key` is a field name behind a mark YAML does not take for a comment
    (load/slips.py MARK: `＃ claimed_by` → ("＃", "claimed_by"), `\u3000# date` → ("\u3000#", "date")), else None.
    The mark keeps a blank before it (that is to go as well) and loses those after it."""
    match = MARK.match(key)
    if match is None or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key[match.end():]):
        return None
    return _BLANKS.sub("", match.group()), key[match.end():]


def marked_field(raw: RawRecord, at: tuple[str | int, ...], key: str, data: dict[str, object],
                 known: Sequence[str]) -> Problem | None:
    """The problem of a key YAML read with a mark before a field name (`at`: where `key` is), or None
    when `key` is not so marked. A known field not written otherwise: a warning, which becomes the
    error of a missing field it stands for (validate/commented.py). An unknown name behind a blank
    YAML does not take for one (`　# foo: …`): that blank's error, as every other line starting so."""
    found = marked_name(key)
    if found is None:
        return None
    mark, name = found
    if name in known and name not in data:
        return raw.problem((*at, key), "field.marked", warning=True, field=field_path((*at, name)), mark=mark,
                           name=name)
    if key[0] not in "#＃﹟♯":
        return indent_problem(raw.path, raw.line_of(*at, key), key[0])
    return None
