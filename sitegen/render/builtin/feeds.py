"""feed.xml (Atom), sitemap.xml and robots.txt from small Jinja templates; activities.ics via icalendar."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from functools import lru_cache
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import jinja2

from sitegen.model.records import Activity, Model, Record, Site
from sitegen.render.pages import describe
from sitegen.render.sandbox import Sandbox
from sitegen.render.summary import Summaries
from sitegen.render.urls import absolute

FEED_SIZE = 50
# Characters XML 1.0 (§2.2 Char) does not allow: one of them makes a feed reader drop the whole feed.
# The content check refuses them at their line; this is the last guard for anything that slipped by.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF)."""
    return _NOT_XML.sub("", text)


def _env() -> jinja2.Environment:
    folder = resources.files("sitegen.render.builtin")
    return Sandbox(  # every template is sandboxed, ours too
        loader=jinja2.FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
        autoescape=True,  # XML: the same five characters need escaping
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _rfc3339(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def atom_feed(model: Model, kind_labels: dict[str, str], summaries: Summaries | None = None,
              records: list[Record] | None = None, entries: list[dict[str, str]] | None = None) -> bytes:
    """The newest records of every kind, newest first; ids are the pages' absolute URLs.

    `summaries`: the build cache's memo of body summaries (render/summary.py); `records`:
    feed_records(model) when the caller took them already (a pass over every record), and `entries`
    feed_entries of them."""
    records = records if records is not None else feed_records(model)
    entries = entries if entries is not None else feed_entries(model, kind_labels, summaries, records)
    updated = max((r.updated for r in records), default=model.site.updated or model.now)
    return atom_document(model.site, model.site.base_url, updated, entries)


def feed_entries(model: Model, kind_labels: dict[str, str], summaries: Summaries | None,
                 records: list[Record]) -> list[dict[str, str]]:
    """What feed.xml shows of each of `records` (feed_records): title, url, updated, summary and category,
    all text. The feed is made from these alone (with the site and its date), so they are its fingerprint:
    a record saved with a change the feed does not show (most of a body) leaves the feed as it was."""
    base = model.site.base_url
    return [{"title": f"{kind_labels[r.kind]}｜{r.title}", "url": absolute(base, r.url),
             "updated": _rfc3339(r.updated), "summary": str(describe(r, summaries)), "category": kind_labels[r.kind]}
            for r in records]


def feed_records(model: Model) -> list[Record]:
    """The records feed.xml lists: the FEED_SIZE newest by (updated, day, address), newest first.

    heapq.nlargest is sorted(..., reverse=True)[:n] (its documentation), without sorting the rest."""
    return heapq.nlargest(FEED_SIZE, model.records(), key=lambda r: (r.updated, r.day, r.url))


def atom_document(site: Site, home: str, updated: datetime, entries: list[dict[str, str]]) -> bytes:
    """An Atom feed (RFC 4287) at `home` + feed.xml; `entries` newest first, each with title, url,
    updated (RFC 3339), summary and category. `site` gives the feed's name and language."""
    text = _env().get_template("atom.xml").render(
        site=site, feed_url=absolute(home, "feed.xml"), home=home, updated=_rfc3339(updated), entries=entries)
    return xml_safe(text).encode("utf-8")


def sitemap(model: Model, urls: Iterable[tuple[str, datetime | None]]) -> bytes:
    base = model.site.base_url
    items = [{"loc": absolute(base, url), "lastmod": when.date().isoformat() if when else None}
             for url, when in sorted(urls)]
    return xml_safe(_env().get_template("sitemap.xml").render(items=items)).encode("utf-8")


def sitemap_index(sitemaps: Iterable[tuple[str, date | None]]) -> bytes:
    """A sitemap index (sitemaps.org protocol): absolute URLs of sitemaps, each with its last change."""
    items = [{"loc": url, "lastmod": when.isoformat() if when else None} for url, when in sitemaps]
    return xml_safe(_env().get_template("sitemap_index.xml").render(items=items)).encode("utf-8")


def robots(model: Model) -> bytes:
    """Only meaningful at a host's root, but right for a site under a path as well."""
    base_path = "/" + model.site.base_url.split("//", 1)[1].partition("/")[2]
    return _env().get_template("robots.txt").render(sitemap=absolute(model.site.base_url, "sitemap.xml"),
                                                    posters=base_path + "posters/").encode()


def _is_event_of(event: bytes, uid: str) -> bool:
    """True when the VEVENT's (unfolded, RFC 5545 §3.1) UID line is exactly `uid`."""
    return f"\r\nUID:{uid}\r\n".encode() in b"\r\n" + event.replace(b"\r\n ", b"")


def calendar(model: Model, known: dict[str, bytes] | None = None, summaries: Summaries | None = None) -> bytes:
    """RFC 5545: one event per activity, times in the site's zone with its VTIMEZONE, all-day dates as DATE.

    Each event is written by icalendar once and kept by the activity's digest (`known`): a calendar
    of 3,000 activities with one changed costs one event, not 3,000. A kept event is used only while
    its UID is this activity's: an entry mixed up in the cache is written again. `summaries`: the
    build cache's memo of body summaries (render/summary.py).
    """
    zone = ZoneInfo(model.site.timezone)
    host = model.site.base_url.split("//", 1)[1].split("/", 1)[0]
    zones = (model.site.timezone,) if any(a.has_time for a in model.activities) else ()
    known = {} if known is None else known
    used, events = set(), []
    for activity in sorted(model.activities, key=lambda a: (a.day, a.slug)):
        key = activity.digest + model.site.digest
        if key not in known or not _is_event_of(known[key], f"{activity.slug}@{host}"):
            known[key] = _event(activity, model, zone, host, summaries).to_ical()  # type: ignore[attr-defined]
        used.add(key)
        events.append(known[key])
    for stale in known.keys() - used:
        del known[stale]
    return calendar_document(model.site.name, model.site.timezone, zones, events)


def calendar_document(name: str, timezone: str, zones: Iterable[str], events: Iterable[bytes]) -> bytes:
    """A VCALENDAR named `name` holding `events` (VEVENT bytes) and a VTIMEZONE for each of `zones`."""
    head, tail = _frame(name, timezone, tuple(zones))
    return head + b"".join(events) + b"END:VCALENDAR" + tail


@lru_cache(maxsize=16)
def _frame(name: str, timezone: str, zones: tuple[str, ...]) -> tuple[bytes, bytes]:
    """The calendar around its events: (everything before, after END:VCALENDAR).

    Remembered for the process: a VTIMEZONE is worked out from the zone's transitions from 1970
    to 2038 (icalendar's Timezone.from_tzid, whose docstring says to cache it), a few tens of
    milliseconds every time `serve` rebuilds the calendar after an activity is saved.
    """
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//sitegen//community notice board//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    for tzid in zones:
        cal.add_component(icalendar.Timezone.from_tzid(tzid))
    head, _, tail = bytes(cal.to_ical()).rpartition(b"END:VCALENDAR")
    return head, tail


def _event(a: Activity, model: Model, zone: ZoneInfo, host: str, summaries: Summaries | None) -> object:
    return vevent(uid=f"{a.slug}@{host}", stamp=a.updated, title=a.title, start=a.start, end=a.end, place=a.place,
                  description=str(describe(a, summaries)), url=absolute(model.site.base_url, a.url), zone=zone)


def vevent(*, uid: str, stamp: datetime, title: str, start: date, end: date | None, place: str | None,
           description: str, url: str, zone: ZoneInfo) -> object:
    """One RFC 5545 VEVENT: `start`/`end` are local to `zone` (naive datetimes) or whole days (dates);
    without an end, a timed event lasts two hours and a day event its day. `stamp` is aware."""
    import icalendar

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", title)
    if isinstance(start, datetime):
        begin = start.replace(tzinfo=zone)
        event.add("dtstart", begin)
        if isinstance(end, datetime):
            event.add("dtend", end.replace(tzinfo=zone))
        elif isinstance(end, date) and end > begin.date():
            event.add("dtend", datetime.combine(end + timedelta(days=1), datetime.min.time(), zone))
        else:
            event.add("dtend", begin + timedelta(hours=2))
    else:
        event.add("dtstart", start)
        last = end.date() if isinstance(end, datetime) else (end or start)
        event.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    if place:
        event.add("location", place)
    event.add("description", description)
    event.add("url", url)
    return event
