"""`sitegen verify`: a folder or a web address against the manifest of what was built."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import MakeSite, run


def built(make_site: MakeSite, tmp_path: Path) -> Path:
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n正文\n"})
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    return out


def test_a_clean_folder_verifies(make_site: MakeSite, tmp_path: Path) -> None:
    out = built(make_site, tmp_path)
    result = run("verify", str(out))
    assert result.exit_code == 0 and "exactly as built" in result.output


def test_changed_missing_and_extra_files_are_named(make_site: MakeSite, tmp_path: Path) -> None:
    out = built(make_site, tmp_path)
    with open(out / "index.html", "a", encoding="utf-8") as handle:
        handle.write('<a href="https://spam.example/">便宜</a>')
    (out / "feed.xml").unlink()
    (out / "activities" / "casino.html").write_text("spam", encoding="utf-8")
    result = run("verify", str(out))
    assert result.exit_code == 1
    assert "changed: index.html" in result.stderr
    assert "missing: feed.xml" in result.stderr
    assert "not built by sitegen: activities/casino.html" in result.stderr


def test_a_web_address_is_checked_page_by_page(make_site: MakeSite, tmp_path: Path) -> None:
    out = built(make_site, tmp_path)
    served = tmp_path / "served"
    import shutil

    shutil.copytree(out, served)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert run("verify", url, "--out", str(out)).exit_code == 0
        (served / "activities" / "a" / "index.html").write_text("<p>改过</p>", encoding="utf-8")
        result = run("verify", url, "--out", str(out))
        assert result.exit_code == 1 and "changed: activities/a/index.html" in result.stderr
    finally:
        server.shutdown()
        server.server_close()


def test_without_a_manifest_it_is_a_usage_error(tmp_path: Path) -> None:
    assert run("verify", str(tmp_path)).exit_code == 2
