"""A wisher's full name may appear in no published text: find it in any field of any record."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import ahocorasick

from sitegen.errors import Problem
from sitegen.hanzi import converter
from sitegen.load.records import RawRecord
from sitegen.validate.disguise import fold_name, markdown_shown, markdown_unshown
from sitegen.validate.fields import clean_line


def normalise_name(value: object) -> str:
    return clean_line(unicodedata.normalize("NFKC", str(value)))


def mask_name(name: str) -> str:
    """Keep the surname, star the rest (俞晓风 → 俞**): the wisher's dignity first. Spaces typed in the
    name (王　秀兰, 王 秀兰) are no characters of it: 王**, never 王*** (breaker helper-123)."""
    name = "".join(name.split())
    return name[:1] + "*" * (len(name) - 1)


# Both directions: a name typed in Simplified may be published in Traditional (the 繁體 mirror), and
# one typed in Traditional (劉曉東) may appear in Simplified elsewhere (劉曉東 → 刘晓东).
_CONVERSIONS: Final = ("s2t", "s2tw", "t2s", "tw2s")


def name_variants(name: str) -> set[str]:
    """The name as written and converted both ways between Simplified and Traditional script (OpenCC)."""
    return {name, *_converted(name)}


def _converted(name: str) -> list[str]:
    return sorted({converter(config)(name) for config in _CONVERSIONS})


class Variants:
    """The script variants of wishers' names met in one build, kept by the build cache (pipeline/cache.py):
    a rebuild whose wishers are all known need not load OpenCC (44 MB).

    `known` maps a name onto its converted forms, sorted and joined by "\x1f".
    """

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self.known: dict[str, str] = dict(known or {})

    def of(self, name: str) -> set[str]:
        """name_variants(name), remembered."""
        joined = self.known.get(name)
        if joined is None:
            joined = self.known[name] = "\x1f".join(_converted(name))
        return {name, *joined.split("\x1f")}


def script_chars(forms: Iterable[str]) -> dict[str, str]:
    """Map each character that differs between the forms of one name onto one of them (position by
    position, for forms of equal length): 劉→刘, 曉→晓, so a mix of scripts folds onto one form."""
    chars: dict[str, str] = {}
    by_length: dict[int, list[str]] = {}
    for form in forms:
        by_length.setdefault(len(form), []).append(form)
    for same in by_length.values():
        for column in zip(*same, strict=False):
            canonical = min(column)
            for char in column:
                if char != canonical:
                    chars[char] = canonical
    return chars


def private_names(records: Iterable[RawRecord], variants: Variants) -> dict[str, RawRecord]:
    """Every wisher's full name (two characters or more; one character is only the surname), in every
    script, folded (disguise.fold_name) → the wish that holds it."""
    names: dict[str, RawRecord] = {}
    for raw in records:
        value = raw.fields.get("wisher") if raw.kind == "wishes" else None
        if isinstance(value, str):
            name = normalise_name(value)
            if len(name) > 1:
                for variant in variants.of(name):
                    names.setdefault(fold_name(variant), raw)
    return names


def build_matcher(words: Iterable[str]) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def strings_in(data: object, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in a record's loaded fields with its key path, e.g. (("timeline", 0, "note"), "…")."""
    if isinstance(data, str):
        yield at, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings_in(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_in(value, (*at, index))


def joined_lists(data: object, at: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every list of two or more texts in a record's loaded fields with its key path, its items run
    together: the search index and a page's text show them one after another (partners: [劉, 晓风]
    reads 劉晓风 once whitespace is folded away), so a name split over items is still the name."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from joined_lists(value, (*at, key))
    elif isinstance(data, list):
        texts = [value for value in data if isinstance(value, str)]
        if len(texts) > 1:
            yield at, "".join(texts)
        for index, value in enumerate(data):
            yield from joined_lists(value, (*at, index))


def wisher_names_unpublished(records: list[RawRecord], variants: Variants,
                             clean: dict[str, set[str]] | None = None,
                             foreign: Mapping[str, str] | None = None) -> Iterator[Problem]:
    """Point at every field or body line that would publish a wisher's full name.

    `variants` is the build's memo of names in both scripts; `clean` remembers, per set of names,
    the records found clean: a rebuild checks only the new ones. `foreign` (a street's community,
    docs/spec.md §6): the other communities' wishers' full names, in both scripts → the street-relative
    PATH:LINE of their wish; found here, they are named at this record's line (`privacy.wisher_name_street`),
    not only by the output scan at every page that would show them.
    """
    names = private_names(records, variants)
    others = {folded: source for name, source in (foreign or {}).items()
              if (folded := fold_name(name)) not in names and len(folded) > 1}
    table = _fold_table(names, others)
    for name, raw in list(names.items()):  # each name as a text in a mix of scripts folds onto it
        names.setdefault(name.translate(table), raw)
    for name, source in list(others.items()):
        if name.translate(table) not in names:
            others.setdefault(name.translate(table), source)
    matcher = build_matcher([*names, *others])
    if matcher is None:
        return
    key = hashlib.blake2b("\x1f".join([*sorted(names), "\x1e", *sorted(others)]).encode("utf-8"),
                          digest_size=12).hexdigest()
    known = clean.get(key, set()) if clean is not None else set()
    seen = set()
    for raw in records:
        marker = f"{raw.path}\0{raw.line}\0{raw.digest}"
        seen.add(marker)
        if marker in known:
            continue
        found = list(_leaks_in(raw, matcher, names, others, table))
        yield from found
        if not found:
            known.add(marker)
    if clean is not None:
        clean.clear()
        clean[key] = known & seen


class _Table(dict[int, str]):
    """A `str.translate` table that knows its characters (`holds`: a search for any of them): a text
    holding none of them (nearly every text) is its own translation, seen without a lookup per character."""

    holds: re.Pattern[str] | None = None


def _fold_table(names: Mapping[str, RawRecord], others: Mapping[str, str]) -> _Table:
    """Each wisher's forms in both scripts mapped character by character onto one (script_chars, as
    the output scan folds them, model/build.py): a name typed in a mix of scripts (劉晓风) is found too."""
    forms: dict[object, list[str]] = {}
    for name, raw in names.items():
        forms.setdefault(id(raw), []).append(name)
    for name, source in others.items():  # one source, one wisher
        forms.setdefault(source, []).append(name)
    chars: dict[str, str] = {}
    for same in forms.values():
        chars.update(script_chars(same))
    table = _Table(str.maketrans(chars))
    table.holds = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]") if table else None
    return table


