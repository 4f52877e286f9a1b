"""A file of output/, of the print folder or of their shadows written in place by a hand, with its
size and its old modification time given back (`touch -r`, `cp -p`, `rsync -t`), is never kept:
its ctime, which no call sets back, changed (write/assembly.py file_stat, as_recorded). Under
`serve` (a Memory) and from the cache files alike; every build after it equals a cold one."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, write_files
from tests.pipeline.test_edit_sequences import SITE
from tests.pipeline.test_hands import CACHE, _entries

RECORD = "activities/linli.md"


def _slot(where: str, out: Path) -> Path:
    return {"output": out, "shadow": out.parent / CACHE / "shadow", "print folder": print_folder(out, None),
            "print shadow": out.parent / CACHE / "print-shadow"}[where]


def _same_size_same_time(path: Path) -> None:
    """One byte of the file changed in place; its size and times as they were."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[data.index(b"<title>") + len(b"<title>")] ^= 0x01
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


# (the copy a hand wrote to, the page) → every later build equals a cold one
CASES: dict[str, tuple[str, str]] = {
    "output, a page every build keeps": ("output", "wishes/index.html"),
    "output, the home page (the edit makes it again)": ("output", "index.html"),
    "shadow, a page every build keeps": ("shadow", "wishes/index.html"),
    "print folder, a published poster linked in": ("print folder", "posters/activities/jiaozi/index.html"),
    "print folder, the board poster": ("print folder", "posters/places/fuguiyuan/index.html"),
    "print shadow, a poster": ("print shadow", "posters/activities/jiaozi/index.html"),
}


def _builds(memory: Memory | None) -> Callable[[Path, Path, bool], pipeline.Report]:
    def build(content: Path, out: Path, cache: bool) -> pipeline.Report:
        return pipeline.build(content, out, Options(now=NOW, use_cache=cache, jobs=1),
                              memory=memory if cache else None)
    return build


@pytest.mark.parametrize("serve", [False, True], ids=["cache files", "serve memory"])
@pytest.mark.parametrize("name", CASES)
def test_a_page_given_its_old_size_and_time_back_is_made_again(name: str, serve: bool, tmp_path: Path) -> None:
    where, rel = CASES[name]
    build = _builds(Memory() if serve else None)
    content, warm, cold = tmp_path / "content", tmp_path / "output", tmp_path / "cold" / "output"
    write_files(content, SITE)
    for round in range(4):  # the slot a hand wrote to is the stage of one of the next two builds
        build(content, warm, True)
        if round == 0:
            _same_size_same_time(_slot(where, warm) / rel)
        record = content / RECORD
        record.write_text(record.read_text("utf-8") + f"\n第{round}段。\n", encoding="utf-8")
    build(content, warm, True)
    build(content, cold, False)
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm, None)) == _entries(print_folder(cold, None))
