"""One frozen view per poster template: exactly the variables that template receives.

A poster is a printed sheet (A4 or A3) whose QR code opens `target`, the page it stands for.
Sizes are in millimetres of paper, as print.css lays the sheet out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Final

from sitegen.model.places import PlaceNode
from sitegen.model.records import Activity, Deliberation, Disclosure, Wish
from sitegen.render.views import Group, PosterEntry, View


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordPoster(View):
    """What every record's poster has besides its record: the QR target and how small the text must go."""

    target: str  # the record's page in the main tree; `qr_for(target)` draws its code
    paper: str  # A4 or A3: the record's `poster_paper`, else the site's
    density: int  # 0 (normal) … 3 (smallest): the first text size at which the record fits one sheet
    limit: int | None  # characters each long text is cut to (`clip` filter) when even 3 is too big; None: no cut
    title_class: int  # 0 (largest) … 3 by the title's length, for the headline size
    qr_mm: float  # printed width of the QR symbol, by paper (posters.py QR_MM)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityPoster(RecordPoster):
    """An activity's notice: what, when, where, with the code to its page."""

    TEMPLATE: ClassVar[str] = "poster_activity.html"
    record: Activity  # the activity, as the model made it


@dataclass(frozen=True, slots=True, kw_only=True)
class DisclosurePoster(RecordPoster):
    """One person's 亮身份 card on paper: the phone as show_phone allows on posters."""

    TEMPLATE: ClassVar[str] = "poster_disclosure.html"
    record: Disclosure  # the person, the phone as `show_phone` allows on paper


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliberationPoster(RecordPoster):
    """A 议事 item's notice: the issue, the decision and the votes."""

    TEMPLATE: ClassVar[str] = "poster_deliberation.html"
    record: Deliberation  # the issue, as the model made it


@dataclass(frozen=True, slots=True, kw_only=True)
class WishPoster(RecordPoster):
    """A 微心愿 on paper, with how to claim it."""

    TEMPLATE: ClassVar[str] = "poster_wish.html"
    record: Wish  # the wish; the wisher as `shown_name`, never the full name


@dataclass(frozen=True, slots=True, kw_only=True)
class BoardPoster(View):
    """A place's board on paper: everyone responsible there and under it."""

    TEMPLATE: ClassVar[str] = "poster_board.html"
    node: PlaceNode  # the place
    groups: tuple[Group, ...]  # this place and every place under it that has people, with them
    target: str  # the board's page: places/<slug>/
    paper: str  # the site's poster paper, A4 or A3
    everyone_count: int  # people on the board, all groups together
    qr_mm: float  # printed width of the QR symbol


@dataclass(frozen=True, slots=True, kw_only=True)
class WallPoster(View):
    """The wish wall: every open wish with a small code each, and one large code to the wall page."""

    TEMPLATE: ClassVar[str] = "poster_wall.html"
    wishes: tuple[Wish, ...]  # the open wishes
    target: str  # wishes/
    paper: str  # the site's poster paper, A4 or A3
    qr_mm: float  # printed width of the wall's QR symbol
    qr_small_mm: float  # printed width of each wish's QR symbol


@dataclass(frozen=True, slots=True, kw_only=True)
class PosterIndex(View):
    """The list of every poster, to open and print."""

    TEMPLATE: ClassVar[str] = "posters.html"
    entries: tuple[PosterEntry, ...]  # records by kind, then boards, then the wish wall
    printed: bool  # True in the print folder (links to the site are absolute), False on the web


# The view of each kind's record poster; called with record= and RecordPoster's fields.
RECORD_POSTERS: Final[Mapping[str, Callable[..., RecordPoster]]] = {
    "activities": ActivityPoster,
    "disclosures": DisclosurePoster,
    "deliberations": DeliberationPoster,
    "wishes": WishPoster,
}

POSTER_VIEWS: Final[tuple[type[View], ...]] = (ActivityPoster, DisclosurePoster, DeliberationPoster, WishPoster,
                                               BoardPoster, WallPoster, PosterIndex)
