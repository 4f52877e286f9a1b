"""The build cache: a folder beside the output, safe to delete (the next build is then a cold one).

It keeps what a rebuild would otherwise redo: parsed files (by size and mtime), validated
records (by digest), photo hashes, QR matrices, each page's fingerprint and files, each plan slot's
key and fingerprints (pipeline/replan.py), and the manifests of the live output and of the shadow
copy that the next build updates and swaps in. The parsed files and their checks (`files`, `valid`)
are in shard files beside it (pipeline/shards.py); other options keep them, other code nothing.

A cache can be wrong; the site cannot. Each file is `MAGIC`, a SHA-256 digest of the payload keyed
by the format and sitegen version that wrote it, then the payload; a file whose digest does not
match (a flipped bit, a truncated write, another version) is never unpickled, and the build runs
cold with a notice. The payload is a pickle read by an unpickler that only builds plain values
and sitegen's own data classes, so a planted cache file cannot call anything on load.

Why still pickle: `python -m bench.cache_formats OUT` on a 10,000-record cache (66 MB; 2 shared
cores under load 15, so read the ratios): plain pickle 3.0 s, this checked pickle 4.2 s (the
digest alone 0.26 s), orjson 9.9 s, json 13.7 s, marshal 16.1 s, the last three including the
rebuild of sitegen's classes from plain values, which any format that cannot execute needs.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final

import sitegen
from sitegen.paths import same_code
from sitegen.write.files import staged_beside

if TYPE_CHECKING:
    from sitegen.render.qr import Codes
    from sitegen.render.fit import Fits
    from sitegen.render.summary import Summaries
    from sitegen.render.search import Keys
    from sitegen.render.search_text import FoldMemo
    from sitegen.slugs import Levels
    from sitegen.validate.privacy import Variants
    from sitegen.pipeline.products import Key
    from sitegen.write.slots import Manifests
    from sitegen.pipeline.replan import PlanMemo
    from sitegen.pipeline.shards import Shards

FORMAT: Final = 22  # bump when what is stored changes shape
MAGIC: Final = b"sitegen-cache "
_DIGEST: Final = 32
_CHUNK: Final = 1 << 20  # bytes digested at a time when reading a cache file
# What a cache may hold besides sitegen's own classes: module → names (no dotted names, no functions).
_PLAIN: Final = {
    "builtins": {"set", "frozenset", "bytearray", "complex", "range", "slice"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "pathlib": {"PurePosixPath", "PurePath", "PosixPath", "Path", "PureWindowsPath"},
    "decimal": {"Decimal"},
    "collections": {"OrderedDict"},
}


def cache_dir(out: Path, given: Path | None = None) -> Path:
    """The cache folder of an output folder: `given` (Options.cache_folder) or `.<name>.sitegen-cache` beside it."""
    return given if given is not None else out.parent / f".{out.name}.sitegen-cache"


@dataclass
class PageEntry:
    """What one product was made from and what it wrote, as the last build recorded it."""

    fingerprint: str
    files: dict[str, str]  # output path → sha256


@dataclass
class State:
    """The small part, read first: enough to see that nothing changed without loading the rest."""

    key: str = ""
    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # content and theme files → (size, mtime)
    upcoming_until: str = ""  # ISO time when an activity next stops being "upcoming" (pages change then)
    built_at: str = ""  # ISO build clock (Options.now) of this build: an earlier clock may show other pages
    report: dict[str, int] = field(default_factory=dict)
    manifest: tuple[int, int] = (0, 0)  # output/manifest.sha256 as this build left it: (size, mtime)
    revision: str = ""  # the git commit of the content (load/history.py): a commit re-dates pages, no file changes
    warnings: list[Any] = field(default_factory=list)  # the build's warnings, repeated by an unchanged rebuild
    drafts: tuple[str, ...] = ()  # drafts left unpublished, named again by an unchanged rebuild

    roots: list[str] = field(default_factory=list)  # input folders outside the usual ones (a site's own theme)
    tree: str = ""  # write.stamp.entries_stamp of output/ as this build left it
    street_secrets: str = ""  # secrets_digest(Options.street_secrets): another community's new wisher rebuilds this one
    # The print folder's stamp as this build left it (its entries from BuildCache.print_files), so a
    # poster deleted, added or written to there by hand is made again by a build with nothing else to do.
    print_tree: str = ""
    # What those stamps stat (write.stamp.stamp_entries, "\0"-joined: one string unpickles faster than
    # thousands): named once by the build, so a rebuild with nothing to do reads no manifest.
    tree_entries: str = ""
    print_entries: str = ""

    @classmethod
    def load(cls, out: Path, folder: Path | None = None) -> State:
        """The state of the last build; State() when there is none. Raises CacheDamaged."""
        stored = read_checked(cache_dir(out, folder) / "state.pickle")
        if stored is None:
            return cls()
        if not isinstance(stored, cls) or not all(hasattr(stored, f.name) for f in fields(cls)):
            raise CacheDamaged("state.pickle")
        return stored


class CacheDamaged(Exception):
    """A cache file is there but cannot be trusted (bad digest, or not what sitegen writes)."""


class _PlainUnpickler(pickle.Unpickler):
    """Builds plain values and sitegen's data classes only: loading cannot call anything else."""

    def find_class(self, module: str, name: str) -> Any:
        if "." not in name:
            if name in _PLAIN.get(module, ()):
                return super().find_class(module, name)
            if module.startswith("sitegen."):
                found = super().find_class(module, name)
                if isinstance(found, type) and found.__module__ == module:
                    return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache")


