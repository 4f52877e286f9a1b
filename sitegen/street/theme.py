"""The theme as the street's pages use it: the community theme plus the street's own labels.

The street labels live in `i18n/street/<language>.yaml` beside the theme's labels (a site theme
may override them file by file, as any label): kept apart so that a community's labels, and what
is keyed by them (the search index's file names, render/search.py), stay exactly as they were.
"""

from __future__ import annotations

from typing import ClassVar

from sitegen.render.theme import Theme


class StreetTheme(Theme):
    """Theme whose labels also hold every `street_*` label; problems in those files at their PATH:LINE."""

    LABEL_FOLDERS: ClassVar[tuple[str, ...]] = ("", "street")
