"""Render the planned site into the shadow copy, scan it, and swap it in.

Only pages whose fingerprint changed are rendered; everything else is kept from the shadow or
hard-linked from the live output. The result is the same bytes a cold build would write.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sitegen.errors import ContentInvalid, Problem
from sitegen.model.records import Model
from sitegen.options import Options
from sitegen.pipeline import workers
from sitegen.pipeline.cache import BuildCache, PageEntry, cache_dir
from sitegen.pipeline.fingerprint import Fingerprinter, fingerprint
from sitegen.pipeline.photos import damaged_photos, plan_photos
from sitegen.pipeline.printing import Published, build_print_folder
from sitegen.render import qr, search
from sitegen.render.builtin import feeds
from sitegen.render.pages import Planner
from sitegen.render.posters import PosterPlanner
from sitegen.render.site import Renderer
from sitegen.render.theme import Theme, ThemeFault
from sitegen.render.urls import absolute
from sitegen.render.views import PageSpec
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.printfolder import PrintSlot, print_folder
from sitegen.write.slots import MANIFEST, Slots, remove_empty_parents
from sitegen.write.stage import UnsafePath
from sitegen.load.files import KINDS

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
    posters: int = 0
    photos: int = 0
    files: int = 0
    rendered: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def _stat(path: Path) -> tuple[int, int] | None:
    """(size, mtime) of a regular file; None for anything else (gone, a link, a pipe)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None


class Assembly:
    """The new site as a map of output path → sha256, filled into the stage with the least work.

    A file is kept from the shadow, or linked from the live output, only when its manifest entry
    matches and the file is still as the build that made it left it (size and mtime).
    """

    def __init__(self, stage: Path, holds: dict[str, str], out: Path, live: dict[str, str],
                 cache: BuildCache) -> None:
        self.stage, self.holds, self.out, self.live = stage, holds, out, live
        self.shadow_stats, self.live_stats = cache.shadow_stats, cache.live_stats
        self.files: dict[str, str] = {}
        self.stats: dict[str, tuple[int, int]] = {}
        self.kept: list[str] = []  # paths not produced this time (scanned when the private data changed)

    def reuse(self, rel: str, sha: str) -> bool:
        """True when the stage already holds this file or it could be linked from the live output."""
        _checked(rel)
        if self.holds.get(rel) == sha:
            found = _stat(self.stage / rel)
            if found is not None and found == self.shadow_stats.get(rel):
                self.files[rel], self.stats[rel] = sha, found
                self.kept.append(rel)
                return True
        if self.live.get(rel) == sha:
            source, target = self.out / rel, self.stage / rel
            found = _stat(source)
            if found is None or found != self.live_stats.get(rel):
                return False
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{target.name}.link")
                os.link(source, temp)
                os.replace(temp, target)
            except OSError:
                return False
            self.files[rel], self.stats[rel] = sha, found
            self.kept.append(rel)
            return True
        return False

    def final_stats(self) -> dict[str, tuple[int, int]]:
        """(size, mtime) of every file of the new site: remembered for the next build's reuse."""
        for rel in self.files.keys() - self.stats.keys():
            found = _stat(self.stage / rel)
            if found is not None:
                self.stats[rel] = found
        return self.stats

    def write(self, rel: str, data: bytes) -> str:
        _checked(rel)
        sha = hashlib.sha256(data).hexdigest()
        if not self.reuse(rel, sha):
            self.files[rel] = workers.write_file(self.stage, rel, data)
        return sha

    def prune(self) -> None:
        """Delete what the shadow held and the new site does not (a removed record's pages)."""
        for rel in self.holds.keys() - self.files.keys():
            (self.stage / rel).unlink(missing_ok=True)
            remove_empty_parents(self.stage, rel)

    def manifest(self) -> bytes:
        return "".join(f"{sha}  {rel}\n" for rel, sha in sorted(self.files.items()) if rel != MANIFEST).encode()


def _checked(rel: str) -> None:
    parts = PurePosixPath(rel).parts
    if not parts or rel.startswith("/") or ".." in parts or "\\" in rel or ":" in rel:
        raise UnsafePath(rel)


