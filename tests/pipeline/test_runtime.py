"""The CPython tricks live in sitegen/runtime.py alone, and each one undoes itself."""

from __future__ import annotations

import gc
import re
import sys
from pathlib import Path

import pytest

from sitegen import runtime
from tests.conftest import ROOT

# The tricks issue 13 names, as they appear in code: none may appear outside sitegen/runtime.py.
TRICKS = [r"\bgc\.(disable|enable|freeze)\(", r"\bos\._exit\(", r"\bprctl\(", r"PDEATHSIG", r"set_start_method",
          r"get_context\(\"fork\"\)", r"\bos\.fork\("]


@pytest.mark.parametrize("trick", TRICKS)
def test_every_trick_is_behind_one_module(trick: str) -> None:
    found = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "sitegen").rglob("*.py"))
             if path.name != "runtime.py" and re.search(trick, path.read_text("utf-8"))]
    assert found == []


def test_the_collector_is_on_again_however_the_build_ends() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), runtime.paused_collector():
        assert not gc.isenabled()
        raise RuntimeError("a build that fails")
    assert gc.isenabled()


def test_no_fork_where_it_is_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert runtime.fork_context() is None


def test_background_work_runs_and_the_caller_goes_on(tmp_path: Path) -> None:
    done = tmp_path / "done"
    runtime.in_background(lambda: done.write_text("yes"))
    for _ in range(200):
        if done.exists():
            break
        __import__("time").sleep(0.05)
    assert done.read_text() == "yes"


def test_a_settled_heap_is_frozen_and_its_young_cycles_collected() -> None:
    import weakref

    class Node:
        pass

    settle = runtime.HeapSettler(full_every=3)
    try:
        settle(1)  # the first settle collects everything, then freezes
        assert gc.get_freeze_count() > 0
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
        alive = weakref.ref(cycle)
        del cycle
        settle(1)  # the same build again: nothing to do
        assert alive() is not None
        settle(2)  # a cycle made since the last settle is young: collected
        assert alive() is None
        frozen = Node()
        frozen.me = frozen  # type: ignore[attr-defined]
        kept = weakref.ref(frozen)
        settle(3)
        del frozen  # garbage among frozen objects waits for the next full settle
        assert kept() is not None
        settle(4)  # every third one here: unfreeze, collect all
        assert kept() is None
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("long_lived", [False, True])
def test_a_long_lived_build_leaves_what_it_made_frozen_and_its_cycles_to_the_settler(long_lived: bool) -> None:
    import weakref

    class Node:
        pass

    settle = runtime.HeapSettler(full_every=2)
    try:
        settle(1)  # a full settle: the heap so far frozen
        before = gc.get_freeze_count()
        with runtime.paused_collector(long_lived=long_lived):
            made = [Node() for _ in range(1000)]
            cycle = Node()
            cycle.me = cycle  # type: ignore[attr-defined]
            alive = weakref.ref(cycle)
            del cycle
        assert gc.isenabled()
        # frozen as the block ended (a serve build): the next young collection walks none of it
        assert (gc.get_freeze_count() >= before + len(made)) is long_lived
        gc.collect(0)
        assert (alive() is not None) is long_lived  # a cycle made by the build waits when frozen …
        settle(2)  # … through a young settle …
        assert (alive() is not None) is long_lived
        settle(3)  # … for the settler's next full collection (every second one here)
        assert alive() is None
    finally:
        gc.unfreeze()
