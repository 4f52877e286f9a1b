"""What the street's own pages need of one community, small enough to travel between machines.

A `CommunitySummary` is made from a community's checked model (`pipeline.check(...).model`) and
holds only what the web already shows: wishers as the web shows them (alias or 俞**), the office's
public number, no disclosure phone at all, and the names its pages show (`names`, which the street's
繁體 pages keep as typed). Every value is a JSON value (str, int, bool, tuples of them), so
`from_json(s.to_json()) == s` exactly and a sharded build (docs/spec.md §6) assembles the same bytes
as a one-machine build.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from sitegen.model.records import Activity, Deliberation, Disclosure, Model, Record, Wish
from sitegen.render.builtin import feeds
from sitegen.render.builtin.feeds import FEED_SIZE
from sitegen.render.pages import describe
from sitegen.render.summary import Summaries
from sitegen.render.urls import absolute

LATEST: Final = 8  # records per community on the street index ("the latest records across the street")
IN_PROGRESS: Final = ("proposed", "reviewing", "deliberating", "decided", "implementing")
TAKEN: Final = ("claimed", "fulfilled")


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """The community office as its web pages show it: the office number is public, shown in full."""

    address: str = ""  # the office's address; "" when not given
    phone: str = ""  # as the web shows it
    phone_tel: str = ""  # digits for a tel: link; "" when there is no phone
    hours: str = ""  # opening hours, as typed; "" when not given


@dataclass(frozen=True, slots=True)
class Figures:
    """Counts at a glance. `year` is "this year" in the community's time zone at the build clock.

    activities: activities held in `year` (as the community home page counts them: upcoming ones
    are not yet held); wishes_*: every wish now in that state (withdrawn ones are not counted);
    deliberations_completed: issues completed in `year` (the year of the last timeline entry,
    else of raised_on, as the community home page); deliberations_in_progress: every issue
    neither completed nor rejected.
    """

    year: int  # this year in the community's time zone
    activities: int = 0  # activities held in `year`
    wishes_open: int = 0  # wishes open now
    wishes_claimed: int = 0  # wishes claimed now
    wishes_fulfilled: int = 0  # wishes fulfilled
    deliberations_completed: int = 0  # issues completed in `year`
    deliberations_in_progress: int = 0  # issues neither completed nor rejected

    @property
    def claim_rate(self) -> int | None:
        """Percent of wishes taken on (claimed or fulfilled) of all not withdrawn, rounded half up; None without wishes."""
        return claim_rate(self.wishes_open, self.wishes_claimed + self.wishes_fulfilled)


def claim_rate(open_: int, taken: int) -> int | None:
    """round(100 * taken / (open + taken)) with halves up, in integers (no float in any output)."""
    total = open_ + taken
    return None if total == 0 else (200 * taken + total) // (2 * total)


@dataclass(frozen=True, slots=True)
class Entry:
    """One record as the street index, feed and sitemap list it.

    `path` is its URL path inside the community ("wishes/2026-a/"), `url` the absolute URL
    (community base_url + path); `day` ISO date it is filed under, `updated` ISO date-time with
    offset. `name` is the person's name a disclosure's title starts with ("" otherwise): kept
    as typed in the 繁體 copy.
    """

    kind: str  # activities, disclosures, deliberations or wishes
    title: str  # the record's title
    path: str  # its URL path inside the community: wishes/2026-a/
    url: str  # its absolute URL
    day: str  # ISO date it is filed under
    updated: str  # ISO date-time with offset: when it last changed
    summary: str  # a line about it, as the community's feed has it
    name: str = ""  # the person's name a disclosure's title starts with; "" otherwise


@dataclass(frozen=True, slots=True)
class OpenWish:
    """An open wish for the street wish wall; `wisher` is the alias or the masked name (俞**), never the full name."""

    title: str  # what is wished for
    wisher: str  # the alias or the masked name (俞**)
    category: str  # the wish's category, as typed; "" when none
    posted_on: str  # ISO date
    path: str  # "wishes/2026-a/" inside the community
    url: str  # absolute: what its QR code holds


@dataclass(frozen=True, slots=True)
class Event:
    """An activity for the street calendar, written once when its community is summarised.

    `vevent` is the RFC 5545 VEVENT (CRLF lines, folded) that render/builtin/feeds.py writes for
    the community calendar, but with a UID naming the community (`<slug>.<community>@<host>`:
    two communities may both have an activity `2026-linli`); `start` its ISO date or local
    date-time, for ordering; `timed` whether it has a time (then the calendar needs the VTIMEZONE).
    """

    slug: str  # the activity's slug
    start: str  # ISO date or local date-time it starts
    timed: bool  # whether it has a time of day
    url: str  # its page's absolute URL
    vevent: str  # its RFC 5545 VEVENT, UID naming the community


@dataclass(frozen=True, slots=True)
class CommunitySummary:
    """Everything the street pages show of one community (see the module docstring).

    `entries`: the newest records (at most FEED_SIZE, newest first; the first LATEST are the
    street index's); `wishes`: every open wish, newest first; `events`: every activity, oldest
    first; `updated`: when the community last changed (ISO, with offset); `mirror`: whether the
    community has a 繁體 tree (zh-hant/), as it does unless its language is not zh-Hans or it
    turned the mirror off; `names`: every person's name its records show (Model.names, model/names.py
    known_names: longest first), which the street's 繁體 pages keep as typed in any community's text.
    """

    slug: str  # its folder under the street: OUT/<slug>/
    name: str  # the community's name
    base_url: str  # its site's base URL
    language: str  # its site.yaml `language`
    timezone: str  # its site.yaml `timezone`: Asia/Shanghai
    mirror: bool  # whether it has a 繁體 tree (zh-hant/)
    office: OfficeInfo | None  # its office; None when site.yaml has none
    figures: Figures  # its counts at a glance
    entries: tuple[Entry, ...]  # its newest records, newest first (the first 8 are `latest`)
    wishes: tuple[OpenWish, ...]  # every open wish, newest first
    events: tuple[Event, ...]  # every activity, oldest first, for the street calendar
    updated: str  # ISO date-time with offset: when it last changed
    names: tuple[str, ...] = ()  # every person's name its records show, longest first: kept as typed in 繁體

    @property
    def latest(self) -> tuple[Entry, ...]:
        """Its newest records on the street index, at most LATEST (8)."""
        return self.entries[:LATEST]

    @property
    def sitemap_url(self) -> str:
        """Its sitemap's absolute URL, listed in the street's sitemap index."""
        return absolute(self.base_url, "sitemap.xml")

    def to_json(self) -> str:
        """Deterministic JSON (sorted keys, no spaces, UTF-8 text as is): the same summary, the same text."""
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> CommunitySummary:
        """The summary `to_json` wrote; ValueError (json.JSONDecodeError, KeyError, TypeError) on anything else."""
        data = json.loads(text)
        office = data.pop("office")
        return cls(**{
            **data,
            "office": None if office is None else OfficeInfo(**office),
            "figures": Figures(**data["figures"]),
            "entries": tuple(Entry(**e) for e in data["entries"]),
            "wishes": tuple(OpenWish(**w) for w in data["wishes"]),
            "events": tuple(Event(**e) for e in data["events"]),
            "names": tuple(data.get("names", ())),
        })


def from_json(text: str) -> CommunitySummary:
    """CommunitySummary.from_json, as a function."""
    return CommunitySummary.from_json(text)


def _iso(value: date) -> str:
    return value.isoformat()


def _solved_year(d: Deliberation) -> int:
    """The year a completed issue was resolved, as the community home page counts it (render/pages.py)."""
    return d.timeline[-1].date.year if d.timeline else d.raised_on.year


def figures(model: Model, year: int) -> Figures:
    """The community's figures for `year` (see Figures)."""
    wishes = [w.status for w in model.wishes]
    return Figures(
        year=year,
        activities=sum(1 for a in model.activities if a.day.year == year and not a.upcoming),
        wishes_open=wishes.count("open"),
        wishes_claimed=wishes.count("claimed"),
        wishes_fulfilled=wishes.count("fulfilled"),
        deliberations_completed=sum(1 for d in model.deliberations
                                    if d.status == "completed" and _solved_year(d) == year),
        deliberations_in_progress=sum(1 for d in model.deliberations if d.status in IN_PROGRESS),
    )


