"""Values that differ per tree, printed by a template but never tested by it.

A page is rendered once; its elder-mode (长辈版) and 繁體 copies are made from that one render by
replacing markers (render/site.py). So `lang`, `tree.html_class` and the switch links hold a
`Marker` while the template runs: printing one (`{{ lang }}`) gives each copy its own value, but
comparing or testing one (`{% if lang == "zh-Hant" %}`) would see the same marker in every copy and
silently take one branch for all of them. A marker therefore refuses every comparison, length,
membership and item or method access with `MarkerCompared`, which the build reports as a theme
problem at the template's PATH:LINE. A truth test (`sizes or tree.photo_sizes`) is allowed where
the value is never empty, since it is then true in every copy, and refused where it may be empty
(`tree.html_class` is "" outside 长辈版). A copy is styled with CSS instead (`html[lang="zh-Hant"]`,
`html.care`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NoReturn

import jinja2
from jinja2 import nodes
from markupsafe import Markup


class MarkerCompared(jinja2.TemplateRuntimeError):
    """A template compared or tested a value that differs per tree (`name`: lang, tree.care_href …)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"{name} differs per tree and cannot be compared")


class Marker:
    """A per-tree value during the one render: prints as `text`, which each copy replaces with its value."""

    __slots__ = ("name", "text", "may_be_empty")

    def __init__(self, name: str, text: str, may_be_empty: bool = False) -> None:
        self.name = name  # as a template spells it: lang, tree.care_href
        self.text = text  # an ASCII token holding the build's secret; content cannot forge it
        self.may_be_empty = may_be_empty  # "" in some copy: a truth test would differ per copy

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> Markup:
        return Markup(self.text)

    def __repr__(self) -> str:
        return f"Marker({self.name!r})"

    def _refuse(self, *_: object) -> NoReturn:
        raise MarkerCompared(self.name)

    def __bool__(self) -> bool:
        if self.may_be_empty:
            self._refuse()
        return True

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __len__ = __contains__ = __getitem__ = __iter__ = _refuse
    __hash__ = object.__hash__


# The `tree.*` fields that hold a Marker while a page renders (render/site.py Tree: every field but
# has_script_switch, which is the same in every copy); tests/render/test_markers.py keeps them in step.
PER_TREE_FIELDS: Final = frozenset({"html_class", "lang", "care_href", "care_data", "care_label", "script_href",
                                    "script_lang", "script_label", "photo_sizes", "thumb_sizes"})
_HARMLESS_TESTS: Final = frozenset({"defined", "undefined"})  # the same answer in every copy


def _per_tree(node: nodes.Node) -> str | None:
    """`lang` or `tree.<field>` as the template spells it, when `node` reads a per-tree value."""
    if isinstance(node, nodes.Name) and node.name == "lang":
        return "lang"
    if (isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "tree"
            and node.attr in PER_TREE_FIELDS):
        return f"tree.{node.attr}"
    return None


def _conditions(template: nodes.Template) -> Iterator[nodes.Node]:
    yield from (node.test for node in template.find_all(nodes.If))
    yield from (node.test for node in template.find_all(nodes.CondExpr))
    yield from template.find_all(nodes.Compare)
    yield from (node for node in template.find_all(nodes.Test) if node.name not in _HARMLESS_TESTS)


def _tested_inside(condition: nodes.Node) -> Iterator[nodes.Node]:
    """Per-tree reads in `condition` that go through a filter, `~`, a call, a test or a comparison
    (`lang|string == "zh-Hant"`): a marker turned into text compares silently, the same in every
    copy. A bare truth test (`{% if tree.html_class %}`, also under and/or/not) is left to the
    Marker itself, which refuses it at render time where it would differ per copy."""
    if _per_tree(condition) is not None or (isinstance(condition, nodes.Test) and condition.name in _HARMLESS_TESTS):
        return
    if isinstance(condition, (nodes.And, nodes.Or)):
        yield from _tested_inside(condition.left)
        yield from _tested_inside(condition.right)
    elif isinstance(condition, nodes.Not):
        yield from _tested_inside(condition.node)
    else:
        yield from (node for node in condition.find_all((nodes.Name, nodes.Getattr)) if _per_tree(node))


def per_tree_tests(template: nodes.Template) -> list[tuple[str, int]]:
    """(name, line) of each place a parsed template tests a per-tree value in a way the Marker
    cannot refuse while rendering (it was made text first): sorted, each place once. The build
    reports them as theme.per_tree_compared at the template's PATH:LINE before rendering anything."""
    found = {(name, node.lineno) for condition in _conditions(template)
             for node in _tested_inside(condition) if (name := _per_tree(node)) is not None}
    return sorted(found, key=lambda item: (item[1], item[0]))
