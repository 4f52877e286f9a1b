"""When a record last changed ("本页更新于", feed <updated>, sitemap <lastmod>), from content only.

Never from file modification times: a fresh checkout would re-date every page and every feed
reader would show every item as new. The order of precedence (README "Dates"):

1. the latest of the record's own dates that has come (an activity's date or end, a
   deliberation's meeting and last timeline entry, a wish's fulfilled_on/claimed_on/posted_on,
   a disclosure's since) and, where the content folder is a git checkout, the time of the last
   commit touching its file (load/history.py): the later of the two, since the page changes
   when either does;
2. with neither, the build day: 00:00 in the site's time zone of the build clock, which is
   SOURCE_DATE_EPOCH when set (https://reproducible-builds.org/specs/source-date-epoch/).

No date is later than the build clock. Dates without a time stand for 00:00 of that day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta, UTC
from pathlib import PurePosixPath
from typing import TypeVar
from zoneinfo import ZoneInfo

T = TypeVar("T")


class Dating:
    """Dates of one build; remembers the next moment a date shown would change by the clock alone."""

    def __init__(self, commits: Mapping[PurePosixPath, int], now: datetime, zone: ZoneInfo) -> None:
        self.commits, self.now, self.zone = commits, now, zone
        local = now.astimezone(zone)
        self.build_day = datetime.combine(local.date(), time(), zone)
        self.next_change: datetime | None = None  # a record date still to come, or tomorrow for a build-day date

    def _moment(self, value: date) -> datetime:
        if isinstance(value, datetime):
            return value.replace(tzinfo=self.zone) if value.tzinfo is None else value.astimezone(self.zone)
        return datetime.combine(value, time(), self.zone)

    def _later(self, moment: datetime) -> None:
        if self.next_change is None or moment < self.next_change:
            self.next_change = moment

    def apart(self, make: Callable[[], T]) -> tuple[T, datetime | None]:
        """make(), and the next change it alone told this clock (the clock keeps it too): what a
        record kept between builds tells the clock again when it is reused (model/kept.py)."""
        before, self.next_change = self.next_change, None
        try:
            value = make()
        finally:
            own, self.next_change = self.next_change, before
        if own is not None:
            self._later(own)
        return value, own

    def told(self, moment: datetime) -> None:
        """Remember `moment` as a next change, as `updated` would (a kept record's, model/kept.py)."""
        self._later(moment)

    def updated(self, path: PurePosixPath | None, own: Iterable[date | None] = ()) -> datetime:
        """The record's date by the rules above, in the site's zone, to the minute."""
        found: list[datetime] = []
        for value in own:
            if value is None:
                continue
            moment = self._moment(value)
            if moment <= self.now:
                found.append(moment)
            else:
                self._later(moment)
        commit = self.commits.get(path) if path is not None else None
        if commit is not None:
            found.append(datetime.fromtimestamp(commit, tz=UTC))
        if not found:
            self._later(self.build_day + timedelta(days=1))
            return self.build_day
        return min(max(found), self.now).astimezone(self.zone).replace(second=0, microsecond=0)

    def committed(self, path: PurePosixPath) -> datetime | None:
        """The last commit's time of one file, or None (not in git, or changed since)."""
        commit = self.commits.get(path)
        if commit is None:
            return None
        return min(datetime.fromtimestamp(commit, tz=UTC), self.now).astimezone(self.zone).replace(second=0)
