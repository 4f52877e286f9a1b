"""model/dates.py: which date a page shows, and when the clock alone would change it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, UTC
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import pytest

from sitegen.model.dates import Dating

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
BUILD_DAY = datetime(2026, 11, 24, tzinfo=ZONE)
FILE = PurePosixPath("wishes/a.yaml")
COMMIT = int(datetime(2026, 11, 1, 2, 30, 45, tzinfo=UTC).timestamp())  # 10:30:45 in Shanghai

CASES = [  # (own dates, commit of the file or None) → shown date, next change
    ((), None, BUILD_DAY, BUILD_DAY + timedelta(days=1)),  # nothing: the build day, until tomorrow
    ((date(2026, 10, 1),), None, datetime(2026, 10, 1, tzinfo=ZONE), None),
    ((date(2026, 10, 1), date(2026, 10, 5), None), None, datetime(2026, 10, 5, tzinfo=ZONE), None),  # the latest
    ((date(2026, 10, 1), date(2026, 12, 1)), None, datetime(2026, 10, 1, tzinfo=ZONE),
     datetime(2026, 12, 1, tzinfo=ZONE)),  # a date still to come is not shown, but will be
    ((date(2026, 12, 1),), None, BUILD_DAY, BUILD_DAY + timedelta(days=1)),
    ((datetime(2026, 11, 24, 9, 15),), None, datetime(2026, 11, 24, 9, 15, tzinfo=ZONE), None),  # typed in the site's zone
    ((date(2026, 10, 1),), COMMIT, datetime(2026, 11, 1, 10, 30, tzinfo=ZONE), None),  # the later commit, to the minute
    ((date(2026, 11, 20),), COMMIT, datetime(2026, 11, 20, tzinfo=ZONE), None),  # the later record date
    ((), int(datetime(2027, 1, 1, tzinfo=UTC).timestamp()), datetime(2026, 11, 24, 12, 0, tzinfo=ZONE), None),  # never after the clock
]


@pytest.mark.parametrize(("own", "commit", "shown", "next_change"), CASES)
def test_updated(own: tuple[date | None, ...], commit: int | None, shown: datetime, next_change: datetime | None) -> None:
    clock = Dating({FILE: commit} if commit is not None else {}, NOW, ZONE)
    got = clock.updated(FILE, own)
    assert (got, got.utcoffset()) == (shown, timedelta(hours=8))
    assert clock.next_change == next_change


COMMITTED_CASES = [  # commit → committed(), in the site's zone, never after the clock
    (None, None),
    (COMMIT, datetime(2026, 11, 1, 10, 30, tzinfo=ZONE)),
    (int(datetime(2027, 1, 1, tzinfo=UTC).timestamp()), datetime(2026, 11, 24, 12, 0, tzinfo=ZONE)),
]


@pytest.mark.parametrize(("commit", "expected"), COMMITTED_CASES)
def test_committed(commit: int | None, expected: datetime | None) -> None:
    clock = Dating({FILE: commit} if commit is not None else {}, NOW, ZONE)
    assert clock.committed(FILE) == expected


def test_the_soonest_change_is_kept() -> None:
    clock = Dating({}, NOW, ZONE)
    for coming in (date(2027, 3, 1), date(2026, 12, 5), date(2027, 1, 1)):
        clock.updated(None, (date(2026, 10, 1), coming))  # a date that has come, and one still to come
    assert clock.next_change == datetime(2026, 12, 5, tzinfo=ZONE)