def write_site(model: Model, content: Path, out: Path, options: Options, progress: Tick | None,
               cache: BuildCache) -> Outcome:
    outcome = Outcome()
    tick: Tick = progress or (lambda stage, done, total: None)
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        outcome.timings[name] = outcome.timings.get(name, 0.0) + now - clock
        clock = now

    theme = Theme.load(model.site.language, *theme_folder(content, model, options.theme))
    if theme_problems := theme.problems():
        raise ContentInvalid(theme_problems)
    photos, problems = plan_photos(model, content, cache.photos)
    if problems:
        raise ContentInvalid(problems)
    labels = theme.labels
    specs = [*Planner(model, labels, photos).plan(), *PosterPlanner(model, labels, photos).plan()]
    if options.pages_only:
        specs = [dataclasses.replace(s, variants=False) for s in specs if not s.poster]
        photos = {}
    lap("plan")

    qr.seed(cache.qr)  # workers inherit the known QR matrices: an unchanged code is never re-made
    base = (theme.base_digest, model.site.digest, fingerprint(model.pages, photos), str(model.site.traditional_mirror))
    printer = Fingerprinter(photos)
    # The date a page shows is in its fingerprint: the site's date (its fallback) is kept out of the
    # site digest, so a newer record re-renders only the pages that show the site's date.
    def print_of(spec: PageSpec) -> str:
        return printer.of(spec, theme.template_digest(spec.template), *base, repr(spec.updated or model.site.updated))

    prints = [print_of(spec) for spec in specs]
    scanner = LeakScanner(model.secrets)
    secrets = fingerprint(sorted(model.secrets.names) + sorted(model.secrets.web_hidden_phones)
                          + ["|"] + sorted(model.secrets.poster_hidden_phones), {})
    slots = Slots(out, cache_dir(out, options.cache_folder))
    live = slots.live_manifest()
    stage, holds = slots.prepare()
    assembly = Assembly(stage, holds, out, live, cache)
    lap("prepare")

    todo = []
    for index, spec in enumerate(specs):
        entry = cache.pages.get(spec.url)
        if entry is None or entry.fingerprint != prints[index] or not all(
                assembly.reuse(rel, sha) for rel, sha in entry.files.items()):
            todo.append(index)
    lap("reuse")
    job = workers.Job(Renderer(model, theme, photos), specs, list(photos.values()), content, stage, scanner)
    leaks: list[Leak] = []
    try:
        for index, files, found, codes in workers.run(job, "render", todo, options.workers(),
                                                      lambda d, t: tick("render", d, t)):
            cache.pages[specs[index].url] = PageEntry(prints[index], files)
            assembly.files.update(files)
            leaks += found
            qr.seed(codes)
    except ThemeFault as fault:
        raise ContentInvalid([fault.problem()]) from None
    outcome.rendered = len(todo)
    lap("render")

    photo_list = list(photos.values())
    missing = [i for i, photo in enumerate(photo_list)
               if not all(_known(assembly, v.url) for v in photo.variants)]
    damaged = []
    for index, files, _, _ in workers.run(job, "photo", missing, options.workers(), lambda d, t: tick("photos", d, t)):
        if not files:
            damaged.append(photo_list[index].source)
        assembly.files.update(files)
    if damaged:
        raise ContentInvalid(damaged_photos(model, damaged))
    lap("photos")

    for asset in theme.assets.values():  # a theme's files are published too: scanned like pages
        if (leak := scanner.scan(asset.url, asset.data)) is not None:
            leaks.append(leak)
        assembly.write(asset.url, asset.data)
    if not options.pages_only:
        leaks += _builtins(model, labels, specs, prints, cache, assembly, scanner)
        leaks += _search_index(model, labels, cache, assembly, scanner)
    if cache.secrets != secrets:  # new private data: files kept from earlier builds are scanned again
        for rel in assembly.kept:
            leak = scanner.scan(rel, (stage / rel).read_bytes())
            if leak is not None:
                leaks.append(leak)
    if leaks:
        raise LeaksFound(leaks)
    lap("write")

    if options.pdf:
        _pdfs(specs, job, options.workers(), cache, assembly, tick)
        lap("pdf")
    printing = None if options.pages_only else PrintSlot(print_folder(out, options.print_to), cache_dir(out, options.cache_folder))
    if printing is not None:  # staged now, swapped in with the output below
        try:
            published = Published(stage, assembly.files, {s.url: p for s, p in zip(specs, prints, strict=True)},
                                  tuple(a.url for a in theme.assets.values()))
            made = build_print_folder(model, labels, photos, job, printing, published, print_of, cache,
                                      options.pdf, options.workers(), tick)
        except BaseException:
            printing.abandon()
            raise
        if made.leaks:
            printing.abandon()
            raise LeaksFound(made.leaks)
        lap("print")
    assembly.prune()
    assembly.files[MANIFEST] = workers.write_file(stage, MANIFEST, assembly.manifest())
    stats = dict(assembly.final_stats())
    slots.commit()
    if printing is not None:
        printing.commit()
    cache.shadow_stats, cache.live_stats = cache.live_stats, stats  # the old output is the shadow now
    cache.secrets = secrets
    targets = {absolute(model.site.base_url, s.url) for s in specs if not s.poster}  # what a code can point at
    cache.qr = {text: code for text, code in qr.known().items() if text in targets}
    known = {spec.url for spec in specs}
    cache.pages = {url: entry for url, entry in cache.pages.items() if url in known or url.startswith("@")}
    lap("swap")
    outcome.pages = sum(1 for s in specs if not s.poster)
    outcome.posters = sum(1 for s in specs if s.poster)
    outcome.photos = len(photos)
    outcome.files = len(assembly.files)
    return outcome


