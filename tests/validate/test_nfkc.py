"""validate/nfkc.py gives exactly `unicodedata.normalize("NFKC")`, on the text it is fast for and on
the text that needs the slow path (combining marks after a replaced character, Hangul jamo,
characters outside its ranges)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.validate.nfkc import SHORT, nfkc

# Pieces a long page is made of: Chinese text and punctuation, full-width and half-width forms,
# compatibility ideographs, circled and parenthesised numbers, combining marks that compose with what
# a replacement leaves (Ａ + U+0301 → Á), Hangul jamo that compose, astral digits (𝟏), Kangxi radicals.
PIECES = ["社区", "微心愿", "，", "：", "（", "）", "！", "？", "；", "\u3000", "ＡＢＣ", "１３８", "ｶﾞ", "ﾟ", "\u0301", "\u0308",
          "\u1100", "\u1161", "\u11a8", "①", "⑴", "㈠", "㊀", "豈", "\ufa0e", "𝟏𝟐", "⼭", "…", "\u00a0", "²", "½",
          "fi", "\ufb01", "e", "<p>", "王五", "\u200b", "Å", "\u212b", "ﬀ", "\ufe35", "\U0002f800", "\U0001f600"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=400))
def test_the_same_string_as_unicodedata(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.text(min_size=SHORT, max_size=3 * SHORT))
@settings(max_examples=200, deadline=None)
def test_any_long_text(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


CASES = [
    # (text, repeated so the fast path runs) → what NFKC gives
    ("全角：１３８（一）", "全角:138(一)"),
    ("Ａ\u0301", "Á"),  # the replaced Ａ composes with the accent after it: the slow path finishes it
    ("ｶﾞ", "ガ"),  # half-width katakana and its voiced mark compose once replaced
    ("\u1100\u1161", "가"),
    ("⼭東", "山東"),
    ("𝟏𝟑𝟖", "138"),  # outside the ranges: the last step
]


def test_cases_long_and_short() -> None:
    for text, folded in CASES:
        assert nfkc(text) == folded
        assert nfkc(text * SHORT) == folded * SHORT
