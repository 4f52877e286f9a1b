"""Validated records → the frozen model: drafts dropped, upcoming judged, private data masked."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Any, Final
from zoneinfo import ZoneInfo

from sitegen.load.invisible import visible_body
from sitegen.addresses import ascii_url
from sitegen.hanzi import place_units
from sitegen.errors import Problem
from sitegen.kinds import ALL_KINDS, Kind, kind
from sitegen.model import records as m
from sitegen.model.dates import Dating
from sitegen.model.kept import Made, ModelKept, earliest, upcoming_ends
from sitegen.model.names import Name, NamedText, NameFinder, all_names, known_names, name_finder, person_or_group
from sitegen.model.places import Levels, PlaceTree, assign_slugs, build_tree, place_words
from sitegen.model.privacy import POSTER_HIDES, WEB_HIDES, mask_name, phone_shown
from sitegen.options import Options
from sitegen.slugs import Levels as SlugLevels
from sitegen.validate.check import Valid, Validated
from sitegen.validate.privacy import Variants, script_chars
from sitegen.validate.schema import Site as SiteFields


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


def _common(v: Valid, clock: Dating, title: str, day: date, *state: object,
            dates: tuple[date | None, ...] = ()) -> dict[str, Any]:
    f = v.fields
    updated = clock.updated(v.raw.path, dates)
    return dict(kind=v.kind, slug=v.slug, title=title, summary=f.summary, tags=f.tags, photos=v.photos,
                draft=f.draft, body=visible_body(v.raw.body or ""), source=m.SourceRef(v.raw.path, v.raw.line),
                digest=_digest(v.raw.digest, v.photos, updated, *state), day=day, updated=updated,
                poster_paper=getattr(f, "poster_paper", None))


def _is_upcoming(start: date, now: datetime, zone: ZoneInfo) -> bool:
    """Future in the site's zone; a date without a time stays upcoming until its day is over."""
    local = now.astimezone(zone)
    if isinstance(start, datetime):
        return start.replace(tzinfo=zone) > local
    return start >= local.date()


@dataclass(frozen=True, slots=True)
class Making:
    """What every record maker may read: the clock, the build's day, the place slugs, the registry."""

    clock: Dating
    today: date
    slugs: Mapping[Levels, str]
    kind_of: Callable[[str], Kind] = kind  # folder → its registry entry (a test may hand in its own)
    kept: ModelKept | None = None  # serve: each record's model from the last build (model/kept.py)


def _activity(v: Valid, c: Making) -> m.Activity:
    f, clock = v.fields, c.clock
    upcoming = _is_upcoming(f.date, clock.now, clock.zone)
    day = f.date.date() if isinstance(f.date, datetime) else f.date
    return m.Activity(**_common(v, clock, f.title, day, upcoming, dates=(f.date, f.end)), start=f.date, end=_end(f.date, f.end),
                      place=f.place, organizer=person_or_group(f.organizer),
                      partners=tuple(person_or_group(p) or p for p in f.partners), project=f.project,
                      participants=f.participants, signup=f.signup, upcoming=upcoming)


def _end(start: date, end: date | None) -> date | None:
    """An activity's end as pages, posters and the calendar show it: an end day that is the day a timed
    start begins on says nothing more, so there is none (the calendar's two hours, the page's start
    alone), and so does an end that is the start again. breaker helper-123: `date: 2026-03-05 19:00`
    with `end: 2026-03-05` read "19:00 – 3月5日" on its page while its calendar entry ended at 21:00."""
    if end is None or end == start:  # the same day or the same time again (breaker helper-126: 19:00 – 19:00)
        return None
    if isinstance(start, datetime) and not isinstance(end, datetime) and end == start.date():
        return None
    return end


def _disclosure(v: Valid, c: Making) -> m.Disclosure:
    f = v.fields
    place = m.PlaceRef(f.place, c.slugs[f.place]) if f.place else None
    shown = phone_shown(f.phone, f.show_phone)
    name = Name(f.name)
    return m.Disclosure(**_common(v, c.clock, NamedText(name, " · ", f.role), f.since or c.today, place,
                                  dates=(f.since,)),
                        name=name,
                        role=f.role, place=place, party_member=f.party_member, phone_web=shown.web,
                        phone_poster=shown.poster, phone_web_tel=shown.web_tel, phone_poster_tel=shown.poster_tel,
                        duties=f.duties, pledge=f.pledge, since=f.since)


