"""bench/serve_latency.py times a save to the reload of the build that shows it (issue 15).

Counting reloads alone once said 376-578 ms at 10,000 records for builds that took 1.26-1.49 s:
a reload that was not the edit's was taken for it. Each case: the reloads that arrive (seconds
relative to the write; negative: before it) with what the record's page holds when fetched after
each, and which arrival the bench must take.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import serve_latency  # noqa: E402

MARK = "第3次修改".encode()
CASES = [
    # (arrivals: (seconds after the write, the page then), the arrival taken or None)
    ([(0.4, b"<p>" + MARK + b"</p>")], 0.4),  # the edit's build: taken
    ([(-0.2, b"old"), (0.9, MARK)], 0.9),  # a reload from before the write is not the edit's
    ([(0.3, b"<p>\xe7\xac\xac2\xe6\xac\xa1</p>"), (1.5, MARK)], 1.5),  # a build begun before the write
    ([(0.3, b"overlay: a rebuild that failed"), (0.8, b"still old"), (1.2, MARK)], 1.2),
    ([(-0.1, MARK)], None),  # the only reload came before the write: none was the edit's
    ([(0.5, "第13次修改".encode())], None),  # another edit's words are not this one's
    ([], None),  # no reload at all: bounded, not a hang
]


class _Reloads:
    """serve_latency._Events as the bench reads it: arrival times, and a wait for the n-th."""

    def __init__(self, times: list[float], before: int) -> None:
        self.all = times
        self.reloads = times[:before]  # those that had come before the write

    def wait(self, count: int, timeout: float) -> float | None:
        if count > len(self.all):
            return None
        self.reloads = self.all[:count]
        return self.all[count - 1]


@pytest.mark.parametrize(("arrivals", "taken"), CASES)
def test_only_the_reload_of_a_build_that_shows_the_edit_counts(monkeypatch: pytest.MonkeyPatch,
                                                               arrivals: list[tuple[float, bytes]],
                                                               taken: float | None) -> None:
    written = 100.0
    times = [written + at for at, _ in arrivals]
    pages = {written + at: page for at, page in arrivals}
    fetched: list[float] = []
    events = _Reloads(times, before=sum(1 for at, _ in arrivals if at < 0))

    def served(port: int, path: str) -> bytes:
        now = events.reloads[-1]
        fetched.append(now)
        assert path == "/activities/act-00005/"
        return pages[now]

    monkeypatch.setattr(serve_latency, "_served", served)
    monkeypatch.setattr(serve_latency.time, "perf_counter", lambda: written)
    got = serve_latency._shown(events, 8000, "/activities/act-00005/", MARK, written)  # type: ignore[arg-type]
    assert got == (None if taken is None else written + taken)
    assert all(at >= written for at in fetched)  # a reload from before the write is never even fetched for
