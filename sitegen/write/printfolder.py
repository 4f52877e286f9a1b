"""The print folder: posters for the copy shop, beside the output folder and never inside it.

`output/` is what gets uploaded; posters that carry what the web must not show (full phone
numbers under show_phone: poster, SPEC §4) are written to `<output>-print/` beside it
(`output/` → `output-print/`). It is staged and swapped in whole like the output: a failed or
killed build leaves the previous print folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
import re
from pathlib import Path
from typing import Final

from sitegen.write.assembly import as_recorded, file_stat, write_file
from sitegen.errors import UsageProblem
from sitegen.write.folderwatch import FolderWatch
from sitegen.write.slots import (MANIFEST, Dirs, Manifests, discard_later, fs_clock, mirrored, no_ones_work,
                                 remove_empty_parents, sweep, unlink_shared)
from sitegen.write.swap import exchange, recover
from sitegen.write.tree import folder_tree


def print_folder(out: Path, given: Path | None = None) -> Path:
    """Where the print folder of an output folder goes: `given` (Options.print_to) or `<parent>/<name>-print`;
    where that is a symbolic link, the folder it points to (as write/slots.py output_folder does for the
    output): the build swaps that folder and the link keeps pointing at the new posters. Swapping the
    link itself moved it into the cache as the next build's shadow, where a relative link points
    nowhere and an absolute one is written through (i-break8). An output typed `.` or `..` has no name
    to put `-print` after: its real path gives one."""
    out = out.resolve() if out.name in ("", "..") else out
    folder = given if given is not None else out.parent / f"{out.name}-print"
    return folder.resolve() if folder.is_symlink() else folder


def print_folder_free(out: Path, printed: Path, street: bool = False) -> None:
    """Refuse (UsageProblem cli.print_foreign) a print folder `printed` that holds someone's files
    beside an output folder `out` no build has made yet: the build swaps the print folder whole, as it
    does the output, and its files would be moved into the cache and deleted by a later build (breaker
    helper-120: a 社区海报设计稿.docx in site-print/ vanished at the first `--out site`). An output with our
    manifest made its print folder; a street's output holding anything (its communities, a first street
    build stopped part-way: `output_folder`) too; and a print folder holding only what a build puts in
    one (`_printed`) is ours. A print folder that is not a folder is left to the swap.
    """
    made = (out / MANIFEST).is_file() or (street and out.is_dir() and any(not no_ones_work(e) for e in out.iterdir()))
    if made or not printed.is_dir() or printed.is_symlink():
        return
    if not all(no_ones_work(entry) or _printed(entry, street) for entry in printed.iterdir()):
        raise UsageProblem("cli.print_foreign", out=str(out), path=str(printed))


_PRINTED: Final = frozenset({"posters", "static", "media"})  # what a build puts at the top of a print folder
# a community's slug, as validate/fields.py SLUG_RE says it: not imported from there, which loads pydantic
# on the path of a build with nothing to do (tests/street/test_lazy.py keeps that path light)
_SLUG: Final = re.compile(r"[a-z0-9-]{1,80}")


def _printed(entry: Path, street: bool) -> bool:
    """Whether `entry`, at the top of a print folder, is a folder a build of ours puts there: posters/,
    static/, media/, and on a street each community's (its slug). A print folder whose output was
    deleted by hand (rm -rf output, the posters kept) is still ours, and is built into."""
    return entry.is_dir() and not entry.is_symlink() and (
        entry.name in _PRINTED or (street and _SLUG.fullmatch(entry.name) is not None))


def link_or_copy(source: Path, target: Path) -> None:
    """Put a finished file into a fresh stage: a hard link (no space, no time), a copy where links fail.

    Later builds never write into a file, they replace it (write/assembly.py write_file): a link
    shared with the output stays as it was made.
    """
    try:
        os.link(source, target)
    except FileNotFoundError:
        if not source.is_file():
            raise
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)
    except FileExistsError:
        target.unlink()
        link_or_copy(source, target)
    except OSError:  # no hard links here (another file system, FAT): copy
        shutil.copyfile(source, target)


class PrintSlot:
    """The folder the print folder is staged in, swapped in by `commit`; `abandon` drops the build.

    Like the published site (write/slots.py), the print folder has a shadow: `print-shadow` in the
    cache folder holds the print folder of the build before last (the one the last swap moved out),
    and a build updates it to the new print folder, touching only the files that differ, then
    exchanges the two. Where the cache folder is on another file system than the print folder (no
    exchange, no hard links across), a fresh stage beside the print folder is filled instead.
    """

    def __init__(self, folder: Path, trash: Path) -> None:
        self.folder = folder
        self.trash = trash  # the cache folder: where the shadow lives and replaced folders are deleted
        self.shadow = trash / "print-shadow"
        self.dirty = trash / "print-shadow.dirty"  # from prepare until the exchange: the shadow is half-built
        self.stage: Path | None = None
        self.dirs: Dirs = {}  # the shadow's folders known clean (sweep), set by prepare

    def prepare(self, holds: dict[str, str] | None = None, known: Dirs | None = None,
                left: dict[str, tuple[int, int]] | None = None,
                trees: Manifests | None = None, watch: FolderWatch | None = None) -> tuple[Path, dict[str, str]]:
        """The folder to build into, and what it already holds by the last builds' record (path →
        sha256; {} for a fresh one). A hand's additions to the shadow are swept out first.

        `known`: the shadow's folders known clean by its sweep before (write/slots.py sweep), used
        when `left` (the stats the build that made the shadow recorded) names exactly the files of
        `holds`; the folders known clean now are in `self.dirs` afterwards. `watch` (serve): see slots.sweep.
        """
        self.dirs = {}
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        recover(self.folder)  # a stage a killed build left: .NAME.stage-*
        self.trash.mkdir(parents=True, exist_ok=True)
        if not _same_device(self.folder.parent, self.trash):
            self.stage = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.stage-", dir=self.folder.parent))
            return self.stage, {}
        holds = holds or {}
        if holds and self.shadow.is_dir() and not self.dirty.exists():
            trusted = known if known and left is not None and holds.keys() == left.keys() else None
            tree = trees.tree(holds, ()) if trees is not None else folder_tree(holds, ())
            self.dirs = sweep(self.shadow, holds, trusted, fs_clock(self.trash), tree,
                              watch.slot(self.shadow) if watch is not None else None)
        else:
            holds = {}
            discard_later(self.shadow, self.trash, linked=True)  # half-built: links of live posters first
            self.shadow.mkdir()
        self.dirty.touch()
        self.stage = self.shadow
        return self.stage, holds

    def commit(self) -> bool:
        """Swap the finished stage in; the old print folder becomes the next build's shadow. True
        when the shadow became the print folder (there was none) and no shadow is left (see `mirror`)."""
        assert self.stage is not None
        made = False
        if self.folder.exists():
            exchange(self.stage, self.folder)
            if self.stage != self.shadow:
                discard_later(self.stage, self.trash)  # the stage holds the old print folder now
        else:
            made = self.stage == self.shadow
            os.replace(self.stage, self.folder)
        self.dirty.unlink(missing_ok=True)
        self.stage = None
        return made

    def mirror(self, files: dict[str, str], shared: Iterable[str] = (),
               watch: FolderWatch | None = None) -> tuple[Dirs, Dirs] | None:
        """After the build that made the print folder (`commit` True), or one that wrote most of it anew
        (write/slots.py renewed): its files hard-linked into a new shadow, as write/slots.py
        Slots.mirror does for the output; (the shadow's folders known clean, the print folder's), or
        None and no shadow (the old print folder in the shadow is deleted in the background first;
        `shared`: see write/slots.py unlink_shared)."""
        unlink_shared(self.shadow, shared)
        discard_later(self.shadow, self.trash)
        if not _same_device(self.folder, self.trash):
            return None
        found = mirrored(self.folder, self.shadow, self.dirty, files, folder_tree(files, ()), self.trash, watch)
        if found is None:
            discard_later(self.shadow, self.trash)
        return found

    def abandon(self) -> None:
        """Drop what this build staged: a fresh stage is deleted; the shadow stays marked dirty and
        the next build starts it afresh."""
        if self.stage is not None and self.stage != self.shadow:
            shutil.rmtree(self.stage, ignore_errors=True)
        self.stage = None


def _same_device(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False





class PrintAssembly:
    """Fill the print stage: files kept in it, linked from the published stage or from the last
    print folder, or written anew.

    `old_stats` is (size, change time: file_stat) of the last print folder's files as it was left;
    `holds` and `held_stats` are what the stage (the print shadow) holds, path → sha256 and stats, as
    the build that left it recorded: such a file is kept untouched while both still match.
    """

    def __init__(self, stage: Path, old: Path, published: Path, published_files: dict[str, str],
                 old_stats: dict[str, tuple[int, int]], holds: dict[str, str] | None = None,
                 held_stats: dict[str, tuple[int, int]] | None = None) -> None:
        self.stage, self.old, self.published, self.published_files = stage, old, published, published_files
        self.old_stats = old_stats
        self.holds, self.held_stats = holds or {}, held_stats or {}
        self.files: dict[str, str] = {}  # print folder path → sha256
        self.stats: dict[str, tuple[int, int]] = {}  # (size, change time) of the files kept in the stage
        self.from_old: list[str] = []  # files kept from the last print folder (scanned again)
        self.touched = 0  # files linked or written into the stage by this build
        self._stage = os.path.join(os.fspath(stage), "")  # string paths: one per kept poster, every build
        self._old = os.path.join(os.fspath(old), "")

    def _held(self, rel: str, sha: str) -> bool:
        """Keep the stage's own `rel` when it holds `sha` and is as the build that left it made it."""
        if self.holds.get(rel) != sha:
            return False
        recorded = self.held_stats.get(rel)
        path = self._stage + rel
        found = file_stat(path)
        if found is None or found != recorded and not as_recorded(path, found, recorded, sha):
            return False
        self.files[rel], self.stats[rel] = sha, found
        return True

    def from_published(self, rel: str) -> bool:
        """Put the published stage's file `rel` in (kept if the stage has it already, else linked);
        False when the published site has none."""
        sha = self.published_files.get(rel)
        if sha is None:
            return False
        if not self._held(rel, sha):
            link_or_copy(self.published / rel, self.stage / rel)
            self.files[rel] = sha
            self.touched += 1
        return True

    def from_last(self, files: dict[str, str]) -> bool:
        """Put these files (path → sha256) of the last print folder in, if all are still as it left
        them: kept where the stage holds them already, else linked from the print folder."""
        for rel in files:
            if self.holds.get(rel) == files[rel] and (held := file_stat(self._stage + rel)) is not None and as_recorded(
                    self._stage + rel, held, self.held_stats.get(rel), files[rel]):
                continue
            old = file_stat(self._old + rel)
            if old is None or not as_recorded(self._old + rel, old, self.old_stats.get(rel), files[rel]):
                return False
        for rel, sha in files.items():
            if not self._held(rel, sha):
                link_or_copy(self.old / rel, self.stage / rel)
                self.files[rel] = sha
                self.touched += 1
            self.from_old.append(rel)
        return True

    def write(self, rel: str, data: bytes, sha: str | None = None) -> str:
        """Write a made file into the print stage; its sha256 (`sha` when the caller took it)."""
        self.files[rel] = write_file(self.stage, rel, data, sha)
        self.touched += 1
        return self.files[rel]

    def add(self, files: dict[str, str]) -> None:
        """Files the workers wrote into the print stage."""
        self.files.update(files)
        self.touched += len(files)

    def prune(self) -> None:
        """Delete what the stage held and the new print folder does not (a removed record's poster)."""
        for rel in self.holds.keys() - self.files.keys():
            (self.stage / rel).unlink(missing_ok=True)
            remove_empty_parents(self.stage, rel)

    def final_stats(self) -> dict[str, tuple[int, int]]:
        """(size, change time) of every file of the new print folder: remembered for the next build."""
        return {rel: st for rel in self.files if (st := self.stats.get(rel) or file_stat(self.stage / rel)) is not None}
