"""Cross-field rules of SPEC §3, one small generator each: every rule runs, every problem is kept."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, Final, TypeAlias
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sitegen.errors import Problem
from sitegen.kinds import ALL_KINDS
from sitegen.kinds.shape import Kind
from sitegen.load.records import RawRecord
from sitegen.validate import schema as s
from sitegen.slugs import slugify
from sitegen.validate.fields import SLUG_RE, WINDOWS_RESERVED
from sitegen.validate.leftovers import sample_words_left, template_text_left
from sitegen.validate.placeholder import BASE_URL_PLACEHOLDER as BASE_URL_PLACEHOLDER  # kept there: street/ reads it without the schemas
from sitegen.validate.slips import list_typed_on_one_line
from sitegen.validate.words import said

Rule: TypeAlias = Callable[[RawRecord, Any], Iterator[Problem]]
DECIDED: Final = ("decided", "implementing", "completed", "rejected")
CLAIMED: Final = ("claimed", "fulfilled")


def _as_day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def slug_of(raw: RawRecord, fields: Any) -> str:
    return fields.id if getattr(fields, "id", None) else raw.stem


def slug_valid(raw: RawRecord, fields: Any) -> Iterator[Problem]:
    """A slug is the id or the file name; lists need ids; names must work on every disk."""
    if getattr(fields, "id", None):
        return
    if raw.in_list:
        yield raw.problem((), "slug.id_required")
    elif not SLUG_RE.fullmatch(raw.stem) or raw.stem in WINDOWS_RESERVED:
        # 春节联欢.md: the name it could have, by the pinyin `sitegen new` gives (sitegen/slugs.py)
        # (never a wish's file named after its wisher: the address would spell the name, rule below)
        wisher = getattr(fields, "wisher", None)
        suggestion = "" if wisher and wisher in raw.stem else slugify(raw.stem)
        if suggestion and SLUG_RE.fullmatch(suggestion) and suggestion not in WINDOWS_RESERVED:
            yield raw.problem((), "slug.file_name_hint", stem=raw.stem, suggestion=suggestion, suffix=raw.path.suffix)
        else:
            yield raw.problem((), "slug.file_name", stem=raw.stem)


def activity_ends_after_start(raw: RawRecord, a: Any) -> Iterator[Problem]:
    """`end` is not before `date`; a day and a date-time compare by day."""
    if a.end is None:
        return
    both_times = isinstance(a.date, datetime) and isinstance(a.end, datetime)
    start, end = (a.date, a.end) if both_times else (_as_day(a.date), _as_day(a.end))
    if end < start:
        yield raw.problem("end", "activity.end_before_start", end=str(a.end), start=str(a.date))


def _status(raw: RawRecord, value: str) -> dict[str, Any]:
    """A rule's message names the status as the site does, with its value: 已议定（decided）, however it
    was typed (已通过, decided); it once repeated the typed word, which left 状态为 fulfilled to a
    Chinese reader and 已认领 in Simplified to a 繁體 one."""
    return {"status_value": value, "status_words": said(raw.kind, "status", value)}


def deliberation_decision_present(raw: RawRecord, d: Any) -> Iterator[Problem]:
    """From `decided` on, and for `rejected`, the decision is what is published."""
    if d.status in DECIDED and not d.decision:
        yield raw.problem("status", "deliberation.decision_missing", **_status(raw, d.status))


def deliberation_decided_before_its_status(raw: RawRecord, d: Any) -> Iterator[Problem]:
    """A decision written while the status is still before 已议定 (两委审事 with a decision and votes, the
    newcomer's): the page would show a decision under 审议中. A warning at the status line: the status was
    most likely not moved on, but a provisional decision may be meant."""
    if d.status not in DECIDED and d.decision:
        yield raw.problem("status", "deliberation.decision_before_decided", warning=True, **_status(raw, d.status))


def deliberation_completed_is_100(raw: RawRecord, d: Any) -> Iterator[Problem]:
    """`completed` means progress 100."""
    if d.status == "completed" and d.progress is not None and d.progress != 100:
        yield raw.problem("progress", "deliberation.completed_progress", progress=d.progress)


def deliberation_dates_after_raised(raw: RawRecord, d: Any) -> Iterator[Problem]:
    """Nothing happens to an issue before it is raised."""
    if d.meeting is not None and d.meeting.date is not None and d.meeting.date < d.raised_on:
        yield raw.problem(("meeting", "date"), "deliberation.before_raised", field="meeting.date",
                          value=str(d.meeting.date), raised_on=str(d.raised_on))
    for index, entry in enumerate(d.timeline):
        if entry.date < d.raised_on:
            yield raw.problem(("timeline", index, "date"), "deliberation.before_raised",
                              field=f"timeline[{index + 1}].date", value=str(entry.date), raised_on=str(d.raised_on))


def deliberation_votes_within_attendance(raw: RawRecord, d: Any) -> Iterator[Problem]:
    """More votes than people at the meeting is most often a slip of the keyboard (赞成 1,200 with 15
    there, the newcomer's): a warning, not an error, since online or proxy votes may add to those present."""
    if d.votes is None or d.meeting is None or d.meeting.attendees is None:
        return
    total = d.votes.for_ + d.votes.against + d.votes.abstain
    if total > d.meeting.attendees:
        # the total alone: a count the record left out is no 0 to show (newcomer19: 弃权 0, never typed)
        yield raw.problem("votes", "deliberation.votes_over_attendance", warning=True,
                          field="meeting.attendees", total=total, attendees=d.meeting.attendees)


def wish_claim_fields(raw: RawRecord, w: Any) -> Iterator[Problem]:
    """A claimed wish says who claimed it and when; a fulfilled one says when it was done."""
    if w.status in CLAIMED:
        for name in ("claimed_by", "claimed_on"):
            if getattr(w, name) is None:
                yield raw.problem("status", "wish.field_required", field=name, **_status(raw, w.status))
    if w.status == "fulfilled" and w.fulfilled_on is None:
        yield raw.problem("status", "wish.field_required", field="fulfilled_on", **_status(raw, w.status))
    if w.status == "open":
        for name in ("claimed_on", "fulfilled_on"):
            if getattr(w, name) is not None:
                yield raw.problem(name, "wish.open_but_dated", warning=True, field=name)


def wish_dates_in_order(raw: RawRecord, w: Any) -> Iterator[Problem]:
    """posted_on <= claimed_on <= fulfilled_on: a wish is claimed before it is fulfilled."""
    dated = [(k, getattr(w, k)) for k in ("posted_on", "claimed_on", "fulfilled_on") if getattr(w, k) is not None]
    for (earlier, a), (later, b) in itertools.pairwise(dated):
        if b < a:
            yield raw.problem(later, "wish.dates_out_of_order", earlier=earlier, later=later,
                              earlier_value=str(a), later_value=str(b))


def wish_alias_hides_name(raw: RawRecord, w: Any) -> Iterator[Problem]:
    """An alias that is (or holds) the full name would publish it."""
    if w.wisher_alias and len(w.wisher) > 1 and w.wisher in w.wisher_alias:
        yield raw.problem("wisher_alias", "wish.alias_is_name")


def wish_address_hides_name(raw: RawRecord, w: Any) -> Iterator[Problem]:
    """A file or id spelling the wisher's name in pinyin (zhou-guifang.yaml) would publish it in the URL."""
    from sitegen.slugs import level_slug

    spelled = level_slug(w.wisher) if len(w.wisher) > 1 else ""
    if len(spelled) >= 4 and spelled in slug_of(raw, w).replace("-", ""):
        at = ("id",) if getattr(w, "id", None) else ()
        yield raw.problem(at, "wish.slug_is_name")


def site_timezone_known(raw: RawRecord, site: s.Site) -> Iterator[Problem]:
    try:
        ZoneInfo(site.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        yield raw.problem("timezone", "site.timezone", value=site.timezone)


def site_place_slugs_valid(raw: RawRecord, site: s.Site) -> Iterator[Problem]:
    """Overrides map a place path to a slug path of the same depth."""
    for place, slug in site.place_slugs.items():
        levels = [x.strip() for x in place.split("/")]
        slugs = [x.strip() for x in str(slug).split("/")]
        if len(levels) != len(slugs) or not all(SLUG_RE.fullmatch(x) for x in slugs):
            yield raw.problem(("place_slugs", place), "site.place_slug", place=place, slug=slug)


def site_base_url_real(raw: RawRecord, site: s.Site) -> Iterator[Problem]:
    """A placeholder address (example.org, localhost) would put QR codes on posters that open nothing."""
    from sitegen.validate.placeholder import is_placeholder_url

    if is_placeholder_url(site.base_url):
        yield raw.problem("base_url", BASE_URL_PLACEHOLDER, warning=True, url=site.base_url)


COMMON_RULES: Final[tuple[Rule, ...]] = (slug_valid, list_typed_on_one_line, template_text_left, sample_words_left)


def rules_for(kind: Kind) -> tuple[Rule, ...]:
    """The rules a kind's records pass: the common ones, then those its registry entry names.

    Raises KeyError when the entry names a rule this module does not define.
    """
    return (*COMMON_RULES, *(_NAMED[name] for name in kind.rules))


_NAMED: Final[dict[str, Rule]] = {
    rule.__name__: rule for rule in (activity_ends_after_start, deliberation_decision_present,
                                     deliberation_decided_before_its_status,
                                     deliberation_completed_is_100, deliberation_dates_after_raised,
                                     deliberation_votes_within_attendance, wish_claim_fields,
                                     wish_dates_in_order, wish_alias_hides_name, wish_address_hides_name)
}
RULES: Final[dict[str, tuple[Rule, ...]]] = {
    "site": (site_timezone_known, site_place_slugs_valid, site_base_url_real),
    **{k.folder: rules_for(k) for k in ALL_KINDS},
}