def _first(matcher: ahocorasick.Automaton, text: str, table: _Table) -> str | None:
    """The first name in `text` as written, else in `text` folded onto one script by `table`; a text
    holding a character reference (王&#31168;兰, 王&#x79c0;兰) is read with it decoded, as Markdown
    shows it (breaker helper-123: `check` passed it, and the output scan stopped the build naming pages)."""
    found = _first_as_written(matcher, text, table)
    if found is None and "&" in text and (decoded := html.unescape(text)) != text:
        return _first_as_written(matcher, decoded, table)
    return found


def _first_as_written(matcher: ahocorasick.Automaton, text: str, table: _Table) -> str | None:
    folded = fold_name(text)
    one_script = folded.translate(table) if table.holds is not None and table.holds.search(folded) else folded
    for attempt in (folded, one_script) if one_script != folded else (folded,):
        for _, name in matcher.iter(attempt):
            return str(name)
    return None


def _leaks_in(raw: RawRecord, matcher: ahocorasick.Automaton, names: dict[str, RawRecord],
              others: Mapping[str, str], table: _Table) -> Iterator[Problem]:
    yield from _field_leaks(raw, matcher, names, others, table)
    if raw.body:
        yield from _body_leaks(raw, matcher, names, others, table)


def _field_leaks(raw: RawRecord, matcher: ahocorasick.Automaton, names: dict[str, RawRecord],
                 others: Mapping[str, str], table: _Table) -> Iterator[Problem]:
    """Each field's string at its line; when none holds a name, a name split over a list's items at the list's line."""
    named = False
    for at, text in strings_in(raw.fields):
        if raw.kind == "wishes" and at == ("wisher",):
            continue
        if (name := _first(matcher, text, table)) is not None:
            named = True
            yield _leak(raw, raw.line_of(*at), names, others, name)
    if not named:
        for at, text in joined_lists(raw.fields):
            if (name := _first(matcher, text, table)) is not None:
                yield _leak(raw, raw.line_of(*at), names, others, name)


def _body_leaks(raw: RawRecord, matcher: ahocorasick.Automaton, names: dict[str, RawRecord],
                others: Mapping[str, str], table: _Table) -> Iterator[Problem]:
    """A name is found however the line disguises it: 俞\u200b晓风, 俞**晓风**, [俞](…)晓风; and split over
    lines (俞⏎晓风, 俞⏎- 晓风): the page's text runs on from line to line as the output scan reads it
    (whitespace folded away). The body is read whole first (its lines' readings joined: each line's is
    a part of it, so a clean whole is clean lines), then line by line; a name found only over lines is
    named at the body's first line."""
    body = raw.body or ""
    plain = [markdown_shown(line) for line in body.split("\n")]
    whole = "\n".join(plain)
    unshown = markdown_unshown(body)  # marks that show no text where they stand read away
    if unshown is not body:
        whole += "|" + "\n".join(markdown_shown(line) for line in unshown.split("\n"))
    if _first(matcher, whole, table) is None:
        return
    in_lines = False
    for offset, line in enumerate(plain):
        if (name := _first(matcher, line, table)) is not None:
            in_lines = True
            yield _leak(raw, (raw.body_line or 1) + offset, names, others, name)
    if not in_lines and (name := _first(matcher, whole, table)) is not None:
        yield _leak(raw, raw.body_line or raw.line, names, others, name)


def _leak(raw: RawRecord, line: int, names: dict[str, RawRecord], others: Mapping[str, str], name: str) -> Problem:
    if name not in names:  # another community's wisher: where their wish is, street-relative
        return Problem(raw.path, line, "privacy.wisher_name_street", {"masked": mask_name(name), "source": others[name]})
    wish = names[name]
    return Problem(raw.path, line, "privacy.wisher_name",
                   {"masked": mask_name(name), "wish": f"{wish.path}:{wish.line_of('wisher')}"})  # the name's own line