def _entry(record: Record, base_url: str, summaries: Summaries | None) -> Entry:
    name = str(record.name) if isinstance(record, Disclosure) else ""
    return Entry(kind=record.kind, title=str(record.title), path=record.url, url=absolute(base_url, record.url),
                 day=_iso(record.day), updated=record.updated.isoformat(), summary=str(describe(record, summaries)),
                 name=name)


def _wish(wish: Wish, base_url: str) -> OpenWish:
    return OpenWish(title=str(wish.title), wisher=str(wish.shown_name), category=wish.category or "",
                    posted_on=_iso(wish.posted_on), path=wish.url, url=absolute(base_url, wish.url))


class Known:
    """What the last build of a community summarised, kept in its build cache (pipeline/cache.py):
    `summaries`, the memo of body summaries, and `events`, each activity's street VEVENT by its key
    (the activity's slug and digest, as two files of one text share a digest; the site's digest;
    the community's base URL and slug). A summary of 3,000 activities with one changed writes one
    event with icalendar (≈ 3 ms each), not 3,000."""

    def __init__(self, summaries: Summaries | None = None, events: dict[str, str] | None = None) -> None:
        self.summaries = summaries
        self.events = {} if events is None else events
        self.used: set[str] = set()

    def event(self, key: str, make: Callable[[], str]) -> str:
        """The VEVENT text kept for `key`, else `make()`, kept."""
        self.used.add(key)
        found = self.events.get(key)
        if found is None:
            found = self.events[key] = make()
        return found

    def prune(self) -> None:
        """Forget the events this summary did not show (deleted or changed activities)."""
        for stale in self.events.keys() - self.used:
            del self.events[stale]
        self.used = set()


