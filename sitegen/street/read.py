"""Read a street folder: street.yaml and its community folders, with every problem at PATH:LINE.

Paths in problems are relative to the street folder (`street.yaml:3`, `meihu/site.yaml:2`), as
the worker sees them. Nothing here reads a community's records: that is `pipeline.check`'s job.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path, PurePosixPath
from typing import Annotated, ClassVar, Final
from urllib.parse import urlsplit

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from sitegen.errors import Problem
from sitegen.load.decode import read_text
from sitegen.load.files import SITE_FILE, ignored
from sitegen.load.records import RawRecord
from sitegen.load.yamlfile import parse_yaml
from sitegen.slugs import slugify
from sitegen.scaffold.samples import sample_values_left
from sitegen.street.config import COMMUNITY_NAME, STREET_FILE, Community, Office, Street, StreetRead, community_url
from sitegen.validate import schema as s
from sitegen.validate.check import error_problem
from sitegen.validate.fields import BaseUrl, OneLine, RelPath, check_base_url, choice
from sitegen.validate.placeholder import STREET_BASE_URL_PLACEHOLDER, is_placeholder_url
from sitegen.validate.rules import site_timezone_known
from sitegen.validate.unknown import unknown_fields

# Names the street's own pages use at OUT/ (street/pages.py and the theme's static files), and the
# top-level names of a community site, which street pages may grow into: no community may take one.
DEFAULT_PORTS: Final = {"http": 80, "https": 443}  # RFC 7230 §2.7
RESERVED: Final = frozenset({
    "care", "zh-hant", "wishes", "posters", "static", "search", "media", "feed", "sitemap", "activities",
    "disclosures", "deliberations", "places", "pages", "index", "manifest", "theme", "themes", "tags", "browse",
})


class StreetFields(s.Fields):
    """street.yaml (docs/spec.md §6): what every community inherits, and where the street lives."""

    nested: ClassVar[dict[str, type[s.Fields]]] = {"office": s.Office}
    name: OneLine
    base_url: BaseUrl
    district: OneLine | None = None
    city: OneLine | None = None
    office: s.Office | None = None
    language: Annotated[str, choice(*s.LANGUAGES)] = "zh-Hans"
    timezone: OneLine = "Asia/Shanghai"
    poster_paper: Annotated[str, choice(*s.PAPERS)] = "A4"
    theme: RelPath | None = None


def read_street(folder: Path, base_url: str | None = None) -> StreetRead:
    """Read street.yaml and find the communities; `base_url` (--base-url) replaces street.yaml's."""
    street, problems = _street(folder, base_url)
    theme = _theme_top(folder, street.theme) if street is not None and street.theme else None
    communities: list[Community] = []
    entries = sorted(os.scandir(folder), key=lambda e: e.name)
    taken = {entry.name for entry in entries}  # and each name suggested: two folders are never told the same
    for entry in entries:
        if ignored(entry.name) or not entry.is_dir() or entry.name == theme:  # the street's theme is no community
            continue
        problem = _name_problem(entry.name, frozenset(taken)) or _link_problem(entry, folder)
        if problem is not None:
            problems.append(problem)
            taken.add(str(problem.args.get("suggestion", "")))
            continue
        community = Community(slug=entry.name, content=Path(entry.path))
        communities.append(community)
        if street is not None:
            problems += _base_url_problems(street, community)
    if not communities and not problems:
        problems.append(Problem(PurePosixPath(STREET_FILE), None, "street.no_communities"))
    return StreetRead(street=street, communities=communities, problems=problems)


def _street(folder: Path, base_url: str | None) -> tuple[Street | None, list[Problem]]:
    rel = PurePosixPath(STREET_FILE)
    text, problem = read_text(folder / STREET_FILE, rel)
    if text is None:
        return None, [problem] if problem else []
    located, problems = parse_yaml(text, rel)
    if located is None:
        return None, problems
    if not isinstance(located.data, dict):
        return None, [*problems, Problem(rel, located.line, "file.not_a_mapping")]
    raw = RawRecord(kind="street", path=rel, line=located.line, fields=located.data, lines=located.lines,
                    stem="street")
    problems += unknown_fields(raw, StreetFields)
    try:
        fields = StreetFields.model_validate(raw.fields)
    except ValidationError as e:
        return None, [*problems, *(error_problem(raw, err) for err in e.errors())]
    problems += site_timezone_known(raw, fields)  # type: ignore[arg-type]  # the same rule as site.yaml's
    if is_placeholder_url(base_url or fields.base_url):
        problems.append(raw.problem("base_url", STREET_BASE_URL_PLACEHOLDER, warning=True, url=base_url or fields.base_url))
    problems += sample_values_left(raw)  # `init --street`'s district, city and office, on the street's own pages
    if fields.theme is not None:
        problems += _theme_problems(folder, raw, fields.theme)
    if any(not p.warning for p in problems):
        return None, problems
    written = located.data.get("office") or {}  # checked above; kept as written (a phone as typed)
    office = Office(**{k: str(written.get(k) or "").strip() for k in ("address", "phone", "hours")})
    street = Street(folder=folder, name=fields.name, base_url=base_url or fields.base_url,
                    district=fields.district or "", city=fields.city or "", office=office,
                    language=fields.language, timezone=fields.timezone, poster_paper=fields.poster_paper,
                    theme=fields.theme)
    return street, problems


