"""The product engine: every file a build writes is a product, and one loop decides, for each,
whether it is kept from an earlier build or made again.

A product has a typed key (`Key`: a `Kind` and its URL or path), a fingerprint of everything its
bytes depend on, and a way to make it: on the workers (`OnWorkers`: render a page or poster,
resize a photo, lay out a PDF) or here (`Local`: a function returning path → bytes, for feeds,
the search index, theme files, combined PDFs, print-folder copies). `Engine.settle` keeps a
product whose fingerprint matches the cache entry of its key and whose files its `Shelf` can
still put in place; it makes the rest, scans what it made here for private data (the workers
scan what they render), and records an entry per product for the next build.

Products come in waves (`Engine.settle` once per wave) because some fingerprints are the results
of an earlier wave: a PDF's is its poster's HTML, a combined PDF's its posters' PDFs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, NamedTuple, Protocol, TypeVar

from sitegen.pipeline import workers
from sitegen.pipeline.cache import PageEntry
from sitegen.write.assembly import Assembly
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.printfolder import PrintAssembly


class Kind(Enum):
    """What a product is; the cache keys its entries by (kind, name)."""

    PAGE = "page"  # a web page in every tree it has (standard, 繁體, elder mode): name is its URL
    POSTER = "poster"  # a published poster page: name is its URL
    PHOTO = "photo"  # every size of one photo: name is the photo's content path
    ASSET = "asset"  # a theme's static file: name is its output path
    FEED = "feed"  # feed.xml, sitemap.xml, activities.ics, robots.txt: name is the path
    SEARCH = "search"  # the search index's files, one product: name is ""
    PDF = "pdf"  # one poster's PDF: name is the poster's URL
    COMBINED_PDF = "combined-pdf"  # every poster of one paper size in one PDF: name is the path
    PRINTED_POSTER = "printed-poster"  # a poster in the print folder: name is its URL
    PRINTED_PDF = "printed-pdf"  # its PDF in the print folder: name is the poster's URL
    PRINTED_COMBINED_PDF = "printed-combined-pdf"  # name is the path
    PRINTED_COPY = "printed-copy"  # a published file a poster uses (style sheet, photo): name is the path

    # Hashed as the object it is, in C: every build looks up a key per product (36,000 at 10,000
    # generated records), and Enum's own __hash__ is a Python call. Members are singletons
    # (pickled by name), compared by identity, so equal keys still hash alike.
    __hash__ = object.__hash__


# Which product a cache entry belongs to: (kind, URL or path). A plain tuple, not a class: the cache
# holds one per page, and a tuple is unpickled four times faster than a frozen dataclass.
Key = tuple[Kind, str]


class OnWorkers(NamedTuple):
    """Made on the workers: `task` ("render", "photo" or "pdf", pipeline/workers.py) of item `item`
    of the job's list; the worker writes the files itself.

    A named tuple, as Product: one is made per page every build, and a frozen dataclass's
    __init__ (object.__setattr__ per field) costs three times as much."""

    task: str
    item: int  # not `index`: a tuple's method


Local = Callable[[], dict[str, bytes]]  # output path → bytes, made in this process and written by the shelf


class Product(NamedTuple):
    """One output of the build: its key, a digest of every input its bytes depend on, and its maker.

    `twin` (print folder only): (fingerprint, path) of the published file that is this product when
    the fingerprints are equal, so it is linked instead of made. `fresh`: made even when its entry
    matches (a combined PDF after any of its PDFs was laid out again). Immutable and made at C
    speed: every build lists a product per page, poster and photo, and one per printed poster
    (24,682 and 11,666 at 10,000 generated records).
    """

    key: Key
    fingerprint: str
    make: OnWorkers | Local
    twin: tuple[str | None, str] | None = None
    fresh: bool = False


class _Stage(Protocol):
    """What a shelf writes made files through: write.assembly.Assembly or write.printfolder.PrintAssembly."""

    def write(self, rel: str, data: bytes, sha: str | None = None) -> str:
        """Write one file into the stage; its sha256 (`sha` when the caller took it)."""

    def add(self, files: dict[str, str]) -> None:
        """Record files the workers wrote into the stage."""


_StageT = TypeVar("_StageT", bound=_Stage)


class Shelf(_Stage, Protocol):
    """Where products go: the published stage (write.assembly.Assembly) or the print stage."""

    def keep(self, product: Product, entry: PageEntry | None) -> dict[str, str] | None:
        """The files (path → sha256) of `product` put in place unchanged, or None: make it."""


@dataclass
class Settled:
    """What one wave made (kept products are not in it): made here first, then on the workers, task by task."""

    made: dict[Key, dict[str, str]] = field(default_factory=dict)  # key → path → sha256 ({} when it failed)


class Engine:
    """Keep or make products into one shelf; `entries` is what this build recorded (see settle)."""

    def __init__(self, previous: dict[Key, PageEntry], shelf: Shelf, scanner: LeakScanner, job: workers.Job,
                 jobs: int, tick: Callable[[str, int, int], None]) -> None:
        self.previous, self.shelf, self.scanner, self.job = previous, shelf, scanner, job
        self.jobs, self.tick = jobs, tick
        self.entries: dict[Key, PageEntry] = {}
        self.leaks: list[Leak] = []

    def settle(self, products: Sequence[Product], stage: str) -> Settled:
        """Keep what can be kept, make the rest (progress reported as `stage`), record every entry."""
        todo: list[Product] = []
        keep, previous, entries = self.shelf.keep, self.previous, self.entries
        for product in products:
            entry = previous.get(product.key)
            files = None if product.fresh else keep(product, entry)
            if files is None:
                todo.append(product)
            elif entry is not None and files is entry.files and entry.fingerprint == product.fingerprint:
                entries[product.key] = entry  # kept as recorded: the same entry again
            else:
                entries[product.key] = PageEntry(product.fingerprint, files)
        self._published(todo)
        settled = Settled()
        for product in todo:
            if not isinstance(product.make, OnWorkers):
                settled.made[product.key] = self._make_here(product.make)
        tasks = sorted({p.make.task for p in todo if isinstance(p.make, OnWorkers)})
        for task in tasks:
            self._make_on_workers(task, [p for p in todo if isinstance(p.make, OnWorkers) and p.make.task == task],
                                  stage, settled)
        for product in todo:
            self.entries[product.key] = PageEntry(product.fingerprint, settled.made[product.key])
        return settled

    def _published(self, todo: list[Product]) -> None:
        """Tell the scanner what the last build published of each product about to be made again: found
        clean then, a file made with the same bytes is not scanned again (write/leaks.py LeakScanner.scan)."""
        known = self.scanner.published
        if known is not None:
            for product in todo:
                if (entry := self.previous.get(product.key)) is not None:
                    known.update(entry.files)

    def _make_here(self, make: Local) -> dict[str, str]:
        files = {}
        for rel, data in make().items():
            sha = hashlib.sha256(data).hexdigest()
            if (leak := self.scanner.scan(rel, data, sha)) is not None:
                self.leaks.append(leak)
            files[rel] = self.shelf.write(rel, data, sha)
        return files

    def _make_on_workers(self, task: str, products: list[Product], stage: str, settled: Settled) -> None:
        by_index = {p.make.item: p for p in products if isinstance(p.make, OnWorkers)}
        for index, files, found, codes in workers.run(self.job, task, list(by_index), self.jobs,
                                                      lambda d, t: self.tick(stage, d, t)):
            settled.made[by_index[index].key] = files
            self.shelf.add(files)
            self.leaks += found
            if self.job.renderer is not None:  # new QR matrices made in the workers, kept for the next build
                self.job.renderer.codes.add(codes)


def kept_entries(*engines: Engine) -> dict[Key, PageEntry]:
    """The cache's product entries after a build: exactly what its engines recorded."""
    entries: dict[Key, PageEntry] = {}
    for engine in engines:
        entries.update(engine.entries)
    return entries


