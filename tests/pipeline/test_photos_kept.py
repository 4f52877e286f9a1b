"""The cache files keep the photos a build planned (pipeline/replan.py PlanMemo): a rebuild takes an
unchanged photo's sizes from them instead of opening it with Pillow, and never takes a mixed-up entry."""

from __future__ import annotations

import pickle
from pathlib import PurePosixPath

import pytest

from sitegen.pipeline.replan import PlanMemo
from sitegen.render.images import Photo, Variant


def _photo(source: str, sha: str) -> Photo:
    return Photo(source=PurePosixPath(source), sha=sha, variants=(Variant(f"media/{sha[:16]}-640.jpg", 640, 480),))


def _key(source: str, sha: str) -> tuple[PurePosixPath, str]:
    return PurePosixPath(source), sha


A, C, D, E = "a" * 64, "c" * 64, "d" * 64, "e" * 64
# photos planned by the last build, (path, sha256) → Photo  →  those the cache files give back
CASES = [
    ({}, {}),
    ({_key("media/a.jpg", A): _photo("media/a.jpg", A)}, {_key("media/a.jpg", A): _photo("media/a.jpg", A)}),
    ({_key("media/a.jpg", A): _photo("media/b.jpg", A),  # another photo's plan under this key: planned anew
      _key("media/c.jpg", C): _photo("media/c.jpg", D),  # other bytes' plan: planned anew
      _key("media/e.jpg", E): _photo("media/e.jpg", E)},
     {_key("media/e.jpg", E): _photo("media/e.jpg", E)}),
]


@pytest.mark.parametrize(("planned", "kept"), CASES, ids=["none", "one", "mixed-up entries dropped"])
def test_the_cache_files_keep_the_planned_photos(planned: dict[tuple[PurePosixPath, str], Photo],
                                                  kept: dict[tuple[PurePosixPath, str], Photo]) -> None:
    assert pickle.loads(pickle.dumps(PlanMemo(photos=planned))).photos == kept


def test_a_cache_file_without_photos_plans_them_all() -> None:
    memo = PlanMemo.__new__(PlanMemo)
    memo.__setstate__({"prints": {}})
    assert memo.photos == {}
