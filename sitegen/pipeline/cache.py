"""The build cache: a folder beside the output, safe to delete (the next build is then a cold one).

It keeps what a rebuild would otherwise redo: parsed files (by size and mtime), validated
records (by digest), photo hashes, QR matrices, each page's fingerprint and files, and the
manifests of the live output and of the shadow copy that the next build updates and swaps in.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final

import sitegen

FORMAT: Final = 9  # bump when what is stored changes shape


def cache_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.sitegen-cache"


@dataclass
class PageEntry:
    fingerprint: str
    files: dict[str, str]  # output path → sha256


@dataclass
class State:
    """The small part, read first: enough to see that nothing changed without loading the rest."""

    key: str = ""
    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # content and theme files → (size, mtime)
    upcoming_until: str = ""  # ISO time when an activity next stops being "upcoming" (pages change then)
    report: dict[str, int] = field(default_factory=dict)
    manifest: tuple[int, int] = (0, 0)  # output/manifest.sha256 as this build left it: (size, mtime)
    revision: str = ""  # the git commit of the content (load/history.py): a commit re-dates pages, no file changes
    warnings: list[Any] = field(default_factory=list)  # the build's warnings, repeated by an unchanged rebuild
    drafts: tuple[str, ...] = ()  # drafts left unpublished, named again by an unchanged rebuild

    @classmethod
    def load(cls, out: Path) -> State:
        stored = _read(cache_dir(out) / "state.pickle")
        return stored if isinstance(stored, cls) and all(hasattr(stored, f.name) for f in fields(cls)) else cls()


def _read(path: Path) -> object:
    try:
        with open(path, "rb") as handle:
            stored = pickle.load(handle)  # written by sitegen itself, beside the output it guards
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("version") != sitegen.__version__:
        return None
    return stored.get("value")


def _write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".state-")
    with os.fdopen(handle, "wb") as stream:
        pickle.dump({"format": FORMAT, "version": sitegen.__version__, "value": value}, stream, protocol=5)
    os.replace(temp, path)


@dataclass
class BuildCache:
    key: str = ""  # tool version and the options that change output
    files: dict[str, tuple[int, int, list[Any], list[Any]]] = field(default_factory=dict)  # rel → (size, mtime, records, problems)
    valid: dict[str, tuple[Any, list[Any]]] = field(default_factory=dict)  # record key → (Valid or None, problems)
    photos: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # rel → (size, mtime, sha256)
    qr: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    events: dict[str, bytes] = field(default_factory=dict)  # activity digest → its VEVENT, as icalendar wrote it
    levels: dict[str, str] = field(default_factory=dict)  # place level → slug (pinyin)
    clean: dict[str, set[str]] = field(default_factory=dict)  # records found free of wishers' names
    photo_checks: dict[str, tuple[int, int, str | None]] = field(default_factory=dict)  # photo headers checked
    variants: dict[str, str] = field(default_factory=dict)  # wishers' names in Traditional script
    # (size, mtime) of every file as the last builds left them in output/ and in the shadow: a file is
    # reused only while it still matches, so one deleted or edited by hand is made again.
    live_stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    shadow_stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    pages: dict[str, PageEntry] = field(default_factory=dict)  # URL or built-in file → what it wrote
    print_stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # the print folder's files, as left
    print_photos: dict[str, tuple[str, ...]] = field(default_factory=dict)  # poster HTML sha256 → photos it shows
    secrets: str = ""  # digest of the private data the scanned files were checked against
    search: dict[str, tuple[list[str], str, str]] = field(default_factory=dict)  # record digest → its search row and keys

    @classmethod
    def load(cls, out: Path, key: str) -> BuildCache:
        cache = _read(cache_dir(out) / "data.pickle")
        if not isinstance(cache, cls) or not all(hasattr(cache, f.name) for f in fields(cls)):
            return cls(key=key)
        if cache.key != key:  # other options: keep parsed content, forget everything built from it
            return cls(key=key, files=cache.files, valid=cache.valid, photos=cache.photos, qr=cache.qr,
                       levels=cache.levels, clean=cache.clean, photo_checks=cache.photo_checks,
                       variants=cache.variants)
        return cache

    def save(self, out: Path, state: State) -> None:
        """Data first, state last: a state that says "unchanged" never outlives the data behind it."""
        _write(cache_dir(out) / "data.pickle", self)
        _write(cache_dir(out) / "state.pickle", state)