class _StageShelf(Generic[_StageT]):
    """A shelf's writing half, the same for both stages: made files go straight into the assembly."""

    def __init__(self, assembly: _StageT) -> None:
        self.assembly = assembly

    def write(self, rel: str, data: bytes, sha: str | None = None) -> str:
        """Write one made file into the stage; its sha256 (`sha` when the caller took it)."""
        return self.assembly.write(rel, data, sha)

    def add(self, files: dict[str, str]) -> None:
        """Files the workers wrote into the stage."""
        self.assembly.add(files)


class PublishedShelf(_StageShelf[Assembly]):
    """The published stage: a product is kept when its entry matches and every file is still in
    the shadow or the live output as the last build left it (write.assembly.Assembly.reuse)."""

    def keep(self, product: Product, entry: PageEntry | None) -> dict[str, str] | None:
        """The entry's files when the fingerprint matches and all of them could be kept."""
        if entry is None or entry.fingerprint != product.fingerprint or not self.assembly.reuse_all(entry.files):
            return None
        return entry.files


class PrintShelf(_StageShelf[PrintAssembly]):
    """The print stage: a product is the published file when its twin matches (linked from the
    published stage), else kept from the last print folder when its entry matches, else made."""

    def keep(self, product: Product, entry: PageEntry | None) -> dict[str, str] | None:
        """The files put in place from the published stage or the last print folder, or None."""
        if product.twin is not None:
            twin, rel = product.twin
            if twin == product.fingerprint and self.assembly.from_published(rel):
                return {rel: self.assembly.files[rel]}
        if entry is not None and entry.fingerprint == product.fingerprint and self.assembly.from_last(entry.files):
            return dict(entry.files)
        return None
