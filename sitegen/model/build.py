"""Validated records → the frozen model: drafts dropped, upcoming judged, private data masked."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from sitegen.addresses import ascii_url
from sitegen.errors import Problem
from sitegen.model import records as m
from sitegen.model.dates import Dating
from sitegen.model.names import Name, NamedText, person_or_group
from sitegen.model.places import assign_slugs, build_tree
from sitegen.model.privacy import POSTER_HIDES, WEB_HIDES, mask_name, phone_shown
from sitegen.options import Options
from sitegen.validate.check import Valid, Validated
from sitegen.validate.privacy import name_variants, script_chars
from sitegen.validate.schema import Site as SiteFields


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


def _common(v: Valid, clock: Dating, title: str, day: date, *state: object,
            dates: tuple[date | None, ...] = ()) -> dict[str, Any]:
    f = v.fields
    updated = clock.updated(v.raw.path, dates)
    return dict(kind=v.kind, slug=v.slug, title=title, summary=f.summary, tags=f.tags, photos=v.photos,
                draft=f.draft, body=v.raw.body or "", source=m.SourceRef(v.raw.path, v.raw.line),
                digest=_digest(v.raw.digest, v.photos, updated, *state), day=day, updated=updated,
                poster_paper=getattr(f, "poster_paper", None))


def _is_upcoming(start: date, now: datetime, zone: ZoneInfo) -> bool:
    """Future in the site's zone; a date without a time stays upcoming until its day is over."""
    local = now.astimezone(zone)
    if isinstance(start, datetime):
        return start.replace(tzinfo=zone) > local
    return start >= local.date()


def _activity(v: Valid, clock: Dating) -> m.Activity:
    f = v.fields
    upcoming = _is_upcoming(f.date, clock.now, clock.zone)
    day = f.date.date() if isinstance(f.date, datetime) else f.date
    return m.Activity(**_common(v, clock, f.title, day, upcoming, dates=(f.date, f.end)), start=f.date, end=f.end,
                      place=f.place, organizer=person_or_group(f.organizer), partners=f.partners, project=f.project,
                      participants=f.participants, signup=f.signup, upcoming=upcoming)


def _disclosure(v: Valid, clock: Dating, place: m.PlaceRef | None, today: date) -> m.Disclosure:
    f = v.fields
    shown = phone_shown(f.phone, f.show_phone)
    name = Name(f.name)
    return m.Disclosure(**_common(v, clock, NamedText(name, " · ", f.role), f.since or today, place, dates=(f.since,)),
                        name=name,
                        role=f.role, place=place, party_member=f.party_member, phone_web=shown.web,
                        phone_poster=shown.poster, phone_web_tel=shown.web_tel, phone_poster_tel=shown.poster_tel,
                        duties=f.duties, pledge=f.pledge, since=f.since)


def _deliberation(v: Valid, clock: Dating) -> m.Deliberation:
    f = v.fields
    meeting = m.Meeting(f.meeting.date, f.meeting.place, person_or_group(f.meeting.host),
                         f.meeting.attendees) if f.meeting else None
    votes = m.Votes(f.votes.for_, f.votes.against, f.votes.abstain) if f.votes else None
    progress = 100 if f.status == "completed" else f.progress
    timeline = tuple(sorted((m.TimelineEntry(t.date, t.note) for t in f.timeline), key=lambda t: t.date))
    dates = (f.raised_on, meeting.date if meeting else None, *(t.date for t in timeline))
    return m.Deliberation(**_common(v, clock, f.title, f.raised_on, dates=dates), raised_on=f.raised_on,
                          raised_by=person_or_group(f.raised_by),
                          channel=f.channel, meeting=meeting, status=f.status, decision=f.decision, votes=votes,
                          progress=progress, timeline=timeline)


