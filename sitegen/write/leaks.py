"""The last gate before publishing: no file may hold a wisher's full name or a hidden phone number.

Every published file is searched in every view a reader or a program could see it in (as written,
its markup's text, unfolded calendar lines, decoded escapes; `disguise.views`), each folded so that
zero-width characters, full-width digits and separators between digits hide nothing (`disguise.fold`),
and numbers written in Chinese numerals are read as digits (`disguise.numerals_as_digits`).

A search data file (render/search.py) holds every record and changes with each of them; given a
set of parts already found clean (`clean`, kept by the build cache), only its new parts are
scanned. It is cut between two rows (`"],["`) and before a key starting with a CJK ideograph
(`","字`). Folding does not reach across such a cut: every character next to it is kept as it is
(none is a space, a format character, a digit, a combining mark, or part of an escape), and the
separators around it are too many (rows) or not between two digits (keys) to be dropped. So a
match across a cut would hold `",` or `],`; no name or number does (else the file is scanned
whole), and a part is found in the file exactly when it is found in the part alone. New parts
are scanned in one text joined as they were cut; a leak found is then reported by a scan of the
whole file, as a first build would.

A data file made under `serve` says what is new in it since the file made before it (`Told`: byte
spans, render/search_file.py). When that file was found clean under the same secrets, only the parts
around the spans are cut, hashed and scanned (`_around`); every other part is one of that file's.

The calendar (activities.ics, render/feeds.py) holds every activity too, and is scanned the same way,
cut after the line break before each `BEGIN:VEVENT` line (`_ICS_CUT`). Every view of a part and of
the parts joined is the view of each part joined (`disguise.views`): a calendar line is unfolded
only at a line break followed by a space or a tab, never `B`; an escape (`\\uXXXX`, `%XX`) holds no
line break; and each step of `disguise.fold` and `numerals_as_digits` keeps the two characters
around a cut, a line break (dropped as whitespace) and a `B` (a starter for NFKC, a letter: no
digit, numeral, separator or ideograph). So a match across a cut would hold `B`; no name or number
does (else the file is scanned whole). Its parts' digests are taken apart from a search file's
(`person`), since a part is read in the views of its file's kind.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol, runtime_checkable

from sitegen.errors import printable
from sitegen.model.privacy import mask_name
from sitegen.model.records import Secrets
from sitegen.validate.disguise import fold, fold_name, numerals_as_digits, phone_digits, views
from sitegen.validate.privacy import build_matcher

if TYPE_CHECKING:
    import ahocorasick

    from sitegen.i18n.messages import Messages

# Where a search data file is cut (module docstring): between two rows, and before a key starting with
# one ideograph in eight (by code point: parts of a few keys), those being listed in the pattern itself.
_CUT: Final = re.compile(r'"\](?=,\[")|"(?=,"[' + "".join(chr(c) for c in range(0x4E00, 0xA000, 8)) + "])")
# The same cuts found in the file's UTF-8 bytes, so that only new parts are decoded: `"` and the brackets
# are ASCII (UTF-8 never holds their bytes inside a character), and an ideograph of _CUT is three bytes,
# E4 B8..BF or E5..E9 then any continuation byte, and a last byte whose low three bits (those of its code
# point) are 0. tests/write/test_scan_parts.py holds the two equal.
_CUT_BYTES: Final = re.compile(rb'"\](?=,\[")|"(?=,"(?:\xe4[\xb8-\xbf]|[\xe5-\xe9][\x80-\xbf])'
                               rb"[\x80\x88\x90\x98\xa0\xa8\xb0\xb8])")
_ACROSS: Final = '"],'  # what a match across a cut would hold
# A calendar's cuts (module docstring): after the line break before each event; a match across one holds "B".
_ICS_CUT: Final = re.compile(rb"\r\n(?=BEGIN:VEVENT\r\n)")
_ICS_ACROSS: Final = "B"
CLEAN_LIMIT: Final = 50_000  # parts remembered clean at most; then the memo starts again
SCAN_BATCH: Final = 1 << 16  # bytes of new parts scanned in one text (LeakScanner._new_parts)
_TEXT_SUFFIXES: Final = (".html", ".htm", ".xml", ".ics", ".txt", ".js", ".mjs", ".css", ".json", ".svg",
                         ".webmanifest", ".map", ".csv", ".md")


@dataclass(frozen=True, slots=True)
class Leak:
    path: str
    what: str  # already masked: safe to print
    source: str = ""  # PATH:LINE of the wish or disclosure the name or number belongs to, when known

    def render(self, messages: Messages) -> str:
        """The line the CLI and serve print: the output file, the masked secret, and whose it is."""
        if self.source:
            return messages.text("cli.leak_source", path=printable(self.path), what=self.what, source=self.source)
        return messages.text("cli.leak", path=printable(self.path), what=self.what)


def _masked(word: str) -> str:
    return word[:3] + "****" + word[-4:] if word.isdigit() else mask_name(word)


class LeakScanner:
    """Scan every file about to be published (Aho-Corasick over folded names and phone digits).

    Every file of the published output folder, posters included, follows the web rule (SPEC §3);
    `printed=True` scans the print folder, which may hold what show_phone allows on paper.
    """

    def __init__(self, secrets: Secrets, printed: bool = False, clean: set[str] | None = None) -> None:
        self.printed = printed
        self.clean = clean  # digests of search-file parts found clean before (module docstring)
        # the same secrets give the same tables: made once per process, not for each scanner of each build
        tables = _prepared(printed, secrets.names, secrets.web_hidden_phones, secrets.poster_hidden_phones,
                           secrets.script_chars, tuple(secrets.sources.items()))
        self.table, self.script, self.matcher = tables.table, tables.script, tables.matcher
        self.cuttable, self.salt, self.sources = tables.cuttable, tables.salt, tables.sources
        self.ics_cuttable = tables.ics_cuttable
        # Files (path → sha256) the last build published, every one found clean under these same secrets;
        # None when the secrets changed or nothing is known (write_site sets it, products.Engine fills it).
        self.published: dict[str, str] | None = None

    def scan(self, path: str, data: bytes, sha: str | None = None) -> Leak | None:
        """The first leak in the file's name or its text (any text suffix), else None.

        `sha` (the sha256 of `data`, hex): a file made again with the very bytes the last build published
        at `path` (`published`) is the file found clean then, under the same secrets: not scanned again
        (a saved record's lists, home page and feed are rendered again and mostly come out the same).
        """
        if sha is not None and self.published is not None and self.published.get(path) == sha \
                and type(data) is bytes:  # a search file (Told) is sealed by its scan: always scanned
            return None
        leak = self.find(path, path)
        if leak is not None or not path.lower().endswith(_TEXT_SUFFIXES):
            return leak
        told = data if type(data) is not bytes and isinstance(data, Told) else None  # a page: no Protocol check
        if self.clean is not None and self.cuttable and path.lower().endswith(".js"):
            leak = self._new_parts(path, data, told)
        elif self.clean is not None and self.ics_cuttable and path.lower().endswith(".ics"):
            leak = self._new_parts(path, data, None, _ICS_CUT, b"ics")
        else:
            leak = self.find(path, data.decode("utf-8", errors="replace"))
        if leak is None and told is not None:
            told.seal.add(self.salt)  # found free under these secrets: the next file may be told against it
        return leak

    def _new_parts(self, path: str, data: bytes, told: Told | None = None, cuts: re.Pattern[bytes] = _CUT_BYTES,
                   person: bytes = b"") -> Leak | None:
        """Scan only the parts of `data` not found clean before; the whole file when one leaks.

        The file is cut in its bytes (`cuts`: a search file's _CUT_BYTES, a calendar's _ICS_CUT; `person`
        keeps each kind's digests apart) and only new parts are decoded. They are joined as
        they were cut, about SCAN_BATCH bytes at a time: a name or a number never spans a cut (module
        docstring), so the batches find what one joined text would, without copies of the whole file
        (its views and their folds took 150 MB at 10,000 records).
        """
        assert self.clean is not None
        new: list[tuple[int, int]] = []  # (start, end) of each new part in `data`
        digests: list[str] = []
        keyed, clean = hashlib.blake2b(key=self.salt, digest_size=16, person=person), self.clean
        told_well = told is not None and told.base is not None and self.salt in told.base
        for first, last in _around(data, told.spans) if told_well and told is not None else [(0, len(data))]:
            start = first
            for end in itertools.chain((m.end() for m in cuts.finditer(data, max(first - 2, 0), last + 5)
                                        if first < m.end() < last), (last,)):
                hashed = keyed.copy()  # the salt's block once, not once a part
                hashed.update(data[start:end])
                digest = hashed.hexdigest()
                if digest not in clean:
                    new.append((start, end))
                    digests.append(digest)
                start = end
        if not new:
            return None
        batch: list[tuple[int, int]] = []
        size = 0
        for number, (begin, end) in enumerate(new):
            batch.append((begin, end))
            size += end - begin
            if size >= SCAN_BATCH or number == len(new) - 1:
                joined = b"".join([data[a:b] for a, b in batch]).decode("utf-8", errors="replace")
                if self.find(path, joined) is not None:
                    return self.find(path, data.decode("utf-8", errors="replace"))
                batch, size = [], 0
        if len(self.clean) + len(digests) > CLEAN_LIMIT:
            self.clean.clear()
        self.clean.update(digests)
        return None

    def find(self, path: str, text: str) -> Leak | None:
        matcher = self.matcher
        if matcher is None:
            return None
        for view in views(path, text):
            folded = self.script(fold(view))
            # a number in Chinese numerals is its own view (names may hold a numeral: disguise.py)
            numbers = numerals_as_digits(folded)
            for searched in (folded, numbers) if numbers is not folded else (folded,):
                for _, word in matcher.iter(searched):
                    return Leak(path, _masked(word), self.sources.get(word, ""))
        return None


@runtime_checkable
class Told(Protocol):
    """A search data file's bytes that say what is new in them since a file found clean (its base):
    render/search_file.Told, read here by its attributes (render and write do not import each other)."""

    base: set[bytes] | None  # the salts the base was found clean under; None: no base
    seal: set[bytes]  # this file's: the salt is added once it is found clean
    spans: list[tuple[int, int]]  # outside these byte ranges, the file is the base's bytes stretch for stretch


def _around(data: bytes, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of whole parts holding each span with the 5 bytes before it and 2 after it, merged.

    A cut is decided by the 2 bytes before it and the 5 after it (_CUT), so every part outside these
    stretches, with the bytes deciding its cuts, lies outside the spans: it is a part of the base,
    found clean there, and alone (module docstring)."""
    stretches: list[tuple[int, int]] = []
    for start, end in spans:
        first, last = _cut_before(data, max(start - 5, 0)), _cut_after(data, min(end + 2, len(data)))
        if stretches and first <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(last, stretches[-1][1]))
        else:
            stretches.append((first, last))
    return stretches


def _cut_before(data: bytes, at: int) -> int:
    """The last cut at or before byte `at`; 0, the file's start, when there is none."""
    width = 512
    while True:
        low = max(at - width, 0)
        cuts = [m.end() for m in _CUT_BYTES.finditer(data, low, at + 5) if m.end() <= at]
        if cuts:
            return cuts[-1]
        if low == 0:
            return 0
        width *= 8


def _cut_after(data: bytes, at: int) -> int:
    """The first cut at or after byte `at`; the file's end when there is none."""
    for match in _CUT_BYTES.finditer(data, max(at - 2, 0)):
        if match.end() >= at:
            return match.end()
    return len(data)


class _Tables(NamedTuple):
    """What a scanner of one set of secrets searches with; never changed once made."""

    table: dict[int, str]  # str.maketrans of the script characters
    script: _ScriptFold
    # folded names and the digits hidden on the web (or, `printed`, on paper too): the one rule this
    # scanner follows, built alone (a street's are thousands of words)
    matcher: ahocorasick.Automaton | None
    cuttable: bool  # a search data file may be scanned part by part (module docstring)
    ics_cuttable: bool  # a calendar may be scanned part by part (module docstring)
    salt: bytes  # what a found leak depends on: keys the digests of clean parts
    sources: dict[str, str]  # folded name or digits → PATH:LINE of the record it belongs to


@lru_cache(maxsize=4)
def _prepared(printed: bool, names: frozenset[str], web_hidden: frozenset[str], poster_hidden: frozenset[str],
              script_chars: tuple[tuple[str, str], ...], sources: tuple[tuple[str, str], ...]) -> _Tables:
    """What a scanner of these secrets searches with (LeakScanner, `printed` or not).

    A pure function of its arguments, remembered: `serve` scans against the same secrets build after
    build, and folding two thousand names costs more than scanning what one edit changed.
    """
    table = str.maketrans(dict(script_chars))
    folded = {fold_name(name).translate(table) for name in names} - {""}
    web = {phone_digits(p) for p in web_hidden} - {""}
    poster = {phone_digits(p) for p in poster_hidden} - {""}
    words = folded | (poster if printed else web)
    cuttable = not any(c in word for word in words for c in _ACROSS) and not any(
        c in _ACROSS for pair in script_chars for c in pair)
    # what a found leak depends on: a part's digest is keyed by it, so other secrets scan it again
    salt = hashlib.blake2b(repr((printed, sorted(words), sorted(script_chars))).encode("utf-8"),
                           digest_size=32).digest()
    found: dict[str, str] = {}  # folded name or digits → PATH:LINE of the record it belongs to
    for word, where in sources:
        found.setdefault(phone_digits(word) if word.isdigit() else fold_name(word).translate(table), where)
    ics_cuttable = not any(_ICS_ACROSS in word for word in words) and not any(
        _ICS_ACROSS in pair for pair in script_chars)
    return _Tables(table, _ScriptFold(dict(script_chars)), build_matcher(words), cuttable, ics_cuttable, salt, found)


class _ScriptFold:
    """Maps the characters of a name's other scripts onto one (劉→刘, 曉→晓), as str.translate with
    that table would, but touching only the characters that occur: a page of Chinese text holds few
    of them, and translate looks up every character (a tenth of a cold build's time, in cProfile)."""

    def __init__(self, chars: dict[str, str]) -> None:
        self.chars = chars
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return self.chars[match.group()]
