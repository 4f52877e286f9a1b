"""write/rawstat.py: the C library's fstatat into one buffer gives what os.stat gives, for every kind of entry."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.rawstat import FastStat


def _file(folder: Path) -> str:
    (folder / "page.html").write_text("首页", encoding="utf-8")
    return "page.html"


def _nested(folder: Path) -> str:
    (folder / "wishes/2026-a").mkdir(parents=True)
    (folder / "wishes/2026-a/index.html").write_bytes(b"x" * 5000)
    os.utime(folder / "wishes/2026-a/index.html", ns=(1, 1_234_567_891_987_654_321))
    return "wishes/2026-a/index.html"


def _folder(folder: Path) -> str:
    (folder / "media").mkdir()
    return "media"


def _link(folder: Path) -> str:
    (folder / "link").symlink_to("/etc/hostname")
    return "link"


def _executable(folder: Path) -> str:
    (folder / "run.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    (folder / "run.sh").chmod(0o751)
    return "run.sh"


# (entry, how it is made → its name): the fields must be os.stat's, the link's own (never followed)
KINDS: dict[str, Callable[[Path], str]] = {
    "a file": _file,
    "a file two folders down, its mtime set": _nested,
    "a folder": _folder,
    "a symbolic link": _link,
    "an executable": _executable,
    "the folder itself": lambda folder: ".",
}


def _fields(raw: bytes, count: int, index: int) -> tuple[int, ...]:
    """Entry `index` of FastStat.columns: (mode, size, mtime ns, ctime ns)."""
    mode = int.from_bytes(raw[4 * index:4 * index + 4], sys.byteorder)
    longs = [int.from_bytes(raw[4 * count + 8 * (column * count + index):][:8], sys.byteorder, signed=True)
             for column in range(5)]
    return mode, longs[0], longs[1] * 10**9 + longs[2], longs[3] * 10**9 + longs[4]


@pytest.fixture
def fast() -> FastStat:
    found = FastStat.open()
    if found is None:
        pytest.skip(f"no struct stat layout known here ({sys.platform} {platform.machine()}): os.stat is used")
    return found


def test_the_layout_is_known_on_linux_x86_64_and_aarch64() -> None:
    if sys.platform.startswith("linux") and platform.machine() in ("x86_64", "aarch64"):
        assert FastStat.open() is not None


@pytest.mark.parametrize("kind", KINDS)
def test_the_fields_are_those_of_os_stat(kind: str, fast: FastStat, tmp_path: Path) -> None:
    name = KINDS[kind](tmp_path)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        raw = fast.columns(fd, [b"other", os.fsencode(name)])
        expected = os.stat(name, dir_fd=fd, follow_symlinks=False)
    finally:
        os.close(fd)
    assert _fields(raw, 2, 1) == (expected.st_mode, expected.st_size, expected.st_mtime_ns, expected.st_ctime_ns)


def test_an_entry_not_there_is_all_zero_whatever_came_before(fast: FastStat, tmp_path: Path) -> None:
    names = [os.fsencode(maker(tmp_path)) for maker in (_file, _nested, _folder)]
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        fast.columns(fd, names)  # the buffer is kept between calls: a slot left from this must not show
        raw = fast.columns(fd, [b"gone", names[0], b"wishes/gone/index.html"])
    finally:
        os.close(fd)
    assert _fields(raw, 3, 0) == _fields(raw, 3, 2) == (0, 0, 0, 0)
    assert _fields(raw, 3, 1)[1] == len("首页".encode())
    assert len(raw) == 3 * (4 + 5 * 8)


def test_a_caller_finding_the_buffer_in_use_gets_the_same_fields_without_waiting(fast: FastStat, tmp_path: Path) -> None:
    names = [os.fsencode(maker(tmp_path)) for maker in (_file, _nested, _folder, _link)] + [b"gone"]
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        alone = fast.columns(fd, names)
        with fast._lock:  # another thread stamping, or a lock a fork copied while taken
            beside = fast.columns(fd, names)
    finally:
        os.close(fd)
    assert beside == alone
