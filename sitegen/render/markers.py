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

from typing import NoReturn

import jinja2
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