def _deliberation(v: Valid, c: Making) -> m.Deliberation:
    f = v.fields
    meeting = m.Meeting(f.meeting.date, f.meeting.place, person_or_group(f.meeting.host),
                         f.meeting.attendees) if f.meeting else None
    written = tuple(name for name, field in (("for", "for_"), ("against", "against"), ("abstain", "abstain"))
                    if f.votes is not None and field in f.votes.model_fields_set)
    votes = m.Votes(f.votes.for_, f.votes.against, f.votes.abstain, written) if f.votes and written else None
    progress = 100 if f.status == "completed" else f.progress
    timeline = tuple(sorted((m.TimelineEntry(t.date, t.note) for t in f.timeline), key=lambda t: t.date))
    dates = (f.raised_on, meeting.date if meeting else None, *(t.date for t in timeline))
    return m.Deliberation(**_common(v, c.clock, f.title, f.raised_on, dates=dates), raised_on=f.raised_on,
                          raised_by=person_or_group(f.raised_by),
                          channel=f.channel, meeting=meeting, status=f.status, decision=f.decision, votes=votes,
                          progress=progress, timeline=timeline)


def _wish(v: Valid, c: Making) -> m.Wish:
    f = v.fields
    shown = Name(f.wisher_alias or mask_name(f.wisher))
    return m.Wish(**_common(v, c.clock, f.wish, f.posted_on, dates=(f.posted_on, f.claimed_on, f.fulfilled_on)),
                  shown_name=shown, place=f.place, category=f.category,
                  value=f.value, posted_on=f.posted_on, status=f.status, claimed_by=person_or_group(f.claimed_by),
                  claimed_on=f.claimed_on, fulfilled_on=f.fulfilled_on, thanks=f.thanks)


def _page(v: Valid, c: Making) -> m.Page:
    common = _common(v, c.clock, v.fields.title, c.today)
    # Every page's navigation lists the free pages, so their digests are in every fingerprint; their
    # date is not in it (only their own page and the home page show it, and those fingerprints hold
    # the date they show): an undated page re-dated by the build day re-renders two pages, not all.
    common["digest"] = _digest(v.raw.digest, v.photos)
    return m.Page(**common, order=v.fields.order)


def _plain(v: Valid, c: Making) -> m.Plain:
    """A record of a registry kind naming no model class: titled and dated by the fields its entry names."""
    entry = c.kind_of(v.kind)
    f = v.fields
    values = {spec.name: getattr(f, spec.name) for spec in entry.fields}
    day = values.get(entry.date_field or "") or c.today
    day = day.date() if isinstance(day, datetime) else day
    return m.Plain(**_common(v, c.clock, str(values[entry.title_field]), day, dates=(day,)), values=values)


# Kinds whose `place` is a place path (亮身份): each level of it gets a board (SPEC §3 Places).
_BOARDED: Final = tuple(k.folder for k in ALL_KINDS if (f := k.field("place")) is not None and f.type == "PlacePath")
Maker = Callable[[Valid, Making], m.Record]
# Per model class the registry may name (Kind.model): how to make it, and the order its tuple keeps.
MAKERS: Final[dict[str, tuple[Maker, Callable[[Any], Any], bool]]] = {
    "Activity": (_activity, lambda r: (r.day, r.slug), True),  # newest first
    "Disclosure": (_disclosure, lambda d: (d.place.slug if d.place else "~", d.slug), False),  # by place
    "Deliberation": (_deliberation, lambda r: (r.day, r.slug), True),
    "Wish": (_wish, lambda r: (r.day, r.slug), True),
    "Page": (_page, lambda p: (p.order, p.slug), False),  # as the site orders its navigation
    "Plain": (_plain, lambda r: (r.day, r.slug), True),
}


def make_records(entry: Kind, valid: Iterable[Valid], making: Making) -> tuple[list[m.Record], tuple[m.Record, ...]]:
    """One kind's records: as read (file order) and as the model keeps them (the kind's order)."""
    maker, order, newest_first = MAKERS[entry.model]
    made = [_made(maker, v, making) for v in valid if v.kind == entry.folder]
    return made, tuple(sorted(made, key=order, reverse=newest_first))


