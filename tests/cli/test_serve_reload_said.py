"""serve says "pages reloaded" after a rebuild only when a page is listening for the reload: with no
browser open it said 页面已刷新 all the same (newcomer17), and a worker looked for a page that had
never been opened. Each row is how many pages listen when the save is built (some opened and then
closed before it), and whether the line after the rebuild says the pages were reloaded.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from sitegen.options import Options
from sitegen.serve import rebuild
from sitegen.serveoverlay import PREFIX
from tests.cli.test_serve_robust import handler_server
from tests.conftest import NOW, MakeSite

ACTIVITY = "---\ntitle: 义诊\ndate: 2026-11-20 09:00\n---\n社区医生来义诊。\n"

# (pages that open the reload channel, how many of them are closed before the save, reloaded said)
ROWS = {
    "no page open": (0, 0, False),
    "one page open": (1, 0, True),
    "two pages open, one closed": (2, 1, True),
    "a page opened, then closed": (1, 1, False),
}


def _listen(port: int) -> socket.socket:
    """A page's reload channel (what live.js opens), as a bare socket: closed, it is closed."""
    page = socket.create_connection(("127.0.0.1", port), timeout=5)
    page.sendall(f"GET {PREFIX}events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    assert page.recv(64).startswith(b"HTTP/1.0 200")
    return page


def _until(check: object, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the server did not count the pages in time"
        time.sleep(0.01)


@pytest.mark.parametrize("name", ROWS)
def test_pages_reloaded_is_said_only_when_a_page_listens(name: str, make_site: MakeSite, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    opened, closed, said = ROWS[name]
    content = make_site({"activities/a.md": ACTIVITY})
    with handler_server(tmp_path / "output") as (port, state):
        options = Options(now=NOW, jobs=1)
        rebuild(content, state, options, first=True)
        pages = [_listen(port) for _ in range(opened)]
        _until(lambda: state.watching == opened)
        for page in pages[:closed]:
            page.close()
        deadline = time.monotonic() + 5
        while state.watching != opened - closed:  # a closed page is counted until a write to it fails
            assert time.monotonic() < deadline, "the server did not see the page closed"
            state.finished([])
            time.sleep(0.05)
        capsys.readouterr()
        (content / "activities" / "a.md").write_text(ACTIVITY + "\n请带上医保卡。\n", encoding="utf-8")
        rebuild(content, state, options)
        line = capsys.readouterr().out.strip().splitlines()[-1]
        assert line.startswith("Rebuilt in ")
        assert ("pages reloaded" in line) == said, line
        for page in pages[closed:]:
            page.close()
