"""A street in one git checkout asks git for its commit once per rebuild, not once per community
(load/history.py Revisions), and a new commit still makes every community's pages dated anew."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.load import history
from sitegen.street.build import build_street
from tests.pipeline.test_dates import _git
from tests.street.conftest import MakeStreet, community_site
from tests.street.test_build import options

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FOUR = {slug: community_site(name) for slug, name in
        (("wanghu", "望湖社区"), ("meihu", "梅湖社区"), ("binhu", "滨湖社区"), ("yanhu", "燕湖社区"))}


def _committed(folder: Path) -> Path:
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "street")
    return folder


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder git is asked the commit of (`history.revision`), in this process."""
    asked: list[Path] = []
    real = history.revision

    def revision(content: Path) -> str:
        asked.append(content)
        return real(content)

    monkeypatch.setattr(history, "revision", revision)
    return asked


def test_git_is_asked_once_per_checkout(tmp_path: Path) -> None:
    inside = tmp_path / "repo"
    for folder in (inside / "a", inside / "b" / "c", tmp_path / "outside"):
        folder.mkdir(parents=True)
    _git(inside, "init", "-q", "-b", "main")
    (inside / "a" / "x.md").write_text("x", encoding="utf-8")
    _git(inside, "add", ".")
    _git(inside, "commit", "-q", "-m", "x")
    # "outside" is in no checkout, unless the temporary folders are in one (TMPDIR in a clone: newcomer helper-125)
    enclosing = history.checkout(tmp_path / "outside")
    revisions, asked = history.Revisions(), []
    real = history.revision
    try:
        history.revision = lambda content: asked.append(content) or real(content)  # type: ignore[assignment]
        found = {revisions.of(folder) for folder in (inside / "a", inside / "b" / "c", inside)}
        assert revisions.of(tmp_path / "outside") == (real(enclosing) if enclosing is not None else "")
    finally:
        history.revision = real  # type: ignore[assignment]
    assert found == {real(inside / "a")} and len(real(inside)) == 40
    assert asked == [inside.resolve(), *([enclosing] if enclosing is not None else [])]


def test_a_street_rebuild_asks_git_once(make_street: MakeStreet, tmp_path: Path, counted: list[Path]) -> None:
    street = _committed(make_street(FOUR))
    out = tmp_path / "out"
    build_street(street, out, options())
    counted.clear()
    report = build_street(street, out, options())
    assert report.unchanged
    assert counted == [street.resolve()]  # four communities, one checkout


def test_a_new_commit_still_rebuilds_every_community(make_street: MakeStreet, tmp_path: Path) -> None:
    street = _committed(make_street(FOUR))
    out = tmp_path / "out"
    build_street(street, out, options())
    _git(street, "commit", "-q", "--allow-empty", "-m", "nothing but a commit", when="2026-07-01T10:00:00+08:00")
    report = build_street(street, out, options())
    assert not report.unchanged
    assert {slug for slug, r in report.communities.items() if not r.unchanged} == set(FOUR)
