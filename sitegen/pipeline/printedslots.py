"""The print folder's posters through the plan memo (PlanMemo.printed): a person's poster, the
boards and the poster index are taken again, specs and fingerprints, while the key of the
published slot of the same name stays (pipeline/replan.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sitegen.pipeline.replan import PlanMemo, Slot, asked_since
from sitegen.render.kept import Kept
from sitegen.render.views import PageSpec


def _slot(old: Slot | None, key: str, make: Callable[[], Iterable[PageSpec]], print_of: Callable[[PageSpec], str],
          kept: Sequence[Kept[Any, Any]]) -> Slot:
    """`old` itself when its key is `key` (the kept memos asked again what its making asked), else
    the slot made now, with what its making asked of the kept memos: its fingerprints `old`'s when
    `old` was read from the cache files with key `key` (no specs: the CLI), else digested now."""
    if old is not None and old[0] == key and old[1] is not None:
        for memo, answers in zip(kept, old[3], strict=True):
            if answers:  # each value is its key's pure function: an answer asked again is the same
                memo.asked.update(answers)
        return old
    before = [len(memo.asked) for memo in kept]
    specs = tuple(make())
    asked = tuple(asked_since(memo, count) for memo, count in zip(kept, before, strict=True))
    if old is not None and old[0] == key and len(old[2]) == len(specs):  # same key: same fingerprints
        return (key, specs, old[2], asked)
    return (key, specs, tuple(print_of(spec) for spec in specs), asked)


class PrintedSlots:
    """The print folder's posters through the memo (PlanMemo.printed), for a build that keyed its
    published slots this time (Replanner.plan).

    A printed slot (a person's poster, the boards, the poster index) is the printed form of the
    published slot of the same name: its planner reads exactly what the published one reads, with
    phones as paper shows them (render/posters.py `printed`), and the records' digests hold the
    full phones. So it is keyed by this build's key of the published slot and taken again, specs and
    fingerprints, while that key stays.
    """

    def __init__(self, memo: PlanMemo, print_of: Callable[[PageSpec], str], kept: Sequence[Kept[Any, Any]]) -> None:
        self.memo, self.print_of, self.kept = memo, print_of, tuple(kept)
        self.slots: dict[str, Slot] = {}
        self.reused = 0

    def slot(self, name: str, make: Callable[[], Iterable[PageSpec]]) -> tuple[tuple[PageSpec, ...], tuple[str, ...]]:
        """The printed specs of published slot `name` and their fingerprints (made now when the
        published slot has no key this build)."""
        published = self.memo.slots.get(name)
        if published is None:
            specs = tuple(make())
            return specs, tuple(self.print_of(spec) for spec in specs)
        old = self.memo.printed.get(name)
        slot = self.slots[name] = _slot(old, published[0], make, self.print_of, self.kept)
        made = slot[1]
        assert made is not None  # _slot makes them, or takes a slot made in this process (never the files')
        if old is not None and slot[2] is old[2]:  # taken again, or its fingerprints read back from the files
            self.reused += len(made)
        return made, slot[2]

    def done(self) -> None:
        """This build's printed slots replace the last build's."""
        self.memo.printed = self.slots
