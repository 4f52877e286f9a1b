"""Make the planned site: every output is a product (pipeline/products.py), kept from the last
build or made again into the shadow copy; scan it; stage the print folder; swap both in.

Only products whose fingerprint changed are made; everything else is kept from the shadow or
hard-linked from the live output. The result is the same bytes a cold build would write.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sitegen.errors import ContentInvalid, Problem
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.pipeline import workers
from sitegen.pipeline.cache import BuildCache, cache_dir
from sitegen.pipeline.fingerprint import fingerprint
from sitegen.pipeline.photos import damaged_photos, plan_photos
from sitegen.pipeline.printing import PrintResult, Published, build_print_folder
from sitegen.pipeline.replan import Replanner
from sitegen.pipeline.themememo import kept_theme
from sitegen.pipeline.products import Engine, Kind, PublishedShelf, kept_entries
from sitegen.pipeline.published import (Plan, asset_products, by_paper, combined_products, feed_products,
                                        fingerprints, page_products, pdf_jobs, pdf_products, photo_products,
                                        search_product)
from sitegen.render.pages import Planner
from sitegen.render.posters import PosterPlanner
from sitegen.render.site import CARE, WITH_MIRROR, Renderer
from sitegen.render.theme import ThemeFault
from sitegen.render.urls import absolute_all
from sitegen.write.assembly import Assembly, stats_of
from sitegen.write.folderwatch import FolderWatch
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.printfolder import PrintSlot, print_folder
from sitegen.write.sameness import holds_as
from sitegen.write.slots import MANIFEST, Slots, renewed

Tick = Callable[[str, int, int], None]


class LeaksFound(Exception):
    """The new site held private data; output/ was left as it was."""

    def __init__(self, leaks: list[Leak]) -> None:
        self.leaks = leaks
        super().__init__(f"{len(leaks)} leaks")


def theme_folder(content: Path, model: Model, given: Path | None = None) -> tuple[Path | None, str]:
    """The site's own theme and how problems name it: `--theme DIR` as given (the user chose it),
    else site.yaml's `theme`, which must stay inside the site's folder tree (the content folder and
    the folder holding it), as content files must; a link out of it is refused too."""
    if given is not None:
        return given, str(given)
    if model.site.theme is None:
        return None, ""
    theme = model.site.theme
    site_yaml = PurePosixPath("site.yaml")
    tree = content.resolve().parent
    if theme.is_absolute():
        raise ContentInvalid([Problem(site_yaml, None, "site.theme_outside", {"path": str(theme)})])
    if ".." in theme.parts and not content.joinpath(*theme.parts).resolve().is_relative_to(tree):
        raise ContentInvalid([Problem(site_yaml, None, "site.theme_outside", {"path": str(theme)})])
    for base in (content, content.parent):  # `../brand` beside the content folder is in the tree; `../../x` is not
        candidate = base.joinpath(*theme.parts)
        if candidate.is_dir():
            try:
                inside = candidate.resolve().is_relative_to(tree)
            except (OSError, RuntimeError):
                inside = False
            if not inside:
                raise ContentInvalid([Problem(site_yaml, None, "site.theme_outside", {"path": str(theme)})])
            return candidate, os.path.relpath(candidate, content).replace(os.sep, "/")
    raise ContentInvalid([Problem(site_yaml, None, "site.theme_missing", {"path": str(theme)})])


@dataclass
class Outcome:
    pages: int = 0
    copies: int = 0  # the pages' HTML files in every tree (standard, 长辈版, 繁體): what output/ holds of them
    trees: int = 1  # the trees a page with copies has: 2 (长辈版) or 4 (长辈版, 繁體 and both)
    posters: int = 0
    photos: int = 0
    files: int = 0
    rendered: int = 0
    same: bool = False  # the output and the print folder hold what the last build left, file for file
    timings: dict[str, float] = field(default_factory=dict)


class _Laps:
    """Seconds spent per step of write_site (`build --verbose` shows them)."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings, self.clock = timings, time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.clock
        self.clock = now


def plan_site(model: Model, content: Path, options: Options, cache: BuildCache) -> Plan:
    """The theme, the photos, every page and poster and their fingerprints; ContentInvalid for a
    theme or a photo at fault."""
    # The last build's theme when none of its files changed (pipeline/themememo.py kept_theme).
    theme, theme_problems = kept_theme(model.site.language, *theme_folder(content, model, options.theme), cache.plans)
    if theme_problems:
        raise ContentInvalid(theme_problems)
    photos, problems = plan_photos(model, content, cache.photos, cache.plans.photos)
    if problems:
        raise ContentInvalid(problems)
    labels = theme.labels
    planner = Planner(model, labels, photos, cache.levels, cache.summaries)
    posters = PosterPlanner(model, labels, photos, fits=cache.fits)
    if options.pages_only:
        specs = [dataclasses.replace(s, variants=False) for s in planner.plan() if not s.poster]
        print_of = fingerprints(model, theme, {})
        return Plan(theme, {}, specs, [print_of(spec) for spec in specs], print_of)
    if not cache.plans.wanted:  # nothing kept after this build: plan everything, key nothing
        specs = [*planner.plan(), *posters.plan()]
        print_of = fingerprints(model, theme, photos)
        return Plan(theme, photos, specs, [print_of(spec) for spec in specs], print_of)
    # Only what changed since the last plan is planned and digested again (pipeline/replan.py).
    planned = Replanner(model, theme, photos, cache.plans, planner, posters, (cache.summaries, cache.fits)).plan()
    return Plan(theme, photos, planned.specs, planned.prints, planned.print_of, planned.reused)


