"""What a rebuild under `serve` takes from the last build instead of doing again gives the cold bytes.

Each row is a step between two saves: an edit of the content, or a hand in the output, its shadow
or the print folder. The steps run in order under one kept Memory, as `serve` runs them; after each,
the output and the print folder are byte for byte what a cold `--no-cache` build makes. The rows
reach what a rebuild skips: the manifest's order kept or patched (write/pathorder.py PathOrder.order:
the search index's files renamed, a record added or removed, an edit undone), the feed's newest
records taken once for its fingerprint and its making (pipeline/published.py feed_products: an
activity the feed lists edited, so the feed is made again), the search index's names taken once (a
record's text changed, a label not), the search index's digest written without a second sha256
(write/assembly.py write_file).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, tree_bytes
from tests.pipeline.test_unchanged import _same_size_time_back
from tests.support.cold import ColdBuilds

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402

SHADOW = ".output.sitegen-cache/shadow"


def _records(content: Path, kind: str) -> list[Path]:
    return sorted((content / kind).iterdir())


def _append_to(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, encoding="utf-8")


def _newest_activity(content: Path) -> Path:
    """The generator's last activity (act-NNNNN, in the feed at 40 records)."""
    return _records(content, "activities")[-1]


def _page(out: Path) -> Path:
    return sorted(out.rglob("index.html"))[len(list(out.rglob("index.html"))) // 2]


def _add_many(content: Path, count: int) -> None:
    for n in range(count):
        text = ADDED.replace("新增议题", f"新增议题{n}").replace("新的背景", f"新的背景{n}")
        (content / "deliberations" / f"zz-many-{n:03d}.md").write_text(text, encoding="utf-8")


ADDED = "---\ntitle: 新增议题\nraised_on: 2026-01-05\nstatus: proposed\n---\n新的背景。\n"

# (what happens between two saves, the step) — run in this order under one Memory
STEPS: list[tuple[str, Callable[[Path, Path], object]]] = [
    ("an old activity's text edited", lambda c, o: _append_to(_records(c, "activities")[0], "\n第一次修改。\n")),
    ("the newest activity's text edited", lambda c, o: _append_to(_newest_activity(c), "\n最新的修改。\n")),
    ("the same activity edited again", lambda c, o: _append_to(_newest_activity(c), "\n再改一次。\n")),
    ("a deliberation added", lambda c, o: (c / "deliberations" / "zz-new-one.md").write_text(ADDED, encoding="utf-8")),
    ("a wish deleted", lambda c, o: _records(c, "wishes")[0].unlink()),
    ("the added deliberation deleted again", lambda c, o: (c / "deliberations" / "zz-new-one.md").unlink()),
    ("a page in output/ written in place by hand", lambda c, o: _same_size_time_back(_page(o))),
    ("a file added by hand to a folder of the shadow", lambda c, o: (_page(o.parent / SHADOW).parent / "x.html")
     .write_text("x", encoding="utf-8")),
    ("the search index in the shadow written in place, and a record edited",
     lambda c, o: (_same_size_time_back(next((o.parent / SHADOW / "static").glob("search-index.*.js"))),
                   _append_to(_records(c, "activities")[1], "\n又一次。\n"))),
    ("a poster in the print folder written in place", lambda c, o: _same_size_time_back(
        sorted(print_folder(o).rglob("index.html"))[0])),
    ("the manifest of output/ written to by hand", lambda c, o: _append_to(o / "manifest.sha256", "0  spam\n")),
    # i-break10 (held): more paths than PathOrder patches, renames to either end of the order, hands in
    # the manifest's order, the search files and the feed
    ("70 deliberations added at once", lambda c, o: _add_many(c, 70)),
    ("the 70 deleted at once", lambda c, o: [p.unlink() for p in (c / "deliberations").glob("zz-many-*.md")]),
    ("a wish renamed to sort first", lambda c, o: _records(c, "wishes")[-1].rename(c / "wishes" / "000-first.md")),
    ("that wish renamed to sort last", lambda c, o: (c / "wishes" / "000-first.md").rename(c / "wishes" / "zzzz-last.md")),
    ("the manifest of output/ put in reverse order by hand", lambda c, o: (o / "manifest.sha256").write_text(
        "".join((o / "manifest.sha256").read_text("utf-8").splitlines(True)[::-1]), encoding="utf-8")),
    ("the search files deleted from output/", lambda c, o: [p.unlink() for p in (o / "static").glob("search*")]),
    ("feed.xml in output/ written in place by hand", lambda c, o: _same_size_time_back(o / "feed.xml")),
    # (serve's folder watch, write/folderwatch.py) the sweeps skip folders no one touched since: a hand in a
    # folder of output/ (the shadow after the next swap), of the print folder, a folder replaced in the shadow
    ("a file added by hand to a page's folder of output/", lambda c, o: (_page(o).parent / "x.html")
     .write_text("x", encoding="utf-8")),
    ("nothing, once: that output/ is the shadow now", lambda c, o: None),
    ("a file added by hand to a poster's folder of the print folder", lambda c, o: (
        sorted(print_folder(o).rglob("index.html"))[-1].parent / "x.html").write_text("x", encoding="utf-8")),
    ("nothing, once: that print folder is the print shadow now", lambda c, o: None),
    ("a page's folder of the shadow replaced by a copy holding one more file",
     lambda c, o: _replace_folder(_page(o.parent / SHADOW).parent, o.parent / "away-1")),
    ("nothing, once: that shadow is output/ now", lambda c, o: None),
    ("the folder above pages of the shadow replaced by a copy holding one more file in each",
     lambda c, o: _replace_folder(_deep_page(o.parent / SHADOW).parent.parent, o.parent / "away-2")),
    # a page kept unstat'ed while its watch is quiet: written into through a link a hand made outside
    ("a hard link to a page of output/ made outside it", lambda c, o: os.link(_deep_page(o), o.parent / "outside.html")),
    ("nothing, once more", lambda c, o: None),
    ("nothing, a third time: every kept file quiet", lambda c, o: None),
    ("that page written in place through the outside link", lambda c, o: _same_size_time_back(o.parent / "outside.html")),
    ("nothing", lambda c, o: None),
]


def _deep_page(out: Path) -> Path:
    """A page three folders down (zh-hant/activities/act-NNNNN/index.html): its folder's parent is no top folder."""
    pages = sorted(p for p in out.rglob("index.html") if len(p.relative_to(out).parts) >= 4)
    return pages[len(pages) // 2]


def _replace_folder(folder: Path, away: Path) -> None:
    """`folder` moved to `away` (its folders live on, unchanged) and a copy of it, one more file in
    each folder below, put in its place."""
    copy = folder.with_name(folder.name + ".copy")
    shutil.copytree(folder, copy)
    for below in [copy, *(p for p in copy.rglob("*") if p.is_dir())]:
        (below / "x.html").write_text("x", encoding="utf-8")
    folder.rename(away)
    copy.rename(folder)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Memory]:
    tmp = tmp_path_factory.mktemp("serve-skips")
    content = generate(tmp / "gen", 40).content
    out, memory = tmp / "output", Memory()
    pipeline.build(content, out, Options(now=NOW, use_cache=True, jobs=1), memory=memory)
    return content, out, memory


def _cold(content: Path, cold_builds: ColdBuilds) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The bytes of a cold `--no-cache` build of `content` as it is now: made once a session for each
    content state (tests/support/cold.py). A step that changes only output/, its shadow or the print
    folder leaves the content as the step before left it, and its cold build is that step's."""
    out = cold_builds.out(content, Options(now=NOW, use_cache=False, jobs=1))
    return tree_bytes(out), tree_bytes(print_folder(out))


@pytest.mark.slow
def test_a_serve_rebuild_gives_the_cold_bytes(served: tuple[Path, Path, Memory], cold_builds: ColdBuilds) -> None:
    """Every step of STEPS in its order, each followed by a rebuild under the one Memory that must give a
    cold build's bytes. One test, not a row per step: a step builds on the ones before it ("that wish",
    "the outside link"), and `pytest -n 2` would hand rows to two processes, each with a Memory of its own."""
    content, out, memory = served
    for step, act in STEPS:
        act(content, out)
        pipeline.build(content, out, Options(now=NOW, use_cache=True, jobs=2), memory=memory)
        assert memory.cache is not None, step  # still served from the kept memory
        site, printed = _cold(content, cold_builds)
        assert tree_bytes(out) == site, step
        assert tree_bytes(print_folder(out)) == printed, step


def test_a_page_written_through_a_mapping_a_hand_holds_is_made_again(tmp_path: Path, cold_builds: ColdBuilds) -> None:
    """i-break12 (broke): a kept page was trusted unstat'ed while its inotify watch stayed quiet, and a
    write through a shared writable mapping (mmap) is no event: the rebuild published the hand's bytes.
    No file is read between the rebuilds here (a read is an event, and would hide it)."""
    import mmap

    content = generate(tmp_path / "gen", 40).content
    out, memory = tmp_path / "output", Memory()

    def rebuild() -> None:
        pipeline.build(content, out, Options(now=NOW, use_cache=True, jobs=1), memory=memory)

    rebuild()
    with open(_deep_page(out), "r+b") as handle:  # the page is one inode with the shadow's copy
        mapped = mmap.mmap(handle.fileno(), 0)
    for _ in range(3):  # both slots' files found as recorded since their watches were added
        rebuild()
    mapped[-2] ^= 1
    mapped.flush()
    rebuild()
    try:
        site, printed = _cold(content, cold_builds)
        assert tree_bytes(out) == site and tree_bytes(print_folder(out)) == printed
    finally:
        mapped.close()  # after the comparison: closing Python's mapping closes a file, an event


def test_serve_without_inotify_stats_everything_and_gives_the_cold_bytes(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           cold_builds: ColdBuilds) -> None:
    """i-break12 (held): no inotify (another system, the user's instances used up): every folder is stat'ed."""
    import sitegen.write.folderwatch as folderwatch

    monkeypatch.setattr(folderwatch, "_inotify", lambda: None)
    content = generate(tmp_path / "gen", 40).content
    out, memory = tmp_path / "output", Memory()
    hands = [lambda: None, lambda: (_deep_page(out).parent / "x.html").write_text("x", encoding="utf-8"),
             lambda: (_deep_page(out.parent / SHADOW).parent / "y.html").write_text("y", encoding="utf-8"),
             lambda: _same_size_time_back(_deep_page(out)), lambda: None]
    site, printed = _cold(content, cold_builds)  # the content never changes here
    for hand in hands:
        hand()
        pipeline.build(content, out, Options(now=NOW, use_cache=True, jobs=1), memory=memory)
        assert memory.watch is not None and not memory.watch.works
        assert tree_bytes(out) == site and tree_bytes(print_folder(out)) == printed
