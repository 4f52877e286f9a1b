"""Yes and no as workers write them, read alike in a record file and in a sheet cell.

The words are the kind registry's: YES_NO_WORDS (sitegen/kinds/common.py: 是, √, yes …) for every
yes-or-no field, and a field's own (`Field.words`: a disclosure's party_member takes 党员 and 群众, as a
政治面貌 column writes them, and no other field does). validate/fields.py `Bool` and sheets/cells.py
`read_bool` both look a word up in `yes_no_table`, so `party_member: 党员` in a file means what 党员
means in a sheet (break20: a file refused it while the import took it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from sitegen.kinds.common import YES_NO_WORDS
from sitegen.kinds.shape import Words
from sitegen.validate.typed import fail, typed

_SHOWN = 3  # words a message lists for each of true and false


def folded(text: str) -> str:
    """A word as it is matched: width folded (NFKC), lower case, no spaces, no emoji variation mark (✔️ is ✔)."""
    return re.sub(r"[\s\ufe0f]+", "", unicodedata.normalize("NFKC", text)).lower()


def yes_no_table(words: Words | None = None) -> dict[str, bool]:
    """folded spelling → True or False: the registry's YES_NO_WORDS, then a field's own `words` (keyed
    "true" and "false"). AssertionError when one spelling would mean both (a registry slip)."""
    table: dict[str, bool] = {}
    for source in (YES_NO_WORDS, words or {}):
        for value, spellings in source.items():
            for word in spellings:
                assert table.setdefault(folded(word), value == "true") == (value == "true"), f"{word} means both"
    return table


def field_words(words: Words) -> str:
    """A field's own words for a message, the first few of each: 党员、中共党员、预备党员（true）；群众、…（false）."""
    return "；".join(f"{'、'.join(spellings[:_SHOWN])}（{value}）" for value, spellings in words.items())


def sheet_words(words: Words) -> str:
    """A field's own words for a sheet's message, the first few of each with 是 or 否 (a sheet says no true or
    false): 党员、中共党员、预备党员（是）；群众、非党员、共青团员（否）."""
    yes_no = {"true": YES_NO_WORDS["true"][0], "false": YES_NO_WORDS["false"][0]}
    return "；".join(f"{'、'.join(spellings[:_SHOWN])}（{yes_no[value]}）" for value, spellings in words.items())


def yes_or_no(words: Words | None = None) -> Callable[[Any], bool]:
    """The reader of a yes-or-no field that takes `words` besides everyone's: raises `value.bool`, or
    `value.bool_words` naming the field's own words."""
    table = yes_no_table(words)

    def _boolean(value: Any) -> bool:  # so named: the editor shows a checkbox for it (edit/forms.py)
        shown = typed(value)
        found = table.get(folded(shown))
        if found is None:
            if words:
                raise fail("value.bool_words", value=shown, words=field_words(words))
            raise fail("value.bool", value=shown)
        return found

    return _boolean
