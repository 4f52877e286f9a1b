"""Drop invisible characters (control, format, private use, surrogates) but keep emoji sequences whole.

Zero-width spaces, soft hyphens and bidi marks can hide or reorder text, so fields lose them. But
U+200D ZERO WIDTH JOINER is also what joins 👨‍👩‍👧‍👦 (a family), 👩‍⚕️ (a health worker) and
🏳️‍🌈 (a flag) into one picture, and tag characters (U+E0020–E007F) spell 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (Scotland);
dropping them shows four people instead of a family. Unicode TR #51 §1.4.9 (emoji ZWJ sequences)
and §1.4.7 (tag sequences) give the shapes kept here: a joiner between two pictographs (either
possibly followed by U+FE0F or a skin tone), tags after U+1F3F4 WAVING BLACK FLAG.
"""

from __future__ import annotations

import re
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


def _kept(text: str, index: int, keep: str, categories: frozenset[str] = INVISIBLE_CATEGORIES) -> bool:
    ch = text[index]
    if ch in keep or unicodedata.category(ch) not in categories:
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


BODY_INVISIBLE: Final = frozenset({"Cf", "Cc"})
# Every format (Cf) and control (Cc) character of Unicode 14 (Python 3.11) but tab and line end, as one class: a body
# without any (nearly every body) is passed over by one search in C (tests/load/test_invisible_body.py).
_FORMAT_OR_CONTROL: Final = re.compile("["
                                       "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                                       "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
                                       "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
                                       "]")


def visible_body(text: str) -> str:
    """A body as shown: without format characters (zero-width spaces, soft hyphens, bidi marks, a BOM
    pasted mid-text) or controls but tab and line end, the joiners and tags of emoji sequences kept.

    Pasted from WeChat or Word they are invisible, yet they part the characters around them: a page
    held `<p>\u200b</p>`, and search could not find 邻里 typed as 邻\u200b里 (breaker helper-123).
    Private-use characters stay: an old font's rare character in a name is a character of the name.
    """
    if text.isascii() and text.isprintable() or not _FORMAT_OR_CONTROL.search(text):
        return text
    return "".join(ch for index, ch in enumerate(text) if _kept(text, index, "\t\n", BODY_INVISIBLE))
