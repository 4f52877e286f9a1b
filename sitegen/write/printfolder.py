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

from sitegen.write.slots import discard_later
from sitegen.write.swap import exchange, recover


def print_folder(out: Path, given: Path | None = None) -> Path:
    """Where the print folder of an output folder goes: `given` (Options.print_to) or `<parent>/<name>-print`."""
    return given if given is not None else out.parent / f"{out.name}-print"


def link_or_copy(source: Path, target: Path) -> None:
    """Put a finished file into a fresh stage: a hard link (no space, no time), a copy where links fail.

    Later builds never write into a file, they replace it (pipeline/workers.py write_file): a link
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
