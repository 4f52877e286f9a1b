"""feed.xml (Atom), sitemap.xml and robots.txt from small Jinja templates; activities.ics via icalendar."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import jinja2
import jinja2.sandbox

from sitegen.model.records import Activity, Model
from sitegen.render.pages import describe
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
    return jinja2.sandbox.ImmutableSandboxedEnvironment(  # every template is sandboxed, ours too
        loader=jinja2.FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
        autoescape=True,  # XML: the same five characters need escaping
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _rfc3339(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def atom_feed(model: Model, kind_labels: dict[str, str]) -> bytes:
    """The newest records of every kind, newest first; ids are the pages' absolute URLs."""
    records = sorted(model.records(), key=lambda r: (r.updated, r.day, r.url), reverse=True)[:FEED_SIZE]
    base = model.site.base_url
    entries = [{"title": f"{kind_labels[r.kind]}｜{r.title}", "url": absolute(base, r.url),
                "updated": _rfc3339(r.updated), "summary": str(describe(r)), "category": kind_labels[r.kind]}
               for r in records]
    updated = max((r.updated for r in records), default=model.site.updated or model.now)
    text = _env().get_template("atom.xml").render(
        site=model.site, feed_url=absolute(base, "feed.xml"), home=base, updated=_rfc3339(updated), entries=entries)
    return xml_safe(text).encode("utf-8")


def sitemap(model: Model, urls: Iterable[tuple[str, datetime | None]]) -> bytes:
    base = model.site.base_url
    items = [{"loc": absolute(base, url), "lastmod": when.date().isoformat() if when else None}
             for url, when in sorted(urls)]
    return xml_safe(_env().get_template("sitemap.xml").render(items=items)).encode("utf-8")


def robots(model: Model) -> bytes:
    """Only meaningful at a host's root, but right for a site under a path as well."""
    base_path = "/" + model.site.base_url.split("//", 1)[1].partition("/")[2]
    return _env().get_template("robots.txt").render(sitemap=absolute(model.site.base_url, "sitemap.xml"),
                                                    posters=base_path + "posters/").encode()


def _is_event_of(event: bytes, uid: str) -> bool:
    """True when the VEVENT's (unfolded, RFC 5545 §3.1) UID line is exactly `uid`."""
    return f"\r\nUID:{uid}\r\n".encode() in b"\r\n" + event.replace(b"\r\n ", b"")


def calendar(model: Model, known: dict[str, bytes] | None = None) -> bytes:
    """RFC 5545: one event per activity, times in the site's zone with its VTIMEZONE, all-day dates as DATE.

    Each event is written by icalendar once and kept by the activity's digest (`known`): a calendar
    of 3,000 activities with one changed costs one event, not 3,000. A kept event is used only while
    its UID is this activity's: an entry mixed up in the cache is written again.
    """
    import icalendar

    zone = ZoneInfo(model.site.timezone)
    host = model.site.base_url.split("//", 1)[1].split("/", 1)[0]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//sitegen//community notice board//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", model.site.name)
    cal.add("x-wr-timezone", model.site.timezone)
    if any(a.has_time for a in model.activities):
        cal.add_component(icalendar.Timezone.from_tzid(model.site.timezone))
    known = {} if known is None else known
    used, events = set(), []
    for activity in sorted(model.activities, key=lambda a: (a.day, a.slug)):
        key = activity.digest + model.site.digest
        if key not in known or not _is_event_of(known[key], f"{activity.slug}@{host}"):
            known[key] = _event(activity, model, zone, host).to_ical()  # type: ignore[attr-defined]
        used.add(key)
        events.append(known[key])
    for stale in known.keys() - used:
        del known[stale]
    head, _, tail = bytes(cal.to_ical()).rpartition(b"END:VCALENDAR")
    return head + b"".join(events) + b"END:VCALENDAR" + tail


def _event(a: Activity, model: Model, zone: ZoneInfo, host: str) -> object:
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"{a.slug}@{host}")
    event.add("dtstamp", a.updated.astimezone(UTC))
    event.add("summary", a.title)
    if isinstance(a.start, datetime):
        start = a.start.replace(tzinfo=zone)
        event.add("dtstart", start)
        if isinstance(a.end, datetime):
            event.add("dtend", a.end.replace(tzinfo=zone))
        elif isinstance(a.end, date) and a.end > start.date():
            event.add("dtend", datetime.combine(a.end + timedelta(days=1), datetime.min.time(), zone))
        else:
            event.add("dtend", start + timedelta(hours=2))
    else:
        event.add("dtstart", a.start)
        last = a.end.date() if isinstance(a.end, datetime) else (a.end or a.start)
        event.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    if a.place:
        event.add("location", a.place)
    event.add("description", str(describe(a)))
    event.add("url", absolute(model.site.base_url, a.url))
    return event
