"""The products of the published site, wave by wave: each function lists one wave's products
(pipeline/products.py) with the fingerprint that decides whether it is made again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from sitegen.load.files import KINDS
from sitegen.model.names import name_finder
from sitegen.model.records import Model
from sitegen.pipeline.cache import BuildCache
from sitegen.pipeline.fingerprint import Fingerprinter, fingerprint
from sitegen.pipeline.products import Kind, OnWorkers, Product
from sitegen.render import search
from sitegen.render.builtin import feeds
from sitegen.render.images import Photo
from sitegen.render.theme import Theme
from sitegen.render.views import PageSpec


@dataclass(frozen=True, slots=True)
class Plan:
    """What the published site is made of: the theme, the photos, every page and poster in order,
    and each one's fingerprint (`prints[i]` belongs to `specs[i]`; `print_of` makes one)."""

    theme: Theme
    photos: dict[PurePosixPath, Photo]
    specs: list[PageSpec]
    prints: list[str]
    print_of: Callable[[PageSpec], str]
    reused: int = 0  # specs taken again from the last build's plan (pipeline/replan.py)


def site_base(model: Model, theme: Theme, photos: dict[PurePosixPath, Photo]) -> tuple[str, ...]:
    """What every page's fingerprint holds besides its spec: the theme's labels and assets, the site,
    the free pages (every page's navigation lists them), the 繁體 mirror setting, and the known names
    the theme's own text holds (Theme.text; a 繁體 page keeps each as typed, so a name becoming known or
    unknown changes the pages that show that label or literal: the records' names are in their digests)."""
    finder = name_finder(model.names) if model.site.traditional_mirror else None
    held = finder.held_by(theme.text) if finder is not None else ()
    return (theme.base_digest, model.site.digest, fingerprint(model.pages, photos), str(model.site.traditional_mirror),
            "\x1e".join(held))


def fingerprints(model: Model, theme: Theme, photos: dict[PurePosixPath, Photo],
                 base: tuple[str, ...] | None = None) -> Callable[[PageSpec], str]:
    """The function giving a page's or poster's fingerprint: its spec, its template, the theme, the
    site, the free pages, the photos, the 繁體 mirror setting and the date it shows (`base`: the
    site_base already taken)."""
    base = base if base is not None else site_base(model, theme, photos)
    printer = Fingerprinter(photos)

    # The date a page shows is in its fingerprint: the site's date (its fallback) is kept out of the
    # site digest, so a newer record re-renders only the pages that show the site's date.
    def print_of(spec: PageSpec) -> str:
        return printer.of(spec, theme.template_digest(spec.template), *base, repr(spec.updated or model.site.updated))

    return print_of


def page_products(plan: Plan) -> list[Product]:
    """Every page and poster, rendered on the workers (item i of the job's specs)."""
    return [Product((Kind.POSTER if spec.poster else Kind.PAGE, spec.url), plan.prints[index],
                    OnWorkers("render", index)) for index, spec in enumerate(plan.specs)]


def photo_products(photos: Sequence[Photo]) -> list[Product]:
    """Every size of every photo: the variants' names carry the photo's hash."""
    return [Product((Kind.PHOTO, str(photo.source)), fingerprint([photo.sha, [v.url for v in photo.variants]], {}),
                    OnWorkers("photo", index)) for index, photo in enumerate(photos)]


def _constant(rel: str, data: bytes) -> Callable[[], dict[str, bytes]]:
    return lambda: {rel: data}


def asset_products(theme: Theme) -> list[Product]:
    """A theme's static files are published too, and scanned like pages when written."""
    return [Product((Kind.ASSET, asset.url), hashlib.sha256(asset.data).hexdigest(), _constant(asset.url, asset.data))
            for asset in theme.assets.values()]


def _one(rel: str, make: Callable[[], bytes]) -> Callable[[], dict[str, bytes]]:
    return lambda: {rel: make()}