def _made(maker: Maker, v: Valid, c: Making) -> m.Record:
    """maker(v, c), or the record made of the same Valid by the last build when all it read is the
    same and the clock is still in its window (model/kept.py says what a maker reads)."""
    clock = c.clock
    commit = clock.commits.get(v.raw.path)
    if c.kept is None or (commit is not None and datetime.fromtimestamp(commit, tz=UTC) > clock.now):
        return maker(v, c)  # a commit later than the clock: the record's date is the clock, kept by nothing
    place = getattr(v.fields, "place", None)
    key = (maker, c.kind_of, str(clock.zone), c.today, commit,
           c.slugs.get(place) if isinstance(place, tuple) else None)
    found = c.kept.get(v, key, clock.now)
    if found is not None:
        if found.change is not None:
            clock.told(found.change)
        kept: m.Record = found.record
        return kept
    record, change = clock.apart(lambda: maker(v, c))
    ends = upcoming_ends(record.start, clock.zone) if isinstance(record, m.Activity) and record.upcoming else None
    c.kept.put(Made(v, key, clock.now, earliest(change, ends), change, record))
    return record


def _tree(slugs: dict[Levels, str], people: list[Any], levels: SlugLevels, kept: ModelKept | None) -> PlaceTree:
    """build_tree, or the last build's tree when made of the same slugs and records (model/kept.py)."""
    if kept is None:
        return build_tree(slugs, people, levels)
    tree: PlaceTree = kept.tree(slugs, people, lambda: build_tree(slugs, people, levels))
    return tree


def _site(v: Valid, options: Options, updated: datetime) -> m.Site:
    f: SiteFields = v.fields
    office = None
    if f.office:
        phone = f.office.phone
        office = m.Office(address=f.office.address, phone=phone.shown if phone else None,
                          phone_tel=phone.digits if phone else None, hours=f.office.hours)
    base = ascii_url(options.base_url or f.base_url)  # both checked: site.yaml in validate/, --base-url by the CLI
    base = base if base.endswith("/") else base + "/"
    return m.Site(name=f.name, base_url=base, street=f.street, district=f.district, city=f.city,
                  language=f.language, timezone=f.timezone, office=office, wish_claim=f.wish_claim,
                  poster_paper=f.poster_paper, traditional_mirror=f.traditional_mirror and f.language == "zh-Hans",
                  theme=PurePosixPath(f.theme) if f.theme else None, intro=f.intro,
                  updated=updated, digest=_digest(v.raw.digest, base))  # `updated` is not in it: see pipeline/published.py fingerprints


def _with_names(item: Any, finder: NameFinder | None) -> Any:
    """`item` (a record, the site) with the known names in its text (NameFinder.others_in) in its digest.

    A 繁體 page keeps every known name as typed (render/script.py): which of them its text holds is then
    part of what it shows, and a page is made again when its records' or the site's digests change
    (pipeline/published.py fingerprints). A disclosure of 范志发 added remakes the activity 范志发带队巡逻
    and the pages listing it, not the whole site. `item` itself when it holds no other name.
    """
    found = finder.others_in(item) if finder is not None else ()
    return dataclasses.replace(item, digest=_digest(item.digest, found)) if found else item


def _named(read: dict[str, list[Any]], ordered: dict[str, tuple[Any, ...]], site: m.Site,
           slugs: Mapping[Levels, str]) -> tuple[m.Site, tuple[str, ...], tuple[str, ...]]:
    """The names the records show (known_names), and, with a 繁體 mirror (only its copies keep names apart),
    the site and every record in `read` (file order) and `ordered` (the kind's order, in place) through
    `_with_names`, which also takes the place names whose 里, 于, 干 and 余 a 繁體 copy keeps (which of
    them a text holds is part of what its copy shows, as a name is); those place names third."""
    names = known_names(r for records in ordered.values() for r in records)
    places = _place_names(site, slugs, read) if site.traditional_mirror else ()
    kept = all_names((names, places)) if places else names  # the render's own finder when no place needs one
    finder = name_finder(kept) if site.traditional_mirror else None
    if finder is None:
        return site, names, places
    new: dict[int, Any] = {}
    for made in read.values():
        for i, record in enumerate(made):
            found = _with_names(record, finder)
            if found is not record:
                made[i] = new[id(record)] = found
    if new:
        for folder, records in ordered.items():
            ordered[folder] = tuple(new.get(id(r), r) for r in records)
    return _with_names(site, finder), names, places


def secrets_of(records: list[Valid], variants: Variants) -> m.Secrets:
    """The private data `records` hold (wishers' full names in both scripts, hidden phones), as the
    model's `Secrets` (build_model): only wishes and disclosures add to it."""
    return _secrets(records, variants)


