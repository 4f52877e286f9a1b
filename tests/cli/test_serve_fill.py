"""A site served again is up at once, and its first save costs what every later save does.

`sitegen serve` on an output an earlier build left finds nothing to do and serves it straight
away; its memory (pipeline/memory.py) then holds nothing, and the first save checked and digested
every record again (1,000 records: 2.2 s where later saves took 0.5 s). When idle, serve now
builds once more with the memory, quietly (serve.py fill_memory). Each row is the state serve
starts in; the first save after it must digest only the saved record, no page may reload before
it, and the output is then a cold build's, byte for byte.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.serve import State, fill_memory, rebuild
from tests.conftest import tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def _built_before(content: Path, out: Path) -> None:
    pipeline.build(content, out, Options(jobs=1))  # yesterday's `sitegen build`: nothing changed since


def _edited_since(content: Path, out: Path) -> None:
    _built_before(content, out)
    _save(content, 3)  # saved while serve was not running: the first build has work, and fills the memory


def _never_built(content: Path, out: Path) -> None:
    return None


def _save(content: Path, n: int) -> Path:
    record = sorted((content / "activities").iterdir())[n]
    record.write_text(record.read_text("utf-8") + f"\n追加第{n}段。\n", encoding="utf-8")
    return record


# (how serve finds the site, whether its first build found nothing to do)
ROWS: list[tuple[Callable[[Path, Path], None], bool]] = [
    (_built_before, True),
    (_edited_since, False),
    (_never_built, False),
]


@pytest.mark.parametrize(("start", "unchanged"), ROWS, ids=[s.__name__.strip("_") for s, _ in ROWS])
def test_the_first_save_after_serve_starts_digests_only_the_saved_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: Callable[[Path, Path], None], unchanged: bool) -> None:
    content, out = generate(tmp_path / "gen", 30).content, tmp_path / "site" / "output"
    start(content, out)
    state, options = State(out=out, messages=Messages("en"), memory=Memory()), Options(jobs=1)
    rebuild(content, state, options, first=True)
    assert (state.problems, state.empty) == ([], unchanged)
    generation = state.generation
    fill_memory(content, state, options)  # what the watcher does at its first idle moment
    assert (state.empty, state.generation) == (False, generation), "filled quietly: no page reloads"

    import sitegen.validate.check as check

    digested: list[str] = []
    record_key = check._record_key

    def counted(raw: object) -> str:
        digested.append(str(getattr(raw, "path", raw)))
        return record_key(raw)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "_record_key", counted)
    saved = _save(content, 5)
    rebuild(content, state, options)
    assert state.problems == []
    assert digested == [f"activities/{saved.name}"]
    cold = tmp_path / "cold" / "output"
    pipeline.build(content, cold, Options(jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold)
    shutil.rmtree(tmp_path / "cold")
