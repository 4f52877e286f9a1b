"""Chinese words workers write for the enumerations of SPEC §3, each mapped to exactly one value.

The words are the kind registry's (sitegen/kinds/): each table belongs to one choice field of one
kind, so a word means one thing there: 已完成 is `fulfilled` for a wish and `completed` for a
deliberation. Traditional spellings are listed beside the Simplified ones (the 繁體 readers'
workers type them). The first word of each value is the one messages show. A table is named
`<singular>_<field>`: `wish_status`, `disclosure_show_phone`.
"""

from __future__ import annotations

from typing import Final

from sitegen.kinds import ALL_KINDS
from sitegen.kinds.shape import Words


def _table(words: Words) -> dict[str, str]:
    table: dict[str, str] = {}
    for value, spellings in words.items():
        for word in spellings:
            assert table.setdefault(word, value) == value, f"{word} means two values"
    return table


_CHOICES: Final = {k.words_name(f.name): f.words for k in ALL_KINDS for f in k.fields if f.words}
WORD_TABLES: Final = {name: _table(words) for name, words in _CHOICES.items()}
FIRST_WORDS: Final = {name: {value: spellings[0] for value, spellings in words.items()}
                      for name, words in _CHOICES.items()}