def _secrets(records: list[Valid], variants: Variants) -> m.Secrets:
    names: set[str] = set()
    web: set[str] = set()
    poster: set[str] = set()
    nowhere: set[str] = set()
    sources: dict[str, str] = {}
    chars: dict[str, str] = {}
    for v in records:
        if v.kind == "wishes" and len(v.fields.wisher) > 1:
            forms = variants.of(v.fields.wisher)
            names |= forms
            chars.update(script_chars(forms))
            for variant in forms:
                sources.setdefault(variant, f"{v.raw.path}:{v.raw.line_of('wisher')}")
        elif v.kind == "disclosures" and v.fields.phone is not None:
            if v.fields.show_phone in WEB_HIDES:
                sources.setdefault(v.fields.phone.digits, f"{v.raw.path}:{v.raw.line_of('phone')}")
            if v.fields.show_phone in WEB_HIDES:
                web.add(v.fields.phone.digits)
            if v.fields.show_phone in POSTER_HIDES:
                poster.add(v.fields.phone.digits)
            if v.fields.show_phone == "none":
                nowhere.add(v.fields.phone.digits)
    return m.Secrets(names=frozenset(names), web_hidden_phones=frozenset(web), poster_hidden_phones=frozenset(poster),
                     nowhere_phones=frozenset(nowhere), sources=sources, script_chars=tuple(sorted(chars.items())))


def build_model(validated: Validated, options: Options, commit_times: Mapping[PurePosixPath, int], *,
                levels: SlugLevels, variants: Variants,
                kept: ModelKept | None = None) -> tuple[m.Model | None, list[Problem]]:
    """The frozen model, or the site-wide problems that stop it (place slugs that collide).

    `commit_times`: content-relative path → Unix time of its last commit (load/history.py), {}
    without git; dates are chosen as model/dates.py says. `levels` and `variants` are the build's
    memos of place slugs and of wishers' names in both scripts (kept by the build cache); `kept`
    (serve, pipeline/memory.py) each record's model from the last build (model/kept.py).
    """
    if validated.site is None:
        return None, []
    zone = ZoneInfo(validated.site.fields.timezone)
    now = options.now
    today = now.astimezone(zone).date()
    clock = Dating(commit_times, now, zone)
    shown = [v for v in validated.records if options.drafts or not v.fields.draft]
    places = [(v.fields.place, m.SourceRef(v.raw.path, v.raw.line_of("place")))
              for v in shown if v.kind in _BOARDED and v.fields.place]
    slugs, problems = assign_slugs(places, validated.site.fields.place_slugs, levels)
    if problems:
        return None, problems
    making = Making(clock, today, slugs, kept=kept)
    read: dict[str, list[Any]] = {}  # each kind's own class (m.Wish …), as its registry entry names
    ordered: dict[str, tuple[Any, ...]] = {}
    if kept is not None:
        kept.start()
    for entry in ALL_KINDS:
        read[entry.folder], ordered[entry.folder] = make_records(entry, shown, making)
    if kept is not None:
        kept.settle()
    # The site as a whole last changed with site.yaml's commit or its newest record, whichever is later.
    moments = [r.updated for records in read.values() for r in records]
    site_commit = clock.committed(validated.site.raw.path)
    site_updated = max([*moments, *([site_commit] if site_commit else [])], default=None) or clock.updated(None)
    own = {name for name in m.Model.__dataclass_fields__}
    site, names, place_names = _named(read, ordered, _site(validated.site, options, site_updated), slugs)
    model = m.Model(
        site=site,
        **{folder: records for folder, records in ordered.items() if folder in own},
        others={folder: records for folder, records in ordered.items() if folder not in own},
        places=_tree(slugs, [r for folder in _BOARDED for r in read[folder]], levels, kept),  # file order, as boards list people
        secrets=_secrets(validated.records, variants),
        today=today,
        now=now,
        dates_change_at=clock.next_change,
        names=names,
        place_names=place_names,
    )
    return model, []


def _place_names(site: m.Site, slugs: Mapping[Levels, str], read: dict[str, list[Any]]) -> tuple[str, ...]:
    """hanzi.place_units of every place name the site shows: each level of each slugged place, each
    record's place as typed (an activity's 于家村文化广场), the site's own name, street, district, city
    and office address."""
    typed = [r.place for records in read.values() for r in records if isinstance(getattr(r, "place", None), str)]
    return place_units(place_words(slugs, site.name, site.street, site.district, site.city,
                                   site.office.address if site.office else None, *typed))
