"""The paths a manifest lists, in its order, kept between the builds of one process (`serve`)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Final

from sitegen.write.tree import MANIFEST


class PathOrder:
    """The last paths asked for and their sorted list: a rebuild after an edit writes the same paths
    but a few (the search index's content-named files), and sorting 65,000 paths is 30 ms at 10,000
    records. Held by write/slots.py Manifests, never pickled."""

    PATCHED: Final = 64  # at most this many paths added or removed: the last order is patched, not sorted again

    def __init__(self) -> None:
        self.listed: tuple[frozenset[str], list[str]] = (frozenset(), [])

    def order(self, files: Mapping[str, str]) -> list[str]:
        """The paths of `files` but the manifest's own, sorted as a manifest lists them (code point
        order): the last list again when the paths are the same, patched when a few differ. Callers
        never change the list returned."""
        paths, order = self.listed
        keys = files.keys()
        if keys == paths:
            return order
        added, removed = keys - paths, paths - keys
        if paths and len(added) + len(removed) <= self.PATCHED:
            order = [rel for rel in order if rel not in removed] if removed else list(order)
            for rel in added:
                if rel != MANIFEST:
                    bisect.insort(order, rel)
        else:
            order = sorted(rel for rel in files if rel != MANIFEST)
        self.listed = (frozenset(keys), order)
        return order
