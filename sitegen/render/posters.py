"""Plan the printable posters of SPEC §4: one per record, one per place board, the wish wall, an index."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

from sitegen.model.privacy import for_publishing
from sitegen.model.records import Disclosure, Model, Record
from sitegen.render.fit import Fits, poster_fit, title_class
from sitegen.render.images import Photo
from sitegen.render.qr import planned_size, printed_mm
from sitegen.render.urls import absolute
from sitegen.render.poster_views import RECORD_POSTERS, BoardPoster, PosterIndex, WallPoster
from sitegen.render.views import Group, PageSpec, PosterEntry
from sitegen.load.files import KINDS

# Printed width of each QR symbol in mm (quiet zone extra): at least a tenth of the scanning distance.
QR_MM = {"A4": 52.0, "A3": 82.0}
QR_SMALL_MM = {"A4": 32.0, "A3": 44.0}


class PosterPlanner:
    """Every poster holds a QR code for exactly the page it stands for (its `target`).

    `printed=False` plans the posters published under the output folder: people's phones as the
    web shows them. `printed=True` plans the print folder's set (README "Posters"): phones as
    show_phone allows on paper. Both sets have the same URLs and QR codes.
    """

    def __init__(self, model: Model, labels: Mapping[str, str], photos: Mapping[PurePosixPath, Photo],
                 printed: bool = False, fits: Fits | None = None) -> None:
        self.model = model
        self.t = labels
        self.photos = photos
        self.printed = printed
        self.fits = Fits() if fits is None else fits  # the build cache's memo of poster_fit (pipeline/cache.py)

    def fit(self, record: Record, paper: str, shows_photo: bool, claim: str, qr_block: float) -> tuple[int, int | None]:
        """poster_fit(…), remembered by the record's digest (its fields and derived state) and the other arguments."""
        key = "\x1f".join((record.digest, paper, str(shows_photo), claim, repr(qr_block), str(self.printed)))
        return self.fits.of(key, lambda: poster_fit(record, paper, shows_photo, claim, qr_block))

    def person(self, person: Disclosure) -> Disclosure:
        return person if self.printed else for_publishing(person)

    def paper(self, record: Record | None = None) -> str:
        return (record.poster_paper if record is not None else None) or self.model.site.poster_paper

    def plan(self) -> Iterator[PageSpec]:
        records = [record for kind in KINDS for record in self.model.of_kind(kind)]
        specs = [self.record_poster(record) for record in records]
        specs += [*self.boards(), self.wall()]
        yield self.index(records, specs)
        yield from specs

    def boards(self) -> list[PageSpec]:
        """One poster per place board, in the tree's order (parents before children)."""
        specs = []
        for node in self.model.places.nodes.values():
            groups = tuple(Group(n, tuple(self.person(d) for d in p)) for n, p in self.model.places.under(node.slug))
            specs.append(PageSpec(url=f"posters/{node.url}", template="poster_board.html",
                                  title=self.t["board_of"].format(place=node.full_name),
                                  data=BoardPoster(node=node, groups=groups, target=node.url, paper=self.paper(),
                                                   everyone_count=sum(len(g.people) for g in groups),
                                                   qr_mm=QR_MM[self.paper()]),
                                  variants=False, poster=True, noindex=True,
                                  updated=max((d.updated for g in groups for d in g.people), default=None)))
        return specs

    def wall(self) -> PageSpec:
        """The wish wall: every open wish on one sheet."""
        open_wishes = tuple(w for w in self.model.wishes if w.status == "open")
        return PageSpec(url="posters/wishes/", template="poster_wall.html", title=self.t["wish_wall"],
                        data=WallPoster(wishes=open_wishes, target="wishes/", paper=self.paper(),
                                        qr_mm=QR_MM[self.paper()], qr_small_mm=QR_SMALL_MM[self.paper()]),
                        variants=False, poster=True, noindex=True,
                        updated=max((w.updated for w in open_wishes), default=None))

    def index(self, records: list[Record], specs: list[PageSpec]) -> PageSpec:
        """The index of every poster: `specs` are the record posters (one per `records`, in order),
        then the boards, then the wall, as `plan` lists them."""
        entries = [PosterEntry(self.t[f"kind_{record.kind}"], record.title, spec.url, self.paper(record))
                   for record, spec in zip(records, specs[:len(records)], strict=True)]
        entries += [PosterEntry(self.t["places"], spec.title, spec.url, self.paper())
                    for spec in specs[len(records):-1]]
        entries.append(PosterEntry(self.t["kind_wishes"], specs[-1].title, specs[-1].url, self.paper()))
        return PageSpec(url="posters/", template="posters.html", title=self.t["posters"],
                        data=PosterIndex(entries=tuple(entries), printed=self.printed), variants=False, noindex=True,
                        updated=max((s.updated for s in specs if s.updated), default=None))

    def record_poster(self, record: Record) -> PageSpec:
        if isinstance(record, Disclosure):
            record = self.person(record)
        paper = self.paper(record)
        claim = self.model.site.wish_claim or self.t["default_claim"]
        shows_photo = record.kind != "deliberations" and bool(record.photos) and record.photos[0] in self.photos
        url = absolute(self.model.site.base_url, record.url)
        qr_block = printed_mm(url, QR_MM[paper], planned_size(url)) + 6
        density, limit = self.fit(record, paper, shows_photo, claim, qr_block)
        return PageSpec(url=f"posters/{record.url}", template=f"poster_{record.singular}.html", title=record.title,
                        data=RECORD_POSTERS[record.kind](record=record, target=record.url,
                                                         paper=paper, density=density, limit=limit,
                                                         title_class=title_class(record.title), qr_mm=QR_MM[paper]),
                        variants=False, poster=True, noindex=True, updated=record.updated,
                        image=self.photos.get(record.photos[0]) if record.photos else None)
