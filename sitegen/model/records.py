"""The four kinds of record, frozen; what a template may read and nothing it must not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any, Final

from sitegen.kinds import RECORD_KINDS, kind


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record was written, so a site-wide rule can point at its line."""

    path: PurePosixPath
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    kind: str  # the folder, as the kind registry names it (sitegen/kinds/): wishes, pages
    slug: str
    title: str
    summary: str | None = None
    tags: tuple[str, ...] = ()
    photos: tuple[PurePosixPath, ...] = ()
    draft: bool = False
    body: str = ""  # Markdown as written; rendered and sanitised in render/
    source: SourceRef
    digest: str  # changes whenever anything this record shows changes
    day: date  # the date it is filed under (lists, years, feeds)
    updated: datetime  # when it last changed (model/dates.py): every page shows it (WeChat caches hard)
    poster_paper: str | None = None  # A4 or A3 for this record's poster; None: the site's default

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.slug}/"

    @property
    def singular(self) -> str:
        return kind(self.kind).singular

    @property
    def year(self) -> int | None:
        """The year it is listed under (/browse/<kind>/<year>/); None: under no year."""
        return self.day.year


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity(Record):
    """社区活动."""

    start: date  # a datetime when a time was given
    end: date | None = None
    place: str | None = None
    organizer: str | None = None
    partners: tuple[str, ...] = ()
    project: str | None = None
    participants: int | None = None
    signup: str | None = None
    upcoming: bool = False

    @property
    def has_time(self) -> bool:
        return isinstance(self.start, datetime)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    levels: tuple[str, ...]
    slug: str  # fuguiyuan/9dong

    @property
    def name(self) -> str:
        return "/".join(self.levels)


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure(Record):
    """亮身份: the phone appears only in the forms show_phone allows."""

    name: str
    role: str
    place: PlaceRef | None = None
    party_member: bool = True
    phone_web: str | None = None
    phone_poster: str | None = None
    phone_web_tel: str | None = None
    phone_poster_tel: str | None = None
    duties: tuple[str, ...] = ()
    pledge: str | None = None
    since: date | None = None

    @property
    def year(self) -> int | None:
        """The year of `since`: someone who gave no date is listed under no year, not the current one."""
        return self.since.year if self.since else None


@dataclass(frozen=True, slots=True)
class Meeting:
    date: date | None = None
    place: str | None = None
    host: str | None = None
    attendees: int | None = None


@dataclass(frozen=True, slots=True)
class Votes:
    for_: int  # 0 when not written, as against and abstain
    against: int
    abstain: int
    written: tuple[str, ...] = ("for", "against", "abstain")  # the counts the record wrote, in this order

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        """The counts the record wrote, as (label key, number): (("votes_for", 12), ("votes_against", 0));
        one it left out is unknown, not 0, and is not shown (votes: {for: 12} is never "弃权 0")."""
        return tuple((f"votes_{name}", getattr(self, "for_" if name == "for" else name)) for name in self.written)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: date
    note: str


DELIBERATION_STAGES: Final = ("proposed", "reviewing", "deliberating", "decided", "implementing", "completed")


@dataclass(frozen=True, slots=True, kw_only=True)
class Deliberation(Record):
    """协商议事: where it stands in its lifecycle, and what was decided."""

    raised_on: date
    raised_by: str | None = None
    channel: str | None = None
    meeting: Meeting | None = None
    status: str
    decision: str | None = None
    votes: Votes | None = None
    progress: int | None = None
    timeline: tuple[TimelineEntry, ...] = ()

    @property
    def stage(self) -> int:
        """Index in the lifecycle; a rejected issue stopped after deliberation."""
        return DELIBERATION_STAGES.index(self.status) if self.status in DELIBERATION_STAGES else 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Wish(Record):
    """微心愿: `shown_name` is the alias or the masked name; the full name never enters the model."""

    shown_name: str
    place: str | None = None
    category: str | None = None
    value: float | None = None
    posted_on: date
    status: str
    claimed_by: str | None = None
    claimed_on: date | None = None
    fulfilled_on: date | None = None
    thanks: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Plain(Record):
    """A record of a kind with no model class of its own (a registry entry naming `Plain`):
    its fields as validated, for its templates (`record.values.points`). Nothing here is masked,
    so such a kind must hold nothing private."""

    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Record):
    """A free page from pages/ (about, contact)."""

    order: int = 100


@dataclass(frozen=True, slots=True)
class Office:
    address: str | None = None
    phone: str | None = None  # the office's public number, shown in full
    phone_tel: str | None = None
    hours: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    name: str
    base_url: str  # ends with /
    street: str | None = None
    district: str | None = None
    city: str | None = None
    language: str = "zh-Hans"
    timezone: str = "Asia/Shanghai"
    office: Office | None = None
    wish_claim: str | None = None
    poster_paper: str = "A4"
    traditional_mirror: bool = True
    theme: PurePosixPath | None = None
    intro: str | None = None
    updated: datetime | None = None  # site.yaml's last commit, else the newest record's date
    digest: str = ""

    @property
    def address_line(self) -> str:
        return " ".join(x for x in (self.city, self.district, self.street) if x)


@dataclass(frozen=True, slots=True)
class Secrets:
    """What must never be published; used only by the leak scan, never given to templates."""

    names: frozenset[str] = frozenset()  # wishers' full names, as written and in Traditional script
    web_hidden_phones: frozenset[str] = frozenset()  # digits not to appear on web pages
    poster_hidden_phones: frozenset[str] = frozenset()  # digits not to appear on posters either
    nowhere_phones: frozenset[str] = frozenset()  # show_phone: none: not even masked, anywhere (SPEC §3)
    sources: Mapping[str, str] = field(default_factory=dict)  # name or digits → PATH:LINE of the record it is from
    # (character, canonical form) for every character of a name that differs between scripts: text
    # searched through this table finds 劉曉东, mixed Simplified and Traditional, as well.
    script_chars: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    site: Site
    activities: tuple[Activity, ...]
    disclosures: tuple[Disclosure, ...]
    deliberations: tuple[Deliberation, ...]
    wishes: tuple[Wish, ...]
    pages: tuple[Page, ...]
    places: PlaceTree
    secrets: Secrets = field(repr=False)
    today: date
    now: datetime
    dates_change_at: datetime | None = None  # the next moment a shown date changes by the clock alone (model/dates.py)
    others: dict[str, tuple[Record, ...]] = field(default_factory=dict)  # kinds without an attribute of their own
    # Every person's name the records show (model/names.py known_names), longest first: the 繁體 mirror keeps
    # each as typed wherever it stands in a page or a search row (render/script.py), not only where printed as a Name.
    names: tuple[str, ...] = ()
    # The short place names holding a 里, 于, 干 or 余 (hanzi.place_units: 幸福里, 于家村), which the 繁體
    # copies keep where they stand (hanzi.keep_place_characters, render/script.py): 幸福里, not 幸福裡.
    place_names: tuple[str, ...] = ()

    def records(self) -> tuple[Record, ...]:
        """Every published record, kind by kind in the registry's order (free pages apart)."""
        return tuple(r for k in RECORD_KINDS for r in self.of_kind(k.folder))

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        found = self.others.get(kind)
        return found if found is not None else tuple(getattr(self, kind))


from sitegen.model.places import PlaceTree  # noqa: E402  (PlaceTree refers back to Disclosure)
