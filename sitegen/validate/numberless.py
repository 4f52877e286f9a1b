"""The digits a text can show once read as the output scan reads it: a cheap, provable superset
that lets the check skip `phones.numbers_as_published` (NFKC, folds, numeral runs) for a record
holding no hidden number, which is most: their digits are a date here and a 七夕 there.

A text is sorted into four classes of characters:

- *counted*: ASCII digits and the characters `disguise.numerals_as_digits` reads as one digit
  (〇 一 幺 两 壹 …, and O/o). The reading makes each one digit at most, never removes one, and
  makes no digit of anything else.
- *breakers*: CJK ideographs that are no numeral, and ASCII letters but O/o. Every step of the
  reading leaves them where they are: they are word characters (no separator fold or numeral run
  reaches across one: `disguise._BETWEEN_DIGITS`, `_NUMERAL_SEPARATOR`), NFKC does not change
  them, and no Markdown mark, format character or space is one. Only a tag (`<…>`) or a link
  target (`](…)`) removed, or an entity decoded, could take one away: `&`, `<` and `]` are unknown;
  and a fenced code block's info string (```abc, `disguise.markdown_unshown`), so a text holding
  ``` or ~~~ is left to the full reading (a link reference definition holds `]`). An ordered list's
  number opening a line (1. …) is no text on the page either: such a text is also seen without them.
- *inert*: spaces, ASCII punctuation and the common CJK and full-width punctuation, which NFKC
  maps to no digit and no numeral; the reading may drop them.
- anything else (full-width, circled or other scripts' digits, ①, ㉑, `&`, `<`, `]` and their
  full-width forms…) is unknown: the full reading decides.

`digits_seen` writes each stretch of counted characters (with only inert ones between) as its
digits, the inert ones dropped, the stretches apart. A run of digits in the reading comes from counted characters that follow one another
with only inert ones between (a counted character left unread stays a non-digit and splits the
run), so it is a substring of one stretch's digits: a number not found there is not
in the reading either.
"""

from __future__ import annotations

import re
from typing import Final

from sitegen.validate.disguise import COUNTED_DIGITS, LIST_NUMBER

_NUMERALS: Final = "".join(sorted(c for c in COUNTED_DIGITS if not c.isascii()))
_COUNTED: Final = re.escape("".join(sorted(COUNTED_DIGITS)))


def _ranges_without(start: int, end: int, skipped: str) -> str:
    """A character class body for start..end (code points, inclusive) without the `skipped` characters."""
    holes = sorted(ord(c) for c in skipped if start <= ord(c) <= end)
    parts, low = [], start
    for hole in holes:
        if low < hole:
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(hole - 1))}")
        low = hole + 1
    if low <= end:
        parts.append(f"{re.escape(chr(low))}-{re.escape(chr(end))}")
    return "".join(parts)


# CJK Unified Ideographs (no decomposition in Unicode, category Lo) but the numerals; ASCII letters but O/o.
_BREAKERS: Final = _ranges_without(0x4E00, 0x9FFF, _NUMERALS) + "A-NP-Za-np-z"
# Spaces; ASCII punctuation but & < ] (an entity, a tag, a link target); CJK punctuation but 〇 (a
# numeral) and the Hangzhou numerals; general punctuation's dashes, quotes and ellipsis; full-width
# punctuation but ＆ ＜ ］.
_INERT: Final = (r"\s" + re.escape("!\"#$%'()*+,-./:;=>?@[\\^_`{|}~") + "\u3000-\u3006\u3008-\u301f\u30fb"
                 "\u00b7\u2010-\u2027" + _ranges_without(0xFF01, 0xFF0F, "＆") + _ranges_without(0xFF1A, 0xFF20, "＜")
                 + _ranges_without(0xFF3B, 0xFF40, "］") + "\uff5b-\uff65")
_UNKNOWN: Final = re.compile(f"[^{_COUNTED}{_BREAKERS}{_INERT}]")
_INERT_ONE: Final = re.compile(f"[{_INERT}]")
_STRETCH: Final = re.compile(f"[{_COUNTED}](?:[{_INERT}]*[{_COUNTED}])*")
# Counted → its digit, inert → dropped. Every space is below U+3001 (the ideographic space is U+3000).
_SEEN: Final = {
    **{ord(c): None for c in map(chr, [*range(0x3100), *range(0xFF01, 0xFF66)]) if _INERT_ONE.fullmatch(c)},
    **{ord(c): d for c, d in COUNTED_DIGITS.items()},
}


def digits_seen(text: str) -> str | None:
    """Every stretch of `text`'s counted characters as its ASCII digits, inert ones dropped, the
    stretches apart ("138 0551 至 5678" → "1380551x5678"; see the module docstring): every run of
    digits `phones.numbers_as_published(text)` shows is a substring of it. None when `text` holds a
    character of none of the classes: then only the full reading can tell."""
    if _UNKNOWN.search(text) is not None or "```" in text or "~~~" in text:
        return None
    # Each stretch of counted characters with inert ones between (two stretches are apart by a
    # breaker: a stretch goes on over inert ones), read apart; a tenth of the cost of translating the
    # text. They are joined by a breaker ("x": translate keeps it), never by an inert character.
    stretches = _STRETCH.findall(text)
    if LIST_NUMBER.search(text) is not None:  # the page shows no list number: seen without them too
        stretches += _STRETCH.findall(LIST_NUMBER.sub("", text))
    return "x".join(stretches).translate(_SEEN)
