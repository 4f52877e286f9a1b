"""A `sitegen serve` rebuild stopped by the disk (full, read-only) or by our own bug is said as what it
is, in the terminal and on the page: never "the content has errors", which sent a worker hunting for a
mistake in files that had none. Only the content's own errors are called that."""

from __future__ import annotations

import errno
from pathlib import Path, PurePosixPath

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid, Problem
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.paths import community_cache
from sitegen.serve import State, rebuild, report
from sitegen.serveoverlay import inject
from sitegen.write.lock import OutputBusy
from tests.conftest import NOW, MakeSite

PAGE = b"<!doctype html><html><head><title>t</title></head><body><p>old page</p></body></html>"
OUT = "/srv/site/output/activities/a/index.html"

# what the build raised, the language, what the terminal must say, what the page's overlay title must say
# (None: the content's errors, as before)
CASES = {
    "disk full, a file named (en)": (OSError(errno.ENOSPC, "No space left on device", OUT), "en",
                                     f"The disk is full: {OUT} could not be written", "the rebuild stopped"),
    "disk full, no file named (zh-Hans)": (OSError(errno.ENOSPC, "No space left on device"), "zh-Hans",
                                           "磁盘已满，有文件无法写入", "这次重新生成中途停止了"),
    "disk read-only (zh-Hant)": (OSError(errno.EROFS, "Read-only file system", OUT), "zh-Hant",
                                 f"磁盤是隻讀的，無法寫入 {OUT}", "這次重新生成中途停止了"),
    "our own bug (en)": (RuntimeError("boom"), "en", "internal error while rebuilding", "the rebuild stopped"),
    # issue 14: any OSError is said as the CLI says it (tests/cli/test_serve_cli_kinds.py), no longer our bug
    "an OSError that is no full or read-only disk's (en)": (OSError(errno.EBADF, "Bad file descriptor"), "en",
                                                           "A file could not be written or read (EBADF)",
                                                           "the rebuild stopped"),
    # break13b: a failing disk (EIO) was said as our bug ("report this to us"), as the CLI does not say it
    "a failing disk, EIO (en)": (OSError(errno.EIO, "Input/output error", OUT), "en",
                                 f"{OUT} could not be written or read (EIO)", "the rebuild stopped"),
    # break13b: a file name with a line break and a terminal escape was printed raw (the CLI escapes it)
    "disk full, a control character in the name (en)": (OSError(errno.ENOSPC, "No space left on device", "/srv/a\nb\x1b[31m"),
                                                        "en", "The disk is full: /srv/a\\nb\\x1b[31m could not", "the rebuild stopped"),
    # break13b: another sitegen building into the output folder was headed "the content has errors"
    "another sitegen holds the output (zh-Hans)": (OutputBusy(None), "zh-Hans", "另一个 sitegen", "这次重新生成中途停止了"),
    "the content's errors (en)": (ContentInvalid([Problem(PurePosixPath("wishes/a.yaml"), 3, "value.template_prompt", {"field": "wisher", "value": "请填写许愿人姓名"})]),
                                  "en", "wishes/a.yaml:3", None),
}
CONTENT_ERRORS = {"en": "content has errors", "zh-Hans": "内容有错误", "zh-Hant": "內容有錯誤"}


@pytest.mark.parametrize(("raised", "lang", "said", "title"), list(CASES.values()), ids=list(CASES))
def test_a_rebuild_stopped_by_the_disk_or_a_bug_is_not_called_a_content_error(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        raised: Exception, lang: str, said: str, title: str | None) -> None:
    content = make_site()

    def build(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pipeline, "build", build)
    state = State(out=tmp_path / "output", messages=Messages(lang))
    rebuild(content, state, Options(now=NOW))
    terminal = " ".join(capsys.readouterr().err.split())
    page = inject(PAGE, state.problems, state.messages, state.stopped).decode("utf-8")
    assert said in terminal and said in page
    assert "Traceback" not in terminal
    if title is None:  # the content's errors: said as before
        assert not state.stopped and CONTENT_ERRORS[lang] in terminal and CONTENT_ERRORS[lang] in page
    else:
        assert state.stopped and title in terminal.lower() + page.lower()
        assert CONTENT_ERRORS[lang] not in terminal and CONTENT_ERRORS[lang] not in page
        assert "old page" in page  # the last page is still shown below what stopped the rebuild


