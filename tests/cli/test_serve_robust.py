"""`sitegen serve` never dies, never prints a traceback, answers only to itself, and sees every input.

The handler cases run in-process against a State (fast); the rest run a real `sitegen serve`.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from sitegen.serve import State, PreviewServer, handler_for
from tests.cli.test_serve import ACTIVITY, fetch, free_port, wait_for
from tests.conftest import NOW, ROOT, MakeSite, run, tree_bytes
from tests.support.signals import sigint_default

BROKEN = "---\ntitle: 坏日期\ndate: 2019-13-06\n---\n"


@contextmanager
def handler_server(out: Path, problems: list[str] | None = None, idle: float = 5) -> Iterator[tuple[int, State]]:
    state = State(out=out, messages=Messages("en"), problems=problems or [])
    server = PreviewServer(("127.0.0.1", 0), handler_for(state))
    port = int(server.server_address[1])
    server.RequestHandlerClass = handler_for(state, port, idle=idle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port, state
    finally:
        server.shutdown()
        server.server_close()


def request(port: int, path: str, host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.putrequest("GET", path, skip_host=host is not None)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


# path or Host → status: nothing the browser sends may print a traceback or stop the server
REQUESTS = [
    ("/%00", None, 400),
    ("/a%00b/index.html", None, 400),
    ("/" + "a" * 5000, None, 414),
    ("/" + "a/" * 900, None, 404),
    ("/" + "%ff%fe" * 10, None, 404),
    ("/%2e%2e/%2e%2e/etc/passwd", None, 404),
    ("/..\\..\\etc\\passwd", None, 400),
    ("/", "evil.example", 421),
    ("/", "evil.example:{port}", 421),
    ("/", "127.0.0.1.evil.example:{port}", 421),
    ("/", "localhost:{port}", 200),
    ("/", "LOCALHOST:{port}", 200),
    ("/", "127.0.0.1:{port}", 200),
    ("/", "localhost", 200),
]


@pytest.mark.parametrize(("path", "host", "status"), REQUESTS, ids=[f"{p[:20]}|{h}" for p, h, _ in REQUESTS])
def test_any_request_gets_an_answer_never_a_traceback(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                                      path: str, host: str | None, status: int) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / "index.html").write_text("<html><head></head><body>home</body></html>", encoding="utf-8")
    (out / "404.html").write_text("<html><head></head><body>nope</body></html>", encoding="utf-8")
    with handler_server(out) as (port, _):
        got, body = request(port, path, host.format(port=port) if host else None)
        assert got == status
        if status == 421:
            assert "localhost" in body and "home" not in body
        assert request(port, "/")[0] == 200  # still serving
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_an_idle_connection_is_closed(tmp_path: Path) -> None:
    with handler_server(tmp_path, idle=0.5) as (port, _):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            started = time.monotonic()
            assert sock.recv(100) == b""  # closed by the server, not by our timeout
            assert time.monotonic() - started < 4


def test_before_any_good_build_the_errors_are_shown_not_a_bare_404(tmp_path: Path) -> None:
    with handler_server(tmp_path / "output", problems=["activities/a.md:3: no such day"]) as (port, _):
        for path in ("/", "/activities/a/"):
            status, body = request(port, path)
            assert status == 503 and "activities/a.md:3: no such day" in body and "live.js" in body


class Serving:
    """A real `sitegen serve` process and everything it printed."""

    def __init__(self, content: Path, out: Path, lang: str = "en", cwd: Path | None = None) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": lang, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sitegen", "serve", "--content", str(content), "--out", str(out),
             "--port", str(self.port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=sigint_default, cwd=cwd)
        self.url = f"http://127.0.0.1:{self.port}/"
        self.output = ""

    def get(self, path: str = "") -> tuple[int, str]:
        return fetch(self.url + path)

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)
        try:
            self.output, _ = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.output, _ = self.process.communicate()
        return self.output


@contextmanager
def serving(content: Path, out: Path, lang: str = "en", cwd: Path | None = None) -> Iterator[Serving]:
    server = Serving(content, out, lang, cwd)
    try:
        yield server
    finally:
        server.stop()
    assert "Traceback" not in server.output, server.output
    assert server.process.returncode == 0, server.output


def test_start_on_broken_content_then_fix_and_error_lines_once(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": BROKEN})
    with serving(content, tmp_path / "output") as server:
        wait_for(lambda: "activities/a.md:3" in server.get()[1])
        assert server.get()[0] == 503
        time.sleep(0.5)
        page = content / "activities" / "a.md"
        page.write_text(BROKEN.replace("坏日期", "还是坏的"), encoding="utf-8")  # saved again, still broken
        time.sleep(1.5)
        page.write_text(ACTIVITY.format(title="修好了"), encoding="utf-8")
        wait_for(lambda: "修好了" in server.get("activities/a/")[1])
    lines = server.output.splitlines()
    assert not lines[0].startswith("Rebuilt")
    assert sum("activities/a.md:3" in line for line in lines) == 1, server.output  # each error line once
    assert any(line.startswith("Still 1 error") for line in lines), server.output


# (what takes the content folder's place, what the overlay says): a file there is said as a file (session 15's breaker)
IN_ITS_PLACE = [(None, "is gone"), ("a file", "is now a file, not a folder")]


@pytest.mark.parametrize(("instead", "said"), IN_ITS_PLACE, ids=["nothing", "a file"])
def test_deleting_the_content_folder_keeps_serving(make_site: MakeSite, tmp_path: Path, instead: str | None,
                                                   said: str) -> None:
    content = make_site({"activities/a.md": ACTIVITY.format(title="第一版")})
    with serving(content, tmp_path / "output") as server:
        wait_for(lambda: "第一版" in server.get("activities/a/")[1])
        moved = tmp_path / "moved"
        content.rename(moved)
        if instead is not None:
            content.write_text(instead, encoding="utf-8")
        wait_for(lambda: said in server.get("activities/a/")[1])
        status, body = server.get("activities/a/")
        assert status == 200 and "第一版" in body  # the last good build, with the error over it
        if instead is not None:
            assert "is gone" not in body
            content.unlink()
        moved.rename(content)
        (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第二版"), encoding="utf-8")
        wait_for(lambda: "第二版" in server.get("activities/a/")[1] and "sitegen-overlay" not in
                 server.get("activities/a/")[1])


def test_serving_from_inside_the_output_follows_every_build(make_site: MakeSite, tmp_path: Path) -> None:
    """`sitegen serve --content ../content --out .` typed inside the output: each build swaps the output
    whole, so the folder the server was started in becomes the old copy (the cache's shadow); the paths
    as typed then named the old site and a content folder that 'is gone', and the server never showed a build."""
    content = make_site({"activities/a.md": ACTIVITY.format(title="第一版")})
    (tmp_path / "output").mkdir()
    with serving(Path("../content"), Path("."), cwd=tmp_path / "output") as server:
        wait_for(lambda: "第一版" in server.get("activities/a/")[1])
        (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第二版"), encoding="utf-8")
        wait_for(lambda: "第二版" in server.get("activities/a/")[1])
    assert "gone" not in server.output, server.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.sitegen-cache", "content", "output", "output-print"]
    assert not [p.name for p in (tmp_path / "output").iterdir() if "sitegen" in p.name]


def test_a_broken_theme_template_does_not_stop_the_server(make_site: MakeSite, tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    (brand / "templates").mkdir(parents=True)
    site = "name: 测试社区\nbase_url: https://test.example.org/\ntheme: ../brand\n"
    content = make_site({"activities/a.md": ACTIVITY.format(title="主题测试")}, site=site)
    base = (ROOT / "themes" / "default" / "templates" / "base.html").read_text("utf-8")
    with serving(content, tmp_path / "output") as server:
        wait_for(lambda: "主题测试" in server.get("activities/a/")[1])
        (brand / "templates" / "base.html").write_text(base + "{% if %}", encoding="utf-8")
        wait_for(lambda: "sitegen-overlay" in server.get("activities/a/")[1])
        assert "主题测试" in server.get("activities/a/")[1]
        assert server.process.poll() is None
        (brand / "templates" / "base.html").write_text(base.replace("<body", "<body data-brand=\"1\"", 1),
                                                       encoding="utf-8")
        wait_for(lambda: "data-brand" in server.get("activities/a/")[1] and "sitegen-overlay" not in
                 server.get("activities/a/")[1])
    assert "base.html:" in server.output  # where the theme is broken


def test_a_theme_outside_the_content_folder_is_an_input(make_site: MakeSite, tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    (brand / "static").mkdir(parents=True)
    (brand / "static" / "style.css").write_text("body { color: #111; }\n", encoding="utf-8")
    site = "name: 测试社区\nbase_url: https://test.example.org/\ntheme: ../brand\n"
    content = make_site({"activities/a.md": ACTIVITY.format(title="品牌")}, site=site)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    assert run("build", "--content", str(content), "--out", str(out)).output.startswith("Nothing changed")
    (brand / "static" / "style.css").write_text("body { color: #b3121f; }\n", encoding="utf-8")
    again = run("build", "--content", str(content), "--out", str(out))
    assert not again.output.startswith("Nothing changed")
    assert any(b"#b3121f" in data for rel, data in tree_bytes(out).items() if rel.endswith(".css"))
    with serving(content, out) as server:
        wait_for(lambda: server.get()[0] == 200)
        time.sleep(1)
        (brand / "static" / "style.css").write_text("body { color: #0a7d32; }\n", encoding="utf-8")
        wait_for(lambda: any(b"#0a7d32" in p.read_bytes() for p in (out / "static").glob("style.*.css")))
    (content / "site.yaml").write_text("name: 测试社区\nbase_url: https://test.example.org/\n", encoding="utf-8")
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0  # the theme is no input now
    (brand / "static" / "style.css").write_text("body { color: #222; }\n", encoding="utf-8")
    assert run("build", "--content", str(content), "--out", str(out)).output.startswith("Nothing changed")


def test_serve_and_build_at_once_end_as_a_clean_build(make_site: MakeSite, tmp_path: Path) -> None:
    files = {f"activities/a{i:03d}.md": ACTIVITY.format(title=f"活动{i}") + "正文。" * 100 for i in range(40)}
    content = make_site(files)
    out = tmp_path / "output"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en", "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    with serving(content, out) as server:
        wait_for(lambda: server.get()[0] == 200)
        for round_ in range(3):
            page = content / "activities" / "a000.md"
            page.write_text(ACTIVITY.format(title=f"第{round_}轮") + "正文。" * 100, encoding="utf-8")
            time.sleep(0.35)  # serve's rebuild starts after its 0.3 s debounce: the build below meets it
            build = subprocess.run([sys.executable, "-m", "sitegen", "build", "--content", str(content), "--out",
                                    str(out)], env=env, capture_output=True, text=True, timeout=300)
            assert build.returncode == 0, build.stderr
            wait_for(lambda round_=round_: f"第{round_}轮" in server.get("activities/a000/")[1])
            time.sleep(1)
    clean = tmp_path / "clean"
    assert run("build", "--content", str(content), "--out", str(clean), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(clean)  # never a mix of two builds
