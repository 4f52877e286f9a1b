"""An assemble's background deletion of a community's old copy never moves a live file's ctime.

`--assemble` puts a community that changed into OUT as a fresh copy of its part, by hard links
(street/shard.py _put), and throws the old copy away in the background (write/trash.py). Both copies
link the part's files the community's shard build kept, so the background unlink of the old copy
moved the ctime of those live files after the assemble had stamped them (`_as_put`), and every
assemble after it took the community for changed by hand and put it in again, and again (i-break18).

Rows: what changed in the community between the assembles; the background deletion is held until
the assemble has ended, the latest it can come.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import sitegen.street.shard as street_shard
from sitegen.options import Options
from sitegen.street.build import assemble_street, build_street
from sitegen.street.shard import Shard
from sitegen.write import trash
from tests.conftest import NOW, tree_bytes
from tests.street.conftest import MakeStreet, community_site


def _activity_edited(folder: Path) -> None:
    activity = next((folder / "binhu" / "activities").glob("*.md"))
    activity.write_text(activity.read_text("utf-8") + "\n又加了一段。\n", encoding="utf-8")


def _wish_added(folder: Path) -> None:
    (folder / "binhu" / "wishes" / "2026-lunyi.yaml").write_text(
        "wish: 轮椅\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n", encoding="utf-8")


EDITS = {"a binhu activity edited": _activity_edited, "a binhu wish added": _wish_added}


@pytest.mark.parametrize("edit", EDITS)
def test_the_assemble_after_it_puts_nothing_in(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    folder = make_street({"binhu": community_site("滨湖社区"), "meihu": community_site("梅湖社区")})
    parts, out, options = [tmp_path / f"part{k}" / "out" for k in (1, 2)], tmp_path / "all" / "out", Options(now=NOW)

    def assemble() -> None:
        for k, part in enumerate(parts, 1):
            build_street(folder, part, options, shard=Shard(k, 2))
        assemble_street(folder, out, parts, options)

    assemble()
    EDITS[edit](folder)
    held: list[Callable[[], None]] = []
    monkeypatch.setattr(trash, "in_background", held.append)
    assemble()
    assert held  # binhu's old copy was thrown away
    for work in held:
        work()
    monkeypatch.undo()
    put: list[Path] = []
    monkeypatch.setattr(street_shard, "_put", lambda source, target, _: put.append(target))
    assemble_street(folder, out, parts, options)
    assert put == []
    monkeypatch.undo()
    cold = tmp_path / "cold" / "out"
    assemble_street(folder, cold, parts, options)
    assert tree_bytes(out) == tree_bytes(cold)
