"""Undo the disguises a name or a phone number can wear before it is matched.

A full name hidden by a zero-width space (俞\u200b晓风), a soft hyphen, full-width or spaced-out
letters, or a phone written 138.0551.5678, １３８０５５１５６７８, 138–0551–5678, (138)0551/5678 or
138·0551·5678 must still be found. `fold` maps every such spelling onto one form: Unicode NFKC,
format characters (category Cf) and whitespace removed, every decimal digit as ASCII, and up to
three separators between two digits dropped. The masked form 138****5678 keeps its four stars,
so it never folds into the number it hides. The published text is untouched: only the copy that
is searched is folded.

A number can also be written in Chinese numerals, as it is read aloud (一三八〇五五一五六七八,
幺三八 for 138, 两 for 2) or in the financial capitals of a receipt (壹叁捌…), whole or mixed with
digits. `numerals_as_digits` reads a run of at least seven such characters as its digits; it is a
view of its own, searched for numbers only, since a name may hold a numeral (王五, 张一鸣).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final
from urllib.parse import unquote

import regex

from sitegen.validate.nfkc import nfkc

# The `regex` module knows Unicode categories (\p{Cf}); `re` would need a table built at import.
_FORMAT: Final = regex.compile(r"\p{Cf}")
# Any digit but ASCII's: other scripts' (Nd), and the circled and dingbat ones NFKC leaves (❶, ⓿, ➊: No).
_OTHER_DIGIT: Final = regex.compile(r"[^\P{N}0-9]")
# At most three separators (dots, dashes, slashes, commas, brackets, underscores, middle dots…)
# between two digits: "2024-06-01" folds to 20240601, "138****5678" stays apart.
MAX_SEPARATORS: Final = 3
# Found from the digit before them (a search starting only at digits, not a look-behind tried at
# every character): the digit is kept, the separators dropped (`_kept_digit`).
_BETWEEN_DIGITS: Final = re.compile(rf"([0-9])[\W_]{{1,{MAX_SEPARATORS}}}(?=[0-9])")
_TAG: Final = re.compile(r"<[^<>]*>")
_ICS_FOLD: Final = re.compile(r"\r?\n[ \t]")
_JSON_ESCAPE: Final = re.compile(r"\\u([0-9a-fA-F]{4})")
_PERCENT: Final = re.compile(r"%[0-9a-fA-F]{2}")
_MD_LINK_TARGET: Final = re.compile(r"\]\([^()]*\)")
_MD_MARKS: Final = re.compile(r"[*_~`\[\]<>]")
# Markdown that shows none of its words where it stands: a fenced code block's info string (```abc:
# Python-Markdown's fenced_code makes it a class attribute), a link reference definition
# ([a]: /x "title", never shown), and the marks opening a block line (a list's bullet or number as
# render/typed.py reads them: 1. 1) 1、 1．, 1.签到, - • ● ▪; a quote's >, a heading's #). The text
# on either side then meets on the page.
_LIST_NUMBER: Final = (r"\d{1,9}(?:[.)．][ \t\u3000]+|[、．][ \t\u3000]*"
                       r"|\.(?=[\u3400-\u9fff\U00020000-\U0002ffff]))")
_BLOCK_START: Final = r"^[ \t\u3000]*(?:>[ \t]*)*"
_MD_UNSHOWN: Final = re.compile(r"^([ \t]*(?:`{3,}|~{3,}))[^\n]*$|^ {0,3}\[[^\]\n]+\]:[^\n]*$"
                                rf"|{_BLOCK_START}(?:[-*+•●·▪◦－][ \t\u3000]+|{_LIST_NUMBER}|#{{1,6}}[ \t]+)", re.M)
# A line opening with an ordered list's number, which the page shows as no text (validate/numberless.py).
LIST_NUMBER: Final = re.compile(_BLOCK_START + _LIST_NUMBER, re.M)
# Chinese numerals as a phone number is read or written: 〇/○/零 and 洞 (radio zero) are not digits
# in Unicode's sense (\d misses them), 幺 is 1 and 两 is 2 when a number is read aloud, and the
# capitals of receipts in both scripts.
_NUMERAL_DIGITS: Final = {
    **dict.fromkeys("0〇○◯零洞Oo", "0"), **dict.fromkeys("1一幺壹", "1"), **dict.fromkeys("2二两兩贰貳", "2"),
    **dict.fromkeys("3三叁參参", "3"), **dict.fromkeys("4四肆", "4"), **dict.fromkeys("5五伍", "5"),
    **dict.fromkeys("6六陆陸", "6"), **dict.fromkeys("7七柒", "7"), **dict.fromkeys("8八捌", "8"),
    **dict.fromkeys("9九玖", "9"),
}
_DIGIT_LIKE: Final = "".join(sorted(_NUMERAL_DIGITS))
# Every character numerals_as_digits reads as a digit → that digit (validate/numberless.py).
COUNTED_DIGITS: Final = {**_NUMERAL_DIGITS, **{str(d): str(d) for d in range(10)}}
# What may stand between two of them: whatever may stand between two digits (`fold`: any character
# that is no letter, digit or ideograph; commas, colons, brackets, quotes and stars included), but
# never a double quote or a square bracket: a search data file is cut at `"],["` and `","`
# (write/leaks.py), and no run may reach across a cut (one that did would hold `"` or `]`).
_NUMERAL_SEPARATOR: Final = r'(?:[^\w"\[\]]|_)'

NUMERAL_RUN_MIN: Final = 7  # the shortest number kept off the web: a landline without its area code
_CJK_NUMERALS: Final = "".join(c for c in _DIGIT_LIKE if not c.isascii())
# A run is found from its first Chinese numeral on (a search that starts only at those is a tenth
# of the cost of folding the text; one starting at every digit would be half), then extended back
# over the digits before it.
_FROM_NUMERAL: Final = re.compile(f"[{_CJK_NUMERALS}](?:{_NUMERAL_SEPARATOR}{{0,3}}[{_DIGIT_LIKE}])*")
_BEFORE_NUMERAL: Final = re.compile(f"(?:[{_DIGIT_LIKE}]{_NUMERAL_SEPARATOR}{{0,3}})+$")
_LOOK_BACK: Final = 4 * 16  # characters searched before a run: more than any number's digits and separators
# (i-break8) Up to three joining marks between two ideographs: a name written 劉_晓_风, 俞\晓\风 (an
# escaped Markdown underscore shows as itself), 俞·晓·风 or 俞—晓—风 reads as the name. Only marks
# that join, never a comma or a stop ending a word (小刘，晓风也来了 stays two words); NFKC has already
# made ＿ and － their ASCII forms. The ideograph before them is kept, the marks dropped.
_IDEOGRAPH: Final = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_JOINED_IDEOGRAPHS: Final = re.compile(rf"([{_IDEOGRAPH}])[_\\\-\u2010-\u2015·・‧]{{1,3}}(?=[{_IDEOGRAPH}])")


def _ascii_digit(match: regex.Match[str]) -> str:
    value = unicodedata.digit(match.group(), None)  # 〇 (Nl), ½ (No) and Ⅻ (Nl) are numbers but no digit
    return match.group() if value is None else str(value)


def fold_name(text: str) -> str:
    """A name (or text searched for names) without width, format characters, whitespace or joining marks
    between two ideographs (`_JOINED_IDEOGRAPHS`)."""
    text = nfkc(text)
    if _FORMAT.search(text):
        text = _FORMAT.sub("", text)
    text = "".join(text.split())
    if _JOINED_IDEOGRAPHS.search(text):
        text = _JOINED_IDEOGRAPHS.sub(_kept_digit, text)
    return text


def fold(text: str) -> str:
    """Text as searched for names and phone digits: see the module docstring."""
    text = fold_name(text)
    if _OTHER_DIGIT.search(text):
        text = _OTHER_DIGIT.sub(_ascii_digit, text)
    return _BETWEEN_DIGITS.sub(_kept_digit, text)


def _kept_digit(match: re.Match[str]) -> str:
    """The first group: the digit (or ideograph) before the separators dropped."""
    return match.group(1)


def _ends_run(c: str, digit_like: dict[str, str]) -> bool:
    """Whether `c`, standing just before a numeral, keeps _BEFORE_NUMERAL from ending there: it is
    neither a digit-like character nor a _NUMERAL_SEPARATOR (`[^\\w"\\[\\]]|_`; `re`'s \\w is
    str.isalnum() or the underscore)."""
    return c not in digit_like and c != "_" and (c.isalnum() or c in '"[]')


def numerals_as_digits(text: str) -> str:
    """`text` with every run of seven or more digits and Chinese numerals (一三八〇五五一五六七八,
    幺三八-零五五一-五六七八, 壹叁捌…, 138零五五一5678) written as its ASCII digits, separators
    dropped; the rest of the text as it is, and the very same object when no run holds a numeral.
    Expects ASCII digits (after `fold` or `squeeze_numbers`). For numbers only: a name holding a
    numeral next to such a run would not be found in the result.
    """
    pieces: list[str] = []
    start = 0
    digit_like = _NUMERAL_DIGITS
    for match in _FROM_NUMERAL.finditer(text):
        first, end = match.span()
        # Most matches are one numeral in a word (第一, 三楼): too short, and what stands before them
        # (a letter or an ideograph that is no numeral, or nothing) ends every run, so the look-back
        # below would find nothing. Such a match is passed over at the cost of two comparisons.
        if end - first < NUMERAL_RUN_MIN and (first <= start or _ends_run(text[first - 1], digit_like)):
            continue
        before = _BEFORE_NUMERAL.search(text, max(start, first - _LOOK_BACK), first)
        begin = before.start() if before else first
        digits = [digit_like[c] for c in text[begin:end] if c in digit_like]
        if len(digits) >= NUMERAL_RUN_MIN:
            pieces += [text[start:begin], *digits]
            start = end
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def phone_digits(text: str) -> str:
    """The digits of a phone as typed (NFKC, any script): the form phones are matched in."""
    return "".join(str(unicodedata.digit(c)) for c in unicodedata.normalize("NFKC", text) if c.isdecimal())


def markdown_plain(line: str) -> str:
    """One Markdown line as its reader sees the words: 俞**晓风** and [俞](…)晓风 read 俞晓风."""
    return _MD_MARKS.sub("", _MD_LINK_TARGET.sub("", _TAG.sub("", line)))


def markdown_shown(line: str) -> str:
    """`markdown_plain(line)`, and where it removed a tag or a link target, `|a|` (a letter: no
    number nor name runs across it) and the line with only its marks removed: `<…>` in a body is
    shown as the text it is (render/markdown.py passes no raw HTML on) and a link's target stays in
    its href, so both are read as well (电话<13956781234>)."""
    plain = markdown_plain(line)
    if "<" not in line and "](" not in line:
        return plain
    return plain + "|a|" + _MD_MARKS.sub("", line)


def markdown_unshown(text: str) -> str:
    """`text` (Markdown, lines apart) without the words Markdown does not show where they stand: a
    fenced code block's info string (the fence itself kept), each link reference definition's line,
    the marks opening a block line (- 1. > #); the very same object when there are none. What was on
    either side of them meets on the page (139⏎```abc⏎56781234 and 139⏎⏎1. 56781234 read 139
    56781234 once its tags are gone)."""
    unshown = _MD_UNSHOWN.sub(lambda m: m.group(1) or "", text)
    return text if unshown == text else unshown


def views(path: str, raw: str) -> list[str]:
    """Every way a published file can show text: as written, its markup's text (tags removed,
    entities decoded, twice for the escaped HTML inside a feed), calendar lines unfolded, JSON
    escapes and percent-escapes decoded. Each view is then folded and searched."""
    lower = path.lower()
    found = [raw]
    if lower.endswith(".ics"):
        found = [_ICS_FOLD.sub("", raw)]
    if lower.endswith((".html", ".htm", ".xml", ".svg")):
        found = [html.unescape(raw)]  # holds all the raw text does, attributes' entities decoded
        text = html.unescape(_TAG.sub("", raw))
        if "<" in text:
            text = html.unescape(_TAG.sub("", text))
        found.append(text)
    if "\\u" in raw:
        found.append(_JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), raw))
    if _PERCENT.search(raw):
        found.append(unquote(raw))
    return found
