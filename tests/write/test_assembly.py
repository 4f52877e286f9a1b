"""The write stage's assembly: no planned path may leave the stage; a file is replaced, never written into."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.assembly import Assembly, UnsafePath, checked_path, write_file
from sitegen.write.printfolder import print_folder
from tests.conftest import DEMO
from tests.pipeline.test_hands import _entries
from tests.pipeline.test_incremental import build

# output path → allowed?
PATHS = [
    ("index.html", True),
    ("wishes/a/index.html", True),
    ("zh-hant/care/posters/pdf/all-a4.pdf", True),
    ("", False),
    ("/etc/passwd", False),
    ("../outside.html", False),
    ("wishes/../../outside.html", False),
    ("wishes\\a.html", False),
    ("C:/x.html", False),
]


@pytest.mark.parametrize(("rel", "allowed"), PATHS)
def test_no_path_leaves_the_stage(tmp_path: Path, rel: str, allowed: bool) -> None:
    if allowed:
        assert checked_path(rel) == rel
        return
    with pytest.raises(UnsafePath):
        checked_path(rel)
    assembly = Assembly(tmp_path, {}, tmp_path / "out", {}, {}, {})
    with pytest.raises(UnsafePath):
        assembly.write(rel, b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_linked_file_is_replaced_not_written_into(tmp_path: Path) -> None:
    live, stage = tmp_path / "live", tmp_path / "stage"
    live.mkdir()
    stage.mkdir()
    (live / "a.html").write_bytes(b"old")
    (stage / "a.html").hardlink_to(live / "a.html")
    write_file(stage, "a.html", b"new")
    assert (live / "a.html").read_bytes() == b"old" and (stage / "a.html").read_bytes() == b"new"


def test_a_file_from_the_live_output_is_linked_only_while_as_left(tmp_path: Path) -> None:
    live, stage = tmp_path / "live", tmp_path / "stage"
    live.mkdir()
    stage.mkdir()
    (live / "a.html").write_bytes(b"same")
    st = (live / "a.html").stat()
    assembly = Assembly(stage, {}, live, {"a.html": "sha"}, {}, {"a.html": (st.st_size, st.st_mtime_ns)})
    assert assembly.reuse("a.html", "sha") and assembly.kept == ["a.html"]
    assert (stage / "a.html").stat().st_ino == st.st_ino
    edited = Assembly(stage, {}, live, {"a.html": "sha"}, {}, {"a.html": (st.st_size, st.st_mtime_ns + 1)})
    assert not edited.reuse("a.html", "sha")


# what the stage holds at the path before write_file: after it, the path holds the new bytes alone,
# a regular file of one link with the mode a new file gets, and nothing it pointed to has changed
AT_TARGET = [
    "nothing",
    "a file of ours",
    "a hard link shared with the live output",
    "a symbolic link to a file outside the stage",
    "a file made 0600 by hand",
]


@pytest.mark.parametrize("found", AT_TARGET)
def test_a_stage_file_is_made_anew_without_a_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    found: str) -> None:
    """write_file never renames over a file (ext4's auto_da_alloc would start writing its data out at
    once: 90 ms of a serve save under load) and never writes through what it finds at the path."""
    live, stage, outside = tmp_path / "live", tmp_path / "stage", tmp_path / "outside.html"
    (stage / "wishes").mkdir(parents=True)
    live.mkdir()
    live_file = live / "a.html"
    live_file.write_bytes(b"live")
    outside.write_bytes(b"outside")
    target = stage / "wishes" / "a.html"
    if found == "a file of ours":
        target.write_bytes(b"old, and longer than the new bytes")
    elif found == "a hard link shared with the live output":
        target.hardlink_to(live_file)
    elif found == "a symbolic link to a file outside the stage":
        target.symlink_to(outside)
    elif found == "a file made 0600 by hand":
        target.write_bytes(b"old")
        target.chmod(0o600)

    def refused(*_: object) -> None:
        raise AssertionError("renamed over a stage file")

    monkeypatch.setattr("os.replace", refused)
    monkeypatch.setattr("os.rename", refused)
    sha = write_file(stage, "wishes/a.html", b"new")
    assert sha == hashlib.sha256(b"new").hexdigest()
    assert target.read_bytes() == b"new" and not target.is_symlink() and target.stat().st_nlink == 1
    assert live_file.read_bytes() == b"live" and outside.read_bytes() == b"outside"
    new = tmp_path / "fresh"
    new.mkdir()
    write_file(new, "x.html", b"new")
    assert target.stat().st_mode & 0o777 == (new / "x.html").stat().st_mode & 0o777
    assert sorted(p.name for p in (stage / "wishes").iterdir()) == ["a.html"]  # no temporary left


def _crash_after_unlink(stage: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build stops (ENOSPC) between unlinking a stage file and creating it anew: the name is gone."""
    unlink, create = os.unlink, os.open
    armed = []

    def unlinked(path: object, *args: object, **kwargs: object) -> None:
        unlink(path, *args, **kwargs)  # type: ignore[arg-type]
        if "shadow" in os.fspath(path):  # type: ignore[arg-type]
            armed.append(path)

    def full(path: object, *args: object, **kwargs: object) -> int:
        if armed:
            raise OSError(errno.ENOSPC, "No space left on device")
        return create(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("os.unlink", unlinked)
    monkeypatch.setattr("os.open", full)


def _in_shadow(act: Callable[[Path], object]) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def hand(stage: Path, _: pytest.MonkeyPatch) -> None:
        for rel in ("index.html", "wishes/index.html", "manifest.sha256"):
            target = stage / rel
            target.unlink()
            act(target)
    return hand


# (what happens to the stage, the last build's output kept as the next one's shadow, before a build
# with an edit) → the build after it makes the output and print folder of a cold build (i-break9)
STAGE_HANDS: dict[str, Callable[[Path, pytest.MonkeyPatch], None]] = {
    "a crash between unlink and create": _crash_after_unlink,
    "a folder at a file's path": _in_shadow(lambda p: (p / "sub").mkdir(parents=True)),
    "a symbolic link out of the stage at a file's path": _in_shadow(lambda p: p.symlink_to(p.parents[2] / "victim")),
}


@pytest.mark.parametrize("hand", STAGE_HANDS)
def test_after_a_hand_or_a_crash_in_the_stage_the_next_build_is_a_cold_one(tmp_path: Path, hand: str,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    content, out, victim = tmp_path / "content", tmp_path / "out", tmp_path / "victim"
    shutil.copytree(DEMO, content)
    victim.write_bytes(b"victim")
    build(content, out, cache=True, jobs=1)
    build(content, out, cache=True, jobs=1)  # the first output is now the shadow
    record = sorted((content / "activities").iterdir())[0]
    record.write_text(record.read_text("utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    with monkeypatch.context() as patched:
        STAGE_HANDS[hand](out.parent / f".{out.name}.sitegen-cache" / "shadow", patched)
        crashed = False
        try:
            build(content, out, cache=True, jobs=1)
        except OSError:
            crashed = True
        assert crashed is (hand == "a crash between unlink and create")  # a hand in the stage is no crash
    build(content, out, cache=True, jobs=1)
    build(content, tmp_path / "cold", cache=False, jobs=1)
    assert _entries(out) == _entries(tmp_path / "cold")
    assert _entries(print_folder(out)) == _entries(print_folder(tmp_path / "cold"))
    assert victim.read_bytes() == b"victim"
