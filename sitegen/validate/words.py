"""Chinese words workers write for the enumerations of SPEC §3, each read as exactly one value.

The words themselves are the kind registry's (sitegen/kinds/: `Field.words`): each table belongs
to one choice field of one kind, so a word means one thing there: 已完成 is `fulfilled` for a
wish and `completed` for a deliberation. Traditional spellings are listed beside the Simplified
ones (the 繁體 readers' workers type them). The first word of each value is the one messages show.
"""

from __future__ import annotations

from sitegen.kinds.shape import Words

__all__ = ["Words", "word_table"]


def word_table(words: Words) -> dict[str, str]:
    """spelling → value; AssertionError when one spelling would mean two values (a registry slip)."""
    table: dict[str, str] = {}
    for value, spellings in words.items():
        for word in spellings:
            assert table.setdefault(word, value) == value, f"{word} means two values"
    return table
