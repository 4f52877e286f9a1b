"""The street's own files at OUT/ (docs/spec.md §6): index, wish wall, posters, feed, sitemap, calendar.

They are made from the communities' summaries alone (street/summary.py), with the community
site's renderer (render/site.py) and the default theme: the same base look, CSS and static files,
the same elder (care/) and 繁體 (zh-hant/) copies made the same way. Pure: the same street,
summaries and clock give the same bytes.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from sitegen.addresses import shown_url
from sitegen.hanzi import place_units
from sitegen.model import records as m
from sitegen.model.names import Name, NamedText, all_names
from sitegen.model.places import build_tree
from sitegen.slugs import Levels
from sitegen.render.builtin import feeds
from sitegen.render.posters import QR_MM, QR_SMALL_MM
from sitegen.render.qr import Codes, qr_svg
from sitegen.render.site import Renderer
from sitegen.render.theme import Theme
from sitegen.street.theme import StreetTheme
from sitegen.render.urls import absolute, file_of
from sitegen.render.views import Figure, PageSpec, View
from sitegen.street.config import Street
from sitegen.street.summary import CommunitySummary, Entry, OpenWish, claim_rate

LATEST_ON_INDEX: Final = 12
STREET_SITEMAP: Final = "sitemap-street.xml"  # the street's own pages; sitemap.xml is the index of all sitemaps


@dataclass(frozen=True, slots=True)
class EntryView:
    """A record of some community on a street page; `title` keeps a disclosure's name as typed in 繁體."""

    community: CommunitySummary  # the community the record is of
    entry: Entry  # the record as its summary lists it
    title: str  # its title, a disclosure's name kept as typed in the 繁體 copy
    updated: datetime  # when it last changed, with its offset


@dataclass(frozen=True, slots=True)
class WishView:
    """An open wish on the street wall: `shown_name` is the alias or masked name; `url` absolute (its QR)."""

    community: CommunitySummary  # the community the wish is of
    title: str  # what is wished for
    shown_name: Name  # the wisher's alias or masked name (俞**), never the full name
    category: str  # the wish's category, as typed
    posted_on: date  # the day it was posted
    path: str  # its page inside the community: wishes/<slug>/, for `into(community, path)`
    url: str  # its page's absolute URL: what its QR code holds


@dataclass(frozen=True, slots=True)
class CommunityView:
    """One community on the street index: its summary and its figures as labelled numbers."""

    community: CommunitySummary  # the community
    figures: tuple[Figure, ...]  # its figures, labelled in the street's language


@dataclass(frozen=True, slots=True)
class StreetIndex(View):
    """The street index (street/index.html): every community with its figures, the street's totals, the latest records."""

    TEMPLATE: ClassVar[str] = "street/index.html"
    communities: tuple[CommunityView, ...]  # every community, in slug order
    figures: tuple[Figure, ...]  # the whole street's figures
    latest: tuple[EntryView, ...]  # the newest records across the street
    open_count: int  # how many wishes are open across the street


@dataclass(frozen=True, slots=True)
class StreetWishes(View):
    """The street's wish wall page (street/wishes.html): each community with its open wishes."""

    TEMPLATE: ClassVar[str] = "street/wishes.html"
    groups: tuple[tuple[CommunitySummary, tuple[WishView, ...]], ...]  # (community, its open wishes)


@dataclass(frozen=True, slots=True)
class StreetPosters(View):
    """The street's poster index (street/posters.html): the wall poster and each community's poster index."""

    TEMPLATE: ClassVar[str] = "street/posters.html"
    communities: tuple[CommunitySummary, ...]  # every community, in slug order
    paper: str  # A4 or A3: the street's poster paper


@dataclass(frozen=True, slots=True)
class StreetWallPoster(View):
    """The street-wide wish wall poster (street/poster_wall.html): every open wish, one QR code each."""

    TEMPLATE: ClassVar[str] = "street/poster_wall.html"
    wishes: tuple[WishView, ...]  # every open wish of every community
    target: str  # the page the poster's own code stands for: the street's wish wall
    paper: str  # A4 or A3
    qr_mm: float  # the size of the wall's code, in millimetres
    qr_small_mm: float  # the size of each wish's code, in millimetres


