"""Frozen views: what a template reads. Layout and labels only; masking and dates were done in model/.

The small classes here are the parts of a page (a pager, a crumb, a chart); the view of each whole
template is in `page_views.py` (web pages) and `poster_views.py` (posters), and `docs/theme.md` is
written from all of them (`python -m sitegen.themedoc`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import ClassVar, NamedTuple

from sitegen.model.places import PlaceNode
from sitegen.model.records import Disclosure
from sitegen.render.images import Photo


@dataclass(frozen=True, slots=True)
class View:
    """What one template receives besides the globals: each field is a variable of that name."""

    TEMPLATE: ClassVar[str] = ""  # the template file the view is for, as the default theme names it


def variables(view: View) -> dict[str, object]:
    """The template variables of a view: one per field, by the field's name (properties are not variables)."""
    return {f.name: getattr(view, f.name) for f in fields(view)}


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page is in a list of pages (20 records each)."""

    number: int  # this page, 1 for the first
    count: int  # how many pages the list has, at least 1
    urls: tuple[str, ...]  # the URL of every page of this list, first page first

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


@dataclass(frozen=True, slots=True)
class Crumb:
    """One step of the breadcrumb trail above a page."""

    label: str  # shown text
    url: str  # in the main tree, for `link()`


@dataclass(frozen=True, slots=True, kw_only=True)
class PageSpec:
    """One page to render: cheap to make, so a rebuild can plan every page and render only changed ones."""

    url: str  # in the main tree: "activities/x/"
    template: str
    title: str
    data: View = field(default_factory=View)  # what the template receives, one variable per field
    description: str = ""
    image: Photo | None = None  # the share-card picture
    updated: datetime | None = None
    variants: bool = True  # also render the elder-mode and 繁體 trees
    poster: bool = False
    noindex: bool = False
    absolute_links: bool = False  # the 404 page is served at any missing path: relative links would break
    crumbs: tuple[Crumb, ...] = ()

    @property
    def paper(self) -> str | None:
        """A poster's paper (A4 or A3), which groups the print folder's PDFs; None for a web page."""
        paper = getattr(self.data, "paper", None)
        return paper if isinstance(paper, str) else None


@dataclass(frozen=True, slots=True)
class Group:
    """People responsible at one place, for a board."""

    node: PlaceNode  # the place: `node.full_name`, `node.url`
    people: tuple[Disclosure, ...]  # as the page or poster may show them (phones masked on the web)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart."""

    label: str
    value: int
    share: float  # 0..1 of the largest bar


@dataclass(frozen=True, slots=True)
class Chart:
    """A titled set of bars, drawn by the `hbar_chart` and `column_chart` macros."""

    title: str
    bars: tuple[Bar, ...]
    unit: str = ""  # printed after each value; "" for none

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline number of the home page: 「2026年活动 12」."""

    label: str  # says what and which year
    value: str  # the number, as text


@dataclass(frozen=True, slots=True)
class TagLink:
    """A tag and its page."""

    name: str  # as typed in the records
    url: str  # tags/<pinyin>/
    count: int  # how many records and pages carry it


class YearLink(NamedTuple):
    """A year of a list and its page; a template may unpack it: `{% for y, url, count in years %}`."""

    year: int
    url: str  # browse/<kind>/<year>/
    records: int  # how many records are filed under that year


@dataclass(frozen=True, slots=True)
class Overview:
    """Where things stand, above the first page of a list: a chart, or the places people cover."""

    chart: Chart | None  # deliberations by stage, wishes by status; None for the other kinds
    places: tuple[PlaceNode, ...] | None  # the top places, on the 亮身份 list; None elsewhere


class PosterEntry(NamedTuple):
    """One poster in the poster index; a template may unpack it: `{% for kind, title, url, paper in entries %}`."""

    kind: str  # the label of its kind (活动, 场所 …)
    title: str
    url: str  # posters/<kind>/<slug>/
    paper: str  # A4 or A3


def chart(title: str, items: list[tuple[str, int]], unit: str = "") -> Chart:
    """A chart of (label, value) pairs, each bar's share taken of the largest (all 0: shares of 0)."""
    top = max((v for _, v in items), default=0) or 1
    return Chart(title, tuple(Bar(label, value, value / top) for label, value in items), unit)
