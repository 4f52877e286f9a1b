"""The build cache: a folder beside the output, safe to delete (the next build is then a cold one).

It keeps what a rebuild would otherwise redo: parsed files (by size and mtime), validated
records (by digest), photo hashes, QR matrices, each page's fingerprint and files, and the
manifests of the live output and of the shadow copy that the next build updates and swaps in.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import sitegen

FORMAT: Final = 3  # bump when what is stored changes shape


def cache_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.sitegen-cache"


@dataclass
class PageEntry:
    fingerprint: str
    files: dict[str, str]  # output path → sha256


@dataclass
class BuildCache:
    key: str = ""  # tool version and the options that change output
    files: dict[str, tuple[int, int, list[Any], list[Any]]] = field(default_factory=dict)  # rel → (size, mtime, records, problems)
    valid: dict[str, tuple[Any, list[Any]]] = field(default_factory=dict)  # record key → (Valid or None, problems)
    photos: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # rel → (size, mtime, sha256)
    qr: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    pages: dict[str, PageEntry] = field(default_factory=dict)  # URL or built-in file → what it wrote
    live: dict[str, str] = field(default_factory=dict)  # output path → sha256, as now in output/
    shadow: dict[str, str] | None = None  # the same for the shadow copy; None when it cannot be trusted
    secrets: str = ""  # digest of the private data the scanned files were checked against
    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # content and theme files → (size, mtime)
    upcoming_until: str = ""  # ISO time when an activity next stops being "upcoming" (pages change then)
    report: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path, key: str) -> BuildCache:
        path = cache_dir(out) / "state.pickle"
        try:
            with open(path, "rb") as handle:
                stored = pickle.load(handle)  # written by sitegen itself, beside the output it guards
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return cls(key=key)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("version") != sitegen.__version__:
            return cls(key=key)
        cache = stored["cache"]
        if not isinstance(cache, cls):
            return cls(key=key)
        if cache.key != key:  # other options: keep parsed content, forget everything built from it
            return cls(key=key, files=cache.files, valid=cache.valid, photos=cache.photos, qr=cache.qr,
                       live=cache.live, shadow=cache.shadow)
        return cache

    def save(self, out: Path) -> None:
        folder = cache_dir(out)
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".state-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump({"format": FORMAT, "version": sitegen.__version__, "cache": self}, stream, protocol=5)
        os.replace(temp, folder / "state.pickle")
