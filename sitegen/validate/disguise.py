"""Undo the disguises a name or a phone number can wear before it is matched.

A full name hidden by a zero-width space (俞\u200b晓风), a soft hyphen, full-width or spaced-out
letters, or a phone written 138.0551.5678, １３８０５５１５６７８, 138–0551–5678, (138)0551/5678 or
138·0551·5678 must still be found. `fold` maps every such spelling onto one form: Unicode NFKC,
format characters (category Cf) and whitespace removed, every decimal digit as ASCII, and up to
three separators between two digits dropped. The masked form 138****5678 keeps its four stars,
so it never folds into the number it hides. The published text is untouched: only the copy that
is searched is folded.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final
from urllib.parse import unquote

import regex

# The `regex` module knows Unicode categories (\p{Cf}); `re` would need a table built at import.
_FORMAT: Final = regex.compile(r"\p{Cf}")
_OTHER_DIGIT: Final = regex.compile(r"[^\P{Nd}0-9]")
# At most three separators (dots, dashes, slashes, commas, brackets, underscores, middle dots…)
# between two digits: "2024-06-01" folds to 20240601, "138****5678" stays apart.
MAX_SEPARATORS: Final = 3
_BETWEEN_DIGITS: Final = re.compile(rf"(?<=[0-9])[\W_]{{1,{MAX_SEPARATORS}}}(?=[0-9])")
_TAG: Final = re.compile(r"<[^<>]*>")
_ICS_FOLD: Final = re.compile(r"\r?\n[ \t]")
_JSON_ESCAPE: Final = re.compile(r"\\u([0-9a-fA-F]{4})")
_PERCENT: Final = re.compile(r"%[0-9a-fA-F]{2}")
_MD_LINK_TARGET: Final = re.compile(r"\]\([^()]*\)")
_MD_MARKS: Final = re.compile(r"[*_~`\[\]<>]")


def _ascii_digit(match: regex.Match[str]) -> str:
    return str(unicodedata.digit(match.group()))


def fold_name(text: str) -> str:
    """A name (or text searched for names) without width, format characters or whitespace."""
    if not unicodedata.is_normalized("NFKC", text):  # the check is a hundred times cheaper
        text = unicodedata.normalize("NFKC", text)
    if _FORMAT.search(text):
        text = _FORMAT.sub("", text)
    return "".join(text.split())


def fold(text: str) -> str:
    """Text as searched for names and phone digits: see the module docstring."""
    text = fold_name(text)
    if _OTHER_DIGIT.search(text):
        text = _OTHER_DIGIT.sub(_ascii_digit, text)
    return _BETWEEN_DIGITS.sub("", text)


def phone_digits(text: str) -> str:
    """The digits of a phone as typed (NFKC, any script): the form phones are matched in."""
    return "".join(str(unicodedata.digit(c)) for c in unicodedata.normalize("NFKC", text) if c.isdecimal())


def markdown_plain(line: str) -> str:
    """One Markdown line as its reader sees the words: 俞**晓风** and [俞](…)晓风 read 俞晓风."""
    return _MD_MARKS.sub("", _MD_LINK_TARGET.sub("", _TAG.sub("", line)))


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
