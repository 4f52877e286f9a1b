"""A phone number the web must not show, typed into another record's text, is named at its source.

A disclosure's `show_phone` (SPEC §3) keeps its number off the web unless it is `full`; the
output scan (write/leaks.py) would stop the build, naming output files. `check` finds it first,
in the field or body line that holds it, however the number is spaced or spelled.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord
from sitegen.validate.disguise import fold, markdown_shown, markdown_unshown, numerals_as_digits
from sitegen.validate.numberless import digits_seen
from sitegen.validate.privacy import build_matcher, joined_lists, strings_in
from sitegen.validate.words import said

if TYPE_CHECKING:
    from sitegen.validate.check import Valid

WEB_HIDES: Final = frozenset({"poster", "masked", "none"})  # SPEC §3: only `full` shows the number on the web
# What a number may be written with between its digits: every space (\s is Unicode-aware), dashes
# (hyphens, en/em dashes, minus sign), zero-width and direction marks, control characters, dots and
# middle dots, brackets, slashes, tildes, underscores; and their full-width forms, which NFKC makes ASCII.
_SEPARATOR_CHARS: Final = (r"\s\-\u2010-\u2015\u2212\u2e3a\u2e3b\u301c\u30fc\u00ad\u200b-\u200f\u202a-\u202e"
                           r"\u2060-\u2064\ufeff\x00-\x1f\x7f-\x9f.·•・()\[\]【】〔〕/_~〜"
                           r"\uff0d\uff0e\uff08\uff09\uff3b\uff3d\uff0f\uff3f\uff5e\ufe58\ufe63")
_SEPARATORS: Final = re.compile(f"[{_SEPARATOR_CHARS}]+")
# A stretch of digits (any script's: \d holds full-width ones) and the separators between them.
_NUMBER_RUN: Final = re.compile(f"\\d[\\d{_SEPARATOR_CHARS}]*")
# Between two texts of a record searched as one: a letter, which no number's separators (nor `fold`'s,
# nor a Chinese numeral run's) reach across.
_APART: Final = "|a|"


def _squeeze_run(match: re.Match[str]) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", match.group()))


def squeeze_numbers(text: str) -> str:
    """The text with every number's separators removed and its digits in ASCII: `139 5678-1234`,
    `１３９．５６７８．１２３４` and `139(5678)1234` all become `13956781234`.

    Each stretch of digits and separators is normalised with NFKC (full-width digits, dots and
    dashes become ASCII), then spaces of every kind, dashes of every kind (hyphen, en/em dash,
    minus sign), zero-width and control characters, dots, brackets, slashes, tildes and
    underscores are dropped from it; the rest of the text is left as it is (NFKC of a whole
    Chinese page is slow), so a number is found only where its digits follow one another. A number
    in Chinese numerals (一三八〇五五一五六七八, whole or mixed with digits) is read as its digits
    (`disguise.numerals_as_digits`), as the output scan reads it.
    """
    return numerals_as_digits(_NUMBER_RUN.sub(_squeeze_run, text))


def numbers_as_published(text: str) -> str:
    """A record's text as the output scan (write/leaks.py) reads the page it becomes, for its
    numbers: `squeeze_numbers`, then entities decoded, tags and Markdown marks dropped and, where
    there were tags or link targets, kept as well (`disguise.markdown_shown`) and folded
    (`disguise.fold`: circled digits, zero-width characters, up to three separators of any kind
    between two digits), so that `check` names the line of every
    number the scan would stop. Not for display: the words around a number are folded too. Where
    Markdown hides words in place (`disguise.markdown_unshown`: a fence's info string, a link
    reference definition), the text without them is read as well, after a letter (`_APART`).
    """
    unshown = markdown_unshown(text)
    read = _read_numbers(text)
    return read if unshown is text else read + _APART + _read_numbers(unshown)


def _read_numbers(text: str) -> str:
    squeezed = squeeze_numbers(text)
    if "&" in squeezed:
        squeezed = html.unescape(squeezed)
    return numerals_as_digits(fold(markdown_shown(squeezed)))


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


def office_phone_hidden(site: Valid | None, records: Iterable[Valid]) -> tuple[set[str], list[Problem]]:
    """A disclosure whose web-hidden number is the community office's own (site.yaml `office.phone`),
    which every page publishes: the worker gave the person the office line, or the office the
    person's. One error at the disclosure's `phone` line says which to change; the digits are
    returned so that the pages showing the office number are not each named as leaking it.
    """
    office = site.fields.office.phone if site is not None and site.fields.office is not None else None
    if site is None or office is None:
        return set(), []
    problems = []
    for v in records:
        phone = getattr(v.fields, "phone", None) if v.kind == "disclosures" else None
        if phone is not None and phone.digits == office.digits and v.fields.show_phone in WEB_HIDES:
            problems.append(v.raw.problem("phone", "privacy.office_phone_hidden", name=v.fields.name,
                                          phone=phone.shown, show=v.fields.show_phone,
                                          show_words=said("disclosures", "show_phone", v.fields.show_phone),
                                          site=_written_at(site)))
    return ({office.digits} if problems else set()), problems


def _written_at(site: Valid) -> str:
    """Where the office number is written: site.yaml's line, or street.yaml when a street's community
    inherits it (load/defaults.py marks an inherited value's line below zero)."""
    line = site.raw.line_of("office", "phone")
    return f"{site.raw.path}:{line}" if line is not None and line > 0 else "street.yaml"


class NowhereSource(str):
    """Where another community's number is that its show_phone keeps from everywhere (`none`): its
    message never says to write it masked (SPEC §3; breaker helper-124)."""


def _searched(valid: list[Valid], foreign: Mapping[str, str] | None, public: Iterable[str],
              nowhere: Collection[str] = ()) -> dict[str, HiddenPhone | str]:
    """The numbers to search for: other communities' (those of `nowhere` marked so) and this one's
    hidden ones, but `public`."""
    others = {digits: NowhereSource(source) if digits in nowhere else source for digits, source in (foreign or {}).items()}
    phones: dict[str, HiddenPhone | str] = {**others, **hidden_phones(valid)}
    for digits in public:
        phones.pop(digits, None)
    return phones


def hidden_phones_unpublished(raws: Iterable[RawRecord], valid: Iterable[Valid],
                              clean: dict[str, set[str]] | None = None,
                              foreign: Mapping[str, str] | None = None,
                              public: Iterable[str] = (), nowhere: Collection[str] = ()) -> Iterator[Problem]:
    """Point at every field or body line of any record that would publish a hidden number.

    The owner's own `phone` line is where the number belongs; everything else (an activity's
    `signup`, a wish's `thanks`, a body, another disclosure's `phone`, the site office) is published.
    `clean` remembers, per set of hidden numbers, the records found free of them (by their text and
    whether they own a number): a rebuild searches only the new ones, as wisher_names_unpublished does.
    `foreign` (a street's community, docs/spec.md §6): the digits other communities keep off the
    web → the street-relative PATH:LINE that says so (`privacy.hidden_phone_street`; `..._none` for
    those in `nowhere`). `public`: digits named at their disclosure already (`office_phone_hidden`).
    """
    phones = _searched(valid := list(valid), foreign, public, nowhere)
    owners = {id(v.raw) for v in valid if v.kind == "disclosures" and v.fields.phone is not None
              and v.fields.show_phone in WEB_HIDES}
    matcher = build_matcher(phones)
    if matcher is None:
        return
    key = hashlib.blake2b("\x1f".join(sorted(phones)).encode("utf-8"), digest_size=12).hexdigest()
    all_digits = all(digits.isascii() and digits.isdigit() for digits in phones)
    known = clean.get(key, set()) if clean is not None else set()
    seen = set()
    for raw in raws:
        marker = f"{raw.path}\0{raw.line}\0{raw.digest}\0{id(raw) in owners}"
        seen.add(marker)
        if marker in known:
            continue
        texts = [(at, text) for at, text in strings_in(raw.fields)
                 if not (at == ("phone",) and id(raw) in owners) and at != ("show_phone",)]
        # (i-break8) a list's items run together too (the search index shows them one after another):
        # partners: ["138", "0551", "5678"] publishes the number; named at the list's line, last
        joined = list(joined_lists(raw.fields))
        # The whole record first, texts apart, the body whole (its lines are one paragraph on the page);
        # only a record that holds a hidden number is searched text by text and line by line.
        whole = _APART.join([*(text for _, text in texts + joined), raw.body or ""])
        shown = digits_seen(whole) if all_digits else None
        if shown is not None and next(matcher.iter(shown), None) is None:
            known.add(marker)  # not among the digits it can show at all (validate/numberless.py)
            continue
        found = {digits for _, digits in matcher.iter(numbers_as_published(whole))}
        if not found:
            known.add(marker)
            continue
        yield from _lines_with(raw, texts, joined, found, matcher, phones)
        yield from _lists_with(raw, texts, joined, found, matcher, phones)
    if clean is not None:
        clean.clear()
        clean[key] = known & seen


def text_lines(raw: RawRecord, texts: list[tuple[tuple[str | int, ...], str]]) -> list[tuple[int, str]]:
    """(line, text) of each of a record's published `texts` (field path, text) at its field's line,
    then of each line of its body: where a problem about a text is named."""
    places = [(raw.line_of(*at), text) for at, text in texts]
    if raw.body:
        places += [((raw.body_line or 1) + offset, line) for offset, line in enumerate(raw.body.split("\n"))]
    return places


def _lines_with(raw: RawRecord, texts: list[tuple[tuple[str | int, ...], str]],
                joined: list[tuple[tuple[str | int, ...], str]], found: set[str], matcher: Any,
                phones: Mapping[str, HiddenPhone | str]) -> Iterator[Problem]:
    """A problem at each field or body line of `raw` holding a hidden number (`found` in the record
    whole); one found only across body lines (a paragraph over several) is named at the body's first,
    one a list's items run together show (`joined`) is left to `_lists_with`."""
    places = text_lines(raw, texts)
    reported: set[tuple[int, str]] = set()
    for line, text in places:
        for _, digits in matcher.iter(numbers_as_published(text)):
            if (line, digits) not in reported:
                reported.add((line, digits))
                yield _problem(raw, line, phones[digits], digits)
    in_lists = {digits for _, text in joined for _, digits in matcher.iter(numbers_as_published(text))}
    for digits in sorted(found - {digits for _, digits in reported} - in_lists):
        yield _problem(raw, raw.body_line or raw.line, phones[digits], digits)


def _lists_with(raw: RawRecord, texts: list[tuple[tuple[str | int, ...], str]],
                joined: list[tuple[tuple[str | int, ...], str]], found: set[str], matcher: Any,
                phones: Mapping[str, HiddenPhone | str]) -> Iterator[Problem]:
    """A problem at the line of each list whose items run together show a hidden number that no
    single published text of the record shows (`_lines_with` names those)."""
    alone = set()
    for _, text in texts:
        alone |= {digits for _, digits in matcher.iter(numbers_as_published(text))}
    for at, text in joined:
        for digits in sorted({digits for _, digits in matcher.iter(numbers_as_published(text))} & found - alone):
            yield _problem(raw, raw.line_of(*at), phones[digits], digits)


def _problem(raw: RawRecord, line: int, phone: HiddenPhone | str, digits: str) -> Problem:
    if isinstance(phone, str):  # another community's number: where it is kept off the web, street-relative
        key = "privacy.hidden_phone_street_none" if isinstance(phone, NowhereSource) else "privacy.hidden_phone_street"
        return Problem(raw.path, line, key, {"masked": mask_digits(digits), "source": str(phone)})
    # `none` shows it nowhere, masked neither (SPEC §3): its message never says to write it masked
    key = "privacy.hidden_phone_none" if phone.show == "none" else "privacy.hidden_phone"
    return Problem(raw.path, line, key, {"name": phone.name, "masked": mask_digits(phone.digits),
                                                           "show": phone.show, "where": phone.where,
                                                           "show_words": said("disclosures", "show_phone", phone.show)})
