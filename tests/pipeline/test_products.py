"""The product engine: one loop keeps or makes every output, and the cache holds typed keys only."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.model.records import Secrets
from sitegen.options import Options
from sitegen import pipeline
from sitegen.pipeline.cache import BuildCache, PageEntry
from sitegen.pipeline.products import Engine, Key, Kind, PrintShelf, Product, PublishedShelf
from sitegen.pipeline.workers import Job
from sitegen.write.assembly import Assembly
from sitegen.write.leaks import LeakScanner
from sitegen.write.printfolder import PrintAssembly
from tests.conftest import DEMO, NOW

KEY = (Kind.FEED, "feed.xml")


class FakeShelf:
    """A published stage that can keep what `keepable` names, and remembers what was written."""

    def __init__(self, keepable: bool) -> None:
        self.keepable = keepable
        self.written: dict[str, bytes] = {}

    def keep(self, product: Product, entry: PageEntry | None) -> dict[str, str] | None:
        if entry is None or entry.fingerprint != product.fingerprint or not self.keepable:
            return None
        return entry.files

    def write(self, rel: str, data: bytes, sha: str | None = None) -> str:
        self.written[rel] = data
        return "sha-of-" + data.decode()

    def add(self, files: dict[str, str]) -> None:
        raise AssertionError("no worker products here")


def _engine(previous: dict[Key, PageEntry], shelf: FakeShelf, names: frozenset[str] = frozenset()) -> Engine:
    scanner = LeakScanner(Secrets(names=names))
    job = Job(None, [], [], Path("."), Path("."), scanner)
    return Engine(previous, shelf, scanner, job, 1, lambda stage, done, total: None)


# (the last build's entry, whether its files are still in place, the product's fingerprint, fresh) → made again?
CASES = [
    ("no entry: a new product", None, True, "a", False, True),
    ("same fingerprint, files in place", PageEntry("a", {"feed.xml": "old"}), True, "a", False, False),
    ("same fingerprint, a file deleted or edited by hand", PageEntry("a", {"feed.xml": "old"}), False, "a", False, True),
    ("what it depends on changed", PageEntry("a", {"feed.xml": "old"}), True, "b", False, True),
    ("fresh: made even when unchanged", PageEntry("a", {"feed.xml": "old"}), True, "a", True, True),
]


@pytest.mark.parametrize(("entry", "keepable", "fingerprint", "fresh", "made"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_one_loop_keeps_or_makes(entry: PageEntry | None, keepable: bool, fingerprint: str, fresh: bool,
                                 made: bool) -> None:
    shelf = FakeShelf(keepable)
    engine = _engine({KEY: entry} if entry else {}, shelf)
    product = Product(KEY, fingerprint, lambda: {"feed.xml": b"new"}, fresh=fresh)
    settled = engine.settle([product], "write")
    assert (KEY in settled.made) is made
    assert shelf.written == ({"feed.xml": b"new"} if made else {})
    expected = {"feed.xml": "sha-of-new"} if made else {"feed.xml": "old"}
    assert engine.entries == {KEY: PageEntry(fingerprint, expected)}  # recorded either way, for the next build


def test_what_is_made_here_is_scanned() -> None:
    engine = _engine({}, FakeShelf(True), frozenset({"张三丰"}))
    engine.settle([Product(KEY, "a", lambda: {"feed.xml": "<p>张三丰</p>".encode()})], "write")
    assert [leak.path for leak in engine.leaks] == ["feed.xml"]


# Print folder: (published twin's fingerprint, last print entry, its file still as left) → where the file comes from
PRINT_CASES = [
    ("the published poster shows the same", "p", None, False, "published"),
    ("published differs, last print folder has it", "x", PageEntry("p", {"a.html": "old-sha"}), True, "last"),
    ("last print folder's file was touched", "x", PageEntry("p", {"a.html": "old-sha"}), False, "made"),
    ("nothing to take", None, None, False, "made"),
]


@pytest.mark.parametrize(("twin", "entry", "intact", "source"), [c[1:] for c in PRINT_CASES],
                         ids=[c[0] for c in PRINT_CASES])
def test_print_shelf_takes_the_published_file_then_the_last_one(tmp_path: Path, twin: str | None,
                                                                entry: PageEntry | None, intact: bool,
                                                                source: str) -> None:
    published, old, stage = tmp_path / "published", tmp_path / "old", tmp_path / "stage"
    for folder, text in ((published, "published"), (old, "last")):
        folder.mkdir()
        (folder / "a.html").write_text(text)
    stage.mkdir()
    st = (old / "a.html").stat()
    stats = {"a.html": (st.st_size, st.st_mtime_ns if intact else 1)}
    shelf = PrintShelf(PrintAssembly(stage, old, published, {"a.html": "pub-sha"}, stats))
    product = Product((Kind.PRINTED_POSTER, "a/"), "p", lambda: {"a.html": b"made"}, (twin, "a.html"))
    kept = shelf.keep(product, entry)
    assert kept == {"published": {"a.html": "pub-sha"}, "last": {"a.html": "old-sha"}, "made": None}[source]
    if kept is not None:
        assert (stage / "a.html").read_text() == source


def test_the_cache_holds_typed_product_keys_only(tmp_path: Path) -> None:
    out = tmp_path / "output"
    pipeline.build(DEMO, out, Options(now=NOW, jobs=1))
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW, jobs=1)))
    assert cache.pages and all(isinstance(kind, Kind) and isinstance(name, str) for kind, name in cache.pages)
    kinds = {kind for kind, _ in cache.pages}
    assert kinds == {Kind.PAGE, Kind.POSTER, Kind.PHOTO, Kind.ASSET, Kind.FEED, Kind.SEARCH, Kind.PRINTED_POSTER,
                     Kind.PRINTED_COPY}  # PDFs only with --pdf (tests/browser)
    again = pipeline.build(DEMO, out, Options(now=NOW, jobs=1, use_cache=True))
    assert again.unchanged


def _published_shelf(tmp: Path) -> PublishedShelf:
    return PublishedShelf(Assembly(tmp / "stage", {}, tmp / "out", {}, {}, {}))


def _print_shelf(tmp: Path) -> PrintShelf:
    return PrintShelf(PrintAssembly(tmp / "stage", tmp / "old", tmp / "published", {}, {}))


# Both shelves write through their stage the same way (one _StageShelf): (shelf, path, bytes, the worker's files)
SHELVES = [
    ("published", _published_shelf, "a/index.html", "页面".encode(), {"b/index.html": "sha-b"}),
    ("print", _print_shelf, "posters/a/index.html", b"<html>", {"posters/b/index.html": "sha-b"}),
]


@pytest.mark.parametrize(("make_shelf", "rel", "data", "added"), [c[1:] for c in SHELVES], ids=[c[0] for c in SHELVES])
def test_a_shelf_writes_into_its_stage(tmp_path: Path, make_shelf: Callable[[Path], PublishedShelf | PrintShelf],
                                       rel: str, data: bytes, added: dict[str, str]) -> None:
    shelf = make_shelf(tmp_path)
    sha = shelf.write(rel, data)
    shelf.add(added)
    assert sha == hashlib.sha256(data).hexdigest()
    assert (tmp_path / "stage" / rel).read_bytes() == data
    assert shelf.assembly.files == {rel: sha, **added}
