"""The build cache's parsed files and their checks (BuildCache `files`, `valid`) in shard files by source path.

They are most of the cache (37 MB of 135 pickled at 10,000 records) and a one-record edit changes one
entry of each: a shard is written again only when an entry of it is not the very object the last read
or write of that folder left there (`Shards`), so a rebuild pickles one shard instead of every record
(0.55 s of a 10,000-record rebuild's 0.9 s of pickling). The data file names each shard's build id and
each shard file holds its own: a shard from another build, left by a torn save or copied in, is never
read with this one (CacheDamaged: a cold build). Each shard is a cache file like the others
(pipeline/cache.py `write_checked`: header, digest, checked pickle).
"""

from __future__ import annotations

import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from sitegen.pipeline.cache import CacheDamaged, read_checked, write_checked

SHARDS: Final = 32  # shard files; a one-record edit rewrites one

SHARDED: Final = ("files", "valid")  # BuildCache's fields kept in shard files, by source path


def shard_of(path: str) -> int:
    """The shard (0 to SHARDS - 1) of a content-relative source path: the same on any machine."""
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


def _valid_path(key: str) -> str:
    """The source path in a `valid` key (validate/check.py _record_key: kind, path, stem, ... joined by NUL)."""
    parts = key.split("\0", 2)
    return parts[1] if len(parts) > 1 else key


Entries = tuple[dict[str, Any], dict[str, Any]]  # one shard's part of (BuildCache.files, BuildCache.valid)


def _same(now: dict[str, Any], then: dict[str, Any]) -> bool:
    """Whether `now` holds the very objects `then` holds, under the same keys (identity, not equality)."""
    missing = object()
    return len(now) == len(then) and all(then.get(key, missing) is value for key, value in now.items())


@dataclass
class Shards:
    """Where BuildCache's `files` and `valid` are on disk: each shard file's build id, and what each
    held when this process read or wrote it.

    Only the ids are pickled (into the data file). `held` keeps the entries it names alive, so an
    entry replaced since (a file parsed again, a record checked again) is a new object and its shard
    is written again; one the build only looked at is the same object. Entries are tuples the load
    and validate stages replace and never change in place (load/__init__.py, validate/check.py).
    """

    ids: dict[int, str] = field(default_factory=dict)  # shard → the build id written into its file
    held: dict[int, Entries] = field(default_factory=dict)
    folder: str = ""  # the cache folder `held` describes: a save into another writes every shard

    def __getstate__(self) -> dict[str, Any]:
        return {"ids": dict(self.ids)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        ids = state.get("ids") if isinstance(state, dict) else None
        self.ids = ids if isinstance(ids, dict) and all(isinstance(v, str) for v in ids.values()) else {}
        self.held, self.folder = {}, ""


def _split(files: dict[str, Any], valid: dict[str, Any]) -> list[Entries]:
    """`files` and `valid` cut into the SHARDS shards by source path."""
    shards: list[Entries] = [({}, {}) for _ in range(SHARDS)]
    for rel, entry in files.items():
        shards[shard_of(rel)][0][rel] = entry
    for key, checked in valid.items():
        shards[shard_of(_valid_path(key))][1][key] = checked
    return shards


def shard_path(where: Path, index: int) -> Path:
    return where / f"data-{index:02d}.pickle"


def read_shards(where: Path, shards: Shards) -> Entries:
    """Every shard file named by the data file, joined: (files, valid). CacheDamaged when one is
    missing, damaged, or not the one the data file names (another build's: its id differs)."""
    files: dict[str, Any] = {}
    valid: dict[str, Any] = {}
    for index in range(SHARDS):
        path = shard_path(where, index)
        stored = read_checked(path)
        if (not isinstance(stored, dict) or stored.get("shard") != index or index not in shards.ids
                or stored.get("build") != shards.ids[index]):
            raise CacheDamaged(str(path))
        found, checked = stored.get("files"), stored.get("valid")
        if not isinstance(found, dict) or not isinstance(checked, dict):
            raise CacheDamaged(str(path))
        files.update(found)
        valid.update(checked)
        shards.held[index] = found, checked
    shards.folder = str(where)
    return files, valid


def write_shards(where: Path, shards: Shards, files: dict[str, Any], valid: dict[str, Any]) -> None:
    """The shard files whose entries changed since they were read or written; the others are left
    as they are, their ids kept. A fresh build id names every shard written by this save."""
    build = os.urandom(12).hex()
    if shards.folder != str(where):
        shards.ids, shards.held, shards.folder = {}, {}, str(where)
    for index, entries in enumerate(_split(files, valid)):
        held = shards.held.get(index)
        if held is not None and index in shards.ids and _same(entries[0], held[0]) and _same(entries[1], held[1]):
            continue
        write_checked(shard_path(where, index), {"shard": index, "build": build, "files": entries[0], "valid": entries[1]})
        shards.ids[index], shards.held[index] = build, entries
