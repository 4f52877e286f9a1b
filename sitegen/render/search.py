"""The search index: every published record and free page, as a JavaScript data file.

The file is loaded by a `<script src>` on the search page only (no fetch: it works from file://,
offline and in WeChat, and within the CSP: script-src 'self'). It holds, per record, what a
result shows (title, kind, date, place, the short fields and the start of the body, in the
script of its tree), and for the whole site the keys of search_text.py with the records holding
each. The body is indexed whole but shipped only in part: for 1,000 generated records the keys
take 290 KB gzipped where the whole text would take 745 KB (bench/generate.py content).

Only the model's published forms go in (the masked or aliased wisher, `phone_web`), so the
index can tell nothing a page does not; the leak scan reads it like any page.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sitegen.hanzi import converter, with_phrases
from sitegen.kinds import ALL_KINDS
from sitegen.model.records import Activity, Deliberation, Disclosure, Model, Page, Record, Wish
from sitegen.render.context import Formats
from sitegen.render.search_gaps import decode as decode_postings, encode as encode_postings, gap_text
from sitegen.render.search_file import Pieces, Telling, chars_of, encode, learned, update_members
from sitegen.render.search_text import FoldMemo, key_set
from sitegen.render.script import NameFinder, keep_names_and_urls, name_finder

FORMAT: Final = "2"  # bump when the file's layout changes: the name then changes with it (2: gaps in letters)
EXCERPT: Final = 120  # characters of the body shipped for the snippet
GLOBAL: Final = "sitegenSearch"  # the variable the data file sets; search.js reads it

_MARKDOWN: Final = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|<[^>]*>|^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+"
                              r"|[*_`~|]+|^[-=]{3,}\s*$", re.MULTILINE)
_SPACE: Final = re.compile(r"[\s\x00-\x1f\x7f]+")  # search.js joins fields with \x01: none may hold one


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees: links keep their text, marks and pictures go."""
    return _SPACE.sub(" ", _MARKDOWN.sub(lambda m: m.group(1) or "", markdown)).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One record as search knows it: shown fields (`meta`, the start of `body`) and indexed text."""

    url: str  # in the tree: activities/x/
    kind: str
    title: str
    date: str  # as the site writes dates, "" when none
    place: str
    meta: str  # the short fields, joined by " · "
    body: str  # the whole body, plain

    def shown(self) -> list[str]:
        excerpt = self.body[:EXCERPT] + ("…" if len(self.body) > EXCERPT else "")
        return [self.url, self.kind, *(_SPACE.sub(" ", f) for f in (self.title, self.date, self.place, self.meta)), excerpt]

    def text(self, kind_label: str) -> str:
        """Everything indexed: what is shown, the whole body, and the kind's name (微心愿 finds the wishes)."""
        return "\n".join((self.title, self.place, self.meta, self.body, kind_label))


def _join(parts: Iterable[str | None]) -> str:
    return " · ".join(p for p in parts if p)


def entry(record: Record, labels: Mapping[str, str], formats: Formats) -> Entry:
    """The searchable words of one record: its page's words in the forms the web may show."""
    t = labels
    place: str | None = None
    date = formats.day(record.day)
    fields: list[str | None] = [record.summary, *record.tags]
    if isinstance(record, Activity):
        place, date = record.place, formats.day(record.start)
        fields += [record.organizer, *record.partners, record.project, record.signup]
    elif isinstance(record, Disclosure):
        place = record.place.name if record.place else None
        date = formats.day(record.since)
        fields += [record.role, t["party_member"] if record.party_member else t["volunteer"], record.phone_web,
                   *record.duties, record.pledge]
    elif isinstance(record, Deliberation):
        place = record.meeting.place if record.meeting else None
        fields += [t[f"status_{record.status}"], record.raised_by, record.channel,
                   record.meeting.host if record.meeting else None, record.decision,
                   *(step.note for step in record.timeline)]
    elif isinstance(record, Wish):
        place = record.place
        fields += [t[f"wish_{record.status}"], record.shown_name, record.category, record.claimed_by, record.thanks]
    elif isinstance(record, Page):  # a free page is not of a day
        date = ""
    return Entry(url=record.url, kind=record.kind, title=record.title, date=date, place=place or "",
                 meta=_join(fields), body=plain(record.body))


