"""Each record's model, kept by a long-lived process (`serve`) between builds.

A record maker (model/build.py MAKERS) reads the validated record and, from the build, only: the
site's time zone, the build's day, the last commit time of the record's file, the slug of its
place, and the clock, which it compares with the record's own dates (model/dates.py `Dating`,
build.py `_is_upcoming`). The first four are the key. The clock is a window: what was made at
`made` holds at any `now` with `made <= now < until`, `until` being the first moment one of those
comparisons turns (a date of the record comes, the build day ends for a record dated by it, an
upcoming activity starts or its day ends). A commit time later than the clock is never kept: the
record's date is then the clock itself.

The validated record is matched by object: validate/kept.py hands back the same `Valid` for a
record whose file did not change. Entries hold it, so its id is never another's while they live.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from sitegen.validate.check import Valid


@dataclass(frozen=True, slots=True)
class Made:
    """One record's model and what it was made from."""

    valid: Valid  # held: the memo is keyed by its id
    key: Hashable  # zone, build day, commit time, place slug
    made: datetime  # the clock it was made at
    until: datetime | None  # the first moment it may differ (None: never by the clock)
    change: datetime | None  # what its making told the clock (Dating.next_change), told again on reuse
    record: Any


def upcoming_ends(start: date, zone: ZoneInfo) -> datetime:
    """When an upcoming activity stops being upcoming (build.py `_is_upcoming`): at its start
    time, or at the end of its day when it has no time."""
    if isinstance(start, datetime):
        return start.replace(tzinfo=zone) if start.tzinfo is None else start
    return datetime.combine(start + timedelta(days=1), time(), zone)


class ModelKept:
    """Valid → its model record (`Made`), for the records of the last build only; and the last place tree."""

    def __init__(self) -> None:
        self._last: dict[int, Made] = {}
        self._now: dict[int, Made] = {}
        self._tree: tuple[dict[Any, str], tuple[Any, ...], Any] | None = None  # slugs, disclosures, tree

    def start(self) -> None:
        """A build begins: what an unfinished one put is dropped."""
        self._now = {}

    def get(self, valid: Valid, key: Hashable, now: datetime) -> Made | None:
        """The record made of this very object under `key`, when the clock `now` is in its window."""
        found = self._last.get(id(valid))
        if found is None or found.valid is not valid or found.key != key:
            return None
        if now < found.made or (found.until is not None and now >= found.until):
            return None
        self._now[id(valid)] = found
        return found

    def put(self, made: Made) -> None:
        """Remember a record of this build."""
        self._now[id(made.valid)] = made

    def settle(self) -> None:
        """This build is over: the next one reuses what it met, and nothing older."""
        self._last, self._now = self._now, {}

    def tree(self, slugs: Mapping[Any, str], people: Sequence[Any], make: Callable[[], Any]) -> Any:
        """The place tree (places.build_tree) of the last build when it was made of equal place slugs
        and of the very same disclosure records in the same order, else `make()`: the tree is a
        function of those two (and of the slug memo, a function of the names alone)."""
        last = self._tree
        if last is not None and last[0] == slugs and len(last[1]) == len(people) and all(
                a is b for a, b in zip(last[1], people, strict=True)):
            return last[2]
        made = make()
        self._tree = (dict(slugs), tuple(people), made)
        return made


def earliest(*moments: datetime | None) -> datetime | None:
    """The first of the moments given, None when there is none."""
    known = [m for m in moments if m is not None]
    return min(known) if known else None


Make = Callable[[], Any]
