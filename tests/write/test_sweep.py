"""The shadow's sweep: nothing a hand put into a slot is carried into the next site, and a folder
known clean from the sweep before is not listed again (write/slots.py sweep)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write import slots
from sitegen.write.assembly import Assembly
from sitegen.write.slots import MANIFEST, Slots, fs_clock, sweep

SITE = {"index.html": b"home", "wishes/index.html": b"list", "wishes/a/index.html": b"a",
        "wishes/b/index.html": b"b", "care/wishes/a/index.html": b"care a", "media/p/w640.jpg": b"jpeg"}
TICK = 0.02  # longer than a tick of the file system's clock (at most 10 ms on Linux)


def _slot(folder: Path) -> dict[str, str]:
    """A slot holding SITE and its manifest, as a build leaves it; its manifest (path → sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    holds = {rel: hashlib.sha256(data).hexdigest() for rel, data in SITE.items()}
    for rel, data in SITE.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    (folder / MANIFEST).write_text("".join(f"{sha}  {rel}\n" for rel, sha in sorted(holds.items())), "utf-8")
    return holds


def _entries(folder: Path) -> set[str]:
    """Every entry under `folder`, links and folders too, never following a link."""
    found = set()
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            found.add(Path(root, name).relative_to(folder).as_posix())
    return found


def _link_file(f: Path) -> None:
    (f / "wishes/a/index.html").unlink()
    (f / "wishes/a/index.html").symlink_to("/etc/passwd")


def _link_folder(f: Path) -> None:
    shutil.rmtree(f / "wishes/b")
    (f / "wishes/b").symlink_to(f / "care")


def _deep_folder(f: Path) -> None:
    (f / "care/wishes/a/x/y").mkdir(parents=True)
    (f / "care/wishes/a/x/y/evil.html").write_text("x")


# what a hand does to the slot → the paths that must be gone after the next sweep
HANDS: list[tuple[str, Callable[[Path], object], list[str]]] = [
    ("a file added", lambda f: (f / "wishes/a/evil.html").write_text("x"), ["wishes/a/evil.html"]),
    ("a file added at the top", lambda f: (f / "evil.html").write_text("x"), ["evil.html"]),
    ("a folder added", lambda f: ((f / "wishes/c").mkdir(), (f / "wishes/c/index.html").write_text("x")),
     ["wishes/c", "wishes/c/index.html"]),
    ("a folder added two levels down", _deep_folder, ["care/wishes/a/x"]),
    ("a link added", lambda f: (f / "media/p/w320.jpg").symlink_to("/etc/passwd"), ["media/p/w320.jpg"]),
    ("a link in place of a file", _link_file, ["wishes/a/index.html"]),
    ("a link in place of a folder", _link_folder, ["wishes/b"]),
    ("a pipe added", lambda f: os.mkfifo(f / "wishes/fifo"), ["wishes/fifo"]),
]


@pytest.mark.parametrize(("hand", "gone"), [(h, g) for _, h, g in HANDS], ids=[n for n, _, _ in HANDS])
def test_nothing_a_hand_adds_survives_a_sweep_that_trusts_its_record(
        tmp_path: Path, hand: Callable[[Path], object], gone: list[str]) -> None:
    slot = tmp_path / "slot"
    holds = _slot(slot)
    time.sleep(TICK)
    known = sweep(slot, holds, settled=fs_clock(tmp_path))
    assert set(known) == {"wishes", "wishes/a", "wishes/b", "care", "care/wishes", "care/wishes/a", "media", "media/p"}
    hand(slot)
    sweep(slot, holds, known)
    left = _entries(slot)
    assert not left & set(gone)
    assert left >= {rel for rel in SITE if not rel.startswith(tuple(gone))} | {MANIFEST}


def test_a_file_replaced_or_edited_by_hand_is_made_again(tmp_path: Path) -> None:
    slot = tmp_path / "slot"
    holds = _slot(slot)
    stats = {rel: ((slot / rel).stat().st_size, (slot / rel).stat().st_mtime_ns) for rel in SITE}
    time.sleep(TICK)
    known = sweep(slot, holds, settled=fs_clock(tmp_path))
    time.sleep(0.02)  # past a clock tick: the hand's file gets another mtime
    replacement = slot / "wishes/a/.new"
    replacement.write_bytes(b"A")  # same size, other bytes, put in place by a rename
    os.replace(replacement, slot / "wishes/a/index.html")
    with open(slot / "wishes/b/index.html", "ab") as handle:  # written into: the folder does not change
        handle.write(b"!")
    sweep(slot, holds, known)
    assembly = Assembly(slot, holds, slot / "live", {}, stats, {})
    assert not assembly.reuse("wishes/a/index.html", holds["wishes/a/index.html"])
    assert not assembly.reuse("wishes/b/index.html", holds["wishes/b/index.html"])
    assert assembly.reuse("index.html", holds["index.html"])


def test_a_folder_known_clean_is_not_listed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slot = tmp_path / "slot"
    holds = _slot(slot)
    time.sleep(TICK)
    known = sweep(slot, holds, settled=fs_clock(tmp_path))
    listed: list[str] = []
    scandir = os.scandir

    def counting(path: str) -> object:
        listed.append(os.path.relpath(path, slot))
        return scandir(path)

    monkeypatch.setattr(slots.os, "scandir", counting)
    assert sweep(slot, holds, known) == known
    assert listed == ["."]  # the slot's own folder only: a swap renames it, so it is always listed
    (slot / "wishes/a/evil.html").write_text("x")
    listed.clear()
    sweep(slot, holds, known)
    assert listed == [".", "wishes/a"]


def test_a_folder_changed_in_the_clock_s_present_is_not_recorded(tmp_path: Path) -> None:
    slot = tmp_path / "slot"
    holds = _slot(slot)
    time.sleep(TICK)
    (slot / "wishes/a/x").write_text("x")
    (slot / "wishes/a/x").unlink()
    settled = (slot / "wishes/a").stat().st_ctime_ns  # as if the clock were read in the tick of its last change
    assert set(sweep(slot, holds, settled=settled)) == {"wishes", "wishes/b", "care", "care/wishes", "care/wishes/a",
                                                        "media", "media/p"}
    assert sweep(slot, holds, settled=0) == {}


def test_a_manifest_edited_by_hand_makes_the_record_untrusted(tmp_path: Path) -> None:
    out, cache = tmp_path / "output", tmp_path / "cache"
    shadow = cache / "shadow"
    holds = _slot(shadow)
    left = {rel: (0, 0) for rel in [*SITE, MANIFEST]}
    time.sleep(TICK)
    known = sweep(shadow, holds, settled=fs_clock(cache))
    manifest = (shadow / MANIFEST).read_text("utf-8")  # a hand drops a line: a build not making the file
    (shadow / MANIFEST).write_text(manifest.replace(f"{holds['wishes/b/index.html']}  wishes/b/index.html\n", ""),
                                   "utf-8")  # would neither reuse nor prune it, and its folder is known clean
    stage, found = Slots(out, cache).prepare(known, left)
    assert "wishes/b/index.html" not in found and not (stage / "wishes/b/index.html").exists()


def test_a_record_is_trusted_for_the_slot_it_describes(tmp_path: Path) -> None:
    out, cache = tmp_path / "output", tmp_path / "cache"
    holds = _slot(cache / "shadow")
    time.sleep(TICK)
    known = sweep(cache / "shadow", holds, settled=fs_clock(cache))
    slots_ = Slots(out, cache)
    slots_.prepare(known, {rel: (0, 0) for rel in [*SITE, MANIFEST]})
    assert slots_.dirs == known


def _manifest_line_break(f: Path) -> None:
    text = (f / MANIFEST).read_text("utf-8")
    (f / MANIFEST).write_text(text.replace("  wishes/a/index.html", "  wishes/a/index.html\u2028x"), "utf-8")


# what happens to a slot's manifest between two reads → whether the second read may reuse the first parse
MANIFEST_EDITS: list[tuple[str, Callable[[Path], object], bool]] = [
    ("nothing", lambda f: None, True),
    ("rewritten with the same bytes", lambda f: (f / MANIFEST).write_bytes((f / MANIFEST).read_bytes()), True),
    ("a line removed by hand", lambda f: (f / MANIFEST).write_text(
        "".join((f / MANIFEST).read_text("utf-8").splitlines(keepends=True)[1:]), "utf-8"), False),
    ("a sha changed by hand", lambda f: (f / MANIFEST).write_bytes(b"0" + (f / MANIFEST).read_bytes()[1:]), False),
    ("a line break that is no newline", _manifest_line_break, False),
    ("deleted", lambda f: (f / MANIFEST).unlink(), False),
    ("not UTF-8", lambda f: (f / MANIFEST).write_bytes(b"\xff" + (f / MANIFEST).read_bytes()), False),
]


@pytest.mark.parametrize(("hand", "same"), [(h, s) for _, h, s in MANIFEST_EDITS], ids=[n for n, _, _ in MANIFEST_EDITS])
def test_a_manifest_read_again_equals_a_fresh_parse(tmp_path: Path, hand: Callable[[Path], object], same: bool) -> None:
    slot = tmp_path / "slot"
    _slot(slot)
    manifests = slots.Manifests()
    first = manifests.read(slot)
    assert first == slots.read_manifest(slot) and manifests.tree(first) == slots.folder_tree(first)
    hand(slot)
    again = manifests.read(slot)
    assert again == slots.read_manifest(slot) and manifests.tree(again) == slots.folder_tree(again)
    assert (again is first) == same


@pytest.mark.parametrize("extra", [{}, {"wishes/c\u2028d/index.html": "0" * 64}, {"wishes/c\rd/index.html": "1" * 64}],
                         ids=["plain paths", "a path with a line separator", "a path with a carriage return"])
def test_a_manifest_remembered_as_written_equals_its_parse(tmp_path: Path, extra: dict[str, str]) -> None:
    holds = {**_slot(tmp_path / "slot"), **extra}
    assembly = Assembly(tmp_path / "stage", {}, tmp_path / "out", {}, {}, {})
    assembly.files = dict(holds)
    data = assembly.manifest()
    (tmp_path / "stage").mkdir()
    (tmp_path / "stage" / MANIFEST).write_bytes(data)
    manifests = slots.Manifests()
    manifests.remember(data, {**holds, MANIFEST: "f" * 64})
    remembered = manifests.parsed[0][1] if manifests.parsed else None
    read = manifests.read(tmp_path / "stage")
    assert read == slots.read_manifest(tmp_path / "stage")
    assert (read is remembered) == (not extra)  # taken as written only when each file is one line


def test_manifests_are_never_pickled() -> None:
    import pickle

    manifests = slots.Manifests()
    manifests.remember(b"", {})
    assert manifests.parsed and pickle.loads(pickle.dumps(manifests)).parsed == []


BEFORE = {"index.html": "a", "wishes/x/index.html": "b", "wishes/y/index.html": "c", "media/p.jpg": "d"}
TREE_EDITS = {  # the paths of the next site → whether the memo's tree is the one derived before
    "same paths, other contents": ({**BEFORE, "index.html": "z"}, True),
    "a page added": ({**BEFORE, "wishes/z/index.html": "e"}, False),
    "a page removed": ({k: v for k, v in BEFORE.items() if k != "wishes/y/index.html"}, False),
    "a page renamed": ({**{k: v for k, v in BEFORE.items() if k != "media/p.jpg"}, "media/q.jpg": "d"}, False),
    "a folder emptied": ({"index.html": "a", "media/p.jpg": "d"}, False),
}


@pytest.mark.parametrize("top", [(MANIFEST,), ()])
@pytest.mark.parametrize("name", TREE_EDITS)
def test_a_tree_taken_again_equals_one_derived_afresh(name: str, top: tuple[str, ...]) -> None:
    after, same = TREE_EDITS[name]
    manifests = slots.Manifests()
    first = manifests.tree(dict(BEFORE), top)
    again = manifests.tree(dict(after), top)
    assert again == slots.folder_tree(after, top)
    assert (again is first) == same
    assert manifests.tree(dict(after), () if top else (MANIFEST,)) == slots.folder_tree(after, () if top else (MANIFEST,))
