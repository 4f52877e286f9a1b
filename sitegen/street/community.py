"""One community of a street: the options it is checked and built with (what it inherits from
street.yaml, its cache and print folders) and its problems as the street reports them (docs/spec.md §6).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from sitegen.errors import Problem
from sitegen.load.decode import read_text
from sitegen.load.defaults import inherited_paths
from sitegen.load.files import SITE_FILE
from sitegen.load.yamlfile import parse_yaml
from sitegen.options import Options
from sitegen.street.config import STREET_FILE, Community, Street, community_url
from sitegen.street.state import StreetFolders
from sitegen.validate.placeholder import BASE_URL_PLACEHOLDER


def inherited(street: Street, community: Community) -> dict[str, object]:
    """What a community's site.yaml inherits unless it sets it (docs/spec.md §6); `theme` goes
    through Options.theme instead, as a street theme's path is relative to the street folder."""
    defaults: dict[str, object] = {"street": street.name, "language": street.language, "timezone": street.timezone,
                                   "poster_paper": street.poster_paper, "base_url": community_url(street, community)}
    if street.district:
        defaults["district"] = street.district
    if street.city:
        defaults["city"] = street.city
    office = {k: v for k, v in dataclasses.asdict(street.office).items() if v}
    if office:
        defaults["office"] = office
    return defaults


def _sets_theme(community: Community) -> bool:
    """Whether the community's site.yaml names a theme of its own (read leniently: its check reports the rest)."""
    if not (community.content / SITE_FILE).is_file():
        return False
    text, _ = read_text(community.content / SITE_FILE, PurePosixPath(SITE_FILE))
    located = parse_yaml(text, PurePosixPath(SITE_FILE))[0] if text is not None else None
    return located is not None and isinstance(located.data, dict) and located.data.get("theme") is not None


def community_options(street: Street, community: Community, options: Options, folders: StreetFolders) -> Options:
    """The options one community is checked and built with: the street's defaults, its own cache
    and print folders outside OUT, the street theme unless its site.yaml names one."""
    theme = options.theme
    if theme is None and street.theme is not None and not _sets_theme(community):
        theme = (street.folder / street.theme).resolve()
    return dataclasses.replace(options, base_url=None, theme=theme, site_defaults=inherited(street, community),
                               street_community=community.slug, cache_folder=folders.community_cache(community.slug),
                               print_to=folders.community_print(community.slug))


def moved(problems: Iterable[Problem], slug: str) -> list[Problem]:
    """Problems of one community with their paths made relative to the street folder.

    The warning that base_url is still the sample's is dropped: a community's address is the
    street's + its folder, and street.yaml's own line says it once (street/read.py).
    """
    return [dataclasses.replace(p, path=PurePosixPath(slug) / p.path, args=_args_moved(p.args, slug)) for p in problems
            if not (p.warning and p.key == BASE_URL_PLACEHOLDER)]


# Message arguments that name another place in the same community (`see disclosures/wang.yaml:7`).
_LOCATION_ARGS = ("where", "wish")


def _args_moved(args: Mapping[str, object], slug: str) -> Mapping[str, object]:
    if not any(name in args for name in _LOCATION_ARGS):
        return args
    return {k: f"{slug}/{v}" if k in _LOCATION_ARGS else v for k, v in args.items()}


def at_street_yaml(problems: list[Problem], street: Street, community: Community) -> list[Problem]:
    """Problems in a value the community inherits (their line an inherited field's code, load/defaults.py)
    put at that value's line in street.yaml, where it is written; the others as they are."""
    if not any(p.line is not None and p.line < 0 for p in problems):
        return problems
    paths = inherited_paths(inherited(street, community))
    text, _ = read_text(street.folder / STREET_FILE, PurePosixPath(STREET_FILE))
    located = parse_yaml(text, PurePosixPath(STREET_FILE))[0] if text is not None else None
    lines = located.lines if located is not None else {}
    moved_here = []
    for p in problems:
        if p.line is not None and p.line < 0:
            path = paths[-p.line - 1]
            path = ("name", *path[1:]) if path[0] == "street" else path  # a community's `street` is street.yaml's name
            p = dataclasses.replace(p, path=PurePosixPath(STREET_FILE), line=lines.get(path) or lines.get(path[:1]))
        moved_here.append(p)
    return moved_here


def relocated(street: Street, community: Community, problems: list[Problem]) -> list[Problem]:
    """A community's problems as the street reports them: street-relative, inherited values at street.yaml,
    and a file named by its full path (the street's shared theme failing on this community's page) by its
    path from the street folder when it is in it."""
    return at_street_yaml(_from_street(moved(problems, community.slug), street.folder), street, community)


def _from_street(problems: list[Problem], folder: Path) -> list[Problem]:
    """Each problem whose path is absolute and inside the street `folder`, named from that folder."""
    street = folder.resolve()
    shown = []
    for p in problems:
        where = Path(p.path).resolve() if p.path.is_absolute() else None
        if where is not None and where.is_relative_to(street):
            p = dataclasses.replace(p, path=PurePosixPath(where.relative_to(street).as_posix()))
        shown.append(p)
    return shown
