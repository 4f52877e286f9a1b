"""The print folder's contents: every poster as show_phone allows on paper, for the copy shop.

The published posters (under the output folder) show phones as the web does. The print folder
(write/printfolder.py) holds the whole poster set again with the same paths, so every relative
link and every QR code works the same: a poster that shows nothing the web hides is the
published file, hard-linked; the others (a disclosure under show_phone: poster, a board listing
one) are rendered here. The style sheets and the photos the posters use are linked in too, so
the folder opens from file:// and can be carried to a copy shop alone. With --pdf it also holds
each poster's PDF and one combined PDF per paper size.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sitegen.load.files import KINDS
from sitegen.model.records import Disclosure, Model, Record
from sitegen.pipeline import workers
from sitegen.pipeline.cache import BuildCache, PageEntry
from sitegen.pipeline.fingerprint import fingerprint
from sitegen.pipeline.products import Engine, Key, Kind, OnWorkers, PrintShelf, Product
from sitegen.pipeline.published import by_paper, combined_products, pdf_jobs, pdf_products
from sitegen.pipeline.printedslots import PrintedSlots
from sitegen.render.posters import PosterPlanner
from sitegen.render.views import PageSpec
from sitegen.write.folderwatch import FolderWatch
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.printfolder import PrintAssembly, PrintSlot

if TYPE_CHECKING:
    from sitegen.pipeline.published import Plan

Tick = Callable[[str, int, int], None]
_REFERENCE: Final = re.compile(r'(?:src|href)="([^"#?:]+)"')


@dataclass
class Published:
    """What the published stage holds: the print folder takes unchanged files from it."""

    stage: Path
    files: dict[str, str]  # output path → sha256
    entries: dict[Key, PageEntry]  # the published products of this build (a poster's fingerprint)
    assets: tuple[str, ...]  # the theme's static files


@dataclass
class PrintResult:
    slot: PrintSlot
    engine: Engine  # its entries are the print folder's products, for the cache
    leaks: list[Leak] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # print folder path → sha256
    written: int = 0  # files linked or written into the stage by this build (the rest were kept)


def build_print_folder(model: Model, plan: Plan, job: workers.Job, slot: PrintSlot, published: Published,
                       cache: BuildCache, pdf: bool, jobs: int, tick: Tick, rescan: bool = True,
                       watch: FolderWatch | None = None) -> PrintResult:
    """Stage the print folder (swapped in later by the caller, with the output); leaks are returned.

    `rescan`: the private data changed since the last build, so files kept from the last print
    folder are scanned again (they were scanned clean against the old data when they were made).
    `watch` (serve): the print shadow's sweep skips quiet folders (write/folderwatch.py).
    """
    stage, holds = slot.prepare(cache.print_shadow_files, cache.print_shadow_dirs, cache.print_shadow_stats,
                                cache.manifests, watch)
    assembly = PrintAssembly(stage, slot.folder, published.stage, published.files, cache.print_stats, holds,
                             cache.print_shadow_stats)
    specs, digests = _printed_plan(model, plan, cache)
    scanner = LeakScanner(model.secrets, printed=True)
    engine = Engine(cache.pages, PrintShelf(assembly), scanner,
                    workers.Job(job.renderer, specs, [], job.content, stage, scanner), jobs, tick)
    engine.settle(_posters(specs, digests, plan, published), "print")
    for rel in assembly.from_old if rescan else ():
        if (leak := scanner.scan(rel, (stage / rel).read_bytes())) is not None:
            engine.leaks.append(leak)
    engine.settle(_copies(specs, assembly, published, cache), "print")
    if pdf:
        _pdfs(specs, engine, assembly, published)
    assembly.prune()
    # After the swap the print folder of this build is live and the last one is the shadow.
    kept = stage == slot.shadow and slot.folder.exists()
    cache.print_shadow_files, cache.print_shadow_stats = (cache.print_files, cache.print_stats) if kept else ({}, {})
    cache.print_shadow_dirs, cache.print_dirs = (cache.print_dirs if kept else {}), slot.dirs
    cache.print_files, cache.print_stats = dict(assembly.files), assembly.final_stats()
    return PrintResult(slot, engine, engine.leaks, assembly.files, assembly.touched)


class _PrintedPlanner(PosterPlanner):
    """The print folder's posters. A record's poster shows a phone only on a disclosure: any other
    is planned exactly as published (`printed` changes how a person shows, nothing else), so the
    published plan's spec is taken as it is, neither fitted to the sheet nor digested again."""

    def __init__(self, model: Model, plan: Plan, cache: BuildCache) -> None:
        super().__init__(model, plan.theme.labels, plan.photos, printed=True, fits=cache.fits)
        self.published = {spec.url: spec for spec in plan.specs if spec.poster}

    def record_poster(self, record: Record) -> PageSpec:
        """The published spec of a record that is no disclosure; a disclosure planned for paper."""
        if not isinstance(record, Disclosure) and (spec := self.published.get(f"posters/{record.url}")) is not None:
            return spec
        return super().record_poster(record)


