"""write/stamp.py: every change a hand can make to an output folder changes its stamp; nothing else does.

The stamp is what lets a rebuild (a single site, or each community of a street) answer "unchanged"
without walking its output: a change it misses would leave a hand-edited site published.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write import rawstat
from sitegen.write.stamp import entries_stamp, joined_stamp, stamp_entries, tree_stamp, unshared_entries

FILES = {"index.html": "首页", "wishes/index.html": "心愿", "wishes/2026-a/index.html": "助行器",
         "media/a.jpg": "jpeg", "feed.xml": "<feed/>"}


def _site(out: Path) -> None:
    """An output folder as a build leaves it: its files and the manifest.sha256 naming them."""
    lines = []
    for rel, text in sorted(FILES.items()):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
        lines.append(f"{hashlib.sha256(text.encode()).hexdigest()}  {rel}\n")
    (out / "manifest.sha256").write_text("".join(lines), encoding="utf-8")


def _append(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:  # written in place: its folder's mtime stays
        handle.write("<!-- spam -->")


def _same_size_later(path: Path) -> None:
    path.write_text("首 页", encoding="utf-8")  # another text of the same size, written later
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))


def _same_size_time_back(path: Path) -> None:
    """Another text of the same size written in place, the old modification time put back (touch -r): its ctime alone says so."""
    before = path.stat()
    path.write_text("首 页", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _link(path: Path) -> None:
    path.unlink()
    path.symlink_to("/etc/hostname")


# (what a hand did, the change, whether the stamp must differ)
CASES: list[tuple[str, Callable[[Path], object], bool]] = [
    ("nothing", lambda out: None, False),
    ("a file read", lambda out: (out / "index.html").read_bytes(), False),
    ("a page appended to in place", lambda out: _append(out / "wishes/2026-a/index.html"), True),
    ("a page rewritten, same size", lambda out: _same_size_later(out / "index.html"), True),
    ("a page rewritten, same size, its time put back", lambda out: _same_size_time_back(out / "index.html"), True),
    ("a page deleted", lambda out: (out / "wishes/2026-a/index.html").unlink(), True),
    ("a page folder deleted", lambda out: shutil.rmtree(out / "wishes/2026-a"), True),
    ("a file added beside a page", lambda out: (out / "wishes/2026-a/spam.html").write_text("x"), True),
    ("a file added at the top", lambda out: (out / "spam.html").write_text("x"), True),
    ("a folder added", lambda out: (out / "spam").mkdir(), True),
    ("a file renamed in its folder", lambda out: (out / "feed.xml").rename(out / "feed2.xml"), True),
    ("a file replaced by a link", lambda out: _link(out / "media/a.jpg"), True),
    ("the manifest written to", lambda out: _append(out / "manifest.sha256"), True),
    ("the whole folder deleted", lambda out: shutil.rmtree(out), True),
    ("the whole folder replaced by a link", lambda out: _folder_to_link(out), True),
    ("a page made executable", lambda out: (out / "index.html").chmod(0o755), True),
    ("a page folder replaced by a link", lambda out: _folder_to_link(out / "wishes/2026-a"), True),
    ("a folder added in a page folder", lambda out: (out / "wishes/2026-a/spam").mkdir(), True),
    ("a page folder's permissions changed", lambda out: (out / "wishes/2026-a").chmod(0o700), True),
]


def _folder_to_link(folder: Path) -> None:
    """The folder moved aside and a symbolic link to it put in its place: every name still opens."""
    aside = folder.with_name(folder.name + "-aside")
    folder.rename(aside)
    folder.symlink_to(aside, target_is_directory=True)


# How a build asks: the stamp of what the manifest names now (tree_stamp), or of the entries the
# last build named and kept in its state (pipeline._unchanged: no manifest read).
# The stats are taken through the C library's fstatat into one buffer where its layout is known
# (write/rawstat.py), else by os.stat: "os.stat" asks the same with the buffer left out.
ASKS: dict[str, Callable[[Path], Callable[[], str]]] = {
    "named now": lambda out: lambda: tree_stamp(out),
    "named by the build": lambda out: (lambda entries: lambda: entries_stamp(out, entries))(stamp_entries(out)),
    "as the state keeps them": lambda out: (lambda joined: lambda: joined_stamp(out, joined))(
        "\0".join(stamp_entries(out))),
    "os.stat": lambda out: (lambda entries: lambda: entries_stamp(out, entries))(stamp_entries(out)),
}


@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize(("change", "act", "differs"), CASES, ids=[case[0] for case in CASES])
def test_a_hand_change_changes_the_stamp(change: str, act: Callable[[Path], object], differs: bool, ask: str,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if ask == "os.stat":
        monkeypatch.setattr(rawstat.FastStat, "open", staticmethod(lambda: None))
    out = tmp_path / "output"
    _site(out)
    stamp = ASKS[ask](out)
    before = stamp()
    time.sleep(0.02)  # past the file system's timestamp tick: a hand comes later than the build
    act(out)
    assert (stamp() != before) is differs, change


def test_the_stamps_are_one_whichever_way_asked(tmp_path: Path) -> None:
    out = tmp_path / "output"
    _site(out)
    assert entries_stamp(out, stamp_entries(out)) == tree_stamp(out) == joined_stamp(out, "\0".join(stamp_entries(out)))
    assert stamp_entries(out)[:3] == ("", "media", "wishes")  # folders first, the output itself first
    assert stamp_entries(out, ["b.pdf", "a/c.pdf"]) == ("", "a", "a/c.pdf", "b.pdf")  # a print folder's, as named


# A print folder (no manifest: its files are named by the build cache): (change, differs).
PRINT_CASES: list[tuple[str, Callable[[Path], object], bool]] = [
    ("nothing", lambda folder: None, False),
    ("a poster deleted", lambda folder: (folder / "posters/a.pdf").unlink(), True),
    ("a poster written to", lambda folder: _append(folder / "posters/a.pdf"), True),
    ("a poster added", lambda folder: (folder / "posters/b.pdf").write_text("x"), True),
    ("a file added at the top", lambda folder: (folder / "spam.pdf").write_text("x"), True),
]


@pytest.mark.parametrize(("change", "act", "differs"), PRINT_CASES, ids=[case[0] for case in PRINT_CASES])
def test_a_hand_change_in_a_print_folder_changes_its_stamp(change: str, act: Callable[[Path], object],
                                                           differs: bool, tmp_path: Path) -> None:
    folder = tmp_path / "output-print"
    (folder / "posters").mkdir(parents=True)
    (folder / "posters/a.pdf").write_text("%PDF", encoding="utf-8")
    entries = stamp_entries(folder, ["posters/a.pdf"])
    before = entries_stamp(folder, entries)
    time.sleep(0.02)
    act(folder)
    assert (entries_stamp(folder, entries) != before) is differs, change


def test_the_stamp_is_the_same_for_the_same_folder(tmp_path: Path) -> None:
    _site(tmp_path / "output")
    assert tree_stamp(tmp_path / "output") == tree_stamp(tmp_path / "output")
    assert len(tree_stamp(tmp_path / "output")) == 32


def _replaced_by_copy(path: Path) -> None:
    """The hard link replaced by a copy of the same bytes, mode and times, renamed over it."""
    aside = path.with_name(path.name + ".copy")
    shutil.copy2(path, aside)
    os.replace(aside, path)


def _relinked(path: Path, other: Path) -> None:
    """The name made a hard link of another file of the output, renamed over it."""
    aside = path.with_name(path.name + ".link")
    os.link(other, aside)
    os.replace(aside, path)


# A print folder whose media/a.jpg is a hard link of the output's (as the build leaves posters) and
# whose posters/b.pdf is its own: (change, whether the output's or the print folder's stamp changes).
LINKED_CASES: list[tuple[str, Callable[[Path, Path], object], bool]] = [
    ("nothing", lambda out, folder: None, False),
    ("the linked file read", lambda out, folder: (folder / "media/a.jpg").read_bytes(), False),
    ("the linked file written to through the print folder", lambda out, folder: _append(folder / "media/a.jpg"), True),
    ("the linked file written through the print folder, its size and time put back",
     lambda out, folder: _same_size_time_back(folder / "media/a.jpg"), True),
    ("its output twin written, its size and time put back",
     lambda out, folder: _same_size_time_back(out / "media/a.jpg"), True),
    ("the linked file's permissions changed through the print folder",
     lambda out, folder: (folder / "media/a.jpg").chmod(0o600), True),
    ("the linked file replaced by a copy with its bytes and times", lambda out, folder: _replaced_by_copy(folder / "media/a.jpg"),
     True),
    ("the linked file made a link of another output file",
     lambda out, folder: _relinked(folder / "media/a.jpg", out / "feed.xml"), True),
    ("the linked file deleted from the print folder", lambda out, folder: (folder / "media/a.jpg").unlink(), True),
    ("its output twin deleted", lambda out, folder: (out / "media/a.jpg").unlink(), True),
    ("its output twin replaced by a copy with its bytes and times", lambda out, folder: _replaced_by_copy(out / "media/a.jpg"),
     True),
    ("the print folder's own file written, its size and time put back",
     lambda out, folder: _same_size_time_back(folder / "posters/b.pdf"), True),
]


def _linked_print(tmp_path: Path) -> tuple[Path, Path, tuple[str, ...], tuple[str, ...]]:
    """An output, its print folder (one file linked from the output, one its own) and both stamps' entries."""
    out, folder = tmp_path / "output", tmp_path / "output-print"
    _site(out)
    (folder / "media").mkdir(parents=True)
    (folder / "posters").mkdir()
    os.link(out / "media/a.jpg", folder / "media/a.jpg")
    (folder / "posters/b.pdf").write_text("%PDF", encoding="utf-8")
    entries = stamp_entries(out)
    return out, folder, entries, unshared_entries(folder, ["posters/b.pdf", "media/a.jpg"], out, frozenset(entries))


def test_a_file_linked_from_the_output_is_stamped_there_only(tmp_path: Path) -> None:
    out, folder, entries, printed = _linked_print(tmp_path)
    assert "media/a.jpg" in entries
    assert printed == ("", "media", "posters", "posters/b.pdf")
    _replaced_by_copy(folder / "media/a.jpg")  # no longer a link: stamped in the print folder again
    assert unshared_entries(folder, ["posters/b.pdf", "media/a.jpg"], out, frozenset(entries)) == (
        "", "media", "posters", "media/a.jpg", "posters/b.pdf")


@pytest.mark.parametrize(("change", "act", "differs"), LINKED_CASES, ids=[case[0] for case in LINKED_CASES])
def test_a_hand_change_to_a_linked_print_file_changes_a_stamp(change: str, act: Callable[[Path, Path], object],
                                                               differs: bool, tmp_path: Path) -> None:
    out, folder, entries, printed = _linked_print(tmp_path)
    before = (entries_stamp(out, entries), entries_stamp(folder, printed))
    time.sleep(0.02)
    act(out, folder)
    assert ((entries_stamp(out, entries), entries_stamp(folder, printed)) != before) is differs, change
