"""What a street build leaves on a terminal's screen: each community's line whole, no bar left over.

newcomer helper-127: the line of a community built was written past the progress bar, whose next
redraw cut it, and the old bars stayed on screen (`正在生成 打印用海报 ━━━━ 4/4 0:00:00meihu`).
The build runs in a pseudo-terminal and its output is played into a terminal emulator (pyte).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pyte
import pytest

from tests.conftest import ROOT

COLUMNS, LINES = 200, 60


def on_a_terminal(args: list[str]) -> tuple[int, list[str]]:
    """Run `sitegen ARGS` with a pseudo-terminal for its output: its exit status and the screen's lines."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en", "TERM": "xterm", "COLUMNS": str(COLUMNS),
           "LINES": str(LINES)}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "sitegen", *args], stdin=slave, stdout=slave, stderr=slave,
                               env=env, close_fds=True)
    os.close(slave)
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed: the process ended
            break
        if not data:
            break
        stream.feed(data)
    os.close(master)
    return process.wait(timeout=120), [line.rstrip() for line in screen.display]


@pytest.mark.slow
def test_a_street_build_leaves_each_communitys_line_whole(tmp_path: Path) -> None:
    street = tmp_path / "baohe"
    assert subprocess.run([sys.executable, "-m", "sitegen", "init", "--street", str(street)], env={
        **os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True).returncode == 0
    status, screen = on_a_terminal(["build", "--content", str(street), "--out", str(tmp_path / "out")])
    assert status == 0, "\n".join(screen)
    for slug in ("meihu", "wanghu"):
        line = next((line for line in screen if line.startswith(f"{slug}: ")), "")
        assert line.endswith("s)."), "\n".join(screen)  # "meihu: 21 pages (…), 7 posters (0.43 s)."
    assert not any("━" in line for line in screen), "\n".join(screen)  # the bar is gone when the build ends
