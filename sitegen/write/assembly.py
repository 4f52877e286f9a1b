"""Fill the stage (the shadow copy) with the new site, doing the least work.

The new site is a map of output path → sha256. A file already in the shadow, or in the live output
(hard-linked across), is kept when its manifest entry matches and the file is still as the build
that made it left it (size and mtime); anything else is written. Files are never written into,
only created or replaced: a file in the stage may be a hard link shared with the live output.
Every path is checked before anything is written: none may leave the stage.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.write.slots import MANIFEST, remove_empty_parents

_EXCLUSIVE: Final = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)

_FILE_TYPE: Final = 0o170000  # the type bits of st_mode (stat.S_IFMT): stat.S_ISREG without the call
_REGULAR: Final = stat.S_IFREG

Stats = dict[str, tuple[int, int]]  # output path → (size, change time in ns): see file_stat


class UnsafePath(Exception):
    """A planned output path that would leave the output folder (a bug, never content's doing)."""


def checked_path(rel: str) -> str:
    """`rel` itself when it is a plain relative POSIX path inside the stage; else UnsafePath."""
    if rel.strip("./") and ".." not in rel and rel[0] != "/" and "\\" not in rel and ":" not in rel:
        return rel  # no ".." at all and a name besides dots and slashes: as safe as the full test says
    parts = PurePosixPath(rel).parts
    if not parts or rel.startswith("/") or ".." in parts or "\\" in rel or ":" in rel:
        raise UnsafePath(rel)
    return rel


def write_file(stage: Path, rel: str, data: bytes, sha: str | None = None) -> str:
    """Write `data` at `stage/rel` and return its sha256 (hex; `sha` when the caller took it already:
    the search index is 12.8 MB a tree at 10,000 records): a new file directly, an existing one
    replaced (never written into: it may be a hard link shared with the live output). OSError as raised."""
    target = stage / rel
    try:
        handle = os.open(target, _EXCLUSIVE, 0o644)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(target, _EXCLUSIVE, 0o644)
    except FileExistsError:
        handle = _replacing(target)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return sha if sha is not None else hashlib.sha256(data).hexdigest()


_RACES: Final = 8  # times a name taken by another writer between our unlink and our create is let go


def _replacing(target: Path) -> int:
    """A new file at `target`, where one is: unlinked, then created. The stage is no one's site until
    the swap, so the name may be missing for a moment. A rename over it (os.replace) costs more: ext4
    (auto_da_alloc, on by default; ext4(5)) starts writing the new file's data out before the rename
    returns, and a later build unlinking that file waits for the write; 2-3 ms a file under load.

    Two workers may write one name at once: a photo's sizes are named by its bytes, so two photo
    files with the same bytes (media/a.jpg and a copy) make the same files (the same bytes too).
    The other's unlink may come first (FileNotFoundError: nothing to unlink) or its create between
    ours (FileExistsError: again); whichever is created last holds the whole file, written before
    its worker reports. A street build once said the disk may be full here (break16b)."""
    for _ in range(_RACES):
        try:
            os.unlink(target)
        except FileNotFoundError:
            pass
        try:
            return os.open(target, _EXCLUSIVE, 0o644)
        except FileExistsError:
            continue
    return os.open(target, _EXCLUSIVE, 0o644)


def file_stat(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(size, change time in ns) of a regular file; None for anything else (gone, a link, a pipe).

    The change time is the later of mtime and ctime: a file written in place by hand with its size
    and its old mtime given back (`touch -r`, `cp -p`) still has a new ctime, which no call sets back
    (POSIX stat(2); load/files.py reads inputs the same way). Our own links to a file (the print
    folder's, the shadow's) change its ctime too: a file whose size is as recorded and whose time
    is not is kept only when its bytes are still the ones recorded (as_recorded).
    """
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if st.st_mode & _FILE_TYPE != _REGULAR:
        return None
    mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
    return (st.st_size, ctime if ctime > mtime else mtime)


@cache
def written_modes() -> frozenset[int]:
    """The permission bits of a file sitegen writes (0o644, or 0o666 where a library creates it, less
    this process's umask: 0o644 under the usual 022; write/files.py process_umask). Read once a
    process: sitegen never sets it, and every kept file whose time moved asks (our own links move it)."""
    from sitegen.write.files import process_umask

    mask = process_umask()
    return frozenset({0o644 & ~mask, 0o666 & ~mask})


def as_recorded(path: str, found: tuple[int, int], recorded: tuple[int, int] | None, sha: str) -> bool:
    """Whether a regular file stat'ed as `found` (file_stat) is still the file a build recorded as
    `recorded` with this sha256: the same stats, or the same size and bytes (its time changed by a
    link of ours, or by a hand that wrote the same bytes). The bytes are read only in that case."""
    if found == recorded:
        return True
    if recorded is None or found[0] != recorded[0]:
        return False
    return holds_bytes(path, sha)


def holds_bytes(path: str, sha: str) -> bool:
    """Whether the file at `path` has the bytes of this sha256 and the permissions sitegen writes
    (written_modes); False when it cannot be read. (i-break8) A hand's chmod changes the ctime alone:
    the bytes are ours, the permissions not (a page made 0600 is one the web server cannot read), so
    such a file is no file of ours and is written anew."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_mode & 0o7777 not in written_modes():
                return False
            return hashlib.file_digest(handle, "sha256").hexdigest() == sha
    except OSError:
        return False


def stats_of(folder: Path, files: Iterable[str]) -> Stats:
    """file_stat of each of `files` in `folder` that is a regular file (after a build linked them all)."""
    base = os.path.join(os.fspath(folder), "")
    return {rel: found for rel in files if (found := file_stat(base + rel)) is not None}


class Assembly:
    """The new site as a map of output path → sha256, filled into the stage with the least work.

    `holds` is what the stage (shadow) holds by its manifest, `live` what the live output holds;
    `shadow_stats` and `live_stats` are (size, change time: file_stat) of their files as the last builds left them.
    """

    def __init__(self, stage: Path, holds: dict[str, str], out: Path, live: dict[str, str],
                 shadow_stats: Stats, live_stats: Stats) -> None:
        self.stage, self.holds, self.out, self.live = stage, holds, out, live
        self.shadow_stats, self.live_stats = shadow_stats, live_stats
        self._stage = os.path.join(os.fspath(stage), "")  # the stage's path ending in a separator
        self.files: dict[str, str] = {}
        self.stats: Stats = {}
        self.kept: list[str] = []  # paths not produced this time (scanned when the private data changed)
        self.sealed = b""  # the manifest written by seal

    def reuse(self, rel: str, sha: str) -> bool:
        """True when the stage already holds this file or it could be linked from the live output."""
        checked_path(rel)
        if self.holds.get(rel) == sha:
            try:  # a string path and one lstat: this runs for every kept file of every build
                info = os.lstat(self._stage + rel)
            except OSError:
                info = None
            if info is not None and stat.S_ISREG(info.st_mode):
                found = (info.st_size, max(info.st_mtime_ns, info.st_ctime_ns))
                if as_recorded(self._stage + rel, found, self.shadow_stats.get(rel), sha):
                    self._keep(rel, sha, found)
                    return True
        if self.live.get(rel) == sha:
            return self._link(rel, sha)
        return False

    def _link(self, rel: str, sha: str) -> bool:
        """Hard-link the live output's file into the stage, when it is as the last build left it.

        One link where the stage has no such file yet (a fresh shadow: the first build after a cold
        one links every kept file), its folder made only when the link finds none; a file there
        already is replaced through a temporary link, never written into.
        """
        source, target = os.path.join(os.fspath(self.out), rel), self._stage + rel
        found = file_stat(source)
        if found is None or not as_recorded(source, found, self.live_stats.get(rel), sha):
            return False
        try:
            try:
                os.link(source, target)
            except FileNotFoundError:  # its folder is not in the stage yet (the source was just seen)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(source, target)
            except FileExistsError:
                head, _, name = target.rpartition("/")
                temp = f"{head}/.{name}.link"
                os.link(source, temp)
                os.replace(temp, target)
        except OSError:
            return False
        linked = file_stat(target)  # the link changed the file's ctime: as it is now
        if linked is None:
            return False
        self._keep(rel, sha, linked)
        return True

    def _keep(self, rel: str, sha: str, found: tuple[int, int]) -> None:
        self.files[rel], self.stats[rel] = sha, found
        self.kept.append(rel)

    def reuse_all(self, files: dict[str, str]) -> bool:
        """True when every file of `files` (path → sha256) was kept or linked (see reuse).

        `reuse` written out for the shadow's files: this runs for every file of every kept product
        of every build (64,806 files in output/ at 10,000 generated records), so each costs one
        lstat, a few lookups and no call besides: the change time is picked without max(), the
        file type read off st_mode.
        """
        holds, known, base, kept = self.holds, self.shadow_stats, self._stage, self.kept
        found_files, found_stats, lstat = self.files, self.stats, os.lstat
        for rel, sha in files.items():
            # a path kept in place is one an earlier build checked and wrote (its stats are the
            # build's record); a path about to be linked is checked first, as every write is
            if holds.get(rel) == sha:
                try:
                    info = lstat(base + rel)
                except OSError:
                    info = None
                if info is not None and info.st_mode & _FILE_TYPE == _REGULAR:
                    mtime, ctime = info.st_mtime_ns, info.st_ctime_ns
                    found = (info.st_size, ctime if ctime > mtime else mtime)
                    if found == known.get(rel) or as_recorded(base + rel, found, known.get(rel), sha):
                        found_files[rel] = sha
                        found_stats[rel] = found
                        kept.append(rel)
                        continue
            if not (self.live.get(rel) == sha and self._link(checked_path(rel), sha)):
                return False
        return True

    def write(self, rel: str, data: bytes, sha: str | None = None) -> str:
        """Put `data` at `rel` (kept when the stage or the live output has it already); its sha256
        (`sha` when the caller took it)."""
        checked_path(rel)
        sha = sha if sha is not None else hashlib.sha256(data).hexdigest()
        if not self.reuse(rel, sha):
            self.files[rel] = write_file(self.stage, rel, data, sha)
        return sha

    def add(self, files: dict[str, str]) -> None:
        """Files written into the stage elsewhere (by the workers): path → sha256."""
        self.files.update(files)

    def written(self) -> int:
        """How many files of the new site this build wrote, neither kept in the stage nor linked from
        the live output: after the swap, the old output (the next build's shadow) holds that many
        stale files (see write/slots.py renewed)."""
        return len(self.files) - len(self.kept)

    def final_stats(self) -> Stats:
        """(size, change time) of every file of the new site: remembered for the next build's reuse."""
        for rel in self.files.keys() - self.stats.keys():
            found = file_stat(self.stage / rel)
            if found is not None:
                self.stats[rel] = found
        return self.stats

    def prune(self) -> None:
        """Delete what the shadow held and the new site does not (a removed record's pages); a path
        leaving the stage (a line a hand put into the shadow's manifest) is never followed."""
        for rel in self.holds.keys() - self.files.keys():
            try:
                checked_path(rel)
            except UnsafePath:
                continue
            (self.stage / rel).unlink(missing_ok=True)
            remove_empty_parents(self.stage, rel)

    def manifest(self, order: Callable[[dict[str, str]], list[str]] | None = None) -> bytes:
        """The manifest.sha256 of the new site: `sha256  path` lines, sorted by path (`order(files)`
        gives the paths in that order but the manifest's own: write/pathorder.py PathOrder.order)."""
        files = self.files
        paths = order(files) if order is not None else sorted(rel for rel in files if rel != MANIFEST)
        return "".join([f"{files[rel]}  {rel}\n" for rel in paths]).encode()

    def seal(self, order: Callable[[dict[str, str]], list[str]] | None = None) -> Stats:
        """Prune, write the manifest, and return the stats of every file: the stage is complete."""
        self.prune()
        self.sealed = self.manifest(order)
        self.files[MANIFEST] = write_file(self.stage, MANIFEST, self.sealed)
        return dict(self.final_stats())
