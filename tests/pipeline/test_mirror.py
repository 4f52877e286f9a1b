"""The build that makes output/ leaves a shadow of it, hard-linked, and both swept (write/slots.py
Slots.mirror, PrintSlot.mirror): the next build links nothing into a fresh shadow nor lists every
folder, writes what a cold build writes, and a hand in either copy still never reaches a site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.write import assembly, slots
from sitegen.write.printfolder import print_folder
from tests.conftest import DEMO, tree_bytes
from tests.pipeline.test_hands import CACHE, _entries, _tamper
from tests.pipeline.test_incremental import build, cold

RECORD = "activities/2026-linlijie-19.md"


def _edit(content: Path, n: int) -> None:
    record = content / RECORD
    record.write_text(record.read_text("utf-8") + f"\n第{n}段。\n", encoding="utf-8")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(DEMO, tmp_path / "content")
    return tmp_path / "content"


def test_the_first_rebuild_links_nothing_and_lists_no_folder(content: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out, shadow = tmp_path / "output", tmp_path / CACHE / "shadow"
    build(content, out, cache=True, jobs=1)
    assert tree_bytes(shadow) == tree_bytes(out)
    assert tree_bytes(tmp_path / CACHE / "print-shadow") == tree_bytes(print_folder(out))
    manifest = (out / "manifest.sha256").stat()
    assert (shadow / "manifest.sha256").stat().st_ino == manifest.st_ino  # a hard link, not a copy
    links, trusted = [], []
    link, sweep = assembly.Assembly._link, slots.sweep
    monkeypatch.setattr(assembly.Assembly, "_link", lambda self, rel, sha: links.append(rel) or link(self, rel, sha))
    monkeypatch.setattr(slots, "sweep", lambda folder, holds, known=None, settled=0, tree=None, watch=None:
                        trusted.append(bool(known)) or sweep(folder, holds, known, settled, tree, watch))
    for n in range(3):
        _edit(content, n)
        report = build(content, out, cache=True, jobs=1)
        assert 0 < report.rendered < 10
    assert links == []
    assert trusted == [True] * 3
    cold_out = tmp_path / "cold" / "output"
    build(content, cold_out, cache=False, jobs=1)
    assert tree_bytes(out) == tree_bytes(cold_out)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold_out))


def test_a_build_without_the_cache_leaves_no_shadow(content: Path, tmp_path: Path) -> None:
    build(content, tmp_path / "output", cache=False, jobs=1)
    assert not (tmp_path / CACHE / "shadow").exists()
    assert not (tmp_path / CACHE / "print-shadow").exists()


@pytest.mark.slow
@pytest.mark.parametrize("where", ["output", "shadow"])
def test_hands_right_after_the_build_that_made_the_output(where: str, content: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    build(content, out, cache=True, jobs=1)
    _tamper(out if where == "output" else tmp_path / CACHE / "shadow")
    for n in range(2):  # the tampered copy is the stage of one of the next two builds
        _edit(content, n)
        build(content, out, cache=True, jobs=1)
        expected = cold(content, tmp_path)
        assert _entries(out) == {**expected, **{rel: "folder" for rel in _entries(tmp_path / "cold")
                                                if (tmp_path / "cold" / rel).is_dir()}}
