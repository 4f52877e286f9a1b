"""Whether a live folder (the output, the print folder) holds exactly what a build staged to replace
it: what lets a build that had to check everything again say the site came out the same
(pipeline/execute.py, cli.build_same)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sitegen.write.assembly import holds_bytes


def holds_as(folder: Path, stage: Path, files: dict[str, str], extra: frozenset[str] = frozenset()) -> bool:
    """Whether `folder` (a live output or print folder) holds what `stage` holds for `files` (path
    relative to both → sha256), and nothing else but `extra` (paths not compared, the manifest): each a
    regular file that is the stage's own (a hard link), or has its bytes and the permissions sitegen
    writes (write/assembly.py holds_bytes: a page made 0600 by hand is written anew, readable again).
    Only the files that are not links of the stage's are read. False for a folder or a file that is
    missing, a link, an empty folder, a folder linked in; never raises (a file that cannot be read is
    not the same)."""
    base, staged = os.path.join(folder, ""), os.path.join(stage, "")
    try:
        for rel, sha in files.items():
            found, made = os.lstat(base + rel), os.stat(staged + rel)
            if not stat.S_ISREG(found.st_mode):
                return False
            if (found.st_ino, found.st_dev) != (made.st_ino, made.st_dev) and not holds_bytes(base + rel, sha):
                return False
    except OSError:
        return False
    return _holds_only(folder, files.keys() | extra)


def _holds_only(folder: Path, names: set[str] | frozenset[str]) -> bool:
    """Whether the files under `folder` (paths relative to it) are exactly `names`, with no empty
    folder and no folder that is a link."""
    if not os.path.isdir(folder):
        return False
    found: set[str] = set()
    for top, folders, files in os.walk(folder):
        rel = os.path.relpath(top, folder).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        if not folders and not files and prefix:
            return False
        if any(os.path.islink(os.path.join(top, name)) for name in folders):
            return False
        found.update(prefix + name for name in files)
    return found == names
