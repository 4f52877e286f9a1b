"""How each poster fits its sheet is kept in the build cache (render/fit.py Fits): a rebuild after one
change fits that record's poster again, not every poster; the bytes are a cold build's."""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render import posters
from sitegen.render.fit import Fits
from tests.conftest import NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def test_a_fit_is_made_once_and_kept_only_while_asked() -> None:
    fits, made = Fits(), []
    assert fits.of("a", lambda: made.append("a") or (0, None)) == (0, None)
    assert fits.of("a", lambda: made.append("a") or (1, None)) == (0, None)
    fits.of("b", lambda: (3, 120))
    kept = fits.settled()
    kept.of("b", lambda: (9, 9))
    again = pickle.loads(pickle.dumps(kept))
    assert made == ["a"] and again.known == {"b": (3, 120)} and again.asked == {}


@pytest.mark.parametrize("memory", [False, True], ids=["cli", "serve"])
def test_a_rebuild_fits_only_the_changed_records_poster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        memory: bool) -> None:
    content = generate(tmp_path / "gen", 40).content
    out, options = tmp_path / "output", Options(now=NOW, jobs=1)
    kept = pipeline.Memory() if memory else None
    pipeline.build(content, out, options, memory=kept)
    fitted: list[str] = []
    poster_fit = posters.poster_fit

    def counted(record: object, *args: object) -> tuple[int, int | None]:
        fitted.append(str(getattr(record, "title", "")))
        return poster_fit(record, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(posters, "poster_fit", counted)
    record = sorted((content / "activities").iterdir())[0]
    record.write_text(record.read_text("utf-8").replace("title: ", "title: 改过的", 1), encoding="utf-8")
    pipeline.build(content, out, options, memory=kept)
    assert len(fitted) == 1 and fitted[0].startswith("改过的"), fitted
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold)
