"""The stamp of an output folder as a build left it: "nothing here changed by hand" in a few milliseconds.

A rebuild with nothing to do answers "unchanged" only when the output folder is as the last build
left it (pipeline._unchanged). Walking the whole folder (a listing of every folder and a stat of
every file) cost a street of 20 communities of 300 records over a second: 2,500 one-page folders
each. The folder's own manifest.sha256 already names every file the build wrote (write/slots.py),
so the stamp stats what it names instead of listing anything:

- every file the manifest names, and the manifest itself: mode (type and permissions), size,
  modification time and status-change time, so a file deleted, replaced or written to by hand
  changes the stamp (as the full walk did; contents are not read), even one whose size and
  modification time were put back (`touch -r`, `cp -p`): the kernel sets ctime on every write and
  on that utime call itself, and nothing can set it back;
- every folder holding them, the output folder first: its mode, size and modification time, which
  the system changes whenever an entry is added to, removed from or renamed in that folder (POSIX
  rename(2), link(2), unlink(2), mkdir(2)), so a file or folder added by hand anywhere changes the
  stamp too.

One stat per entry, no listing. A district asks it of hundreds of thousands of entries, so the
entries are named once (`stamp_entries`, kept in the build's state) and stamped (`entries_stamp`)
by one `fstatat` each relative to the folder (a path of one to three parts for the kernel to
follow, not the seven of an absolute one), the names encoded once for all and the loop in C: the
C library's fstatat into one buffer where its layout is known (write/rawstat.py), else os.stat's
fields (map, attrgetter, marshal). On the 2-core bench machine, under load: about 2.7 µs an entry
with os.stat (half of it building its stat_result), 1.7-2.0 µs with the buffer.
When the manifest is missing or unreadable, the stamp is that of an empty manifest: the output's
folder alone.

The print folder's posters are mostly hard links of the output's own (write/printfolder.py): 391 of
454 files a community of 300 records. Such a file is one inode under two names, so the output's
stamp of it (its ctime changes on every write, chmod or utime through either name) covers it, and
the print folder's stamp need not stat it again (`unshared_entries`): its name still names that
inode as long as the folders holding it are as they were, since only link(2), unlink(2) or rename(2)
in a folder can make a name point elsewhere, and those change the folder's mtime and ctime, which
the print stamp keeps statting.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
from collections.abc import Collection, Iterable, Sequence
from functools import partial
from operator import attrgetter
from pathlib import Path

from sitegen.write.rawstat import FastStat
from sitegen.write.slots import MANIFEST, read_manifest

_GONE = (-1, -1, -1, -1)  # a named file or folder that is not there: the stamp differs from any build's
_FIELDS = attrgetter("st_mode", "st_size", "st_mtime_ns", "st_ctime_ns")
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_RELATIVE = os.stat in os.supports_dir_fd and os.stat in os.supports_follow_symlinks


def _folders(files: Iterable[str]) -> list[str]:
    """Every folder holding one of `files` (output-relative, "/"-separated), "" for the output itself."""
    found = {""}
    for rel in files:
        folder = rel.rpartition("/")[0]
        while folder not in found:
            found.add(folder)
            folder = folder.rpartition("/")[0]
    return sorted(found)


def stamp_entries(folder: Path, named: Iterable[str] | None = None) -> tuple[str, ...]:
    """What `entries_stamp` stats in `folder`: every folder holding a file ("" for `folder` itself,
    first), then the files, each "/"-separated and relative, in name order.

    The files are those `folder`'s manifest.sha256 names and the manifest itself, or `named` for a
    folder without a manifest (the print folder, whose files the build cache lists).
    """
    files = sorted([*read_manifest(folder), MANIFEST] if named is None else named)
    return (*_folders(files), *files)


def unshared_entries(folder: Path, named: Iterable[str], twin: Path, stamped: Collection[str]) -> tuple[str, ...]:
    """`stamp_entries(folder, named)` without the files that are hard links of the file of the same
    relative name in `twin`, where `stamped` (twin's own stamp entries) names it: twin's stamp stats
    that inode already (module docstring). Every folder holding one of `named` stays in.

    For the print folder (`folder`) beside the output (`twin`); a file that cannot be stat'ed is kept.
    """
    files = sorted(named)
    own = [rel for rel in files
           if rel not in stamped or not _same_file(os.path.join(folder, rel), os.path.join(twin, rel))]
    return (*_folders(files), *own)


def _same_file(path: str, other: str) -> bool:
    """Both regular files (not through a link) and the same inode of the same file system."""
    try:
        one, two = os.lstat(path), os.lstat(other)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(one.st_mode) and stat.S_ISREG(two.st_mode) and (one.st_dev, one.st_ino) == (two.st_dev, two.st_ino)


def entries_stamp(folder: Path, entries: Sequence[str]) -> str:
    """A 32-hex-digit digest of the names `entries` (from `stamp_entries`) and of the mode, size,
    mtime and ctime (ns) of each, never through a symbolic link: "" is `folder` itself. Never raises: an
    entry that is not there (or `folder` itself gone or a link) is stamped as missing."""
    return joined_stamp(folder, "\0".join(entries)) if entries else _stamp(folder, b"", [])


def joined_stamp(folder: Path, joined: str) -> str:
    """`entries_stamp(folder, joined.split("\0"))`, from the entries as the build's state keeps them
    ("\0"-joined): encoded and split once, not split, joined and encoded again."""
    encoded = joined.encode("utf-8", "surrogateescape")
    return _stamp(folder, encoded, encoded.split(b"\0"))


def _stamp(folder: Path, joined: bytes, names: list[bytes]) -> str:
    root = os.fspath(folder)
    # SHA-256, not BLAKE2b: a community's names and fields are some 400 kB a stamp, and where the
    # processor has SHA instructions (the bench machine's: sha_ni) hashlib's SHA-256 digests them in
    # half the time (0.27 against 0.50 ms); a stamp only has to differ when a field does.
    digest = hashlib.sha256(joined)
    try:
        digest.update(_stat_all(root, names))
    except (OSError, ValueError):  # something is gone (or a name the system refuses): one at a time
        rels = joined.decode("utf-8", "surrogateescape").split("\0") if names else []
        digest.update(marshal.dumps([_stat_one(root, rel) for rel in rels]))
    return digest.hexdigest()[:32]


def _stat_all(root: str, names: list[bytes]) -> bytes:
    """The (mode, size, mtime ns, ctime ns) of every entry named, packed; OSError when one is missing
    (through os.stat) or when `root` cannot be opened as a folder (a link, gone)."""
    if not _RELATIVE:
        top = os.fsencode(root)
        inside = os.path.join(top, b"")
        return marshal.dumps(list(map(_FIELDS, map(os.lstat, [inside + name if name else top for name in names]))))
    if names and not names[0]:
        names[0] = b"."  # the folder itself: first when there (stamp_entries)
    fd = os.open(root, _FOLDER_FLAGS)  # never through a link: a folder replaced by one is "missing"
    try:
        fast = FastStat.open()
        if fast is not None:  # a name not there has all fields 0 (no entry has mode 0): no exception
            return fast.columns(fd, names)
        return marshal.dumps(list(map(_FIELDS, map(partial(os.stat, dir_fd=fd, follow_symlinks=False), names))))
    finally:
        os.close(fd)


def _stat_one(root: str, rel: str) -> tuple[int, int, int, int]:
    try:
        if not rel:
            return _FIELDS(os.lstat(root))
        return _FIELDS(os.lstat(os.path.join(root, rel)))
    except (OSError, ValueError):
        return _GONE


def tree_stamp(folder: Path, named: Iterable[str] | None = None) -> str:
    """`entries_stamp` of `stamp_entries(folder, named)`: the stamp of what `folder`'s manifest (or
    `named`) names, as it is now (module docstring)."""
    return entries_stamp(folder, stamp_entries(folder, named))
