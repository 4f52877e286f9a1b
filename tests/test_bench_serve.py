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


def _activity(front: str = "") -> str:
    return f"---\ntitle: 活动\ndate: 2026-10-01\n{front}---\n活动介绍。\n"


LIST = "- id: a-1\n  title: 甲\n  date: 2026-10-01\n- id: a-2\n  title: 乙\n  date: 2026-10-02\n"
GENERATED = {f"act-{n:05d}.md": _activity() for n in range(8)}
RECORD_CASES = [
    # (files under activities/, the file the bench edits and the page it fetches)
    (GENERATED, ("act-00005.md", "/activities/act-00005/")),  # bench/generate.py's content, as before
    ({**GENERATED, "act-00005.md": _activity("id: huodong-wu\n")}, ("act-00005.md", "/activities/huodong-wu/")),
    ({"act-00004z/linlijie.md": _activity(), **GENERATED}, ("linlijie.md", "/activities/linlijie/")),  # a folder
    ({"act-00004z.yaml": LIST, **GENERATED}, ("act-00005.md", "/activities/act-00005/")),  # a list: not appended to
    ({**GENERATED, "act-00005.md": _activity("draft: true\n")}, ("act-00006.md", "/activities/act-00006/")),
    ({"2026-linli-jie.md": _activity()}, ("2026-linli-jie.md", "/activities/2026-linli-jie/")),  # sitegen init's one
    ({"list.yaml": LIST}, None),  # nothing to edit: said at once, not after EDIT_TIMEOUT
]


@pytest.mark.parametrize(("files", "edited"), RECORD_CASES)
def test_the_edited_record_and_its_page_are_as_sitegen_makes_them(tmp_path: Path, files: dict[str, str],
                                                                  edited: tuple[str, str] | None) -> None:
    """The bench edited sorted(activities/)[5] at /activities/<file name>/: an `id`, a folder, a YAML list
    or a draft there, and it waited EDIT_TIMEOUT (120 s) for a page that never came, then said FAILED."""
    (tmp_path / "site.yaml").write_text("name: 测试社区\nbase_url: https://test.example.org/\n", encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "activities" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if edited is None:
        with pytest.raises(serve_latency.NothingToEdit):
            serve_latency._record(tmp_path)
        return
    record, page = serve_latency._record(tmp_path)
    assert (record.name, page) == edited


@pytest.mark.parametrize(("n", "seen", "marker"), [
    (1, "", "第1次修改"),
    (2, "邻里节。\n第1次修改。\n", "第2次修改"),  # the record and page after edit 1 hold edit 1's words
    (1, "章程第1次修改的表决。", "第1次修改（测1）"),  # a record that speaks of 第1次修改 itself
    (3, "第3次修改。第3次修改（测1）。", "第3次修改（测2）"),  # a run stopped before it restored the record
])
def test_an_edit_s_words_are_not_already_on_the_page(n: int, seen: str, marker: str) -> None:
    assert serve_latency._marker(n, seen.encode()) == marker.encode()