def _secrets(model: Model) -> str:
    """A digest of the private data files are scanned against: when it changes, kept files are scanned again."""
    return fingerprint(sorted(model.secrets.names) + sorted(model.secrets.web_hidden_phones)
                       + ["|"] + sorted(model.secrets.poster_hidden_phones), {})


def write_site(model: Model, content: Path, out: Path, options: Options, progress: Tick | None,
               cache: BuildCache, watch: FolderWatch | None = None, compare: bool = False) -> Outcome:
    """Make the published site and the print folder as products, then swap both in; `watch` (serve:
    write/folderwatch.py) spares the sweeps of both shadows a stat of each quiet folder. `compare`:
    set `Outcome.same` (a walk of both live folders, and a read of each file not linked: asked only
    by a build that cannot know otherwise, pipeline/__init__.py).

    Raises ContentInvalid (a theme fault, a damaged photo) or LeaksFound; either way output/ and
    the print folder are left as they were.
    """
    outcome = Outcome()
    lap = _Laps(outcome.timings)
    plan = plan_site(model, content, options, cache)
    lap("plan")
    secrets = _secrets(model)  # once: files kept from builds scanned against other secrets are scanned again
    rescan = cache.secrets != secrets
    scanner = LeakScanner(model.secrets, clean=cache.scanned)
    scanner.published = None if rescan else {}  # the last build's files, found clean under these secrets
    slots = Slots(out, cache_dir(out, options.cache_folder), cache.manifests)
    live = slots.live_manifest()
    stage, holds = slots.prepare(cache.shadow_dirs, cache.shadow_stats, watch)
    assembly = Assembly(stage, holds, out, live, cache.shadow_stats, cache.live_stats)
    # The renderer holds the known QR matrices (cache.qr): workers inherit them, an unchanged code is never re-made.
    job = workers.Job(Renderer(model, plan.theme, plan.photos, cache.qr), plan.specs, list(plan.photos.values()), content,
                      stage, scanner)
    engine = Engine(cache.pages, PublishedShelf(assembly), scanner, job, options.workers(),
                    progress or (lambda stage, done, total: None))
    lap("prepare")
    try:
        outcome.rendered = _publish(model, plan, engine, assembly, cache, options, lap, rescan)
        printed = None if options.pages_only else _print(model, plan, engine, assembly, cache, options, out, rescan,
                                                         watch)
    except ThemeFault as fault:
        raise ContentInvalid([fault.problem()]) from None
    lap("print")
    outcome.same = compare and _same(out, assembly, live, printed)
    _swap(model, plan, slots, assembly, printed, engine, cache, secrets, options.use_cache, watch)
    lap("swap")
    outcome.pages = sum(1 for s in plan.specs if not s.poster)
    outcome.trees = len(WITH_MIRROR if model.site.traditional_mirror else CARE)
    outcome.copies = sum(outcome.trees if s.variants else 1 for s in plan.specs if not s.poster)
    outcome.posters = sum(1 for s in plan.specs if s.poster)
    outcome.photos = len(plan.photos)
    outcome.files = len(assembly.files)
    return outcome


def _publish(model: Model, plan: Plan, engine: Engine, assembly: Assembly, cache: BuildCache, options: Options,
             lap: _Laps, rescan: bool) -> int:
    """The published site into the stage, wave by wave; how many pages and posters were rendered.

    Pages and posters first (what they show decides everything else), then photos, then the files
    listing them, then the scan of kept files, then PDFs (laid out from the finished posters).
    """
    rendered = len(engine.settle(page_products(plan), "render").made)
    lap("render")
    photos = list(plan.photos.values())
    made = engine.settle(photo_products(photos), "photos").made
    damaged = [p.source for p in photos if (Kind.PHOTO, str(p.source)) in made
               and not made[(Kind.PHOTO, str(p.source))]]
    if damaged:
        raise ContentInvalid(damaged_photos(model, damaged, engine.job.content))
    lap("photos")
    labels = plan.theme.labels
    files = asset_products(plan.theme)
    if not options.pages_only:
        files += [*feed_products(model, labels, plan.specs, cache), search_product(model, labels, cache)]
    engine.settle(files, "write")
    if rescan:  # new private data: files kept from earlier builds are scanned again
        for rel in assembly.kept:
            if (leak := engine.scanner.scan(rel, (assembly.stage / rel).read_bytes())) is not None:
                engine.leaks.append(leak)
    if engine.leaks:
        raise LeaksFound(engine.leaks)
    lap("write")
    if options.pdf:
        jobs = engine.job.pdfs = pdf_jobs(plan.specs)
        laid_out = engine.settle(pdf_products(jobs, Kind.PDF, assembly.files.get), "pdf").made
        engine.settle(combined_products(by_paper(plan.specs, jobs), Kind.COMBINED_PDF, assembly.stage,
                                        assembly.files, bool(laid_out)), "pdf")
        lap("pdf")
    return rendered