def _printed_plan(model: Model, plan: Plan, cache: BuildCache) -> tuple[list[PageSpec], list[str | None]]:
    """The print folder's posters in PosterPlanner.plan's order, each with its fingerprint where the
    memo of a serve-like build gave it (pipeline/printedslots.py PrintedSlots), else None.

    A record's poster shows a phone only on a disclosure: the others are the published specs.
    """
    planner = _PrintedPlanner(model, plan, cache)
    # a build that keyed its published slots (one with a cache) keys these by them: under serve they are
    # taken whole, from the cache files (the CLI) their fingerprints alone (PlanMemo.__getstate__)
    if not cache.plans.wanted or not cache.plans.slots:
        specs = list(planner.plan())
        return specs, [None] * len(specs)
    memo = PrintedSlots(cache.plans, plan.print_of, (cache.summaries, cache.fits))
    records = [record for kind in KINDS for record in model.of_kind(kind)]
    posters: list[tuple[PageSpec, str | None]] = []
    for record in records:
        if isinstance(record, Disclosure):
            (spec,), (digest,) = memo.slot(f"poster:{record.url}", partial(_one_poster, planner, record))
            posters.append((spec, digest))
        else:
            posters.append((planner.record_poster(record), None))
    boards = memo.slot("boards", planner.boards)
    wall = planner.wall()
    listed = [spec for spec, _ in posters] + [*boards[0], wall]
    (index,), (index_digest,) = memo.slot("posters", lambda: [planner.index(records, listed)])
    memo.done()
    return ([index, *listed], [index_digest, *(d for _, d in posters), *boards[1], None])


def _one_poster(planner: _PrintedPlanner, record: Record) -> list[PageSpec]:
    return [planner.record_poster(record)]


def _posters(specs: list[PageSpec], digests: list[str | None], plan: Plan, published: Published) -> list[Product]:
    """Every poster as paper shows it; the published poster itself where it shows the same.

    A printed poster planned exactly as its published one (every poster but those showing a phone
    paper may show) has the published fingerprint: it is taken from the plan, not digested again;
    one whose fingerprint the memo gave (`digests`) is not digested again either.
    """
    planned = {spec.url: (spec, digest) for spec, digest in zip(plan.specs, plan.prints, strict=True) if spec.poster}
    products = []
    for index, (spec, given) in enumerate(zip(specs, digests, strict=True)):
        twin = published.entries.get((Kind.POSTER, spec.url))
        same = planned.get(spec.url)
        # the published spec itself (every poster but a person's) is not compared field by field
        digest = given if given is not None else (
            same[1] if same is not None and (same[0] is spec or same[0] == spec) else plan.print_of(spec))
        products.append(Product((Kind.PRINTED_POSTER, spec.url), digest, OnWorkers("render", index),
                                (twin.fingerprint if twin else None, spec.url + "index.html")))
    return products


def _copy(source: Path, rel: str) -> Callable[[], dict[str, bytes]]:
    return lambda: {rel: (source / rel).read_bytes()}


def _copies(specs: list[PageSpec], assembly: PrintAssembly, published: Published,
            cache: BuildCache) -> list[Product]:
    """The theme's static files and every photo a poster shows, linked from the published stage.

    A poster's photos are read from its HTML (a site's own theme may show others), once per
    version of the file: remembered by its sha256 in the cache.
    """
    wanted = dict.fromkeys(published.assets)
    seen: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        page = spec.url + "index.html"
        sha = assembly.files.get(page, "")
        photos = cache.print_photos.get(sha)
        if photos is None:
            html = (assembly.stage / page).read_text("utf-8")
            targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), h)) for h in _REFERENCE.findall(html)}
            photos = tuple(sorted(t for t in targets if t.startswith("media/")))
        seen[sha] = photos
        wanted.update(dict.fromkeys(photos))
    cache.print_photos = seen
    return [Product((Kind.PRINTED_COPY, rel), published.files[rel], _copy(published.stage, rel),
                    (published.files[rel], rel)) for rel in wanted if rel in published.files]


def _pdfs(specs: Sequence[PageSpec], engine: Engine, assembly: PrintAssembly, published: Published) -> None:
    """Each poster's PDF (the published one where the poster is the same file), then one per paper."""
    jobs = engine.job.pdfs = pdf_jobs(specs)
    engine.settle(pdf_products(jobs, Kind.PRINTED_PDF, assembly.files.get, published.files.get), "pdf")

    def twin(names: list[str]) -> str:
        return fingerprint([published.files.get(n) for n in names], {})

    engine.settle(combined_products(by_paper(specs, jobs), Kind.PRINTED_COMBINED_PDF, assembly.stage,
                                    assembly.files, False, twin), "pdf")
