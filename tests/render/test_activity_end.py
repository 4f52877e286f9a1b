"""An activity's page and its calendar entry say the same end (breaker helper-123: `date: 2026-03-05
19:00` with `end: 2026-03-05` read "19:00 – 3月5日" on its page; its calendar entry ended at 21:00)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, MakeSite

# (date, end) as typed → what the page's time says, and the calendar's DTSTART/DTEND
CASES = [
    ("same_day_no_time", "2026-03-05 19:00", "2026-03-05", "2026年3月5日（周四） 19:00",
     ("20260305T190000", "20260305T210000")),
    ("no_end", "2026-03-05 19:00", None, "2026年3月5日（周四） 19:00", ("20260305T190000", "20260305T210000")),
    ("end_time", "2026-03-05 19:00", "2026-03-05 20:30", "2026年3月5日（周四） 19:00 – 20:30",
     ("20260305T190000", "20260305T203000")),
    ("next_day", "2026-03-05 19:00", "2026-03-06", "2026年3月5日（周四） 19:00 – 2026年3月6日（周五）",
     ("20260305T190000", "20260307T000000")),
    # the start again: one day, one time (breaker helper-126: the day twice, 19:00 – 19:00)
    ("same_day", "2026-03-05", "2026-03-05", "2026年3月5日（周四）", ("20260305", "20260306")),
    ("same_time", "2026-03-05 19:00", "2026-03-05 19:00", "2026年3月5日（周四） 19:00",
     ("20260305T190000", "20260305T210000")),
    ("days", "2026-03-05", "2026-03-06", "2026年3月5日（周四） – 2026年3月6日（周五）", ("20260305", "20260307")),
]


@pytest.mark.parametrize(("case", "start", "end", "shown", "calendar"), CASES, ids=[c[0] for c in CASES])
def test_the_page_and_the_calendar_say_the_same_end(make_site: MakeSite, tmp_path: Path, case: str, start: str,
                                                     end: str | None, shown: str, calendar: tuple[str, str]) -> None:
    front = f"title: 电影之夜\ndate: {start}\n" + (f"end: {end}\n" if end else "")
    content = make_site({"activities/a.md": f"---\n{front}---\n正文。\n"})
    out = tmp_path / "out"
    pipeline.build(content, out, Options(now=NOW, jobs=1))
    page = re.sub(r"<[^>]+>", "", (out / "activities" / "a" / "index.html").read_text(encoding="utf-8"))
    assert shown in page and f"{shown} –" not in page
    ics = (out / "activities.ics").read_bytes().decode("utf-8")
    event = ics[ics.index("BEGIN:VEVENT"):]
    found = re.search(r"\r\nDTSTART[^:]*:(\w+)\r\nDTEND[^:]*:(\w+)", event)
    assert found is not None and found.groups() == calendar, ics