# Every street template's view, in the order docs/theme.md documents them.
STREET_VIEWS: Final[tuple[type[View], ...]] = (StreetIndex, StreetWishes, StreetPosters, StreetWallPoster)


def _entry_view(c: CommunitySummary, e: Entry) -> EntryView:
    title: str = e.title
    if e.name and e.title.startswith(e.name):  # 于海 · 楼栋长: the name stays 于海 in the 繁體 copy
        title = NamedText(Name(e.name), e.title[len(e.name):])
    return EntryView(c, e, title, datetime.fromisoformat(e.updated))


def _wish_view(c: CommunitySummary, w: OpenWish) -> WishView:
    return WishView(c, w.title, Name(w.wisher), w.category, date.fromisoformat(w.posted_on), w.path, w.url)


def community_figures(c: CommunitySummary, t: dict[str, str]) -> tuple[Figure, ...]:
    """The figures a community shows on the street index, labelled in the street's language."""
    f = c.figures
    rate = f.claim_rate
    return (
        Figure(t["fig_activities"].format(year=f.year), str(f.activities)),
        Figure(t["street_wishes_open"], str(f.wishes_open)),
        Figure(t["street_wishes_taken"], f"{f.wishes_claimed} / {f.wishes_fulfilled}"),
        Figure(t["street_claim_rate"], "–" if rate is None else f"{rate}%"),
        Figure(t["fig_solved"].format(year=f.year), str(f.deliberations_completed)),
        Figure(t["street_in_progress"], str(f.deliberations_in_progress)),
    )


def street_figures(summaries: Sequence[CommunitySummary], year: int, t: dict[str, str]) -> tuple[Figure, ...]:
    """The whole street's figures: sums of its communities' (each counted in its own zone's year)."""
    def total(name: str) -> int:
        return sum(getattr(c.figures, name) for c in summaries)

    rate = claim_rate(total("wishes_open"), total("wishes_claimed") + total("wishes_fulfilled"))
    return (
        Figure(t["street_community_count"], str(len(summaries))),
        Figure(t["fig_activities"].format(year=year), str(total("activities"))),
        Figure(t["street_wishes_open"], str(total("wishes_open"))),
        Figure(t["street_claim_rate"], "–" if rate is None else f"{rate}%"),
        Figure(t["fig_solved"].format(year=year), str(total("deliberations_completed"))),
        Figure(t["street_in_progress"], str(total("deliberations_in_progress"))),
    )


def _office(street: Street) -> m.Office | None:
    o = street.office
    if not (o.address or o.phone or o.hours):
        return None
    tel = "".join(ch for ch in o.phone if ch.isdigit() or ch == "+")
    return m.Office(address=o.address or None, phone=o.phone or None, phone_tel=tel or None, hours=o.hours or None)


def street_model(street: Street, summaries: Sequence[CommunitySummary], now: datetime) -> m.Model:
    """A model without records standing for the street: what the renderer and feed makers read of a site.

    Its `names` are every name any community knows (each summary's `names`, model/names.py all_names):
    the street's 繁體 pages show titles of every community's records, and keep each name as typed in them
    (render/script.py), whichever community the text is of. Its `place_names` (hanzi.place_units) keep
    the 里 of the street's and the communities' names and offices' addresses: 长安里街道 → 長安里街道.
    """
    zone = ZoneInfo(street.timezone)
    updated = max((datetime.fromisoformat(c.updated) for c in summaries), default=now)
    site = m.Site(name=street.name, base_url=street.base_url, district=street.district or None,
                  city=street.city or None, language=street.language, timezone=street.timezone,
                  office=_office(street), poster_paper=street.poster_paper,
                  traditional_mirror=street.language == "zh-Hans", updated=updated,
                  digest=street.base_url)
    return m.Model(site=site, activities=(), disclosures=(), deliberations=(), wishes=(), pages=(),
                   places=build_tree({}, (), Levels()), secrets=m.Secrets(), today=now.astimezone(zone).date(), now=now,
                   names=all_names(c.names for c in summaries), place_names=_place_names(street, summaries))


def _place_names(street: Street, summaries: Sequence[CommunitySummary]) -> tuple[str, ...]:
    """hanzi.place_units of the place names the street's pages show of itself and of each community."""
    words = [street.name, street.district, street.city, street.office.address]
    for community in summaries:
        words += [community.name, community.office.address if community.office else ""]
    return place_units(word for word in words if word)