def ordered(model: Model) -> list[Record]:
    """Every published record and free page, newest first (ties by address): the order of equal results."""
    return [*sorted(model.records(), key=lambda r: (-r.day.toordinal(), r.url)), *model.pages]


def entries(model: Model, labels: Mapping[str, str]) -> list[Entry]:
    formats = Formats(labels)
    return [entry(r, labels, formats) for r in ordered(model)]


def digest(model: Model, labels: Mapping[str, str]) -> str:
    """What the index depends on (every record's digest, the labels): names its file, keys its reuse."""
    parts = [FORMAT, model.site.language, str(model.site.traditional_mirror), repr(sorted(labels.items()))]
    parts += [r.url + r.digest for r in (*model.records(), *model.pages)]
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


def file_names(model: Model, labels: Mapping[str, str]) -> dict[str, str]:
    """Output path of the data file per script: "hans" for the main trees, "hant" for the 繁體 mirror."""
    stamp = digest(model, labels)
    names = {"hans": f"static/search-index.{stamp}.js"}
    if model.site.traditional_mirror:
        names["hant"] = f"static/search-index-hant.{stamp}.js"
    return names


def _postings(keyed: Sequence[str]) -> dict[str, str]:
    """key → the records holding it: gaps between record numbers in letters (`gap_text`), comma-separated, in key order.

    `keyed` holds each record's keys joined by newlines (a key never holds one). The gaps are
    gathered as the shared strings of `digits`, never as one int per holder: at 10,000 records a
    key → [record numbers] map took 137 MB, these lists a fifth of it.
    """
    digits = [gap_text(n) for n in range(len(keyed))]
    gaps: dict[str, list[str]] = {}
    last: dict[str, int] = {}
    for number, joined in enumerate(keyed):
        if not joined:
            continue
        for key in joined.split("\n"):
            found = gaps.get(key)
            if found is None:
                gaps[key] = [digits[number]]
            else:
                found.append(digits[number - last[key] - 1])
            last[key] = number
    return {key: ",".join(gaps[key]) for key in sorted(gaps)}


@dataclass
class Keys:
    """The keys part of the last index made, kept by the build cache between builds (BuildCache.search_keys).

    `names[i]` is record i's memo name (its address, digest and the labels' stamp), `keyed[i]` its
    keys joined by newlines, `encoded` key → its postings as written (`_postings`), in key order.
    The record numbers holding a key are read back from its postings (`decode_postings`) only for the keys
    a rebuild touches: kept whole as ints they were 137 MB of a 10,000-record build's memory.
    """

    names: list[str] = field(default_factory=list)
    keyed: list[str] = field(default_factory=list)
    encoded: dict[str, str] = field(default_factory=dict)
    # The last files' encoded pieces (search_file.Pieces): kept whole in the process (`serve`). Pickled
    # are only their character counts and fold map (`Pieces.counted`, some thousand entries): a CLI
    # build reads the encoded rows and keys back slower than it encodes them, but counting the
    # characters of every record again cost it 0.3 s at 10,000 records.
    pieces: Pieces | None = None

    def __getstate__(self) -> dict[str, object]:
        state: dict[str, object] = {"names": self.names, "keyed": self.keyed, "encoded": self.encoded}
        if self.pieces is not None and self.pieces.fold is not None:
            state["counted"] = self.pieces.counted()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        counted = state.pop("counted", None)
        self.__dict__.update(state)
        self.pieces = Pieces.recounted(counted) if counted is not None else None


REKEY_LIMIT: Final = 64  # more records changed than this: the postings are made whole again


def _changed(last: Keys, names: Sequence[str]) -> list[int] | None:
    """The record numbers whose record changed in place (same address, same place in the order);
    None when records came, went or moved, or too many changed: then the postings are made whole."""
    if len(last.names) != len(names):
        return None
    changed: list[int] = []
    for number, (old, new) in enumerate(zip(last.names, names, strict=True)):
        if old != new:
            if old.partition("\x1f")[0] != new.partition("\x1f")[0] or len(changed) == REKEY_LIMIT:
                return None
            changed.append(number)
    return changed


