"""The shape of a kind's registry entry: its fields, its sheet columns, the kind itself.

These are plain data at the bottom of the layers (beside `sitegen.errors`): every stage reads
them and none is imported here. Code a kind needs (a model class, a cross-field rule) is named
by a string that its own layer resolves (validate/rules.py, model/build.py), so imports still
only look down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Words = Mapping[str, tuple[str, ...]]  # value → the spellings workers write for it; the first is shown in messages


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a kind's schema (SPEC §3): validate/schema.py makes the pydantic field from it.

    `type` names a field type of validate/fields.py (`OneLine`, `Day`, `Count`, `StrList` …), a
    nested table of validate/schema.py (`Meeting`, `Votes`, `Timeline`), or `choice`: one of the
    keys of `words`. A `Bool` field's `words` (keyed "true" and "false") are the words it takes
    besides everyone's yes and no (kinds/common.py YES_NO_WORDS), in a file and a sheet alike. A
    field that is not required and has no `default` is optional (None).
    """

    name: str
    type: str
    required: bool = False
    default: object = None
    words: Words | None = None  # choice: every value and the words check and sheets accept for it; Bool: its own
    sheet_labels: Mapping[str, str] = field(default_factory=dict)  # choice: the website's label, written first by export

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self.words or ())


@dataclass(frozen=True, slots=True)
class Column:
    """One field a sheet may carry: where it goes, how its cells read, which headers name it."""

    target: str  # field name, "meeting.date", "place.compound|building|unit", "time" or "body"
    cell: str  # text, line, date, when, time, phone, bool, count, money, percent, list, status, show_phone, timeline
    headers: tuple[str, ...]  # the first is written by --template and export
    required: bool = False
    example: str = ""
    # An empty cell would publish the field's default as something said of a person that nobody said
    # (party_member: a 群众 volunteer shown as 党员): a sheet carrying the column must fill it on every row.
    must_say: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Kind:
    """One kind of record: where its files live, what they hold, and how every stage treats it.

    The other label keys follow from `folder`: the theme's `about_<folder>` (themes/default/i18n/)
    and the editor's `edit.kind.<folder>` (sitegen/i18n/); the templates follow from `singular`
    (`<singular>.html`, `poster_<singular>.html`, and the shared `list.html`).
    """

    folder: str  # "wishes": the content folder, the URL segment, the kind's key in every table
    singular: str  # "wish": names its templates
    label_key: str  # the theme's label for the kind (themes/default/i18n/): lists, search, posters
    doc: str  # what it is, in one line (the schema's docstring)
    fields: tuple[Field, ...]  # its own fields, in the order files and forms write them (before tags, summary …)
    title_field: str  # what lists and file names call a record by ("wish"; never the wisher)
    date_field: str | None  # the date the editor's list shows and a sheet's file name starts with
    suffix: str  # ".md" when the record has a body to write, else ".yaml"
    dated: bool  # a new file's name starts with the year: a record of a moment, not a person
    names: tuple[str, ...]  # what `sitegen new KIND` and `import KIND` accept for it
    model: str  # the class in model/records.py; model/build.py knows how to make it
    rules: tuple[str, ...] = ()  # cross-field rules of validate/rules.py, by function name, beyond the common ones
    sheet_title: str = ""  # the sheet's tab and template file name; "" when sheets do not carry it
    columns: tuple[Column, ...] = ()  # the sheet's columns, first header written by export
    photo_field: str = "photos"  # where its pictures are: a list `photos`, or one `photo`
    posters: bool = True  # it has a printed poster per record

    @property
    def record_template(self) -> str:
        return f"{self.singular}.html"

    @property
    def poster_template(self) -> str:
        return f"poster_{self.singular}.html"

    list_template = "list.html"

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)
