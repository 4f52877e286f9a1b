"""Frozen views: what a template reads. Layout and labels only; masking and dates were done in model/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sitegen.model.places import PlaceNode
from sitegen.model.records import Disclosure
from sitegen.render.images import Photo


@dataclass(frozen=True, slots=True)
class Pager:
    number: int
    count: int
    urls: tuple[str, ...]  # the URL of every page of this list, first page first

    @property
    def prev_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


@dataclass(frozen=True, slots=True)
class Crumb:
    label: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PageSpec:
    """One page to render: cheap to make, so a rebuild can plan every page and render only changed ones."""

    url: str  # in the main tree: "activities/x/"
    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    image: Photo | None = None  # the share-card picture
    updated: datetime | None = None
    variants: bool = True  # also render the elder-mode and 繁體 trees
    poster: bool = False
    noindex: bool = False
    absolute_links: bool = False  # the 404 page is served at any missing path: relative links would break
    crumbs: tuple[Crumb, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """People responsible at one place, for a board."""

    node: PlaceNode
    people: tuple[Disclosure, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    share: float  # 0..1 of the largest bar


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    unit: str = ""

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class TagLink:
    name: str
    url: str
    count: int


def chart(title: str, items: list[tuple[str, int]], unit: str = "") -> Chart:
    top = max((v for _, v in items), default=0) or 1
    return Chart(title, tuple(Bar(label, value, value / top) for label, value in items), unit)