def _rekey(last: Keys, names: list[str], keyed: list[str]) -> set[str] | None:
    """Bring `last` to these records: in place, touching only the keys of the records that changed
    (a record edited under `serve` changes a few hundred keys of tens of thousands); whole when
    records came, went or moved. The encoded postings equal `_postings(keyed)` either way.
    Returns the keys touched, None when made whole."""
    changed = _changed(last, names) if last.names else None
    touched: set[str] | None = None
    if changed is None:
        last.encoded = _postings(keyed)
    else:
        holders: dict[str, list[int]] = {}  # the touched keys' record numbers, read from their postings

        def holding(key: str) -> list[int]:
            found = holders.get(key)
            if found is None:
                known = last.encoded.get(key)
                found = holders[key] = decode_postings(known) if known else []
            return found

        for number in changed:
            old = set(last.keyed[number].split("\n")) if last.keyed[number] else set()
            new = set(keyed[number].split("\n")) if keyed[number] else set()
            for key in old - new:
                holding(key).remove(number)
            for key in new - old:
                bisect.insort(holding(key), number)
        digits = [gap_text(n) for n in range(len(keyed))]
        added = False
        for key, numbers in holders.items():
            if numbers:
                added = added or key not in last.encoded
                last.encoded[key] = encode_postings(numbers, digits)
            else:
                last.encoded.pop(key, None)
        if added:
            last.encoded = dict(sorted(last.encoded.items()))
        touched = set(holders)
    last.names, last.keyed = names, keyed
    return touched


