"""The stamp of an output folder as a build left it: "nothing here changed by hand" in a few milliseconds.

A rebuild with nothing to do answers "unchanged" only when the output folder is as the last build
left it (pipeline._unchanged). Walking the whole folder (a listing of every folder and a stat of
every file) cost a street of 20 communities of 300 records over a second: 2,500 one-page folders
each. The folder's own manifest.sha256 already names every file the build wrote (write/slots.py),
so the stamp stats what it names instead of listing anything:

- every file the manifest names, and the manifest itself: type, size and modification time, so a
  file deleted, replaced or written to by hand changes the stamp (as the full walk did; contents
  are not read);
- every folder holding them, the output folder first: its modification time, which the system
  changes whenever an entry is added to, removed from or renamed in that folder (POSIX rename(2),
  link(2), unlink(2), mkdir(2)), so a file or folder added by hand anywhere changes the stamp too.

One stat per entry, no listing: about a third of the walk's system calls. When the manifest is
missing or unreadable, the stamp is that of an empty manifest: the output's folder alone.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from sitegen.write.slots import MANIFEST, read_manifest

_GONE = (-1, -1, -1)  # a named file or folder that is not there: the stamp differs from any build's


def _folders(files: list[str]) -> list[str]:
    """Every folder holding one of `files` (output-relative, "/"-separated), "" for the output itself."""
    found = {""}
    for rel in files:
        folder = rel.rpartition("/")[0]
        while folder not in found:
            found.add(folder)
            folder = folder.rpartition("/")[0]
    return sorted(found)


def tree_stamp(folder: Path, named: Iterable[str] | None = None) -> str:
    """A 32-hex-digit digest of the type, size and mtime (ns) of every file `folder`'s manifest.sha256
    names and of the manifest itself, and of the mtime of every folder holding them (module docstring).

    `named`: the folder's files ("/"-separated relative paths) for a folder without a manifest (the
    print folder, whose files the build cache lists), stamped instead of the manifest's.
    Never raises: a missing entry or folder is stamped as missing.
    """
    root = os.fspath(folder)
    inside = os.path.join(root, "")
    files = sorted([*read_manifest(folder), MANIFEST] if named is None else named)
    folders = _folders(files)
    seen: list[tuple[int, int, int]] = []
    for rel in folders:
        try:
            info = os.lstat(inside + rel if rel else root)  # the output folder itself: never through a link
        except OSError:
            seen.append(_GONE)
            continue
        seen.append((stat.S_IFMT(info.st_mode), 0, info.st_mtime_ns))
    for rel in files:
        try:
            info = os.lstat(inside + rel)
        except OSError:
            seen.append(_GONE)
            continue
        seen.append((stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns))
    names = "\0".join(folders) + "\n" + "\0".join(files)
    digest = hashlib.blake2b(names.encode("utf-8", "surrogateescape"), digest_size=16)
    digest.update(repr(seen).encode("ascii"))
    return digest.hexdigest()