def _name_problem(name: str, taken: frozenset[str]) -> Problem | None:
    """A community folder's name is its address: [a-z0-9-], and none of the street's own. The name
    suggested instead is free: neither another entry of the street folder (`taken`) nor the street's.

    breaker helper-124: `WangHu/` beside `wanghu/` was told to become wanghu."""
    where = PurePosixPath(name)
    if not COMMUNITY_NAME.fullmatch(name):
        return Problem(where, None, "street.folder_name", {"name": name, "suggestion": _free(slugify(name), taken)})
    if name in RESERVED:
        return Problem(where, None, "street.folder_reserved", {"name": name, "suggestion": _free(name, taken | {name})})
    return None


def _free(stem: str, taken: frozenset[str]) -> str:
    """`stem` when no entry of the street and none of its own pages has that name, else the first free
    `stem-2`, `stem-3` …; "community-1" … for a name with nothing to keep."""
    if stem and stem not in taken and stem not in RESERVED:
        return stem
    base = stem or "community"
    return next(name for n in itertools.count(2 if stem else 1) if (name := f"{base}-{n}") not in taken | RESERVED)


def _link_problem(entry: os.DirEntry[str], folder: Path) -> Problem | None:
    """A community folder that is a link to a folder outside the street would publish files from
    elsewhere (a link to /etc reads /etc); as content files, it must stay inside the street."""
    if entry.is_symlink() and not _inside(Path(entry.path), folder):
        return Problem(PurePosixPath(entry.name), None, "street.folder_link_outside", {"name": entry.name})
    return None


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links followed, is strictly inside `folder` (False for a link loop)."""
    try:
        resolved, root = path.resolve(), folder.resolve()
    except (OSError, RuntimeError):
        return False
    return resolved != root and resolved.is_relative_to(root)


def _theme_top(folder: Path, theme: str) -> str:
    """The street folder's entry holding the (checked) theme: `th` for `th/x` as for `../street/th/x`."""
    return (folder / theme).resolve().relative_to(folder.resolve()).parts[0]


def _theme_problems(folder: Path, raw: RawRecord, theme: str) -> list[Problem]:
    """street.yaml's `theme`: a folder inside the street folder (not the street itself, not above it,
    not a link out of it), and not inside a community folder, which would then be no community."""
    path = PurePosixPath(theme)
    if path.is_absolute() or not _inside(folder / theme, folder):
        return [raw.problem("theme", "street.theme_outside", path=theme)]
    if not (folder / theme).is_dir():
        return [raw.problem("theme", "street.theme_missing", path=theme)]
    top = _theme_top(folder, theme)
    if (folder / top / SITE_FILE).is_file():
        return [raw.problem("theme", "street.theme_in_community", path=theme, community=top)]
    return []


def _base_url_problems(street: Street, community: Community) -> list[Problem]:
    """A community's own base_url must be where its pages are built: `<street base_url><slug>/`.

    site.yaml is read leniently here; a broken file is reported by the community's own check.
    """
    rel = PurePosixPath(community.slug) / SITE_FILE
    if not (community.content / SITE_FILE).is_file():
        return []  # the community's check says site.yaml is missing
    text, _ = read_text(community.content / SITE_FILE, rel)
    located = parse_yaml(text, rel)[0] if text is not None else None
    if located is None or not isinstance(located.data, dict) or not isinstance(located.data.get("base_url"), str):
        return []
    try:
        url = check_base_url(str(located.data["base_url"]).strip())
    except PydanticCustomError:
        return []  # the community's check names what is wrong with it
    expected = community_url(street, community)
    if url == expected:
        return []
    line = located.lines.get(("base_url",), located.line)
    key = ("street.base_url_spelt" if same_address(url, expected) else
           "street.base_url_elsewhere" if url.startswith(street.base_url) else "street.base_url_outside")
    return [Problem(rel, line, key, {"url": url, "street": street.base_url, "expected": expected})]


def same_address(one: str, other: str) -> bool:
    """Whether two http(s) URLs name the same place though spelt apart: the scheme and host in other
    letter cases, the scheme's default port written or not (RFC 3986 §6.2.2.1 and §6.2.3); the path
    is compared as written. breaker helper-124: `https://Street.example.org:443/wanghu/` was said to
    be outside the street."""
    a, b = urlsplit(one), urlsplit(other)
    try:
        ports = (a.port or DEFAULT_PORTS.get(a.scheme.lower()), b.port or DEFAULT_PORTS.get(b.scheme.lower()))
    except ValueError:
        return False
    return (a.scheme.lower(), (a.hostname or ""), ports[0], a.path) == (b.scheme.lower(), (b.hostname or ""), ports[1], b.path)

