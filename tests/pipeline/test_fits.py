"""How each poster fits its sheet is kept in the build cache (render/fit.py Fits): a rebuild after one
change fits that record's poster again, not every poster; the bytes are a cold build's."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sitegen.render import posters
from sitegen.render.fit import Fits
from tests.support.rebuild import calls_after_one_edit


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
    calls = calls_after_one_edit(tmp_path, monkeypatch, memory, posters, "poster_fit",
                                 lambda text: text.replace("title: ", "title: 改过的", 1))
    fitted = [str(getattr(args[0], "title", "")) for args in calls]
    assert len(fitted) == 1 and fitted[0].startswith("改过的"), fitted
