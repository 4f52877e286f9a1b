"""`sitegen serve` as a real process: edit, break, fix; the reload hook never lands in output/."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, MakeSite
from tests.support.signals import sigint_default

ACTIVITY = "---\ntitle: {title}\ndate: 2019-08-06\n---\n正文。\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def wait_for(check: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail("timed out")


def stop_with(process: subprocess.Popen[str], number: int, seconds: float = 10) -> str:
    """Send `number` (SIGINT, SIGTERM…) to a server process and wait for it: everything it printed
    (killed, and what it printed so far, when it has not ended after `seconds`)."""
    process.send_signal(number)
    try:
        output, _ = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output


def test_serve_rebuilds_shows_errors_and_recovers(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": ACTIVITY.format(title="第一版标题")})
    out = tmp_path / "output"
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--content", str(content), "--out", str(out),
                                "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=sigint_default)
    page = f"http://127.0.0.1:{port}/activities/a/index.html"
    try:
        wait_for(lambda: fetch(page)[0] == 200)
        status, body = fetch(page)
        assert "第一版标题" in body and "/__sitegen__/live.js" in body
        assert fetch(f"http://127.0.0.1:{port}/__sitegen__/live.js")[0] == 200
        assert fetch(f"http://127.0.0.1:{port}/")[0] == 200
        status, missing = fetch(f"http://127.0.0.1:{port}/no/such/page/")
        # the site's 404 page, its links into the preview (breaker helper-124: they led to base_url, unstyled)
        assert status == 404 and 'rel="stylesheet" href="/static/style.' in missing
        assert 'href="https://' not in missing and 'src="https://' not in missing
        assert fetch(f"http://127.0.0.1:{port}/../../etc/passwd")[0] == 404

        (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第二版标题"), encoding="utf-8")
        wait_for(lambda: "第二版标题" in fetch(page)[1])

        (content / "activities" / "a.md").write_text("---\ntitle: 第三版\ndate: 2019-13-06\n---\n", encoding="utf-8")
        wait_for(lambda: "sitegen-overlay" in fetch(page)[1])
        status, body = fetch(page)
        assert status == 200 and "第二版标题" in body  # the last good build is still served
        assert "activities/a.md:3" in body  # with the error laid over it

        (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第四版标题"), encoding="utf-8")
        wait_for(lambda: "第四版标题" in fetch(page)[1] and "sitegen-overlay" not in fetch(page)[1])
    finally:
        output = stop_with(process, signal.SIGINT)
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert "Stopped." in output
    assert "activities/a.md:3" in output  # the error reached the terminal too
    for file in out.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".js"):
            assert b"__sitegen__" not in file.read_bytes(), file