@pytest.mark.parametrize(("lang", "said"), [("en", "The street pages are not built yet"), ("zh-Hans", "街道页面还没有生成")])
def test_a_half_built_street_links_its_communities_at_the_root(tmp_path: Path, lang: str, said: str) -> None:
    """A first street build that stopped after meihu: `/` said "Nothing has been built yet" while /meihu/ was there."""
    import http.client
    import threading

    from sitegen.serve import PreviewServer, handler_for

    out = tmp_path / "out"
    (out / "meihu").mkdir(parents=True)
    (out / "meihu" / "manifest.sha256").write_text("", encoding="utf-8")
    community_cache(tmp_path / ".out.sitegen-cache", "meihu").mkdir(parents=True)  # the street's cache keeps it
    state = State(out=out, messages=Messages(lang), problems=["x"], stopped=True, build=lambda *a, **k: None)
    server = PreviewServer(("127.0.0.1", 0), handler_for(state))
    port = int(server.server_address[1])
    server.RequestHandlerClass = handler_for(state, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/")
        body = connection.getresponse().read().decode("utf-8")
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert said in body and '<a href="/meihu/">meihu</a>' in body
    assert "Nothing has been built yet" not in body and "还没有成功生成过" not in body


def test_the_same_lines_of_the_other_kind_are_not_still_failing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A rebuild that stopped after one that failed on the content (or the reverse) gets its own heading even
    when the lines are the same: "still N error(s), as listed above" pointed at a heading that said otherwise."""
    state = State(out=tmp_path / "output", messages=Messages("en"))
    report(state, ["one line"])
    capsys.readouterr()
    report(state, ["one line"], stopped=True)
    said = " ".join(capsys.readouterr().err.split())
    assert "rebuild stopped" in said and "Still" not in said, said
    report(state, ["one line"])
    said = " ".join(capsys.readouterr().err.split())
    assert "content has errors" in said.lower() and "Still" not in said, said
    report(state, ["one line"])
    assert "Still 1" in capsys.readouterr().err


@pytest.mark.parametrize(("language", "stopped", "said", "untrue"), [
    ("en", True, "The rebuild stopped again, for the reason above.", "error"),
    ("zh-Hans", True, "重新生成又停止了，原因同上。", "错误"),
    ("zh-Hant", True, "重新生成又停止了，原因同上。", "錯誤"),
    ("en", False, "Still 1 error(s), as listed above.", "stopped"),
    ("zh-Hans", False, "仍有 1 个错误，同上。", "停止"),
])
def test_the_same_failure_again_is_one_line_of_its_own_kind(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            language: str, stopped: bool, said: str, untrue: str) -> None:
    """A rebuild stopped (a full disk, a content folder gone) twice the same way said "still 1 error, as listed
    above" right under a heading saying it was not a problem in the content (helper-75): it says it stopped again."""
    state = State(out=tmp_path / "output", messages=Messages(language))
    report(state, ["one line"], stopped=stopped)
    capsys.readouterr()
    report(state, ["one line"], stopped=stopped)
    again = capsys.readouterr().err.strip()
    assert again == said and untrue not in again


@pytest.mark.parametrize(("stopped", "said", "untrue"), [(True, "deal with what stopped the build", "fix the errors above"),
                                                         (False, "fix the errors above", "what stopped the build")])
def test_before_any_good_build_the_placeholder_says_what_to_do(tmp_path: Path, stopped: bool, said: str,
                                                                untrue: str) -> None:
    """The first build stopped by a full disk: the placeholder page said "fix the errors above", of a content
    that had none (helper-72's leftover); the content's errors are still told to be fixed."""
    import http.client
    import threading

    from sitegen.serve import PreviewServer, handler_for

    state = State(out=tmp_path / "out", messages=Messages("en"), problems=["x"], stopped=stopped)
    server = PreviewServer(("127.0.0.1", 0), handler_for(state))
    server.RequestHandlerClass = handler_for(state, int(server.server_address[1]))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", int(server.server_address[1]), timeout=5)
        connection.request("GET", "/")
        body = " ".join(connection.getresponse().read().decode("utf-8").split())
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert said in body and untrue not in body