def feed_products(model: Model, labels: dict[str, str], specs: list[PageSpec], cache: BuildCache) -> list[Product]:
    """Feed, sitemap, calendar and robots.txt: made again only when what they list changed."""
    kinds = {k: labels[f"kind_{k}"] for k in KINDS}
    sitemap_urls = [(s.url, s.updated) for s in specs if not s.poster and not s.noindex]
    # Each keyed by what it shows: the feed by what it shows of its newest records (an older record's save,
    # or a change of a body past its summary, keeps it).
    newest = feeds.feed_records(model)  # once: the feed's fingerprint and, when it is made again, the feed
    entries = feeds.feed_entries(model, kinds, cache.summaries, newest)
    makers: dict[str, tuple[str, Callable[[], bytes]]] = {
        "feed.xml": (fingerprint([entries, [r.updated for r in newest], model.site.digest, model.site.updated], {}),
                     lambda: feeds.atom_feed(model, kinds, cache.summaries, newest, entries)),
        "sitemap.xml": (_sitemap_print(sitemap_urls, model.site.digest), lambda: feeds.sitemap(model, sitemap_urls)),
        "activities.ics": (fingerprint([model.activities, model.site.digest], {}),
                           lambda: feeds.calendar(model, cache.events, cache.summaries)),
        "robots.txt": (fingerprint([model.site.digest], {}), lambda: feeds.robots(model)),
    }
    return [Product((Kind.FEED, rel), digest, _one(rel, make)) for rel, (digest, make) in makers.items()]


def _sitemap_print(urls: Sequence[tuple[str, datetime | None]], site: str) -> str:
    """What sitemap.xml shows of `urls` (each address and the day of its date, feeds.sitemap) and the
    site's digest (its base_url), digested: a day is written once for all the pages of one date."""
    days: dict[datetime | None, str] = {None: "-"}
    lines = [site]
    for url, when in urls:
        day = days.get(when)
        if day is None:
            day = days[when] = when.date().isoformat()  # type: ignore[union-attr]
        lines.append(url + " " + day)
    return hashlib.blake2b("\n".join(lines).encode("utf-8"), digest_size=16).hexdigest()


def search_product(model: Model, labels: dict[str, str], cache: BuildCache) -> Product:
    """The search data files: made again only when a record or a label changed (their names say which)."""
    names = search.file_names(model, labels)
    return Product((Kind.SEARCH, ""), repr(names), lambda: search.make_files(model, labels, cache.search,
                                                                                        cache.search_keys,
                                                                                        cache.search_folds, names))


def pdf_jobs(specs: Sequence[PageSpec]) -> list[tuple[str, str]]:
    """(poster URL, PDF path) of every poster, in order: the workers' list for the "pdf" task."""
    from sitegen.render.pdf import pdf_name

    return [(spec.url, pdf_name(spec.url)) for spec in specs if spec.poster]


def pdf_products(jobs: Sequence[tuple[str, str]], kind: Kind, html: Callable[[str], str | None],
                 twin: Callable[[str], str | None] | None = None) -> list[Product]:
    """Each poster's PDF, laid out again only when its HTML changed: the fingerprint is the HTML's
    sha256 (`html(page)`); `twin(page)` is the published poster's, for the print folder."""
    products = []
    for index, (url, name) in enumerate(jobs):
        page = url + "index.html"
        products.append(Product((kind, url), html(page) or "", OnWorkers("pdf", index),
                                (twin(page), name) if twin is not None else None))
    return products


def by_paper(specs: Sequence[PageSpec], jobs: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Paper size → the PDF paths of its posters, in poster order."""
    papers: dict[str, list[str]] = {}
    for spec, (_, name) in zip([s for s in specs if s.poster], jobs, strict=True):
        papers.setdefault(str(spec.paper), []).append(name)
    return papers


def combined_products(papers: dict[str, list[str]], kind: Kind, stage: Path, files: dict[str, str],
                      fresh: bool, twin: Callable[[list[str]], str] | None = None) -> list[Product]:
    """One PDF per paper size put together from its posters' PDFs (in `stage`, shas in `files`);
    `fresh`: made again even when unchanged; `twin(names)`: the published file's fingerprint."""
    from sitegen.render.pdf import combine

    products = []
    for paper, names in sorted(papers.items()):
        rel = f"posters/pdf/all-{paper}.pdf"
        digest = fingerprint([files[n] for n in names], {})
        make = _one(rel, lambda names=names: combine([stage / n for n in names]))  # type: ignore[misc]
        products.append(Product((kind, rel), digest, make, (twin(names), rel) if twin else None, fresh))
    return products
