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
from pathlib import Path

from sitegen.write.assembly import write_file
from sitegen.write.slots import discard_later
from sitegen.write.swap import exchange, recover


def print_folder(out: Path, given: Path | None = None) -> Path:
    """Where the print folder of an output folder goes: `given` (Options.print_to) or `<parent>/<name>-print`."""
    return given if given is not None else out.parent / f"{out.name}-print"


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
    """A fresh stage beside the print folder, swapped in by `commit`; `abandon` throws it away."""

    def __init__(self, folder: Path, trash: Path) -> None:
        self.folder = folder
        self.trash = trash  # where the replaced folder goes to be deleted in the background
        self.stage: Path | None = None

    def prepare(self) -> Path:
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        recover(self.folder)  # a stage a killed build left: .NAME.stage-*
        self.stage = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.stage-", dir=self.folder.parent))
        return self.stage

    def commit(self) -> None:
        assert self.stage is not None
        if self.folder.exists():
            exchange(self.stage, self.folder)
            discard_later(self.stage, self.trash)  # the stage holds the old print folder now
        else:
            os.replace(self.stage, self.folder)
        self.stage = None

    def abandon(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class PrintAssembly:
    """Fill the print stage: files linked from the published stage or from the last print folder,
    or written anew. `old_stats` is (size, mtime) of the last print folder's files as it was left."""

    def __init__(self, stage: Path, old: Path, published: Path, published_files: dict[str, str],
                 old_stats: dict[str, tuple[int, int]]) -> None:
        self.stage, self.old, self.published, self.published_files = stage, old, published, published_files
        self.old_stats = old_stats
        self.files: dict[str, str] = {}  # print folder path → sha256
        self.from_old: list[str] = []  # files kept from the last print folder (scanned again)

    def from_published(self, rel: str) -> bool:
        """Link the published stage's file `rel` in; False when the published site has none."""
        sha = self.published_files.get(rel)
        if sha is None:
            return False
        link_or_copy(self.published / rel, self.stage / rel)
        self.files[rel] = sha
        return True

    def from_last(self, files: dict[str, str]) -> bool:
        """Link these files (path → sha256) in from the last print folder, if all are as it left them."""
        for rel in files:
            if _stat(self.old / rel) is None or _stat(self.old / rel) != self.old_stats.get(rel):
                return False
        for rel, sha in files.items():
            link_or_copy(self.old / rel, self.stage / rel)
            self.files[rel] = sha
            self.from_old.append(rel)
        return True

    def write(self, rel: str, data: bytes) -> str:
        """Write a made file into the print stage; its sha256."""
        self.files[rel] = write_file(self.stage, rel, data)
        return self.files[rel]

    def add(self, files: dict[str, str]) -> None:
        """Files the workers wrote into the print stage."""
        self.files.update(files)

    def final_stats(self) -> dict[str, tuple[int, int]]:
        """(size, mtime) of every file of the new print folder: remembered for the next build."""
        return {rel: st for rel in self.files if (st := _stat(self.stage / rel)) is not None}