class StreetRenderer(Renderer):
    """The community renderer, with links into the communities' folders and QR codes for absolute URLs.

    `into(community, path)` links a street page to `OUT/<slug>/<path>` in the matching tree of
    that community: its care/ page from the street's care/ page, its zh-hant/ page from the
    street's zh-hant/ page when the community has a 繁體 tree (else its simplified page of the
    same mode). The tree part is a marker each copy replaces, as the renderer does its own.
    """

    def __init__(self, model: m.Model, theme: Theme, codes: Codes | None = None) -> None:
        super().__init__(model, theme, {})
        draw = codes.svg if codes is not None else qr_svg
        nonce = secrets.token_hex(8)
        self.mirrored = f"sg{nonce}mirrored"
        self.plain = f"sg{nonce}plain"
        base = model.site.base_url

        def qr_for(target: str, label: str = "", symbol_mm: float | None = None) -> object:
            url = target if "://" in target else absolute(base, target)
            return draw(url, label, symbol_mm)

        self.env.globals["qr_for"] = qr_for
        self.env.globals["shown_url"] = lambda target: shown_url(target if "://" in target else absolute(base, target))

    def context(self, spec: PageSpec) -> dict[str, object]:
        context = super().context(spec)
        up = self.up if spec.variants else ""
        climb = "../" * spec.url.count("/")

        def into(community: CommunitySummary, path: str) -> str:
            tree = self.mirrored if community.mirror else self.plain
            return f"{up}{climb}{community.slug}/{tree}{file_of(path)}"

        context["into"] = into
        return context

    def render(self, spec: PageSpec) -> list[tuple[str, bytes]]:
        out = []
        for path, data in super().render(spec):
            variant = next((v for v in ("zh-hant/care/", "zh-hant/", "care/") if path.startswith(v)), "")
            plain = "care/" if variant.endswith("care/") else ""
            data = data.replace(self.mirrored.encode(), variant.encode()).replace(self.plain.encode(), plain.encode())
            out.append((path, data))
        return out


class StreetPlanner:
    """The street's page specs: index and wish wall (every tree), poster index and wish wall poster."""

    def __init__(self, street: Street, summaries: Sequence[CommunitySummary], labels: dict[str, str],
                 model: m.Model) -> None:
        self.street = street
        self.summaries = summaries
        self.t = labels
        self.model = model

    def wishes(self) -> tuple[WishView, ...]:
        return tuple(_wish_view(c, w) for c in self.summaries for w in c.wishes)

    def latest(self) -> tuple[EntryView, ...]:
        views = [_entry_view(c, e) for c in self.summaries for e in c.latest]
        views.sort(key=lambda v: (v.updated, v.entry.day, v.entry.url), reverse=True)
        return tuple(views[:LATEST_ON_INDEX])

    def plan(self) -> Iterator[PageSpec]:
        t, updated = self.t, self.model.site.updated
        wishes = self.wishes()
        year = self.model.today.year
        yield PageSpec(url="", template="street/index.html", title=self.street.name,
                       description=t["street_description"].format(name=self.street.name), updated=updated,
                       data=StreetIndex(communities=tuple(CommunityView(c, community_figures(c, t)) for c in self.summaries),
                                        figures=street_figures(self.summaries, year, t), latest=self.latest(),
                                        open_count=len(wishes)))
        yield PageSpec(url="wishes/", template="street/wishes.html", title=t["street_wish_wall"],
                       description=t["about_wishes"], updated=updated,
                       data=StreetWishes(groups=tuple((c, tuple(w for w in wishes if w.community is c))
                                                       for c in self.summaries)))
        paper = self.street.poster_paper
        yield PageSpec(url="posters/", template="street/posters.html", title=t["posters"], variants=False,
                       noindex=True, updated=updated, data=StreetPosters(communities=tuple(self.summaries), paper=paper))
        yield PageSpec(url="posters/wishes/", template="street/poster_wall.html", title=t["street_wish_wall"],
                       variants=False, poster=True, noindex=True, updated=updated,
                       data=StreetWallPoster(wishes=wishes, target="wishes/", paper=paper, qr_mm=QR_MM[paper],
                                             qr_small_mm=QR_SMALL_MM[paper]))


