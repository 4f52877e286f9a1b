"""The write stage's assembly: no planned path may leave the stage; a file is replaced, never written into."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.write.assembly import Assembly, UnsafePath, checked_path, write_file

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
