"""The kind registry: one entry per kind of record, read by every stage (docs/architecture.md).

An entry (sitegen/kinds/shape.py `Kind`) says where a kind's files live, its fields (the schema
validate builds), its statuses and the words workers write for them, its model class and
cross-field rules (by name), its templates, sheet columns and the editor's form (made from its
fields). Adding a kind is one module here, its line in `RECORD_KINDS`, and its templates.
"""

from __future__ import annotations

from typing import Final

from sitegen.kinds.activities import ACTIVITIES
from sitegen.kinds.deliberations import DELIBERATIONS
from sitegen.kinds.disclosures import DISCLOSURES
from sitegen.kinds.pages import PAGES
from sitegen.kinds.shape import Column, Field, Kind
from sitegen.kinds.wishes import WISHES

# The order is the order of the site: the home page, the lists, the posters, the load.
RECORD_KINDS: Final[tuple[Kind, ...]] = (ACTIVITIES, DISCLOSURES, DELIBERATIONS, WISHES)
ALL_KINDS: Final[tuple[Kind, ...]] = (*RECORD_KINDS, PAGES)  # and the free pages, which have fields but no poster
FOLDERS: Final = tuple(k.folder for k in RECORD_KINDS)
_BY_FOLDER: Final = {k.folder: k for k in ALL_KINDS}


def kind(folder: str) -> Kind:
    """The entry of a folder ("wishes"); KeyError for a folder that is no kind."""
    return _BY_FOLDER[folder]


def named(word: str) -> Kind | None:
    """The kind a worker means by `word` (wish, 微心愿, 心願), or None."""
    wanted = word.strip().lower()
    return next((k for k in ALL_KINDS if wanted in k.names), None)


__all__ = [
    "ACTIVITIES", "ALL_KINDS", "DELIBERATIONS", "DISCLOSURES", "FOLDERS", "PAGES", "RECORD_KINDS", "WISHES",
    "Column", "Field", "Kind", "kind", "named",
]
