"""A `show_phone: none` number written masked into another record is named at its line.

SPEC §3: `none` shows the number nowhere. The masked form (139****2468: model/privacy.py) still
shows seven of its eleven digits, next to the person it belongs to: the disclosure said not to.
`phones.py` finds the number written whole; this finds it written as a masked number is printed
(breaker helper-123: the message for the whole number once said to write it masked, and the build
then published 139****2468 on 19 pages of a person whose number is `none`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord
from sitegen.validate.phones import HiddenPhone, hidden_phones, mask_digits, text_lines
from sitegen.validate.privacy import strings_in
from sitegen.validate.words import said

if TYPE_CHECKING:
    from sitegen.validate.check import Valid

_MASKS: Final = "*＊×xX✱"  # what stands for a hidden digit, as typed (＊ and × on a Chinese keyboard)
_BETWEEN: Final = r"[\s\-－—.·]*"  # what may part the visible digits from the mask
_ANY_MASK: Final = re.compile(f"[{re.escape(_MASKS)}]")


def _pattern(digits: str) -> str:
    """A masked form of `digits` as mask_digits writes it (its visible head, its stars, its visible
    tail), with any mask character and spacing."""
    head, stars, tail = re.fullmatch(r"(\d*)(\*+)(\d+)", mask_digits(digits)).groups()  # type: ignore[union-attr]
    return f"{head}{_BETWEEN}[{re.escape(_MASKS)}]{{{len(stars)}}}{_BETWEEN}{tail}(?!\\d)"


def none_phones_masked(raws: Iterable[RawRecord], valid: Iterable[Valid],
                       foreign: Mapping[str, str] | None = None) -> Iterator[Problem]:
    """A problem at each field or body line, of any record, holding the masked form of a number whose
    show_phone is `none` (the owner's own `phone` line is where the number belongs). `foreign` (a
    street's community): the other communities' `none` numbers → the street-relative PATH:LINE of
    each (`privacy.none_phone_masked_street`; breaker helper-124: published on 19 pages).

    Only texts with a mask character in them are searched for each such number."""
    nowhere: dict[str, HiddenPhone | str] = {**(foreign or {}), **{
        digits: phone for digits, phone in hidden_phones(valid).items() if phone.show == "none"}}
    if not nowhere:
        return
    patterns = {digits: re.compile(f"(?<!\\d){_pattern(digits)}") for digits in nowhere}
    for raw in raws:
        if not _masks_in(raw):
            continue
        texts = [(at, text) for at, text in strings_in(raw.fields) if at not in (("phone",), ("show_phone",))]
        for line, text in text_lines(raw, texts):
            plain = unicodedata.normalize("NFKC", text) if not text.isascii() else text
            for digits, pattern in patterns.items():
                if pattern.search(plain) or pattern.search(text):
                    yield _problem(raw, line or raw.line, nowhere[digits], digits)


# A memo of a pure function, not build state: a record's digest (its fields and body) → whether a text
# of it holds a mask character. A serve save reads again only the records it changed: at 1,000 records
# this pass took 36 ms of a save's 139 ms check (cProfile), nearly all of it asking every record again.
_MASKED: dict[str, bool] = {}
_MEMO_LIMIT: Final = 200_000


def _masks_in(raw: RawRecord) -> bool:
    """Whether any published text of `raw` (its fields but `phone` and `show_phone`, its body) holds a mask character."""
    found = _MASKED.get(raw.digest) if raw.digest else None
    if found is None:
        found = any(_ANY_MASK.search(text) for at, text in strings_in(raw.fields)
                    if at not in (("phone",), ("show_phone",))) or bool(raw.body and _ANY_MASK.search(raw.body))
        if raw.digest:
            if len(_MASKED) >= _MEMO_LIMIT:
                _MASKED.clear()
            _MASKED[raw.digest] = found
    return found


def _problem(raw: RawRecord, line: int, phone: HiddenPhone | str, digits: str) -> Problem:
    if isinstance(phone, str):  # another community's, where it is kept from everywhere (street-relative)
        return Problem(raw.path, line, "privacy.none_phone_masked_street", {"masked": mask_digits(digits), "source": phone})
    return Problem(raw.path, line, "privacy.none_phone_masked",
                   {"name": phone.name, "masked": mask_digits(phone.digits), "where": phone.where,
                    "show_words": said("disclosures", "show_phone", "none")})
