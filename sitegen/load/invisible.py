"""Drop invisible characters (control, format, private use, surrogates) but keep emoji sequences whole.

Zero-width spaces, soft hyphens and bidi marks can hide or reorder text, so fields lose them. But
U+200D ZERO WIDTH JOINER is also what joins 👨‍👩‍👧‍👦 (a family), 👩‍⚕️ (a health worker) and
🏳️‍🌈 (a flag) into one picture, and tag characters (U+E0020–E007F) spell 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (Scotland);
dropping them shows four people instead of a family. Unicode TR #51 §1.4.9 (emoji ZWJ sequences)
and §1.4.7 (tag sequences) give the shapes kept here: a joiner between two pictographs (either
possibly followed by U+FE0F or a skin tone), tags after U+1F3F4 WAVING BLACK FLAG.
"""

from __future__ import annotations

import unicodedata
from typing import Final

INVISIBLE_CATEGORIES: Final = frozenset({"Cf", "Cc", "Co", "Cs"})
ZWJ: Final = "\u200d"
_BLACK_FLAG: Final = "\U0001f3f4"
_TAGS: Final = range(0xE0020, 0xE0080)
_MODIFIERS: Final = frozenset({"\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))})  # emoji presentation, skin tones


def _pictograph(ch: str) -> bool:
    """A character an emoji sequence joins: So (people, objects, ⚕, ♀) or one of the emoji blocks."""
    return unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


def _joins_emoji(text: str, index: int) -> bool:
    before = index - 1
    while before >= 0 and text[before] in _MODIFIERS:
        before -= 1
    after = index + 1
    return before >= 0 and after < len(text) and _pictograph(text[before]) and _pictograph(text[after])


def _in_flag_tags(text: str, index: int) -> bool:
    start = index
    while start > 0 and ord(text[start - 1]) in _TAGS:
        start -= 1
    return start > 0 and text[start - 1] == _BLACK_FLAG


def _kept(text: str, index: int, keep: str) -> bool:
    ch = text[index]
    if ch in keep or unicodedata.category(ch) not in INVISIBLE_CATEGORIES:
        return True
    if ch == ZWJ:
        return _joins_emoji(text, index)
    return ord(ch) in _TAGS and _in_flag_tags(text, index)


def drop_invisible(text: str, keep: str = "") -> str:
    """`text` without control, format, private-use or surrogate characters, except those in `keep`
    and the joiners and tags inside emoji sequences."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch for index, ch in enumerate(text) if _kept(text, index, keep))
