"""A closed standard output (`sitegen build | head -1`) is not a disk error (cli/pipes.py): the
command finishes as it would have, exit 0, the site written, no "disk full" message."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli.pipes import ForgivingStdout
from tests.conftest import DEMO

# (command after `sitegen`, what the run must leave)
RUNS = [
    (["build"], "index.html"),
    (["--lang", "en", "build"], "index.html"),
    (["check"], None),
]


@pytest.mark.parametrize(("command", "made"), RUNS)
def test_a_reader_gone_before_the_first_line_leaves_a_finished_run(tmp_path: Path, command: list[str],
                                                                     made: str | None) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before sitegen writes anything: every write to stdout meets EPIPE
    out = tmp_path / "out"
    arguments = [*command, "--content", str(DEMO)] + (["--out", str(out)] if "build" in command else [])
    try:
        done = subprocess.run([sys.executable, "-m", "sitegen", *arguments], stdout=write, stderr=subprocess.PIPE,
                              cwd=tmp_path, timeout=300, check=False)
    finally:
        os.close(write)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    assert "磁盘" not in stderr and "disk" not in stderr and "Traceback" not in stderr
    if made is not None:
        assert (out / made).is_file()


class _Closed(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no descriptor")


def test_writes_after_the_reader_left_are_dropped() -> None:
    stream = ForgivingStdout(_Closed())
    assert stream.write("第一行\n") == len("第一行\n")
    assert stream.gone
    assert stream.write("第二行\n") == len("第二行\n")
    stream.flush()
