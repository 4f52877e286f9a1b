"""A build-scoped memo that the build cache keeps between builds, pruned to what the last build used.

`Summaries` (render/summary.py) and `Fits` (render/fit.py) are this, keyed differently: a value is
made once, remembered for the next builds, and dropped by the first build that no longer asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, Self, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """key → value made by a pure function of what the key holds; `known` from the builds before,
    `asked` this build's. Pickled (pipeline/cache.py) as what this build asked for."""

    def __init__(self) -> None:
        self.known: dict[K, V] = {}
        self.asked: dict[K, V] = {}  # this build's; not kept by the cache (__getstate__)

    def _remember(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for `key`, else `make()`; either way asked for by this build."""
        found = self.asked.get(key)
        if found is None:
            found = self.known.get(key)
            if found is None:
                found = make()
            self.asked[key] = found
        return found

    def settled(self) -> Self:
        """What the next build starts from: what this build asked for (all of it, when it asked for nothing)."""
        kept = type(self)()
        kept.known = dict(self.asked) if self.asked else dict(self.known)
        return kept

    def __getstate__(self) -> dict[str, object]:
        return {"known": self.asked or self.known}

    def __setstate__(self, state: dict[str, object]) -> None:
        known = state.get("known")
        self.known = known if isinstance(known, dict) else {}
        self.asked = {}
