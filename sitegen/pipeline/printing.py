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

import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.model.records import Model
from sitegen.pipeline import workers
from sitegen.pipeline.cache import BuildCache, PageEntry
from sitegen.pipeline.fingerprint import fingerprint
from sitegen.render.images import Photo
from sitegen.render.posters import PosterPlanner
from sitegen.render.views import PageSpec
from sitegen.write.leaks import Leak, LeakScanner
from sitegen.write.printfolder import PrintSlot, link_or_copy

Tick = Callable[[str, int, int], None]
_REFERENCE: Final = re.compile(r'(?:src|href)="([^"#?:]+)"')
_KEY: Final = "@print:"


@dataclass
class Published:
    """What the published stage holds: the print folder takes unchanged files from it."""

    stage: Path
    files: dict[str, str]  # output path → sha256
    prints: dict[str, str]  # poster URL → fingerprint of the published poster
    assets: tuple[str, ...]  # the theme's static files


@dataclass
class PrintResult:
    slot: PrintSlot
    leaks: list[Leak] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # print folder path → sha256


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class _Filler:
    """Fill the print stage: from the published stage, from the last print folder, or made anew."""

    def __init__(self, stage: Path, old: Path, published: Published, cache: BuildCache) -> None:
        self.stage, self.old, self.published, self.cache = stage, old, published, cache
        self.files: dict[str, str] = {}
        self.from_old: list[str] = []  # files kept from the last print folder (scanned again)

    def from_published(self, rel: str) -> bool:
        sha = self.published.files.get(rel)
        if sha is None:
            return False
        link_or_copy(self.published.stage / rel, self.stage / rel)
        self.files[rel] = sha
        return True

    def from_last(self, key: str, digest: str) -> bool:
        entry = self.cache.pages.get(key)
        if entry is None or entry.fingerprint != digest:
            return False
        for rel in entry.files:
            if _stat(self.old / rel) is None or _stat(self.old / rel) != self.cache.print_stats.get(rel):
                return False
        for rel, sha in entry.files.items():
            link_or_copy(self.old / rel, self.stage / rel)
            self.files[rel] = sha
            self.from_old.append(rel)
        return True


def build_print_folder(model: Model, labels: Mapping[str, str], photos: Mapping[PurePosixPath, Photo], job: workers.Job, slot: PrintSlot,
                       published: Published, print_of: Callable[[PageSpec], str], cache: BuildCache,
                       pdf: bool, jobs: int, tick: Tick) -> PrintResult:
    """Stage the print folder (swapped in later by the caller, with the output); leaks are returned."""
    stage = slot.prepare()
    filler = _Filler(stage, slot.folder, published, cache)
    specs = list(PosterPlanner(model, labels, photos, printed=True).plan())
    todo: list[int] = []
    entries: dict[str, PageEntry] = {}
    for index, spec in enumerate(specs):
        digest, rel = print_of(spec), spec.url + "index.html"
        entries[_KEY + spec.url] = PageEntry(digest, {})
        if published.prints.get(spec.url) == digest and filler.from_published(rel):
            entries[_KEY + spec.url].files = {rel: published.files[rel]}
        elif filler.from_last(_KEY + spec.url, digest):
            entries[_KEY + spec.url].files = dict(cache.pages[_KEY + spec.url].files)
        else:
            todo.append(index)
    scanner = LeakScanner(model.secrets, printed=True)
    result = PrintResult(slot)
    print_job = workers.Job(job.renderer, specs, [], job.content, stage, scanner)
    for index, files, found, _ in workers.run(print_job, "render", todo, jobs, lambda d, t: tick("print", d, t)):
        entries[_KEY + specs[index].url].files = files
        filler.files.update(files)
        result.leaks += found
    for rel in filler.from_old:  # what the secrets were then is not known here: scan again, they are few
        leak = scanner.scan(rel, (stage / rel).read_bytes())
        if leak is not None:
            result.leaks.append(leak)
    _link_resources(specs, filler, published)
    if pdf:
        _pdfs(specs, print_job, filler, published, entries, cache, jobs, tick)
    cache.pages = {k: v for k, v in cache.pages.items() if not k.startswith(_KEY)} | entries
    cache.print_stats = {rel: st for rel in filler.files if (st := _stat(stage / rel)) is not None}
    result.files = filler.files
    return result


def _link_resources(specs: list[PageSpec], filler: _Filler, published: Published) -> None:
    """The theme's static files and every photo a poster shows, from the published stage.

    A poster's photos are read from its HTML (a site's own theme may show others), once per
    version of the file: remembered by its sha256 in the cache.
    """
    for rel in published.assets:
        filler.from_published(rel)
    known = filler.cache.print_photos
    seen: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        page = spec.url + "index.html"
        sha = filler.files.get(page, "")
        photos = known.get(sha)
        if photos is None:
            html = (filler.stage / page).read_text("utf-8")
            targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), h)) for h in _REFERENCE.findall(html)}
            photos = tuple(sorted(t for t in targets if t.startswith("media/")))
        seen[sha] = photos
        for rel in photos:
            if rel not in filler.files:
                filler.from_published(rel)
    filler.cache.print_photos = seen


def _pdfs(specs: list[PageSpec], job: workers.Job, filler: _Filler, published: Published,
          entries: dict[str, PageEntry], cache: BuildCache, jobs: int, tick: Tick) -> None:
    """Each poster's PDF (the published one where the poster is the same file), then one per paper."""
    from sitegen.render.pdf import combine, pdf_name

    todo: list[tuple[str, str]] = []
    by_paper: dict[str, list[str]] = {}
    for spec in (s for s in specs if s.poster):
        page, name = spec.url + "index.html", pdf_name(spec.url)
        html = filler.files.get(page, "")
        by_paper.setdefault(str(spec.paper), []).append(name)
        key = _KEY + "pdf:" + spec.url
        entries[key] = PageEntry(html, {})
        if html == published.files.get(page) and filler.from_published(name):
            entries[key].files = {name: published.files[name]}
        elif filler.from_last(key, html):
            entries[key].files = dict(cache.pages[key].files)
        else:
            todo.append((spec.url, name))
    job.pdfs = todo
    for index, files, _, _ in workers.run(job, "pdf", list(range(len(todo))), jobs, lambda d, t: tick("pdf", d, t)):
        entries[_KEY + "pdf:" + todo[index][0]].files = files
        filler.files.update(files)
    for paper, names in sorted(by_paper.items()):
        rel = f"posters/pdf/all-{paper}.pdf"
        digest = fingerprint([filler.files[n] for n in names], {})
        key = _KEY + rel
        entries[key] = PageEntry(digest, {})
        if all(filler.files[n] == published.files.get(n) for n in names) and filler.from_published(rel):
            entries[key].files = {rel: published.files[rel]}
        elif filler.from_last(key, digest):
            entries[key].files = dict(cache.pages[key].files)
        else:
            entries[key].files = {rel: workers.write_file(filler.stage, rel, combine([filler.stage / n for n in names]))}
            filler.files.update(entries[key].files)
