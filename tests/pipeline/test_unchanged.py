"""pipeline.unchanged, the question a street asks every community on every build: answered from the
state and stats alone (no manifest read), and still "something to do" after any hand in the output
or the print folder (write/stamp.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import State
from sitegen.write import stamp
from sitegen.write.printfolder import print_folder
from tests.conftest import DEMO
from tests.pipeline.test_incremental import NOW, build


def _append(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("<!-- hand -->")


def _same_size_time_back(path: Path) -> None:
    """The file written in place by hand, its size kept and its modification time put back (touch -r)."""
    before = path.stat()
    data = path.read_bytes()
    path.write_bytes(data[:-1] + (b"!" if data[-1:] != b"!" else b"?"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _first_poster(out: Path) -> Path:
    return sorted(print_folder(out).rglob("index.html"))[0]


# (a hand between two builds) → whether the next build has something to do
HANDS: list[tuple[str, Callable[[Path], object], bool]] = [
    ("nothing", lambda out: None, False),
    ("a page read", lambda out: (out / "index.html").read_bytes(), False),
    ("a page written to in place", lambda out: _append(out / "index.html"), True),
    ("a file added in a page folder", lambda out: (out / "wishes" / "spam.html").write_text("x"), True),
    ("a page deleted", lambda out: (out / "wishes" / "index.html").unlink(), True),
    ("the manifest written to", lambda out: _append(out / "manifest.sha256"), True),
    ("a poster to print written to", lambda out: _append(_first_poster(out)), True),
    ("a file added to the print folder", lambda out: (print_folder(out) / "spam.pdf").write_text("x"), True),
    ("a poster to print deleted", lambda out: _first_poster(out).unlink(), True),
    ("a page written in place, its size and time put back", lambda out: _same_size_time_back(out / "index.html"), True),
    ("the manifest written in place, its size and time put back",
     lambda out: _same_size_time_back(out / "manifest.sha256"), True),
    ("a poster to print written in place, its size and time put back",
     lambda out: _same_size_time_back(_first_poster(out)), True),
    ("a page's permissions changed", lambda out: (out / "index.html").chmod(0o600), True),
    ("a folder added in a page folder", lambda out: (out / "wishes" / "spam").mkdir(), True),
    ("a poster to print replaced by a link", lambda out: _to_link(_first_poster(out)), True),
]


def _to_link(path: Path) -> None:
    """The file moved aside and a symbolic link to it put in its place: it still opens the same."""
    aside = path.with_name(path.name + ".aside")
    path.rename(aside)
    path.symlink_to(aside)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("unchanged")
    shutil.copytree(DEMO, root / "content")
    build(root / "content", root / "output", cache=True, jobs=1)
    return root


@pytest.mark.parametrize(("hand", "act", "todo"), HANDS, ids=[hand for hand, _, _ in HANDS])
def test_a_hand_gives_the_next_build_something_to_do(hand: str, act: Callable[[Path], object], todo: bool,
                                                     built: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(built, tmp_path / "b", symlinks=True, copy_function=shutil.copy2)
    content, out = tmp_path / "b" / "content", tmp_path / "b" / "output"
    # the copy moved every file and folder: the state the build left is made again for this copy
    build(content, out, cache=True, jobs=1)

    def unread(folder: Path) -> dict[str, str]:
        raise AssertionError(f"a manifest read to answer 'nothing to do?': {folder}")

    monkeypatch.setattr(stamp, "read_manifest", unread)
    options = Options(now=NOW)
    assert pipeline.unchanged(content, out, options) is not None
    act(out)
    assert (pipeline.unchanged(content, out, options) is None) is todo, hand


def _linked_poster(out: Path) -> Path:
    """A file of the print folder that is a hard link of the output's file of the same name (as the
    build leaves its posters); the print stamp leaves it to the output's (write/stamp.py)."""
    for path in sorted(print_folder(out).rglob("*")):
        twin = out / path.relative_to(print_folder(out))
        if path.is_file() and twin.is_file() and os.path.samefile(path, twin):
            return path
    raise AssertionError("no print file is a hard link of the output's: nothing here is tested")


def _output_twin(out: Path) -> Path:
    return out / _linked_poster(out).relative_to(print_folder(out))


