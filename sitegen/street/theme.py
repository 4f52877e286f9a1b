"""The theme as the street's pages use it: the community theme plus the street's own labels.

The street labels live in `i18n/street/<language>.yaml` beside the theme's labels (a site theme
may override them file by file, as any label): kept apart so that a community's labels, and what
is keyed by them (the search index's file names, render/search.py), stay exactly as they were.
"""

from __future__ import annotations

from functools import cached_property

from sitegen.errors import Problem
from sitegen.render.theme import Theme


class StreetTheme(Theme):
    """Theme whose labels also hold every `street_*` label; problems in those files at their PATH:LINE."""

    @cached_property
    def _labels(self) -> tuple[dict[str, str], list[Problem]]:
        merged, problems = Theme._labels.func(self)  # type: ignore[attr-defined]
        merged, problems = dict(merged), list(problems)
        for base in reversed(self.dirs):
            path = base / "i18n" / "street" / f"{self.language}.yaml"
            if not path.is_file():
                continue
            data, found = self._read_yaml(path)
            problems += found
            if data is None and not found:
                continue
            if not isinstance(data, dict) or any(not isinstance(v, str) for v in data.values()):
                problems.append(Problem(self._where(path), 1, "theme.labels"))
                continue
            merged.update({str(k): v for k, v in data.items()})
        return merged, problems
