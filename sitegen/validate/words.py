"""Chinese words workers write for the enumerations of SPEC §3, each read as exactly one value.

The words themselves are the kind registry's (sitegen/kinds/: `Field.words`): each table belongs
to one choice field of one kind, so a word means one thing there: 已完成 is `fulfilled` for a
wish and `completed` for a deliberation. Traditional spellings are listed beside the Simplified
ones (the 繁體 readers' workers type them). Messages show each value as the site, the editor and the
表格模板 call it (the field's `sheet_labels`: 已议定, 仅海报完整), else as its first word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from sitegen.kinds import kind
from sitegen.kinds.shape import Words

__all__ = ["Words", "chosen", "listed", "said", "unmarked", "unquoted", "word_table"]

# Invisible characters that go with a mark: variation selectors (Mn, U+FE0F), zero-width joiners and spaces (Cf)
_MARKS = ("Mn", "Me", "Cf")


# Quotes a Chinese input method types around a value (“open”, 「2024-01-01」): not part of a typed value.
_CURLY_QUOTES: Final = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("＂", "＂"), ("《", "》"))


def unquoted(raw: str) -> str:
    """`raw` without one pair of input-method quotes around it (“open” → open); else `raw` itself."""
    for opening, closing in _CURLY_QUOTES:
        if len(raw) > 2 and raw.startswith(opening) and raw.endswith(closing):
            return raw[1:-1].strip()
    return raw


def chosen(allowed: tuple[str, ...], table: Mapping[str, str], raw: str) -> str | None:
    """The value of `allowed` that `raw` (typed, its quotes gone) stands for: the value itself, a word of
    `table` (word_table), either in any case, or either without its marks (♥ 已认领, 【claimed】: `unmarked`);
    None when none. What the check takes (validate/fields.py `_choice`) and the editor shows (edit/values.py)."""
    if raw in allowed:
        return raw
    folded = {value.casefold(): value for value in allowed}
    bare = unmarked(raw)
    return table.get(raw) or folded.get(raw.casefold()) or table.get(bare) or folded.get(bare.casefold())


def word_table(words: Words) -> dict[str, str]:
    """spelling → value; AssertionError when one spelling would mean two values (a registry slip)."""
    table: dict[str, str] = {}
    for value, spellings in words.items():
        for word in spellings:
            assert table.setdefault(word, value) == value, f"{word} means two values"
    return table


def _shown(words: Words, labels: Mapping[str, str] | None) -> dict[str, str]:
    """value → the word messages show for it: its label when that is one of its words, else its first word."""
    labels = labels or {}
    return {value: labels[value] if labels.get(value) in spellings else spellings[0] for value, spellings in words.items()}


def listed(allowed: tuple[str, ...], words: Words, labels: Mapping[str, str] | None = None) -> str:
    """Every choice said with its value, for a message: 待认领（open）、已认领（claimed）…"""
    shown = _shown(words, labels)
    return "、".join(f"{shown[value]}（{value}）" for value in allowed)


def said(folder: str, field: str, value: str) -> str:
    """The word messages show for `value` of a kind's choice field (a wish's fulfilled: 已实现); the
    value itself when the field has no words for it."""
    spec = next((f for f in kind(folder).fields if f.name == field), None)
    if spec is None or not spec.words:
        return value
    return _shown(spec.words, spec.sheet_labels).get(value, value)


def unmarked(typed: str) -> str:
    """`typed` without the marks the site shows before a status (✓ 已办结, ✕ 未通过, ♥ 已认领, ☆ 待认领:
    themes/default/templates/macros.html) and the spaces after them: a worker copying the word from the
    page copies its mark too (newcomer17: refused with the whole list, not saying the mark was wrong). A
    phone's emoji keyboard writes ❤️ and ☑️ with an invisible variation selector, or a zero-width joiner
    (break17b): those go with the mark. So do marks after the word (已认领 ♥, 已认领✔), brackets around
    it (【已认领】, （已认领）) and a list's number before it (2. 已认领, ①已认领), as a worker copies a status
    from a report or a chat (break17b). A cross (✕ ❌ ✗ × 🚫 ⛔) says no: it goes only with a word saying
    no itself (✕ 未通过, the site's badge); ❌ 已认领 or ✕ 已办结 is `typed` as it is (break19b: taken as
    已认领 and 已办结)."""
    text = _NUMBERED.sub("", typed.strip())
    start, end = 0, len(text)
    while start < end and _decoration(text[start]):
        start += 1
    while end > start and _decoration(text[end - 1]):
        end -= 1
    word = text[start:end]
    crossed = any(char in _CROSSES for char in text[:start] + text[end:])
    return typed if crossed and not any(char in _NO for char in word) else word


_NUMBERED: Final = re.compile(r"^\d{1,3}\s*[.、．)）]\s*")  # 2. 已认领, 2、已认领
_BRACKETS: Final = frozenset("【】（）()「」『』《》〈〉[]<>")
_CROSSES: Final = frozenset("✕✖✗✘❌❎×╳☒🚫⛔")  # a mark saying no
_NO: Final = frozenset("未不否没非无")  # 未通过, 不通过: a word saying no itself


def _decoration(char: str) -> bool:
    """A character around a status word that is no part of it: a space, a mark or symbol (✓ ♥ ❤️ and its
    invisible selector), a bracket, a circled or other non-digit number (①)."""
    category = unicodedata.category(char)
    return (char.isspace() or category in _MARKS or category.startswith("S") or char in _BRACKETS
            or category == "No")
