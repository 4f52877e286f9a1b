"""One frozen view per web page template: exactly the variables that template receives.

Each field becomes a template variable of the same name (`{{ record.title }}`, `{% for f in
figures %}`); the globals every template shares are in `context.py`. Records arrive as the model
made them (names masked, dates checked): a template lays them out and never decides what to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Final

from sitegen.model.places import PlaceNode
from sitegen.model.records import Activity, Deliberation, Disclosure, Page, Record, Wish
from sitegen.render.views import Chart, Figure, Group, Overview, Pager, TagLink, View, YearLink


@dataclass(frozen=True, slots=True, kw_only=True)
class HomePage(View):
    """The home page: what is coming, what is open, what was decided, and the year in numbers."""

    TEMPLATE: ClassVar[str] = "home.html"
    upcoming: tuple[Activity, ...]  # at most 6 activities still to come, soonest first
    recent: tuple[Activity, ...]  # at most 4 past activities, newest first
    open_wishes: tuple[Wish, ...]  # at most 6 wishes nobody has taken on yet
    decisions: tuple[Deliberation, ...]  # at most 4 deliberations decided (then in progress, completed or rejected)
    news: tuple[Record, ...]  # the 8 records changed last, newest first
    figures: tuple[Figure, ...]  # four headline numbers of `year`
    charts: tuple[Chart, ...]  # deliberations by stage, wishes of `year` by status, activities per month
    year: int  # the year the figures are for: this year, else the latest year that has any
    figures_note: str  # says which year the figures are from when it is not this year; "" when it is
    pages: tuple[Page, ...]  # the site's own pages (关于我们 …), in their `order`


@dataclass(frozen=True, slots=True, kw_only=True)
class ListPage(View):
    """One page of a list: a kind's records (all, or one year's), or the records of one tag."""

    TEMPLATE: ClassVar[str] = "list.html"
    kind: str | None  # activities, disclosures, deliberations, wishes; None on a tag's list
    items: tuple[Record, ...]  # the records of this page, at most 20, in the list's order
    pager: Pager  # this page's place among the list's pages
    years: tuple[YearLink, ...]  # every year of the kind, newest first; () on a tag's list
    year: int | None  # the year this list is of; None for the whole kind or a tag
    overview: Overview | None  # on the first page of a whole kind's list only
    tag: str | None  # the tag this list is of; None for a kind's list


@dataclass(frozen=True, slots=True, kw_only=True)
class TagsPage(View):
    """Every tag, by its pinyin."""

    TEMPLATE: ClassVar[str] = "tags.html"
    tags: tuple[TagLink, ...]  # every tag of the records and pages, in pinyin order


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacesPage(View):
    """The tree of places (compound → building → unit), each linking to its board."""

    TEMPLATE: ClassVar[str] = "places.html"
    nodes: tuple[PlaceNode, ...]  # every place, parents before children; `node.depth` is its level
    unplaced: tuple[Disclosure, ...]  # people who cover no one place


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacePage(View):
    """One place's board (亮身份): the people responsible there and at the places under it."""

    TEMPLATE: ClassVar[str] = "place.html"
    node: PlaceNode  # the place
    groups: tuple[Group, ...]  # this place and every place under it that has people, with them
    children: tuple[PlaceNode, ...]  # the places right under this one
    poster_url: str  # the board's poster, for `link(poster_url, same_tree=False)`


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordPage(View):
    """What every record page has besides its record."""

    poster_url: str  # the record's poster: posters/<kind>/<slug>/
    tag_urls: Mapping[str, str]  # each of the record's tags → its page


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityPage(RecordPage):
    """One activity: when, where, who organised it, photos, its report."""

    TEMPLATE: ClassVar[str] = "activity.html"
    record: Activity  # the activity, as the model made it


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosurePage(RecordPage):
    """One person's 亮身份 card: role, the place covered, duties, pledge, the phone as the web shows it."""

    TEMPLATE: ClassVar[str] = "disclosure.html"
    record: Disclosure  # the person, the phone as `show_phone` allows on the web
    board: PlaceNode | None = None  # the place the person covers; None when they cover none


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliberationPage(RecordPage):
    """One 议事 item: raised, discussed, decided, done, with its timeline and votes."""

    TEMPLATE: ClassVar[str] = "deliberation.html"
    record: Deliberation  # the issue, as the model made it


@dataclass(frozen=True, slots=True, kw_only=True)
class WishPage(RecordPage):
    """One 微心愿: the wish, the wisher's shown name, its status and how to claim it."""

    TEMPLATE: ClassVar[str] = "wish.html"
    record: Wish  # the wish; the wisher as `shown_name` (alias or masked), never the full name


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPage(View):
    """One of the site's own pages (关于我们, 办事指南 …)."""

    TEMPLATE: ClassVar[str] = "page.html"
    record: Page  # the page: title, summary, Markdown body


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchPage(View):
    """The search page; search.js loads the index file the build made."""

    TEMPLATE: ClassVar[str] = "search.html"
    index: Mapping[str, str]  # "hans" → the index file of the main trees; "hant" → the 繁體 one, if any


@dataclass(frozen=True, slots=True, kw_only=True)
class NotFoundPage(View):
    """The 404 page, served at any missing address: it links absolutely."""

    TEMPLATE: ClassVar[str] = "404.html"


# The view of each kind's record page; called with record=, poster_url=, tag_urls= (and board= for people).
RECORD_PAGES: Final[Mapping[str, Callable[..., RecordPage]]] = {
    "activities": ActivityPage,
    "disclosures": DisclosurePage,
    "deliberations": DeliberationPage,
    "wishes": WishPage,
}

PAGE_VIEWS: Final[tuple[type[View], ...]] = (HomePage, ListPage, TagsPage, PlacesPage, PlacePage, ActivityPage,
                                             DisclosurePage, DeliberationPage, WishPage, TextPage, SearchPage,
                                             NotFoundPage)