def _known(assembly: Assembly, rel: str) -> bool:
    sha = assembly.holds.get(rel) or assembly.live.get(rel)
    return sha is not None and assembly.reuse(rel, sha)


def _builtins(model: Model, labels: dict[str, str], specs: list[PageSpec], prints: list[str],
              cache: BuildCache, assembly: Assembly, scanner: LeakScanner) -> list[Leak]:
    """Feed, sitemap, calendar and robots.txt: made again only when what they list changed, and
    scanned like every page when they are."""
    leaks: list[Leak] = []
    kinds = {k: labels[f"kind_{k}"] for k in KINDS}
    sitemap_urls = [(s.url, s.updated) for s in specs if not s.poster and not s.noindex]
    makers: dict[str, tuple[str, Callable[[], bytes]]] = {
        "feed.xml": (fingerprint([model.records(), kinds, model.site.digest, model.site.updated], {}),
                     lambda: feeds.atom_feed(model, kinds)),
        "sitemap.xml": (fingerprint([sitemap_urls, model.site.digest], {}), lambda: feeds.sitemap(model, sitemap_urls)),
        "activities.ics": (fingerprint([model.activities, model.site.digest], {}),
                           lambda: feeds.calendar(model, cache.events)),
        "robots.txt": (fingerprint([model.site.digest], {}), lambda: feeds.robots(model)),
    }
    for rel, (digest, make) in makers.items():
        entry = cache.pages.get("@" + rel)
        if entry is not None and entry.fingerprint == digest and all(assembly.reuse(p, s) for p, s in entry.files.items()):
            continue
        data = make()
        if (leak := scanner.scan(rel, data)) is not None:
            leaks.append(leak)
        sha = assembly.write(rel, data)
        cache.pages["@" + rel] = PageEntry(digest, {rel: sha})
    return leaks


def _search_index(model: Model, labels: dict[str, str], cache: BuildCache, assembly: Assembly,
                  scanner: LeakScanner) -> list[Leak]:
    """The search data files: made again only when a record or a label changed (their names say which)."""
    names = search.file_names(model, labels)
    entry = cache.pages.get("@search")
    if entry is not None and entry.fingerprint == repr(names) and all(assembly.reuse(p, s) for p, s in entry.files.items()):
        return []
    files = search.make_files(model, labels, cache.search)
    leaks = [leak for rel, data in files.items() if (leak := scanner.scan(rel, data)) is not None]
    cache.pages["@search"] = PageEntry(repr(names), {rel: assembly.write(rel, data) for rel, data in files.items()})
    return leaks


def _pdfs(specs: list[PageSpec], job: workers.Job, workers_count: int, cache: BuildCache, assembly: Assembly,
          tick: Tick) -> None:
    """Each poster's PDF again only when its HTML changed (laid out in the workers); combined files
    per paper are put together from those."""
    from sitegen.render.pdf import combine, pdf_name

    posters = [s for s in specs if s.poster]
    todo: list[tuple[str, str]] = []
    by_paper: dict[str, list[str]] = {}
    for spec in posters:
        html = assembly.files.get(spec.url + "index.html", "")
        name = pdf_name(spec.url)
        entry = cache.pages.get("@pdf:" + spec.url)
        if not (entry is not None and entry.fingerprint == html and all(assembly.reuse(p, s) for p, s in entry.files.items())):
            todo.append((spec.url, name))
        by_paper.setdefault(str(spec.data["paper"]), []).append(name)
    job.pdfs = todo
    for index, files, _, _ in workers.run(job, "pdf", list(range(len(todo))), workers_count,
                                          lambda d, t: tick("pdf", d, t)):
        url = todo[index][0]
        cache.pages["@pdf:" + url] = PageEntry(assembly.files.get(url + "index.html", ""), files)
        assembly.files.update(files)
    for paper, names in sorted(by_paper.items()):
        rel = f"posters/pdf/all-{paper}.pdf"
        digest = fingerprint([assembly.files[n] for n in names], {})
        entry = cache.pages.get("@" + rel)
        if not todo and entry is not None and entry.fingerprint == digest and all(
                assembly.reuse(p, s) for p, s in entry.files.items()):
            continue
        sha = assembly.write(rel, combine([job.stage / n for n in names]))
        cache.pages["@" + rel] = PageEntry(digest, {rel: sha})
