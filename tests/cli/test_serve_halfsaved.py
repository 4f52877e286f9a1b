"""Under serve, a save seen half done (sitegen/halfsaved.py): an editor that empties a record, then
writes it (Notepad), is waited for, so the rebuild between the two does not show a false "the first
line must be ---"; a record really left empty still gets its problem."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sitegen.halfsaved import await_writes, emptied_since
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.serve import State, rebuild
from tests.conftest import NOW, MakeSite

RECORD = "---\ntitle: 七夕\ndate: 2019-08-06\n---\n正文。\n"

SINCE = [
    ("emptied", {"a.md": (10, 1)}, {"a.md": (0, 2)}, ["a.md"]),
    ("written", {"a.md": (10, 1)}, {"a.md": (12, 2)}, []),
    ("new_and_empty", {}, {"a.md": (0, 2)}, []),  # a file made empty is no save half done
    ("empty_before_too", {"a.md": (0, 1)}, {"a.md": (0, 2)}, []),
]


@pytest.mark.parametrize(("before", "now", "emptied"), [c[1:] for c in SINCE], ids=[c[0] for c in SINCE])
def test_what_counts_as_emptied(before: dict[str, tuple[int, int]], now: dict[str, tuple[int, int]],
                                emptied: list[str]) -> None:
    assert emptied_since(before, now) == emptied


def _write_later(path: Path, text: str, seconds: float) -> threading.Thread:
    def write() -> None:
        time.sleep(seconds)
        path.write_text(text, encoding="utf-8")

    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_a_write_after_the_emptying_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("", encoding="utf-8")
    thread = _write_later(path, RECORD, 0.05)
    assert await_writes([str(path)]) is True
    thread.join()
    assert await_writes([]) is False
    started = time.monotonic()
    assert await_writes([str(path.with_name("gone.md"))]) is True  # gone: not waited for any longer
    assert time.monotonic() - started < 0.2


@pytest.mark.parametrize("written", [True, False], ids=["written_after", "left_empty"])
def test_a_rebuild_between_the_emptying_and_the_write(make_site: MakeSite, tmp_path: Path, written: bool) -> None:
    content = make_site({"activities/a.md": RECORD})
    state = State(out=tmp_path / "output", messages=Messages("en"), memory=Memory())
    rebuild(content, state, Options(now=NOW, jobs=1), first=True)
    assert state.problems == []
    record = content / "activities" / "a.md"
    record.write_text("", encoding="utf-8")  # Notepad's save, first half
    thread = _write_later(record, RECORD.replace("正文", "新的正文"), 0.05) if written else None
    rebuild(content, state, Options(now=NOW, jobs=1))
    if thread is not None:
        thread.join()
        assert state.problems == []
        assert "新的正文" in (tmp_path / "output" / "activities" / "a" / "index.html").read_text("utf-8")
    else:
        assert any("activities/a.md:1" in line for line in state.problems), state.problems
