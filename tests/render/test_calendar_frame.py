"""The calendar's frame (its header and VTIMEZONEs) is remembered for the process (render/builtin/feeds.py
_frame): what it gives equals a frame made fresh, for every kind of site calendar."""

from __future__ import annotations

import pytest

from sitegen.render.builtin import feeds

EVENT = b"BEGIN:VEVENT\r\nUID:a@x\r\nEND:VEVENT\r\n"

# (calendar name, site zone, zones with a VTIMEZONE): the calendars a site or a street writes
FRAMES = {
    "day events only": ("望湖社区", "Asia/Shanghai", ()),
    "timed events": ("望湖社区", "Asia/Shanghai", ("Asia/Shanghai",)),
    "another zone": ("Community", "Europe/Berlin", ("Europe/Berlin",)),
    "a street of two zones": ("梅湖街道", "Asia/Shanghai", ("Asia/Shanghai", "Asia/Taipei")),
    "a long name folded": ("很长的社区名字" * 12, "Asia/Shanghai", ("Asia/Shanghai",)),
}


@pytest.mark.parametrize(("name", "zone", "zones"), list(FRAMES.values()), ids=list(FRAMES))
def test_a_remembered_calendar_frame_equals_a_fresh_one(name: str, zone: str, zones: tuple[str, ...]) -> None:
    first = feeds.calendar_document(name, zone, list(zones), [EVENT])
    assert feeds.calendar_document(name, zone, iter(zones), [EVENT]) == first  # remembered now
    head, tail = feeds._frame.__wrapped__(name, zone, zones)
    assert first == head + EVENT + b"END:VCALENDAR" + tail
    assert first.count(b"BEGIN:VTIMEZONE") == len(zones) and first.endswith(b"END:VCALENDAR\r\n")
