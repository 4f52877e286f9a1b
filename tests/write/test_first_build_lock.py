"""A first build the disk stops leaves no cache folder holding only its lock (session 15's breaker: the
first CLI build onto a full disk left `.OUT.sitegen-cache/lock`); one an earlier build made stays."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tests.conftest import MakeSite, run


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "/full/activities/index.html")


# (builds that passed before the one the disk stops, whether the cache folder is there after it)
ROWS = [(0, False), (1, True)]


@pytest.mark.parametrize(("good_builds", "cache_left"), ROWS, ids=["first build", "after a good build"])
def test_a_stopped_first_build_leaves_no_cache_folder(make_site: MakeSite, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, good_builds: int,
                                                      cache_left: bool) -> None:
    content, out = make_site(), tmp_path / "out"
    for _ in range(good_builds):
        assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "new.md").write_text("---\ntitle: 新页面\n---\n", encoding="utf-8")  # something to build
    monkeypatch.setattr("sitegen.pipeline.execute.write_site", _full_disk)
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 74, result.stderr
    assert "disk is full" in result.stderr
    assert (tmp_path / ".out.sitegen-cache").exists() is cache_left, sorted(tmp_path.iterdir())
