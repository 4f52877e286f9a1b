"""What a hand puts into output/ or the shadow never reaches a later site, also when the sweep
trusts its record of folders known clean (write/slots.py) instead of listing them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen.write import slots
from tests.conftest import DEMO
from tests.pipeline.test_incremental import build, cold

CACHE = ".output.sitegen-cache"


def _entries(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder` (never following a link): a file's bytes, else its kind."""
    found: dict[str, bytes | str] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            rel = path.relative_to(folder).as_posix()
            found[rel] = "link" if path.is_symlink() else "folder" if path.is_dir() else path.read_bytes()
    return found


def _tamper(site: Path) -> None:
    """A file, a folder, a link, a link in place of a page, a page's bytes: all by hand."""
    page = next(p for p in sorted(site.rglob("index.html")) if p.parent != site)
    (page.parent / "spam.html").write_text("spam")
    (site / "activities" / "spam").mkdir(exist_ok=True)
    (site / "activities" / "spam" / "index.html").write_text("spam")
    (site / "feed-copy.xml").symlink_to(site / "feed.xml")
    target = sorted(site.rglob("index.html"))[-1]
    target.unlink()
    target.symlink_to("/etc/hostname")
    with open(page, "a", encoding="utf-8") as handle:
        handle.write("<!-- spam -->")


@pytest.mark.slow
def test_hands_in_output_and_shadow_never_reach_a_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    out, shadow = tmp_path / "output", tmp_path / CACHE / "shadow"
    trusted: list[bool] = []
    sweep = slots.sweep
    monkeypatch.setattr(slots, "sweep", lambda folder, holds, known=None, settled=0, tree=None, watch=None:
                        trusted.append(bool(known)) or sweep(folder, holds, known, settled, tree, watch))
    record = content / "activities" / "2026-linlijie-19.md"
    for round in range(6):
        if round == 3:
            _tamper(out)  # the live output: the next build's shadow, swept by the record of round 2
        if round == 5:
            _tamper(shadow)  # made in round 3, swept by its record of round 3
        record.write_text(record.read_text("utf-8") + f"\n第{round}段。\n", encoding="utf-8")
        build(content, out, cache=True, jobs=2)
        if round >= 3:
            expected = cold(content, tmp_path)
            assert _entries(out) == {**expected, **{rel: "folder" for rel in _entries(tmp_path / "cold")
                                                    if (tmp_path / "cold" / rel).is_dir()}}
    assert trusted[-2:] == [True, True]  # the last sweeps went by their record, not by listing every folder