def _feed(model: m.Model, summaries: Sequence[CommunitySummary], kinds: dict[str, str]) -> bytes:
    pairs = sorted(((c, e) for c in summaries for e in c.entries),
                   key=lambda p: (datetime.fromisoformat(p[1].updated), p[1].day, p[1].url), reverse=True)
    pairs = pairs[:feeds.FEED_SIZE]
    entries = [{"title": f"{c.name}｜{kinds[e.kind]}｜{e.title}", "url": e.url,
                "updated": datetime.fromisoformat(e.updated).isoformat(timespec="seconds"), "summary": e.summary,
                "category": kinds[e.kind]} for c, e in pairs]
    updated = max((datetime.fromisoformat(e.updated) for _, e in pairs), default=model.site.updated or model.now)
    return feeds.atom_document(model.site, model.site.base_url, updated, entries)


def _calendar(model: m.Model, summaries: Sequence[CommunitySummary]) -> bytes:
    """Every community's activities, oldest first, as each summary wrote them (UIDs name the community)."""
    timed = sorted({c.timezone for c in summaries for e in c.events if e.timed})
    dated = sorted(((c, e) for c in summaries for e in c.events), key=lambda p: (p[1].start[:10], p[0].slug, p[1].slug))
    events = [e.vevent.encode("utf-8") for _, e in dated]
    return feeds.calendar_document(model.site.name, model.site.timezone, timed, events)


def _sitemaps(model: m.Model, specs: Sequence[PageSpec], summaries: Sequence[CommunitySummary]) -> dict[str, bytes]:
    """sitemap.xml is a sitemap index: the street's own pages and every community's sitemap.

    One <urlset> may hold 50,000 URLs (sitemaps.org); a district of 300 communities has more
    pages than that, and a community's sitemap is already written beside it. Google, Bing and
    Baidu read sitemap indexes, and every listed sitemap lives under the index's folder.
    """
    own = feeds.sitemap(model, [(s.url, s.updated) for s in specs if not s.poster and not s.noindex])
    updated = model.site.updated.date() if model.site.updated else None
    index = [(absolute(model.site.base_url, STREET_SITEMAP), updated),
             *((c.sitemap_url, datetime.fromisoformat(c.updated).date()) for c in summaries)]
    return {STREET_SITEMAP: own, "sitemap.xml": feeds.sitemap_index(index)}


def render_street(street: Street, summaries: list[CommunitySummary], now: datetime,
                  codes: Codes | None = None) -> dict[str, bytes]:
    """Every file of the street's own at OUT/: output-relative path → bytes, sorted by path.

    index.html, wishes/index.html and their care/, zh-hant/ and zh-hant/care/ copies (繁體 only
    for a zh-Hans street), posters/index.html, posters/wishes/index.html, feed.xml, sitemap.xml
    (an index) with sitemap-street.xml, activities.ics, robots.txt and the theme's static/ files.
    Links into a community point at OUT/<slug>/…, which the street build writes beside these.
    `now` is the build clock (aware). Raises render.theme.ThemeFault when a street theme's
    template fails, as a community build does. `codes`: the QR matrices the street's last pages
    were drawn with (render/qr.py Codes; each decoded back before use): only new codes are encoded.
    """
    summaries = sorted(summaries, key=lambda c: c.slug)
    override = street.folder / street.theme if street.theme else None
    theme = StreetTheme.load(street.language, override, street.theme or "")
    model = street_model(street, summaries, now)
    labels = theme.labels
    specs = list(StreetPlanner(street, summaries, labels, model).plan())
    renderer = StreetRenderer(model, theme, codes)
    files: dict[str, bytes] = {}
    for spec in specs:
        files.update(renderer.render(spec))
    for asset in theme.assets.values():
        files[asset.url] = asset.data
    kinds = {k: labels[f"kind_{k}"] for k in ("activities", "disclosures", "deliberations", "wishes")}
    files["feed.xml"] = _feed(model, summaries, kinds)
    files["activities.ics"] = _calendar(model, summaries)
    files.update(_sitemaps(model, specs, summaries))
    files["robots.txt"] = feeds.robots(model)
    return dict(sorted(files.items()))

