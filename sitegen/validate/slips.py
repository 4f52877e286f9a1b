"""Typing slips that still read as valid values: say what was understood, at the line, as a warning.

A list typed on one line (`tags: 邻里节，文艺`) is split at its commas; a place typed without its
slash (`福桂苑9栋` where the compound 福桂苑 exists) would open a second board for the compound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord
from sitegen.validate.fields import LIST_SEPARATORS, split_one_line_list

if TYPE_CHECKING:
    from sitegen.validate.check import Valid

LIST_FIELDS: Final = ("tags", "partners", "duties")
# What may stand between a compound and its building when the slash is forgotten: 福桂苑 9栋, 福桂苑-9栋.
_JOINERS: Final = " \u3000-－—–·・_"


def list_typed_on_one_line(raw: RawRecord, fields: Any) -> Iterator[Problem]:
    """A list field written as one text with commas was split into items: say so, with the items."""
    for name in LIST_FIELDS:
        value = raw.fields.get(name)
        if isinstance(value, str) and LIST_SEPARATORS.search(value) and len(split_one_line_list(value)) > 1:
            items = split_one_line_list(value)
            yield raw.problem(name, "list.split", warning=True, field=name, count=len(items),
                              items=" / ".join(items), first=items[0])
    tags = raw.fields.get("tags")
    if isinstance(tags, list):  # a tag typed with a Chinese comma inside a list: split (fields.split_tag_items)
        for index, item in enumerate(tags):
            if isinstance(item, str) and LIST_SEPARATORS.search(item) and len(parts := split_one_line_list(item)) > 1:
                yield raw.problem(("tags", index), "list.tag_split", warning=True, item=item, count=len(parts),
                                  items=" / ".join(parts), first=parts[0])


def compounds(records: Iterable[Valid]) -> set[str]:
    """The compounds (first place level) that disclosures name."""
    return {v.fields.place[0] for v in records if v.kind == "disclosures" and v.fields.place}


def place_typed_without_slash(records: list[Valid]) -> Iterator[Problem]:
    """`福桂苑9栋` when 福桂苑 is a compound elsewhere: the person would miss the compound's board."""
    known = sorted(compounds(records), key=len, reverse=True)
    for v in records:
        place = v.fields.place if v.kind == "disclosures" else None
        if not place:
            continue
        first = place[0]
        for compound in known:
            rest = first[len(compound):].strip(_JOINERS)
            if first != compound and first.startswith(compound) and rest:
                suggestion = "/".join((compound, rest, *place[1:]))
                yield v.raw.problem("place", "place.compound_hint", warning=True, place="/".join(place),
                                    compound=compound, suggestion=suggestion)
                break
