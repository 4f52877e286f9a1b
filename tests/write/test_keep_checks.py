"""The checks a kept file passes (write/assembly.py file_stat, as_recorded), the prune that never
leaves the stage, and the QR targets of a build (render/urls.py absolute_all)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.render.urls import absolute_all
from sitegen.render.urls import absolute
from sitegen.write.assembly import Assembly, as_recorded, file_stat
from sitegen.write.slots import MANIFEST

DATA = b"<title>x</title>"
SHA = hashlib.sha256(DATA).hexdigest()


def _same_bytes_linked(path: Path) -> None:
    os.link(path, path.with_name("other"))  # our own link elsewhere: the ctime moves, the bytes stay


def _same_size_time_back(path: Path) -> None:
    before = path.stat()
    path.write_bytes(DATA.replace(b"x", b"y"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _rewritten_same_bytes(path: Path) -> None:
    path.write_bytes(DATA)


# what happened to a recorded file → whether it is still kept
CASES: dict[str, tuple[Callable[[Path], object], bool]] = {
    "untouched": (lambda path: None, True),
    "linked elsewhere (ctime moved)": (_same_bytes_linked, True),
    "rewritten with the same bytes": (_rewritten_same_bytes, True),
    "same size, mtime put back": (_same_size_time_back, False),
    "appended to": (lambda path: path.write_bytes(DATA + b"!"), False),
    "replaced by a link": (lambda path: (path.unlink(), path.symlink_to(path.with_name("target"))), False),
    "replaced by a folder": (lambda path: (path.unlink(), path.mkdir()), False),
    "deleted": (lambda path: path.unlink(), False),
}


@pytest.mark.parametrize("name", CASES)
def test_a_recorded_file_is_kept_only_while_it_holds_its_bytes(name: str, tmp_path: Path) -> None:
    hand, kept = CASES[name]
    path = tmp_path / "index.html"
    path.write_bytes(DATA)
    (tmp_path / "target").write_bytes(DATA)
    recorded = file_stat(path)
    hand(path)
    found = file_stat(path)
    assert (found is not None and as_recorded(str(path), found, recorded, SHA)) == kept


def test_prune_never_leaves_the_stage(tmp_path: Path) -> None:
    stage, victim = tmp_path / "stage", tmp_path / "victim.html"
    stage.mkdir()
    victim.write_text("not ours")
    (stage / "gone.html").write_text("old page")
    holds = {"gone.html": "a", "../victim.html": "b", "/etc/hostname": "c"}  # a hand's lines in the shadow's manifest
    assembly = Assembly(stage, holds, tmp_path / "out", {}, {}, {})
    assembly.seal()
    assert victim.read_text() == "not ours"
    assert sorted(p.name for p in stage.iterdir()) == [MANIFEST]


# the URLs of a build's pages → the targets are exactly absolute() of each
URLS: dict[str, list[str]] = {
    "slugs": ["", "wishes/", "wishes/zhuxingqi/", "hant/places/fuguiyuan/9dong/"],
    "a Chinese path": ["wishes/", "tags/邻里/"],
    "a space and a percent": ["pages/a b/", "pages/100%/"],
    "none": [],
}


@pytest.mark.parametrize("name", URLS)
def test_targets_are_the_absolute_urls(name: str) -> None:
    base = "https://wanghu.example.org/"
    assert absolute_all(base, URLS[name]) == {absolute(base, url) for url in URLS[name]}