def _event(activity: Activity, base_url: str, community: str, zone: ZoneInfo, site_digest: str, known: Known
           ) -> Event:
    host = base_url.split("//", 1)[1].split("/", 1)[0]
    url = absolute(base_url, activity.url)

    def make() -> str:
        vevent = feeds.vevent(uid=f"{activity.slug}.{community}@{host}", stamp=activity.updated,
                              title=str(activity.title), start=activity.start, end=activity.end, place=activity.place,
                              description=str(describe(activity, known.summaries)), url=url, zone=zone)
        return bytes(vevent.to_ical()).decode("utf-8")  # type: ignore[attr-defined]

    key = "\x1f".join((activity.slug, activity.digest, site_digest, base_url, community))
    return Event(slug=activity.slug, start=_iso(activity.start), timed=activity.has_time, url=url,
                 vevent=known.event(key, make))


def summarise(model: Model, base_url: str, slug: str, now: datetime, known: Known | None = None) -> CommunitySummary:
    """The summary of one checked community whose pages are served at `base_url` (absolute, ending in "/").

    `now` is the build clock (aware); "this year" is its year in the community's time zone. `known`:
    what the community's build cache kept from the last summary (its events are pruned to this one's).
    """
    known = Known() if known is None else known
    site = model.site
    year = now.astimezone(ZoneInfo(site.timezone)).year
    office = None
    if site.office is not None:
        office = OfficeInfo(address=site.office.address or "", phone=site.office.phone or "",
                            phone_tel=site.office.phone_tel or "", hours=site.office.hours or "")
    newest = sorted(model.records(), key=lambda r: (r.updated, r.day, r.url), reverse=True)[:FEED_SIZE]
    updated = site.updated or max((r.updated for r in model.records()), default=now)
    summary = CommunitySummary(
        slug=slug, name=site.name, base_url=base_url, language=site.language, timezone=site.timezone,
        mirror=site.traditional_mirror, office=office, figures=figures(model, year),
        entries=tuple(_entry(r, base_url, known.summaries) for r in newest),
        wishes=tuple(_wish(w, base_url) for w in model.wishes if w.status == "open"),
        events=tuple(_event(a, base_url, slug, ZoneInfo(site.timezone), site.digest, known)
                     for a in sorted(model.activities, key=lambda a: (a.day, a.slug))),
        updated=updated.isoformat(),
        names=model.names,
    )
    known.prune()
    return summary
