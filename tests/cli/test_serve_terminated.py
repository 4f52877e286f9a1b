"""`sitegen serve` and `sitegen edit` stopped by SIGTERM (a task manager, `kill`) or SIGHUP (the terminal
window closed) stop as Ctrl-C stops them: serve saves the cache the next build starts from, and both say
they stopped. They ended on the spot, neither said nor saved (newcomer19: a serve run in the background,
where SIGINT is ignored, could only be stopped so). Each row is the command, the signal and how many are
sent (break19c: a second SIGTERM while the first stop saved ended it on the spot, unsaved and unsaid)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.pipeline.cache import cache_dir
from tests.cli.test_serve import ACTIVITY, fetch, free_port, stop_with, wait_for
from tests.conftest import ROOT, MakeSite

ROWS = {
    "serve, SIGTERM": ("serve", signal.SIGTERM, 1),
    "serve, SIGHUP": ("serve", signal.SIGHUP, 1),
    "edit, SIGTERM": ("edit", signal.SIGTERM, 1),
    "serve, SIGTERM twice": ("serve", signal.SIGTERM, 2),
    "serve, SIGTERM then Ctrl-C": ("serve", signal.SIGINT, 2),
    "edit, SIGHUP twice": ("edit", signal.SIGHUP, 2),
}


@pytest.mark.parametrize("name", ROWS)
def test_a_server_terminated_stops_as_ctrl_c_stops_it(name: str, make_site: MakeSite, tmp_path: Path) -> None:
    command, number, count = ROWS[name]
    content = make_site({"activities/a.md": ACTIVITY.format(title="第一版标题")})
    out, port = tmp_path / "output", free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}
    process = subprocess.Popen([sys.executable, "-m", "sitegen", command, "--content", str(content), "--out", str(out),
                                "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    data = cache_dir(out) / "data.pickle"
    try:
        if command == "serve":
            wait_for(lambda: fetch(f"http://127.0.0.1:{port}/activities/a/index.html")[0] == 200)
            (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第二版标题"), encoding="utf-8")
            wait_for(lambda: "第二版标题" in fetch(f"http://127.0.0.1:{port}/activities/a/index.html")[1])
            assert not data.exists()  # serve keeps its cache in memory until it stops
        else:
            wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200)
    finally:
        if count > 1:  # the first stops it; the next comes while it stops (shutting its server down: < 0.5 s)
            process.send_signal(signal.SIGTERM)
            time.sleep(0.05)
        output = stop_with(process, number, 20)
    assert process.returncode == 0, output
    assert "Stopped." in output and "Traceback" not in output, output
    assert data.exists() == (command == "serve"), output  # what the next build starts from