def _replaced_by_copy(path: Path) -> None:
    """The file replaced by a copy of its bytes, mode and times, renamed over it (a link no more)."""
    aside = path.with_name(path.name + ".copy")
    shutil.copy2(path, aside)
    os.replace(aside, path)


# Hands on a poster the print folder and the output share (one inode): (hand, whether there is something to do).
LINKED_HANDS: list[tuple[str, Callable[[Path], object], bool]] = [
    ("nothing", lambda out: None, False),
    ("a linked poster read", lambda out: _linked_poster(out).read_bytes(), False),
    ("a linked poster written to in the print folder", lambda out: _append(_linked_poster(out)), True),
    ("a linked poster written in place in the print folder, its size and time put back",
     lambda out: _same_size_time_back(_linked_poster(out)), True),
    ("a linked poster's output twin written in place, its size and time put back",
     lambda out: _same_size_time_back(_output_twin(out)), True),
    ("a linked poster's permissions changed in the print folder", lambda out: _linked_poster(out).chmod(0o600), True),
    ("a linked poster replaced by a copy with its bytes and times", lambda out: _replaced_by_copy(_linked_poster(out)),
     True),
    ("a linked poster deleted from the print folder", lambda out: _linked_poster(out).unlink(), True),
    ("a linked poster's output twin deleted", lambda out: _output_twin(out).unlink(), True),
    ("a linked poster replaced by a link", lambda out: _to_link(_linked_poster(out)), True),
    # i-break9: the whole print folder by hand, its posters' links to the output broken or kept
    ("the print folder replaced by a copy without links (cp -r)", lambda out: _folder_replaced(out, links=False), True),
    ("the print folder replaced by a copy with its links and times (cp -a)",
     lambda out: _folder_replaced(out, links=True), True),
    ("every print file copied over itself (an rsync of the folder onto itself)", lambda out: _each_copied_over(out), True),
    ("a linked poster's output twin replaced by a copy with its bytes and times",
     lambda out: _replaced_by_copy(_output_twin(out)), True),
    ("a linked poster's output twin's permissions changed", lambda out: _output_twin(out).chmod(0o600), True),
]


def _folder_replaced(out: Path, links: bool) -> None:
    """The print folder moved aside, copied back in its place (with or without its hard links), the aside removed."""
    folder = print_folder(out)
    aside = folder.with_name(folder.name + ".aside")
    folder.rename(aside)
    if links:
        _copy_keeping_links(aside, folder)
    else:
        shutil.copytree(aside, folder, symlinks=True, copy_function=shutil.copy2)
    shutil.rmtree(aside)


def _each_copied_over(out: Path) -> None:
    """Every file of the print folder replaced by a copy with its bytes, mode and times: no link to the output left."""
    for path in sorted(p for p in print_folder(out).rglob("*") if p.is_file()):
        _replaced_by_copy(path)


def _copy_keeping_links(source: Path, target: Path) -> None:
    """`source` copied to `target` with its hard links kept (as `cp -a` does): one inode, one copy."""
    seen: dict[tuple[int, int], str] = {}

    def copy(src: str, dst: str) -> None:
        info = os.lstat(src)
        if (info.st_dev, info.st_ino) in seen:
            os.link(seen[info.st_dev, info.st_ino], dst)
        else:
            shutil.copy2(src, dst)
            seen[info.st_dev, info.st_ino] = dst

    shutil.copytree(source, target, symlinks=True, copy_function=copy)


@pytest.mark.parametrize(("hand", "act", "todo"), LINKED_HANDS, ids=[hand for hand, _, _ in LINKED_HANDS])
def test_a_hand_on_a_linked_poster_gives_the_next_build_something_to_do(hand: str, act: Callable[[Path], object],
                                                                        todo: bool, built: Path, tmp_path: Path) -> None:
    _copy_keeping_links(built, tmp_path / "b")
    content, out = tmp_path / "b" / "content", tmp_path / "b" / "output"
    build(content, out, cache=True, jobs=1)
    shared = _linked_poster(out).relative_to(print_folder(out)).as_posix()
    assert shared not in State.load(out).print_entries.split("\0")  # stamped with the output only
    options = Options(now=NOW)
    assert pipeline.unchanged(content, out, options) is not None
    act(out)
    assert (pipeline.unchanged(content, out, options) is None) is todo, hand
