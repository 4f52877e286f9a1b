"""street/ready.py: each community's "nothing to do?" answered once, handed over as it comes (a
quick answer is not held back behind a slow one), and the questions not yet asked dropped when the
street build stops."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sitegen.options import Options
from sitegen.street import ready
from tests.conftest import NOW
from tests.street.conftest import MakeStreet, community_site


def _asked(folder: Path) -> int:
    return len(list(folder.iterdir()))


MARKS: list[Path] = []  # where _mark leaves its files (set before the workers fork)


# question name → the most seconds its answer waits for the file GATE (else it takes 0.02 s)
SLOW: dict[str, float] = {}
GATE = "gate"  # in MARKS[0]'s parent: made by the test once it has the answer it waited for


def _mark(question: ready.Question) -> int:
    """A question asked: a file per community in MARKS[0], its index as the answer; a SLOW one
    answers only when the test opens the gate (or after its seconds, on code that waits for it)."""
    (MARKS[0] / question[0].name).touch()
    if question[0].name in SLOW:
        until = time.monotonic() + SLOW[question[0].name]
        while not (MARKS[0].parent / GATE).exists() and time.monotonic() < until:
            time.sleep(0.01)
    else:
        time.sleep(0.02)
    return int(question[0].name)


@pytest.fixture
def marking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ready._ask leaves a file per question (workers inherit the patch by fork; _mark pickles by name)."""
    marks = tmp_path / "marks"
    marks.mkdir()
    MARKS[:] = [marks]
    monkeypatch.setattr(ready, "_ask", _mark)
    return marks


# (communities, workers): asked here one after another, or on forked workers
SHAPES = [(3, 2), (40, 1), (40, 2)]


@pytest.mark.parametrize(("count", "workers"), SHAPES, ids=[f"{c} on {w}" for c, w in SHAPES])
def test_every_question_is_answered_once_with_its_index(count: int, workers: int, marking: Path) -> None:
    questions = [(Path(str(k)), Path(), Options(), "") for k in range(count)]
    answers = list(ready.unchanged_all(questions, workers))
    assert sorted(answers) == [(k, k) for k in range(count)]  # type: ignore[comparison-overlap]
    assert _asked(marking) == count


# (questions, the slow one, how long it waits at most): on workers, a quick answer comes before a slow
# earlier one. The slow one waits until the test has its first answer: code that held quick answers
# back behind it would hand over its first answer only after that whole wait (half of it is the bound:
# a loaded machine's delays are seconds, not fifteen).
HELD_BACK = [pytest.param(20, "0", 30.0, id="street: the first community slow"),
             pytest.param(300, "5", 30.0, id="district: a community of the first chunk slow")]


@pytest.mark.parametrize(("count", "slow", "seconds"), HELD_BACK)
def test_answers_come_as_they_are_given(count: int, slow: str, seconds: float, marking: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SLOW, slow, seconds)
    questions = [(Path(str(k)), Path(), Options(), "") for k in range(count)]
    started = time.monotonic()
    answers = ready.unchanged_all(questions, 2)
    first = next(answers)
    waited = time.monotonic() - started
    (marking.parent / GATE).touch()
    assert first[0] != int(slow) and waited < seconds / 2
    answers.close()


def test_a_stopped_street_asks_no_further(marking: Path) -> None:
    questions = [(Path(str(k)), Path(), Options(), "") for k in range(200)]
    answers = ready.unchanged_all(questions, 2)
    index, answer = next(answers)  # answers come as they are given: not necessarily the first asked
    assert answer == index  # type: ignore[comparison-overlap]
    answers.close()  # an interrupt, or a problem raised while the rest were asked
    assert _asked(marking) < 200


def _nice_mark(question: ready.Question) -> int | None:
    """A question asked: its worker's niceness (when asked) in a file named by it; None ("something
    to do") for the communities named in TO_DO (set before the workers fork), else its index."""
    (MARKS[0] / question[0].name).write_text(str(os.nice(0)))
    time.sleep(0.02)
    return None if question[0].name in TO_DO else int(question[0].name)


TO_DO: set[str] = set()

# (questions, those with something to do): the workers yield to the street once it has one to
# build, never before; a street with nothing to do keeps their priority.
YIELDS = [pytest.param(40, {"0"}, id="the first community changed"),
          pytest.param(40, {"7", "20"}, id="two changed, later in the street"),
          pytest.param(40, set(), id="nothing to do")]


@pytest.mark.parametrize(("count", "to_do"), YIELDS)
def test_workers_yield_once_the_street_has_work(count: int, to_do: set[str], marking: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ready, "_ask", _nice_mark)
    TO_DO.clear()
    TO_DO.update(to_do)
    base = os.nice(0)
    questions = [(Path(str(k)), Path(), Options(), "") for k in range(count)]
    order = []
    for index, answer in ready.unchanged_all(questions, 2):
        order.append(index)
        if answer is None:
            time.sleep(0.1)  # the street checks this community: the workers ask on meanwhile
    niceness = {int(f.name): int(f.read_text()) for f in marking.iterdir()}
    assert sorted(niceness) == list(range(count))
    assert set(niceness.values()) <= {base, base + ready.YIELDING}
    if not to_do:
        assert set(niceness.values()) == {base}
    else:  # the questions answered after the first "to do" one came back: asked at the lower priority
        first = min(order.index(int(k)) for k in to_do)
        assert niceness[order[-1]] == base + ready.YIELDING and first < len(order) - 1
        assert niceness[order[first]] == base


# (street build) → whether the collector ran while a community was checked and summarised: a first
# build checks every community, a rebuild the one changed; both load a build cache of hundreds of
# thousands of objects, with the collector paused as a community's own build pauses it.
PAUSED = [pytest.param(False, id="first build"), pytest.param(True, id="one record changed")]


@pytest.mark.parametrize("rebuild", PAUSED)
def test_a_community_is_checked_with_the_collector_paused(rebuild: bool, make_street: MakeStreet, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from sitegen.street import build

    folder = make_street({"wanghu": community_site("望湖社区"), "meihu": community_site("梅湖社区")})
    out = tmp_path / "out"
    if rebuild:
        build.build_street(folder, out, Options(now=NOW))
        record = next((folder / "wanghu" / "activities").iterdir())
        record.write_text(record.read_text("utf-8") + "\n改过一行。\n", encoding="utf-8")
    seen: list[bool] = []
    check, summary = build.pipeline.check, build._summary

    def checking(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return check(*args, **kwargs)  # type: ignore[arg-type]

    def summarising(*args: object, **kwargs: object) -> str:
        seen.append(gc.isenabled())
        return summary(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build.pipeline, "check", checking)
    monkeypatch.setattr(build, "_summary", summarising)
    build.build_street(folder, out, Options(now=NOW))
    assert seen and not any(seen)
    assert gc.isenabled()
