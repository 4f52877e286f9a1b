"""`sitegen verify`: a folder or a web address against the manifest of what was built."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT, MakeSite, run


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


def _linked_folder(out: Path) -> str:
    (out / "activities" / "etc").symlink_to("/etc", target_is_directory=True)
    return "activities/etc"


def _fifo(out: Path) -> str:
    os.mkfifo(out / "activities" / "pipe")
    return "activities/pipe"


def _linked_built_file(out: Path) -> str:
    (out / "feed.xml").unlink()
    (out / "feed.xml").symlink_to(out / "index.html")
    return "feed.xml"


def _fifo_for_a_built_file(out: Path) -> str:
    (out / "robots.txt").unlink()
    os.mkfifo(out / "robots.txt")
    return "robots.txt"


# what is placed in the output → the path reported as "not a regular file"; never followed, opened or waited on
SPECIAL = [("linked folder", _linked_folder), ("fifo", _fifo), ("linked built file", _linked_built_file),
           ("fifo for a built file", _fifo_for_a_built_file)]


@pytest.mark.parametrize(("name", "place"), SPECIAL, ids=[c[0] for c in SPECIAL])
def test_links_and_pipes_in_the_output_are_reported_not_followed(make_site: MakeSite, tmp_path: Path, name: str,
                                                                 place: Callable[[Path], str]) -> None:
    out = built(make_site, tmp_path)
    rel = place(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "sitegen", "verify", str(out)], env=env, capture_output=True,
                            text=True, timeout=30)  # a FIFO opened for reading would block here forever
    assert result.returncode == 1
    assert f"not a regular file (a link, a pipe or a device), not read: {rel}" in result.stderr
    assert "passwd" not in result.stderr and "Traceback" not in result.stderr  # /etc was not walked
    assert f"missing: {rel}" not in result.stderr


# (folder verified, relative to tmp_path; exit code; what the message must hold) — the newcomer's findings:
# the advice named output/ whatever folder was verified, and the print folder was told to build first
FOLDER_ADVICE = [
    ("copy", 1, "Upload {tmp}/copy again"),
    # the output folder itself, its build cache beside it: it was told to upload itself, after a --no-cache build
    ("output", 1, "Building into it again repairs it: sitegen build --out {tmp}/output"),
    ("output-print", 2, "never uploaded, so it is not checked. To check the site, run sitegen verify {tmp}/output"),
    ("nowhere-print", 2, "has no manifest.sha256"),
    # s22: a path mistyped, or a file, was told it had no manifest.sha256 and to build first
    ("no-such-folder", 2, "There is no folder {tmp}/no-such-folder: check the path"),
    ("copy/index.html", 2, "{tmp}/copy/index.html is a file, not a folder"),
]


@pytest.mark.parametrize(("folder", "code", "said"), FOLDER_ADVICE, ids=[f for f, _, _ in FOLDER_ADVICE])
def test_verify_advice_names_the_folder_verified(make_site: MakeSite, tmp_path: Path, folder: str, code: int,
                                                 said: str) -> None:
    import shutil

    out = built(make_site, tmp_path)
    shutil.copytree(out, tmp_path / "copy")
    (tmp_path / "copy" / "robots.txt").unlink()
    (out / "robots.txt").write_text("hand-edited\n", encoding="utf-8")
    (tmp_path / "nowhere-print").mkdir()
    result = run("verify", str(tmp_path / folder))
    assert result.exit_code == code, result.output
    assert said.format(tmp=tmp_path) in " ".join(result.stderr.split()), result.stderr


def test_the_advice_for_a_folder_built_here_repairs_it(make_site: MakeSite, tmp_path: Path) -> None:
    """What verify advises for the output folder itself (build into it again) is enough: no --no-cache."""
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n正文\n"})
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    (out / "robots.txt").write_text("hand-edited\n", encoding="utf-8")
    (out / "sitemap.xml").unlink()
    assert run("verify", str(out)).exit_code == 1
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    assert run("verify", str(out)).exit_code == 0


def _cannot_reach(cause: BaseException) -> Callable[..., object]:
    import urllib.error

    def urlopen(*args: object, **kwargs: object) -> object:
        raise urllib.error.URLError(cause)
    return urlopen


# (what the address gave, language, what stderr says of it); never "upload again" nor each file as missing
UNREACHABLE = [
    (__import__("socket").gaierror(-2, "Name or service not known"), "en", "no server has this address"),
    (__import__("socket").gaierror(-2, "Name or service not known"), "zh-Hans", "找不到这个网址的服务器"),
    (ConnectionRefusedError(111, "Connection refused"), "zh-Hant", "服務器拒絕連接"),
    (TimeoutError("timed out"), "zh-Hans", "等了很久没有回应"),
    (__import__("ssl").SSLError(1, "CERTIFICATE_VERIFY_FAILED"), "en", "security certificate is not valid"),
    (OSError(101, "Network is unreachable"), "en", "the connection failed"),
]


@pytest.mark.parametrize(("cause", "lang", "why"), UNREACHABLE, ids=[f"{type(c).__name__}-{lang}" for c, lang, _ in UNREACHABLE])
def test_an_address_that_does_not_answer_is_said_so(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    cause: BaseException, lang: str, why: str) -> None:
    """The street guide's last command run as typed (its sample address) listed all 287 files as missing and
    advised uploading the site again (newcomer14): the address did not answer, so nothing is known of them."""
    import urllib.request

    out = built(make_site, tmp_path)
    monkeypatch.setattr(urllib.request, "urlopen", _cannot_reach(cause))
    result = run("verify", "https://您的网址/", "--out", str(out), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 1
    said = result.stderr
    assert why in said and "https://您的网址/" in said, said
    assert not [word for word in ("upload", "上传", "上傳", "missing:", "缺失：", "Errno", "refused\n") if word in said], said
    assert len(said.strip().splitlines()) == 1, said


def test_an_address_that_does_not_answer_is_asked_once(make_site: MakeSite, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown host was asked again for every file of the manifest (217 DNS failures, 9 s in the street
    guide's sample; 50 s on a slow resolver): the first file that gets no answer says it for all of them."""
    import socket
    import urllib.request

    out = built(make_site, tmp_path)
    asked: list[object] = []
    failing = _cannot_reach(socket.gaierror(-2, "Name or service not known"))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: asked.append(a) or failing(*a, **k))
    result = run("verify", "https://您的网址/", "--out", str(out))
    files = sum(1 for line in (out / "manifest.sha256").read_text("utf-8").splitlines() if line.strip())
    assert result.exit_code == 1 and len(asked) == 1 and f"{files} file(s) could not be read" in result.stderr, result.stderr


def test_verify_before_any_build_says_to_build_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sitegen verify` in a fresh folder told the worker to run `sitegen verify` (breaker helper-117, s22)."""
    monkeypatch.chdir(tmp_path)
    result = run("verify")
    assert result.exit_code == 2 and "run sitegen build first" in " ".join(result.stderr.split()), result.stderr
