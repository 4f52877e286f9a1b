"""validate/disguise.py's two shortcuts give exactly what the plainer searches gave (the references
below are the functions as they were): numerals_as_digits passes over a lone numeral in a word
(第一, 三楼) without its look-back search, and `fold` finds the separators between two digits from
the digit before them instead of a look-behind tried at every character."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.validate.disguise import (_BEFORE_NUMERAL, _FROM_NUMERAL, _LOOK_BACK, _NUMERAL_DIGITS, MAX_SEPARATORS,
                                       NUMERAL_RUN_MIN, _OTHER_DIGIT, _ascii_digit, fold, fold_name, numerals_as_digits)

_LOOK_BEHIND = re.compile(rf"(?<=[0-9])[\W_]{{1,{MAX_SEPARATORS}}}(?=[0-9])")


def fold_reference(text: str) -> str:
    """`fold` as it was: the separators between two digits found by a look-behind at every character."""
    text = fold_name(text)
    if _OTHER_DIGIT.search(text):
        text = _OTHER_DIGIT.sub(_ascii_digit, text)
    return _LOOK_BEHIND.sub("", text)


def reference(text: str) -> str:
    """numerals_as_digits with the look-back searched before every numeral."""
    pieces: list[str] = []
    start = 0
    for match in _FROM_NUMERAL.finditer(text):
        before = _BEFORE_NUMERAL.search(text, max(start, match.start() - _LOOK_BACK), match.start())
        begin = before.start() if before else match.start()
        digits = [_NUMERAL_DIGITS[c] for c in text[begin:match.end()] if c in _NUMERAL_DIGITS]
        if len(digits) >= NUMERAL_RUN_MIN:
            pieces += [text[start:begin], *digits]
            start = match.end()
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


# What stands around numerals on a page: digits, every kind of numeral, the separators a number is
# written with, the characters that end a run (ideographs, letters, quotes, brackets), the underscore
# (a separator though \w), a newline (`$` matches before a last one), digits of other scripts.
PIECES = [*"0123456789", *"一二三四五六七八九〇○◯零洞幺两兩壹贰貳叁參参肆伍陆陸柒捌玖Oo", *"-–—.·/ ,:()（）*_\n\t",
          *'第楼号栋室社区电话abcZ"[]', "１", "٣", "①", "138", "0551", "5678"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=200))
def test_the_same_text_as_the_search_before_every_numeral(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert numerals_as_digits(text) == reference(text)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text(text: str) -> None:
    assert numerals_as_digits(text) == reference(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=200))
def test_fold_drops_the_same_separators_as_the_look_behind(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert fold(text) == fold_reference(text)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_fold_any_text(text: str) -> None:
    assert fold(text) == fold_reference(text)


CASES = [
    # text → what is searched for numbers
    ("电话一三八〇五五一五六七八", "电话13805515678"),
    ("138零五五一5678", "13805515678"),  # digits before the first numeral are reached by the look-back
    ("138_零五五一5678", "13805515678"),  # the underscore separates though it is a word character
    ("第一栋三楼", "第一栋三楼"),  # lone numerals in words: the text itself
    ("12345\n六", "12345\n六"),  # a run of six: too short whatever stands before
    ("123456\n七", "1234567"),  # seven with the newline between: `$` before a last newline
    ('"123456"七', '"123456"七'),  # a quote ends a run (the search file is cut there)
    ("a123456七", "a1234567"),
]


def test_cases() -> None:
    for text, searched in CASES:
        assert numerals_as_digits(text) == searched == reference(text)
        assert (numerals_as_digits(text) is text) == (searched == text)