def _script(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"/* sitegen search index: made by the build */\nwindow.{GLOBAL}={text};\n".encode()


# record and labels → (its row, its keys joined by \n, its characters, its row in the 繁體 mirror's script
# or None until a build asks for it)
Memo = dict[str, tuple[list[str], str, str, list[str] | None]]


def _rows(model: Model, labels: Mapping[str, str], kinds: Mapping[str, str],
          memo: Memo) -> tuple[list[list[str]], list[str], list[str], list[tuple[int, str, str]]]:
    """Each record's shown row, its keys joined by newlines and its memo name, in `ordered` order,
    and the records not in `memo` as (position, memo name, text to index).

    A record whose digest (and the labels) are unchanged is taken from `memo`; the others are read
    and memoised with their keys still "" (make_files fills them in once the fold map is learned).
    """
    stamp = hashlib.blake2b(repr((FORMAT, sorted(labels.items()))).encode("utf-8"), digest_size=8).hexdigest()
    formats = Formats(labels)
    rows: list[list[str]] = []
    keyed: list[str] = []
    fresh: list[tuple[int, str, str]] = []  # (position, memo key, text to index)
    names: list[str] = []
    for record in ordered(model):
        name = f"{record.url}\x1f{record.digest}\x1f{stamp}"
        names.append(name)
        known = memo.get(name)
        if known is None:
            found = entry(record, labels, formats)
            text = found.text(kinds[found.kind])
            fresh.append((len(rows), name, text))
            rows.append(found.shown())
            keyed.append("")
            memo[name] = (rows[-1], "", chars_of((text,)), None)
        else:
            rows.append(known[0])
            keyed.append(known[1])
    return rows, keyed, names, fresh


def _traditional(rows: list[list[str]], names: list[str], memo: Memo, kinds: Mapping[str, str],
                 people: NameFinder | None = None,
                 places: NameFinder | None = None) -> tuple[list[list[str]], dict[str, str]]:
    """The rows and kind names in the 繁體 mirror's script; a row converted before is taken from `memo`.

    The rows not in it are converted in one text, as the whole index once was: OpenCC segments by
    the longest phrase of its dictionaries and none holds `"`, `,`, `[` or `]`, so each row's
    JSON converts the same alone as within the list (tests/render/test_search.py holds it).
    As a page is (render/script.py): the names `people` finds (model.names) and addresses are kept
    as typed, the rest takes hanzi.PHRASES after OpenCC. Which names a row holds is in its record's
    digest (model/build.py _with_names), so a row is converted again when they change.
    """
    convert = converter()
    hant: list[list[str] | None] = [None if (known := memo.get(name)) is None else known[3] for name in names]
    todo = [position for position, row in enumerate(hant) if row is None]
    if todo:
        converted = json.loads(keep_names_and_urls(json.dumps([rows[p] for p in todo], ensure_ascii=False),
                                                    convert, people, places))
        for position, row in zip(todo, converted, strict=True):
            hant[position] = row
            if (known := memo.get(names[position])) is not None:
                memo[names[position]] = (*known[:3], row)
    hant_kinds = json.loads(with_phrases(convert(json.dumps(kinds, ensure_ascii=False))))
    return [row for row in hant if row is not None], hant_kinds


def make_files(model: Model, labels: Mapping[str, str], memo: Memo | None = None,
               keys: Keys | None = None, folds: FoldMemo | None = None,
               names: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """The data file for each script (see `file_names`); the same model gives the same bytes.

    `memo` (kept by the build cache) holds what each record gave last time, by its digest: a
    rebuild reads (and converts to 繁體) only the records that changed. It is filled and pruned here.
    `keys` (kept too) holds the last index's postings, and in the process the files' encoded pieces
    (search_file.py): a rebuild encodes only the rows and keys of the records that changed.
    `folds` (kept too) holds each character's forms: OpenCC converts only characters new to it.
    `names`: file_names(model, labels) when the caller took them already (a digest of every record).
    """
    kinds = {k.folder: labels[k.label_key] for k in ALL_KINDS}  # the registry's order: the index's layout
    kept: Memo = {} if memo is None else memo
    rows, keyed, record_names = (listed := _rows(model, labels, kinds, kept))[:3]
    mirror = model.site.traditional_mirror
    hant = _traditional(rows, record_names, kept, kinds, name_finder(model.names), name_finder(model.place_names)) if mirror else None
    pieces = _pieces(keys, mirror, kept)
    gone = pieces.names - set(record_names)
    # Every character indexed, then the kind names, then the 繁體 rows': the order a first build learns them in.
    folder = learned(pieces, record_names, gone, kept, kinds, folds)
    for position, name, text in listed[3]:
        # a character's search form depends on that character alone: keys made once stay right
        keyed[position] = "\n".join(key_set(folder.fold(text)))
        kept[name] = (rows[position], keyed[position], *kept[name][2:])
    touched: set[str] | None = None
    if keys is None:
        update_members(pieces, _postings(keyed), None)
    else:
        touched = _rekey(keys, record_names, keyed)  # before keys.encoded is read: made whole, it is a new dict
        update_members(pieces, keys.encoded, touched)
    head = [("v", encode(FORMAT)), ("kinds", encode(kinds)), ("fold", _fold_text(pieces))]
    names = names if names is not None else file_names(model, labels)
    telling = Telling(GLOBAL, pieces, record_names, keys.encoded if keys is not None else None, touched)
    files = {names["hans"]: telling.file("hans", head, _encoded(pieces.rows, record_names, rows))}
    if hant is not None:
        head[1] = ("kinds", encode(hant[1]))
        files[names["hant"]] = telling.file("hant", head, _encoded(pieces.hant, record_names, hant[0]))
    pieces.order = record_names
    for name in gone:
        pieces.rows.pop(name, None)
        pieces.hant.pop(name, None)
    pieces.names = set(record_names)
    for name in kept.keys() - pieces.names:
        del kept[name]
    return files


def _fold_text(pieces: Pieces) -> bytes:
    assert pieces.fold is not None  # search_file.learned sets it
    return pieces.fold[1]


def _pieces(keys: Keys | None, mirror: bool, memo: Memo) -> Pieces:
    """The pieces kept in `keys` when they are of these records' memo and this mirror setting; else new ones."""
    if keys is None:
        return Pieces(mirror)
    if keys.pieces is None or keys.pieces.mirror != mirror or not keys.pieces.names <= memo.keys():
        keys.pieces = Pieces(mirror)
    return keys.pieces


def _encoded(known: dict[str, bytes], names: Sequence[str], rows: Sequence[list[str]]) -> list[bytes]:
    """Each record's row encoded: as kept in `known` (by memo name), else encoded now and kept."""
    found = []
    for name, row in zip(names, rows, strict=True):
        text = known.get(name)
        if text is None:
            text = known[name] = encode(row)
        found.append(text)
    return found
