"""The content contract as data: one model per kind, one annotated field per SPEC line."""

from __future__ import annotations

from typing import Annotated, ClassVar, Final

from pydantic import BaseModel, ConfigDict, Field

from sitegen.i18n.messages import LANGUAGES  # the languages sitegen has catalogues for
from sitegen.validate.fields import (
    BaseUrl, Bool, Count, Day, DayOrTime, Money, Name, OneLine, Percent, PhoneNumber, PlacePath,
    RelPath, Slug, StrList, Tags, Text, choice,
)

SHOW_PHONE: Final = ("poster", "full", "masked", "none")
DELIBERATION_STATUS: Final = ("proposed", "reviewing", "deliberating", "decided", "implementing", "completed", "rejected")
WISH_STATUS: Final = ("open", "claimed", "fulfilled", "withdrawn")
PAPERS: Final = ("A4", "A3")


class Fields(BaseModel):
    """Base of every schema: frozen, unknown keys left for the warning pass."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    nested: ClassVar[dict[str, type[Fields]]] = {}


class Common(Fields):
    """Fields any record may have (SPEC §1)."""

    id: Slug | None = None
    tags: Tags = ()
    photos: Annotated[tuple[RelPath, ...], Field(default=())] = ()
    draft: Bool = False
    summary: OneLine | None = None
    poster_paper: Annotated[str, choice(*PAPERS)] | None = None


class Activity(Common):
    """社区活动: something that happened or will happen."""

    title: OneLine
    date: DayOrTime
    end: DayOrTime | None = None
    place: OneLine | None = None
    organizer: OneLine | None = None
    partners: StrList = ()
    project: OneLine | None = None
    participants: Count | None = None
    signup: Text | None = None


class Disclosure(Common):
    """亮身份: a party member or volunteer shows neighbours whom to call."""

    name: Name
    role: OneLine
    place: PlacePath | None = None
    party_member: Bool = True
    phone: PhoneNumber | None = None
    photo: RelPath | None = None
    duties: StrList = ()
    pledge: Text | None = None
    since: Day | None = None
    show_phone: Annotated[str, choice(*SHOW_PHONE, words="show_phone")] = "poster"


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


class Deliberation(Common):
    """协商议事: a problem raised, reviewed, decided, carried out; publishing it is the point."""

    nested: ClassVar[dict[str, type[Fields]]] = {"meeting": Meeting, "votes": Votes, "timeline": TimelineEntry}
    title: OneLine
    raised_on: Day
    raised_by: OneLine | None = None
    channel: OneLine | None = None
    meeting: Meeting | None = None
    status: Annotated[str, choice(*DELIBERATION_STATUS, words="deliberation_status")]
    decision: Text | None = None
    votes: Votes | None = None
    progress: Percent | None = None
    timeline: tuple[TimelineEntry, ...] = ()


class Wish(Common):
    """微心愿: a small wish a neighbour can claim; the wisher's full name is never published."""

    wish: OneLine
    wisher: Name
    wisher_alias: OneLine | None = None
    place: OneLine | None = None
    category: OneLine | None = None
    value: Money | None = None
    posted_on: Day
    status: Annotated[str, choice(*WISH_STATUS, words="wish_status")]
    claimed_by: OneLine | None = None
    claimed_on: Day | None = None
    fulfilled_on: Day | None = None
    thanks: Text | None = None


class Page(Common):
    """A free page (about, contact) from pages/."""

    title: OneLine
    order: Count = 100


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


SCHEMAS: Final[dict[str, type[Fields]]] = {
    "site": Site,
    "activities": Activity,
    "disclosures": Disclosure,
    "deliberations": Deliberation,
    "wishes": Wish,
    "pages": Page,
}


def known_fields(schema: type[Fields]) -> list[str]:
    """The names a worker may write, aliases included (votes: `for`)."""
    return [info.alias or name for name, info in schema.model_fields.items()]

