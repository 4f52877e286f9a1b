"""What `street.yaml` says, as the rest of the street build reads it (docs/spec.md §6)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from sitegen.errors import Problem

STREET_FILE = "street.yaml"
COMMUNITY_NAME: Final = re.compile(r"[a-z0-9-]+")  # a community folder's name: its slug
INHERITED = ("street", "district", "city", "language", "timezone", "poster_paper", "theme", "office")


@dataclass(frozen=True, slots=True)
class Office:
    """The street office (街道办): shown on the street index. Empty strings when not given."""

    address: str = ""
    phone: str = ""
    hours: str = ""


@dataclass(frozen=True, slots=True)
class Street:
    """A street as `street.yaml` describes it.

    `name` is the street's name (e.g. 包河街道; it is what a community inherits as its `street`),
    `base_url` an absolute http(s) URL ending in "/" under which every community lives at
    `<base_url><slug>/` unless its site.yaml says otherwise; `folder` is the street folder on disk.
    `theme` is a folder relative to the street folder, or None for the default theme.
    """

    folder: Path
    name: str
    base_url: str
    district: str = ""
    city: str = ""
    office: Office = field(default_factory=Office)
    language: str = "zh-Hans"
    timezone: str = "Asia/Shanghai"
    poster_paper: str = "A4"
    theme: str | None = None


@dataclass(frozen=True, slots=True)
class Community:
    """One community folder of a street: its slug (the folder name, [a-z0-9-]) and its content folder."""

    slug: str
    content: Path


@dataclass(frozen=True, slots=True)
class StreetRead:
    """What a street folder holds: the street (None when street.yaml is unusable), its
    communities in slug order, and every problem met (warnings included)."""

    street: Street | None
    communities: list[Community]
    problems: list[Problem]


def is_street(folder: Path) -> bool:
    """A folder with street.yaml is a street (docs/spec.md §6)."""
    return (folder / STREET_FILE).is_file()


def community_url(street: Street, community: Community) -> str:
    """Where a community's pages live: the street's address + its folder name + "/"."""
    return f"{street.base_url}{community.slug}/"
