"""A sheet column that stands for a field whose loss publishes what should not be: the sheet is refused.

The import warns about a column whose header names no field and leaves it out (import.unknown_column).
For most columns that loses a detail; for these it publishes what the worker meant to keep back
(breaker s21): a 亮身份 sheet's `显示电话` = 不显示 printed the phone in full on the posters, a `政治身份`
or `身份` column of 群众 showed everyone as 党员, an 活动 sheet's `是否发布` = 否, `草稿箱` = 是 or
`不发布` = 是 published the row. Such a column is an error at the header row that names the header
the template writes for the field (the first of its kind's column headers, sitegen/kinds/).

Which header stands for which field is validate/guarded.py's (guarded_field: the field's name, its
sheet headers, its NAMES), asked through its public function, so a record file and a sheet refuse the
same names. A column whose header it does not know but whose cells are a party member's words (党员,
群众, 共青团员 …: kinds/disclosures.py PARTY_MEMBER_WORDS, none of them a plain yes or no) is that field too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Final

from sitegen.kinds import kind as kind_entry
from sitegen.kinds.disclosures import PARTY_MEMBER_WORDS
from sitegen.load.records import RawRecord
from sitegen.sheets.cells import plain
from sitegen.sheets.columns import COLUMNS, SHOW_PHONE_WORDS, word_key
from sitegen.sheets.read import Table
from sitegen.validate.guarded import guarded_field

_PARTY_WORDS: Final = frozenset(word_key(w) for words in PARTY_MEMBER_WORDS.values() for w in words)


def guarded_columns(table: Table, kind: str) -> Iterator[tuple[str, str, dict[str, object]]]:
    """(header as written, message key, its placeholders) for each column of `table` that names no
    field of `kind` (a folder name) but stands for one whose loss publishes what it should not.

    The key is `import.guarded_column_<field>`, `import.guarded_column_twice` when the sheet has the
    field's own column as well, or `import.guarded_column_draft_date` for dates under a draft's name
    (发布时间: the row's date, or a wait sitegen does not keep); `header` is the template's header for
    the field, `date_header` the template's for the kind's date."""
    fields = tuple(dict.fromkeys(c.target.split(".")[0] for c in COLUMNS[kind]))
    present = {column.target for column, _ in table.columns.values()}
    for position, written in table.unknown.items():
        said = _cells(table, position)
        found = _field_named(kind, written, said, fields) or _field_by_cells(said, fields)
        if found is not None:
            yield written, *_told(kind, found, present)


def _told(kind: str, found: tuple[str, str], present: set[str]) -> tuple[str, dict[str, object]]:
    """The message key and placeholders for a column found to stand for (field, check's key)."""
    field, key = found
    header = next(c.headers[0] for c in COLUMNS[kind] if c.target == field)
    if key == "field.named_draft_date":
        date_field = kind_entry(kind).date_field
        date_header = next((c.headers[0] for c in COLUMNS[kind] if c.target == date_field), date_field)
        return "import.guarded_column_draft_date", {"header": header, "date_header": date_header}
    if field in present:
        return "import.guarded_column_twice", {"header": header}
    return f"import.guarded_column_{field}", {"header": header, **_extra(field)}


def _cells(table: Table, position: int) -> list[str]:
    """The distinct filled cells of the column at `position`, in row order."""
    said = (plain(row.cells[position]) for row in table.rows if position < len(row.cells))
    return list(dict.fromkeys(text for text in said if text))


def _field_named(kind: str, written: str, said: list[str], fields: tuple[str, ...]) -> tuple[str, str] | None:
    """(the guarded field, check's message key) this header stands for with any of its cells (or with none,
    for an empty column): validate/guarded.py's reading of `header: cell` in a record file, or None."""
    probe = RawRecord(kind=kind, path=PurePosixPath(kind), line=1, fields={written: ""}, lines={}, stem="")
    for value in said or [""]:
        problem = guarded_field(probe, written, value, fields)
        if problem is not None:
            return str(problem.args.get("name")), problem.key
    return None


def _field_by_cells(said: list[str], fields: tuple[str, ...]) -> tuple[str, str] | None:
    """party_member when the column's filled cells are all a party member's words (党员, 群众 …)."""
    if "party_member" not in fields:
        return None
    words = [word_key(text) for text in said]
    return ("party_member", "") if words and all(word in _PARTY_WORDS for word in words) else None


def _extra(field: str) -> dict[str, object]:
    """Placeholders a field's message takes beyond the header: show_phone's choices."""
    if field == "show_phone":
        return {"choices": "、".join(words[0] for words in SHOW_PHONE_WORDS.values())}
    return {}


__all__ = ["guarded_columns"]
