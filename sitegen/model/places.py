"""Places as a tree (compound → building → unit), each level with a pinyin slug and its own board."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitegen.errors import Problem
from sitegen.slugs import Levels as Slugs

if TYPE_CHECKING:
    from sitegen.model.records import Disclosure, SourceRef

Levels = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceNode:
    levels: Levels
    slug: str
    children: tuple[str, ...] = ()  # slugs, in name order
    here: tuple[Disclosure, ...] = ()  # placed exactly at this level

    @property
    def name(self) -> str:
        return self.levels[-1]

    @property
    def full_name(self) -> str:
        return "".join(self.levels)

    @property
    def url(self) -> str:
        return f"places/{self.slug}/"

    @property
    def depth(self) -> int:
        return len(self.levels)


@dataclass(frozen=True, slots=True)
class PlaceTree:
    nodes: dict[str, PlaceNode] = field(default_factory=dict)  # by slug, parents before children

    def roots(self) -> list[PlaceNode]:
        return [n for n in self.nodes.values() if n.depth == 1]

    def parents(self, slug: str) -> list[PlaceNode]:
        """Breadcrumbs from the compound down to (not including) this place."""
        parts = slug.split("/")
        return [self.nodes["/".join(parts[:i])] for i in range(1, len(parts))]

    def under(self, slug: str) -> list[tuple[PlaceNode, tuple[Disclosure, ...]]]:
        """This place and every place below it, in tree order, with who is responsible there."""
        node = self.nodes[slug]
        found = [(node, node.here)] if node.here else []
        for child in node.children:
            found.extend(self.under(child))
        return found


def assign_slugs(
    places: Iterable[tuple[Levels, SourceRef]], overrides: dict[str, str], memo: Slugs
) -> tuple[dict[Levels, str], list[Problem]]:
    """Slug every place and its parents; two places on one slug are an error naming both.

    `overrides` is site.yaml's place_slugs ("福桂苑/9栋" → "b9"); `memo` the build's slugs.Levels.
    """
    slugs: dict[Levels, str] = {}
    owner: dict[str, tuple[Levels, SourceRef]] = {}
    problems: list[Problem] = []
    wanted = {"/".join(x.strip() for x in k.split("/")): str(v).strip("/").split("/")[-1].strip()
              for k, v in overrides.items()}
    for levels, source in places:
        for depth in range(1, len(levels) + 1):
            prefix = levels[:depth]
            if prefix in slugs:
                continue
            own = wanted.get("/".join(prefix)) or memo.slug(prefix[-1])
            if not own:
                problems.append(Problem(source.path, source.line, "place.no_slug", {"level": prefix[-1]}))
                own = "x"
            slug = f"{slugs[prefix[:-1]]}/{own}" if depth > 1 else own
            slugs[prefix] = slug
            if slug in owner and owner[slug][0] != prefix:
                other, where = owner[slug]
                problems.append(Problem(source.path, source.line, "place.slug_collision",
                                        {"place": "/".join(prefix), "other": "/".join(other),
                                         "where": str(where), "slug": slug}))
            owner.setdefault(slug, (prefix, source))
    return slugs, problems


def build_tree(slugs: dict[Levels, str], disclosures: Iterable[Disclosure], memo: Slugs) -> PlaceTree:
    """Nodes for every level that has a slug, each with the disclosures placed exactly there, in
    natural order (2栋 before 10栋; `memo`, the build's slugs.Levels, orders names without digits)."""
    here: dict[str, list[Disclosure]] = {}
    for person in disclosures:
        if person.place is not None:
            here.setdefault(person.place.slug, []).append(person)
    children: dict[str, list[tuple[tuple[int, str, str], str]]] = {}
    for levels, slug in slugs.items():
        if len(levels) > 1:
            children.setdefault(slugs[levels[:-1]], []).append((_name_key(levels[-1], memo), slug))
    ordered = sorted(slugs.items(), key=lambda item: (len(item[0]), [_name_key(x, memo) for x in item[0]]))
    nodes = {
        slug: PlaceNode(levels=levels, slug=slug,
                        children=tuple(s for _, s in sorted(children.get(slug, []))),
                        here=tuple(here.get(slug, ())))
        for levels, slug in ordered
    }
    return PlaceTree(nodes=dict(sorted(nodes.items(), key=lambda kv: [_name_key(level, memo) for level in kv[1].levels])))


def _name_key(name: str, memo: Slugs) -> tuple[int, str, str]:
    """Natural order: 2栋 before 10栋."""
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, memo.slug(name), name)


def place_words(levels: Iterable[Levels], *more: str | None) -> tuple[str, ...]:
    """Every name a place goes by: each level of each place (幸福里, 3栋, 2单元) and `more` (the site's
    name, street, district, city and office address), each once, sorted. What hanzi.place_units reads."""
    return tuple(sorted({part for parts in levels for part in parts if part} | {word for word in more if word}))