def _wish(v: Valid, clock: Dating) -> m.Wish:
    f = v.fields
    shown = Name(f.wisher_alias or mask_name(f.wisher))
    return m.Wish(**_common(v, clock, f.wish, f.posted_on, dates=(f.posted_on, f.claimed_on, f.fulfilled_on)),
                  shown_name=shown, place=f.place, category=f.category,
                  value=f.value, posted_on=f.posted_on, status=f.status, claimed_by=person_or_group(f.claimed_by),
                  claimed_on=f.claimed_on, fulfilled_on=f.fulfilled_on, thanks=f.thanks)


def _page(v: Valid, clock: Dating, today: date) -> m.Page:
    common = _common(v, clock, v.fields.title, today)
    # Every page's navigation lists the free pages, so their digests are in every fingerprint; their
    # date is not in it (only their own page and the home page show it, and those fingerprints hold
    # the date they show): an undated page re-dated by the build day re-renders two pages, not all.
    common["digest"] = _digest(v.raw.digest, v.photos)
    return m.Page(**common, order=v.fields.order)


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


def _secrets(records: list[Valid]) -> m.Secrets:
    names: set[str] = set()
    web: set[str] = set()
    poster: set[str] = set()
    sources: dict[str, str] = {}
    chars: dict[str, str] = {}
    for v in records:
        if v.kind == "wishes" and len(v.fields.wisher) > 1:
            forms = name_variants(v.fields.wisher)
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
    return m.Secrets(names=frozenset(names), web_hidden_phones=frozenset(web), poster_hidden_phones=frozenset(poster),
                     sources=sources, script_chars=tuple(sorted(chars.items())))


def build_model(validated: Validated, options: Options,
                commit_times: Mapping[PurePosixPath, int]) -> tuple[m.Model | None, list[Problem]]:
    """The frozen model, or the site-wide problems that stop it (place slugs that collide).

    `commit_times`: content-relative path → Unix time of its last commit (load/history.py), {}
    without git; dates are chosen as model/dates.py says.
    """
    if validated.site is None:
        return None, []
    zone = ZoneInfo(validated.site.fields.timezone)
    now = options.now
    today = now.astimezone(zone).date()
    clock = Dating(commit_times, now, zone)
    shown = [v for v in validated.records if options.drafts or not v.fields.draft]
    disclosures = [v for v in shown if v.kind == "disclosures"]
    places = [(v.fields.place, m.SourceRef(v.raw.path, v.raw.line_of("place")))
              for v in disclosures if v.fields.place]
    slugs, problems = assign_slugs(places, validated.site.fields.place_slugs)
    if problems:
        return None, problems
    people = tuple(_disclosure(v, clock, m.PlaceRef(v.fields.place, slugs[v.fields.place]) if v.fields.place else None, today)
                   for v in disclosures)
    activities = tuple(sorted((_activity(v, clock) for v in shown if v.kind == "activities"),
                              key=lambda a: (a.day, a.slug), reverse=True))
    deliberations = tuple(sorted((_deliberation(v, clock) for v in shown if v.kind == "deliberations"),
                                 key=lambda d: (d.raised_on, d.slug), reverse=True))
    wishes = tuple(sorted((_wish(v, clock) for v in shown if v.kind == "wishes"),
                          key=lambda w: (w.posted_on, w.slug), reverse=True))
    pages = tuple(sorted((_page(v, clock, today) for v in shown if v.kind == "pages"), key=lambda p: (p.order, p.slug)))
    # The site as a whole last changed with site.yaml's commit or its newest record, whichever is later.
    moments = [r.updated for r in (*activities, *people, *deliberations, *wishes, *pages)]
    site_commit = clock.committed(validated.site.raw.path)
    site_updated = max([*moments, *([site_commit] if site_commit else [])], default=None) or clock.updated(None)
    model = m.Model(
        site=_site(validated.site, options, site_updated),
        activities=activities,
        disclosures=tuple(sorted(people, key=lambda d: (d.place.slug if d.place else "~", d.slug))),
        deliberations=deliberations,
        wishes=wishes,
        pages=pages,
        places=build_tree(slugs, people),
        secrets=_secrets(validated.records),
        today=today,
        now=now,
        dates_change_at=clock.next_change,
    )
    return model, []
