"""The content contract as data: site.yaml's model here, each kind's made from its registry entry (sitegen/kinds/)."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from sitegen.i18n.messages import LANGUAGES  # the languages sitegen has catalogues for
from sitegen.kinds import ALL_KINDS
from sitegen.kinds.shape import Field as FieldSpec
from sitegen.kinds.shape import Kind
from sitegen.validate.fields import (
    BaseUrl, Bool, Count, Day, DayOrTime, Money, Name, OneLine, Percent, PhoneNumber, PlacePath,
    RelPath, Slug, StrList, Tags, Text, boolean, choice,
)

PAPERS: Final = ("A4", "A3")


def one_photo(value: Any) -> Any:
    """`photos: media/a.jpg`, one path on the key's own line, is a list of that one photo (as a worker
    with one photo writes it; docs/spec.md §1, an addition like `tags`), and `photos:` left empty is
    none. The text is not split: a file name may hold a comma (validate/photos.py says when it holds
    several photos). Anything else goes on to the list's own check."""
    if value is None:  # `photos:` left empty, as a template's line: no photos
        return []
    return [value] if isinstance(value, str) and value.strip() else value


class Fields(BaseModel):
    """Base of every schema: frozen, unknown keys left for the warning pass.

    `defer_build`: pydantic makes a model's validator when it first validates, not when the class
    is made. Importing this module (as loading a build cache does: it holds validated fields of
    every kind) then costs the classes alone; a rebuild after one record changed validates that
    one kind, and builds that kind's validator alone (pydantic docs, "Model config: defer_build").
    """

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)
    nested: ClassVar[dict[str, type[Fields]]] = {}


class Common(Fields):
    """Fields any record may have (SPEC §1)."""

    id: Slug | None = None
    tags: Tags = ()
    photos: Annotated[tuple[RelPath, ...], BeforeValidator(one_photo), Field(default=())] = ()
    draft: Bool = False
    summary: OneLine | None = None
    poster_paper: Annotated[str, choice(*PAPERS)] | None = None


class Meeting(Fields):
    date: Day | None = None
    place: OneLine | None = None
    host: OneLine | None = None
    attendees: Count | None = None


class Votes(Fields):
    for_: Count = Field(0, alias="for")
    against: Count = 0
    abstain: Count = 0


class TimelineEntry(Fields):
    date: Day
    note: Text


class Office(Fields):
    address: OneLine | None = None
    phone: PhoneNumber | None = None
    hours: OneLine | None = None


class Site(Fields):
    """site.yaml: the community (SPEC §2)."""

    nested: ClassVar[dict[str, type[Fields]]] = {"office": Office}
    name: OneLine
    base_url: BaseUrl
    street: OneLine | None = None
    district: OneLine | None = None
    city: OneLine | None = None
    language: Annotated[str, choice(*LANGUAGES)] = "zh-Hans"
    timezone: OneLine = "Asia/Shanghai"
    office: Office | None = None
    wish_claim: Text | None = None
    poster_paper: Annotated[str, choice(*PAPERS)] = "A4"
    place_slugs: dict[str, str] = {}
    theme: RelPath | None = None
    traditional_mirror: Bool = True
    intro: Text | None = None


# The field types a registry entry may name (sitegen/kinds/shape.py `Field.type`), besides `choice`.
TYPES: Final[dict[str, Any]] = {
    "OneLine": OneLine, "Text": Text, "Name": Name, "Day": Day, "DayOrTime": DayOrTime, "Count": Count,
    "Percent": Percent, "Money": Money, "Bool": Bool, "StrList": StrList, "PlacePath": PlacePath,
    "PhoneNumber": PhoneNumber, "RelPath": RelPath,
    "Meeting": Meeting, "Votes": Votes, "Timeline": tuple[TimelineEntry, ...],
}
_NESTED: Final[dict[str, type[Fields]]] = {"Meeting": Meeting, "Votes": Votes, "Timeline": TimelineEntry}


def _annotation(spec: FieldSpec) -> Any:
    """The pydantic type of one registry field: a choice checks its values and the kind's words for them,
    a yes-or-no field takes its own words besides everyone's (party_member: 党员, 群众)."""
    if spec.type == "choice":
        return Annotated[str, choice(*spec.choices, words=spec.words, labels=spec.sheet_labels)]
    if spec.type == "Bool" and spec.words:
        return boolean(spec.words)
    return TYPES[spec.type]


def schema_for(kind: Kind) -> type[Fields]:
    """The pydantic model of a kind's record (SPEC §3), made from its registry entry.

    Common's fields come first, then the kind's own in the entry's order (the order files and
    forms write them); nested tables (meeting, votes, timeline) are listed in `nested` for the
    unknown-field pass and the editor. Raises KeyError for a field type not in TYPES.
    """
    fields: dict[str, Any] = {}
    for spec in kind.fields:
        annotation = _annotation(spec)
        if spec.required:
            fields[spec.name] = (annotation, ...)
        elif spec.default is None:
            fields[spec.name] = (annotation | None, None)
        else:
            fields[spec.name] = (annotation, spec.default)
    nested = {f.name: _NESTED[f.type] for f in kind.fields if f.type in _NESTED}
    base = type(f"{kind.singular.title()}Base", (Common,), {"__module__": __name__, "nested": nested})
    model: type[Fields] = create_model(kind.singular.title(), __base__=base, __module__=__name__,
                                       __doc__=kind.doc, **fields)
    return model


SCHEMAS: Final[dict[str, type[Fields]]] = {"site": Site, **{k.folder: schema_for(k) for k in ALL_KINDS}}
# Each kind's model is also a name of this module (schema.Wish), as a class statement would make it:
# the build cache pickles validated fields, and pickle finds a class by its module and name.
globals().update({model.__name__: model for model in SCHEMAS.values()})


def known_fields(schema: type[Fields]) -> list[str]:
    """The names a worker may write, aliases included (votes: `for`)."""
    return [info.alias or name for name, info in schema.model_fields.items()]