def _header() -> bytes:
    return MAGIC + f"{FORMAT} {sitegen.__version__}\n".encode()


def _digest(payload: bytes | memoryview) -> bytes:
    """SHA-256 of the header (what wrote it: format and sitegen version), then the payload."""
    digest = _hasher()
    digest.update(payload)
    return digest.digest()


def _hasher() -> hashlib._Hash:
    """A SHA-256 fed the header first, ready for the payload: keyed by what wrote it. SHA-256, not
    BLAKE2b: the processors' SHA extensions make it twice as fast here (100 MB: 0.07 s of CPU against
    0.13 s; a 10,000-record rebuild digests 140 MB read and 100 MB written)."""
    digest = hashlib.sha256()
    digest.update(_header())
    return digest


def read_checked(path: Path) -> object:
    """The stored value; None when there is none; CacheDamaged when the file cannot be trusted.

    Two passes over one open file: the digest of the payload, read a megabyte at a time, then,
    only when it matches, the unpickling straight from the file. The payload is never held whole
    (it was, as one bytes object: 131 MB at 10,000 records, on top of the objects made from it).
    A value written in parts (`write_checked`) gets each part back, each unpickled on its own.
    """
    header = _header()
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(header) + _DIGEST)
            if not head.startswith(header):
                if head.startswith(MAGIC) and b"\n" in (head + handle.read(64))[:64]:
                    return None  # written by another version of sitegen: a cold build, nothing is wrong
                raise CacheDamaged(str(path))
            digest = _hasher()
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
            if len(head) < len(header) + _DIGEST or digest.digest() != head[len(header):]:
                raise CacheDamaged(str(path))  # a flipped bit or a torn write
            handle.seek(len(header) + _DIGEST)
            return _unpickled(handle, path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise CacheDamaged(str(path)) from e


def _unpickled(handle: BinaryIO, path: Path) -> object:
    """The checked payload's value, its parts set back on it; CacheDamaged for anything unexpected."""
    try:
        stored = _PlainUnpickler(handle).load()
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            raise CacheDamaged(str(path))
        value: Any = stored.get("value")
        parts = stored.get("parts", ())
        if parts and (not is_dataclass(value) or isinstance(value, type)):
            raise CacheDamaged(str(path))
        names = {f.name for f in fields(value)} if parts else set()
        for group in parts:
            values = _PlainUnpickler(handle).load()  # a fresh memo for each part, as it was written
            if not isinstance(values, tuple) or len(values) != len(group) or not set(group) <= names:
                raise CacheDamaged(str(path))
            for name, part in zip(group, values, strict=True):
                setattr(value, name, part)
    except CacheDamaged:
        raise
    except Exception as e:  # noqa: BLE001 - whatever a wrong payload raises, the cache is not used
        raise CacheDamaged(str(path)) from e
    if handle.read(1):
        raise CacheDamaged(str(path))  # more than was written
    return value


class _Digesting(io.RawIOBase):
    """A file the pickler streams into that digests what it writes (the `_hasher` digest of the payload)."""

    def __init__(self, handle: io.BufferedWriter) -> None:
        super().__init__()
        self.handle, self.digest = handle, _hasher()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.digest.update(data)
        return self.handle.write(data)


def write_checked(path: Path, value: Any, parts: Sequence[tuple[str, ...]] = ()) -> None:
    """Header, digest, payload, replaced whole (write/files.py). The pickle streams into the file
    and its digest, written into the place kept for it last: no copy of the payload in memory
    (the bytes object and the joined file were 137 MB each at 10,000 records).

    `parts` (groups of field names of the data class `value`) are pickled one after the other,
    after `value` without them, each with a memo of its own: the pickler's memo holds every object
    it wrote (and every state list it made for one) until its dump ends, so one dump of the whole
    cache held all of them at once. Fields that share objects belong in one group (a value shared
    across groups is read back as two equal copies).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    header = _header()
    with staged_beside(path) as temporary, open(temporary, "wb") as handle:
        handle.write(header + bytes(_DIGEST))
        digesting = _Digesting(handle)
        shell = replace(value, **{name: None for group in parts for name in group}) if parts else value
        pickle.dump({"format": FORMAT, "value": shell, "parts": list(parts)} if parts
                    else {"format": FORMAT, "value": value}, digesting, protocol=5)
        del shell
        for group in parts:
            pickle.dump(tuple(getattr(value, name) for name in group), digesting, protocol=5)
        handle.seek(len(header))
        handle.write(digesting.digest.digest())


def _parts() -> list[tuple[str, ...]]:
    """BuildCache's fields in the groups `write_checked` pickles one at a time into the data file (all but
    `key` and the sharded `files` and `valid`): a field alone unless it shares objects with another.
    Found on a 10,000-record cache (objects reachable from both): the search rows and their keys
    share texts, a shadow's stats are a copy of the live stats' dict, and the products' entries, the
    plan's slots and the print folder's files share paths and digests. The parsed records and their
    checks share texts with the search rows too: in shard files they are read back as equal copies
    (89 MB pickled together, 114 MB apart at 10,000 records), the price of rewriting one shard alone.
    """
    together = [("search", "search_keys"), ("live_stats", "shadow_stats"),
                ("print_stats", "print_shadow_stats"),
                ("pages", "plans", "print_files", "print_shadow_files", "print_photos")]
    grouped = {name for group in together for name in group} | {"key", "files", "valid"}  # those two: shards.py
    return [(f.name,) for f in fields(BuildCache) if f.name not in grouped] + together


# The build-scoped memos start empty; their modules are imported only when a build needs them: the
# check that nothing changed reads State alone, before pydantic (which validate/privacy.py brings) loads.
def _codes() -> Codes:
    from sitegen.render.qr import Codes

    return Codes()


def _summaries() -> Summaries:
    from sitegen.render.summary import Summaries

    return Summaries()


def _fits() -> Fits:
    from sitegen.render.fit import Fits

    return Fits()


def _search_keys() -> Keys:
    from sitegen.render.search import Keys

    return Keys()


def _manifests() -> Manifests:
    from sitegen.write.slots import Manifests

    return Manifests()


def _search_folds() -> FoldMemo:
    from sitegen.render.search_text import FoldMemo

    return FoldMemo()


def _plans() -> PlanMemo:
    from sitegen.pipeline.replan import PlanMemo

    return PlanMemo()


def _shards() -> Shards:
    from sitegen.pipeline.shards import Shards

    return Shards()


def _levels() -> Levels:
    from sitegen.slugs import Levels

    return Levels()


def _variants() -> Variants:
    from sitegen.validate.privacy import Variants

    return Variants()


@dataclass
class BuildCache:
    key: str = ""  # tool version and the options that change output
    files: dict[str, tuple[int, int, list[Any], list[Any]]] = field(default_factory=dict)  # rel → (size, mtime, records, problems)
    valid: dict[str, tuple[Any, list[Any]]] = field(default_factory=dict)  # record key → (Valid or None, problems)
    photos: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # rel → (size, mtime, sha256)
    qr: Codes = field(default_factory=_codes)  # QR matrices by the text they hold
    events: dict[str, bytes] = field(default_factory=dict)  # activity digest → its VEVENT, as icalendar wrote it
    levels: Levels = field(default_factory=_levels)  # place levels and tags → slug (pinyin)
    clean: dict[str, set[str]] = field(default_factory=dict)  # records found free of wishers' names
    photo_checks: dict[str, tuple[int, int, str | None]] = field(default_factory=dict)  # photo headers checked
    variants: Variants = field(default_factory=_variants)  # wishers' names in both scripts
    # (size, mtime) of every file as the last builds left them in output/ and in the shadow: a file is
    # reused only while it still matches, so one deleted or edited by hand is made again.
    live_stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    shadow_stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    pages: dict[Key, PageEntry] = field(default_factory=dict)  # product (pipeline/products.py) → what it wrote
    print_stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # the print folder's files, as left
    print_photos: dict[str, tuple[str, ...]] = field(default_factory=dict)  # poster HTML sha256 → photos it shows
    secrets: str = ""  # digest of the private data the scanned files were checked against
    search: dict[str, tuple[list[str], str, str, list[str] | None]] = field(default_factory=dict)  # record → search row, keys, 繁體 row
    summaries: Summaries = field(default_factory=_summaries)  # body → its summary (render/summary.py)
    street_events: dict[str, str] = field(default_factory=dict)  # a street's VEVENT of each activity (street/summary.py)
    # The print folder's files (path → sha256) as the last build left them (their stats: print_stats), and
    # those of the print shadow, the print folder before (write/printfolder.py PrintSlot), with their stats.
    print_files: dict[str, str] = field(default_factory=dict)
    print_shadow_files: dict[str, str] = field(default_factory=dict)
    print_shadow_stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    search_keys: Keys = field(default_factory=_search_keys)  # the search index's postings, as last made
    search_folds: FoldMemo = field(default_factory=_search_folds)  # each character's search forms (render/search_text.py)
    scanned: set[str] = field(default_factory=set)  # search-file parts found clean (write/leaks.py), keyed by the secrets
    # The folders of output/ and of the shadow known clean (write/slots.py sweep): (inode, mtime, ctime) each.
    live_dirs: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    shadow_dirs: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # The same for the print folder and its shadow (write/printfolder.py PrintSlot).
    print_dirs: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    print_shadow_dirs: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    phones_clean: dict[str, set[str]] = field(default_factory=dict)  # records found free of hidden numbers
    fits: Fits = field(default_factory=_fits)  # how each poster fits its sheet (render/fit.py)
    # the slots' manifests as parsed lately (write/slots.py); pickled empty, so kept only under `serve`
    manifests: Manifests = field(default_factory=_manifests)
    plans: PlanMemo = field(default_factory=_plans)  # the last plan's slots; pickled as keys and fingerprints (pipeline/replan.py)
    shards: Shards = field(default_factory=_shards)  # where `files` and `valid` are on disk (their shard files)

    @classmethod
    def load(cls, out: Path, key: str, folder: Path | None = None) -> BuildCache:
        """What the last builds kept; empty when there is none. Raises CacheDamaged."""
        from sitegen.pipeline.shards import Shards, read_shards

        where = cache_dir(out, folder)
        cache = read_checked(where / "data.pickle")
        if cache is None:
            return cls(key=key)
        if not isinstance(cache, cls) or not all(hasattr(cache, f.name) for f in fields(cls)) \
                or not isinstance(cache.shards, Shards):
            raise CacheDamaged("data.pickle")
        if not same_code(cache.key, key):  # other code (an upgrade): nothing it parsed or checked is this code's
            return cls(key=key)
        cache.files, cache.valid = read_shards(where, cache.shards)
        if cache.key != key:  # other options: keep parsed content, forget everything built from it
            return cls(key=key, files=cache.files, valid=cache.valid, photos=cache.photos, qr=cache.qr,
                       levels=cache.levels, clean=cache.clean, photo_checks=cache.photo_checks,
                       variants=cache.variants)
        return cache

    def save(self, out: Path, state: State, folder: Path | None = None) -> None:
        """Data first, state last: a state that says "unchanged" never outlives the data behind it."""
        self.save_data(out, folder)
        write_checked(cache_dir(out, folder) / "state.pickle", state)

    def save_data(self, out: Path, folder: Path | None = None) -> None:
        """The data file alone (pipeline/memory.py: `serve` stopping leaves no "unchanged" state),
        after the shard files it names (those whose entries changed)."""
        from sitegen.pipeline.shards import write_shards

        where = cache_dir(out, folder)
        write_shards(where, self.shards, self.files, self.valid)
        write_checked(where / "data.pickle", replace(self, files={}, valid={}), _parts())
