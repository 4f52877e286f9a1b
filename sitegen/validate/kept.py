"""Each record's own check, kept by a long-lived process (`serve`) between builds.

A record's schema, rules and body checks depend on its RawRecord alone (check.py `_record_key`:
its text and where each part of it is). The load stage hands back the very same RawRecord object
for a file whose (size, mtime) did not change (load/__init.py FileCache), so a rebuild after one
save finds every other record here by that object, without digesting it again. Entries hold their
RawRecord: the object cannot die and its id be given to another while the entry lives.

What depends on other files is not kept here: the photos a record names are looked at again on
every build (validate/check.py `_photos`), and the rules across records run over every record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitegen.errors import Problem

if TYPE_CHECKING:
    from sitegen.load.records import RawRecord
    from sitegen.validate.check import Valid


@dataclass(frozen=True, slots=True)
class Checked:
    """One record's own findings: its schema value (None when it failed), problems, and cache key."""

    raw: RawRecord  # held: the memo is keyed by its id
    fields: Any
    problems: tuple[Problem, ...]
    key: str  # check.py `_record_key(raw)`, to keep the build cache's entry while the record is unchanged
    valid: Valid | None = None  # the Valid last made of it, reused while its photos are the same


class RecordsKept:
    """RawRecord → its own check (`Checked`), for the records of the last build only."""

    def __init__(self) -> None:
        self._last: dict[int, Checked] = {}
        self._now: dict[int, Checked] = {}

    def start(self) -> None:
        """A build begins: what an unfinished one put is dropped."""
        self._now = {}

    def get(self, raw: RawRecord) -> Checked | None:
        """What the last build found in this very record object, else None."""
        found = self._last.get(id(raw))
        return found if found is not None and found.raw is raw else None

    def put(self, checked: Checked) -> None:
        """Remember a record of this build."""
        self._now[id(checked.raw)] = checked

    def settle(self) -> None:
        """This build is over: the next one reuses what it met, and nothing older."""
        self._last, self._now = self._now, {}