def _print(model: Model, plan: Plan, engine: Engine, assembly: Assembly, cache: BuildCache, options: Options,
           out: Path, rescan: bool, watch: FolderWatch | None = None) -> PrintResult:
    """Stage the print folder (swapped in with the output); LeaksFound when it holds what paper may not."""
    printing = PrintSlot(print_folder(out, options.print_to), cache_dir(out, options.cache_folder))
    try:
        published = Published(assembly.stage, assembly.files, engine.entries,
                              tuple(a.url for a in plan.theme.assets.values()))
        made = build_print_folder(model, plan, engine.job, printing, published, cache, options.pdf,
                                  options.workers(), engine.tick, rescan, watch)
    except BaseException:
        printing.abandon()
        raise
    if made.leaks:
        printing.abandon()
        raise LeaksFound(made.leaks)
    return made


def _same(out: Path, assembly: Assembly, live: dict[str, str], printed: PrintResult | None) -> bool:
    """Whether the output and the print folder about to be swapped in hold what the live ones hold, file
    for file and nothing more (write/sameness.py holds_as): a file the build kept is a link of the
    live one or read back, as is each file written anew; a hand's stray file, deleted file or deleted
    print folder is a change the swap makes, so not the same. The manifests are compared first: a
    build that changed the site reads nothing."""
    if assembly.files != live or not holds_as(out, assembly.stage, assembly.files, frozenset({MANIFEST})):
        return False
    if printed is None:
        return True
    return printed.slot.stage is not None and holds_as(printed.slot.folder, printed.slot.stage, printed.files)


def _mirrored(slots: Slots, assembly: Assembly, made: bool, printed: PrintResult | None, printed_made: bool,
              cache: BuildCache, watch: FolderWatch | None) -> None:
    """After the swap: the build that made the output, or wrote most of it anew (write/slots.py
    renewed), leaves a shadow of it (hard links) for the next one, and the print folder likewise."""
    out_dirs = (slots.mirror(assembly.files, _shared(assembly.files, assembly.live), watch)
                if made or renewed(assembly.written(), len(assembly.files)) else None)
    if out_dirs is not None:
        cache.shadow_dirs, cache.live_dirs = out_dirs
    # build_print_folder moved the old print folder's files to print_shadow_files, as the swap did the folder
    print_dirs = (printed.slot.mirror(cache.print_files, _shared(cache.print_files, cache.print_shadow_files), watch)
                  if printed is not None and (printed_made or renewed(printed.written, len(printed.files))) else None)
    # The links changed the ctime of every file they link (the print folder's link published files
    # too): the stats are read once both copies are made.
    if out_dirs is not None:
        cache.live_stats = stats_of(slots.out, assembly.files)
        cache.shadow_stats = dict(cache.live_stats)
    if print_dirs is not None and printed is not None:
        cache.print_stats = stats_of(printed.slot.folder, cache.print_files)
        cache.print_shadow_files, cache.print_shadow_stats = dict(cache.print_files), dict(cache.print_stats)
        cache.print_shadow_dirs, cache.print_dirs = print_dirs


def _shared(new: dict[str, str], old: dict[str, str]) -> list[str]:
    """The paths of `new` (path → sha256) with the same file in `old`: kept, so hard links of one file."""
    return [rel for rel, sha in new.items() if old.get(rel) == sha]


def _swap(model: Model, plan: Plan, slots: Slots, assembly: Assembly, printed: PrintResult | None, engine: Engine,
          cache: BuildCache, secrets: str, mirror: bool = False, watch: FolderWatch | None = None) -> None:
    """Seal the stage, swap it (and the print folder) in, and remember what the next build reuses."""
    stats = assembly.seal(slots.manifests.paths.order)
    slots.manifests.remember(assembly.sealed, assembly.files)  # the shadow's manifest two builds on
    made = slots.commit()
    printed_made = printed.slot.commit() if printed is not None else False
    cache.shadow_stats, cache.live_stats = cache.live_stats, stats  # the old output is the shadow now
    cache.shadow_dirs, cache.live_dirs = cache.live_dirs, slots.dirs
    if mirror:
        _mirrored(slots, assembly, made, printed, printed_made, cache, watch)
    cache.secrets = secrets
    cache.summaries = cache.summaries.settled()
    cache.fits = cache.fits.settled()
    cache.qr.keep(absolute_all(model.site.base_url, [s.url for s in plan.specs if not s.poster]))
    cache.pages = kept_entries(engine, *([printed.engine] if printed is not None else []))
