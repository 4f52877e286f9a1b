"""A phone number the web must not show, typed into another record's text, is named at its source.

A disclosure's `show_phone` (SPEC §3) keeps its number off the web unless it is `full`; the
output scan (write/leaks.py) would stop the build, naming output files. `check` finds it first,
in the field or body line that holds it, however the number is spaced or spelled.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord
from sitegen.validate.privacy import build_matcher

if TYPE_CHECKING:
    from sitegen.validate.check import Valid

WEB_HIDES: Final = frozenset({"poster", "masked", "none"})  # SPEC §3: only `full` shows the number on the web
# Separators a number is written with besides spaces and dashes (which are found by category):
# dots and middle dots, brackets, slashes, tildes, underscores. Full-width forms become these by NFKC.
_SEPARATORS: Final = frozenset(".·•・()[]【】/_~〜")
_SEPARATOR_CATEGORIES: Final = ("Z", "Pd", "Cf", "Cc")


def phone_digits(text: str) -> str:
    """The text with every phone-number separator removed, digits in ASCII: `139 5678-1234`,
    `１３９.5678.1234` and `(139)56781234` all become `13956781234`.

    NFKC first (full-width digits and dots become ASCII), then spaces of every kind, dashes of
    every kind (hyphen, en/em dash, minus sign), zero-width and control characters, dots, brackets,
    slashes and underscores are dropped. Letters, CJK and other digits stay, so a number is only
    found where its digits are written one after another. Shared with the output scan.
    """
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch in _SEPARATORS or ch == "\u2212" or unicodedata.category(ch).startswith(_SEPARATOR_CATEGORIES):
            continue
        out.append(ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class HiddenPhone:
    """A number the web must not show, and the disclosure that says so."""

    digits: str
    name: str
    show: str
    where: str  # PATH:LINE of the disclosure's show_phone (or phone) line


def hidden_phones(records: Iterable[Valid]) -> dict[str, HiddenPhone]:
    """Every disclosure number whose show_phone keeps it off the web, by its digits."""
    found: dict[str, HiddenPhone] = {}
    for v in records:
        phone = getattr(v.fields, "phone", None) if v.kind == "disclosures" else None
        if phone is None or v.fields.show_phone not in WEB_HIDES:
            continue
        line = v.raw.line_of("show_phone") if "show_phone" in v.raw.fields else v.raw.line_of("phone")
        found.setdefault(phone.digits, HiddenPhone(phone.digits, v.fields.name, v.fields.show_phone,
                                                   f"{v.raw.path}:{line}"))
    return found


def mask_digits(digits: str) -> str:
    """138****5678, as model/privacy.py masks a mobile number; short numbers keep the last 2."""
    if len(digits) >= 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * (len(digits) - 2) + digits[-2:]


def _texts(data: object, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield at, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _texts(value, (*at, index))


def hidden_phones_unpublished(raws: Iterable[RawRecord], valid: Iterable[Valid]) -> Iterator[Problem]:
    """Point at every field or body line of any record that would publish a hidden number.

    The owner's own `phone` line is where the number belongs; everything else (an activity's
    `signup`, a wish's `thanks`, a body, another disclosure's `phone`, the site office) is published.
    """
    valid = list(valid)
    phones = hidden_phones(valid)
    owners = {id(v.raw) for v in valid if v.kind == "disclosures" and v.fields.phone is not None
              and v.fields.show_phone in WEB_HIDES}
    matcher = build_matcher(phones)
    if matcher is None:
        return
    for raw in raws:
        places = [(raw.line_of(*at), text) for at, text in _texts(raw.fields)
                  if not (at == ("phone",) and id(raw) in owners) and at != ("show_phone",)]
        if raw.body:
            places += [((raw.body_line or 1) + offset, line) for offset, line in enumerate(raw.body.split("\n"))]
        reported: set[tuple[int, str]] = set()
        for line, text in places:
            for _, digits in matcher.iter(phone_digits(text)):
                if (line, digits) not in reported:
                    reported.add((line, digits))
                    yield _problem(raw, line, phones[digits])


def _problem(raw: RawRecord, line: int, phone: HiddenPhone) -> Problem:
    return Problem(raw.path, line, "privacy.hidden_phone", {"name": phone.name, "masked": mask_digits(phone.digits),
                                                           "show": phone.show, "where": phone.where})
