"""A failure is said the same way by `sitegen build` and by `sitegen serve` (issue 14's leftover): serve
called an OSError whose errno is not a disk's (ENOENT: a file or the output folder removed by hand while it
builds, EBADF …) "sitegen hit an internal error … report this", where the CLI says the file could not be
written or read; a usage problem (the output folder replaced by a file) was headed "the content has errors";
a broken OpenCC was our bug to serve and an installation to repair to the CLI.

Each row runs one failure through the CLI's guard and through a serve rebuild, in en, zh-Hans and zh-Hant:
the CLI's first line is serve's line, word for word, and neither calls it our bug or the content's."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.cli.app import App
from sitegen.cli.errors import guarded
from sitegen.errors import UsageProblem
from sitegen.hanzi import OpenCCBroken
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.serve import State, rebuild
from tests.conftest import NOW, MakeSite

FILE = "/srv/site/output/activities/a/index.html"
LANGS = ("en", "zh-Hans", "zh-Hant")
INTERNAL = {"en": "internal error", "zh-Hans": "内部", "zh-Hant": "內部"}
CONTENT = {"en": "content has errors", "zh-Hans": "内容有错误", "zh-Hant": "內容有錯誤"}
EXIT_IO = 74

# errno → what both must say of it, in en, zh-Hans, zh-Hant (a file named)
ERRNOS: dict[int, tuple[str, str, str]] = {
    errno.ENOENT: (f"{FILE} is not there (ENOENT)", f"找不到 {FILE}", f"找不到 {FILE}"),
    errno.ENOTDIR: (f"{FILE} is not there (ENOTDIR)", f"找不到 {FILE}", f"找不到 {FILE}"),
    errno.EACCES: (f"No permission to write {FILE}", f"没有权限写入 {FILE}", f"沒有權限寫入 {FILE}"),
    errno.EPERM: (f"No permission to write {FILE}", f"没有权限写入 {FILE}", f"沒有權限寫入 {FILE}"),
    errno.EROFS: (f"The disk is read-only: {FILE}", f"磁盘是只读的，无法写入 {FILE}", f"磁盤是隻讀的，無法寫入 {FILE}"),
    errno.ENOSPC: (f"The disk is full: {FILE}", f"磁盘已满，无法写入 {FILE}", f"磁盤已滿，無法寫入 {FILE}"),
    errno.EIO: (f"{FILE} could not be written or read (EIO)", f"无法读写 {FILE}", f"無法讀寫 {FILE}"),
    errno.EBADF: (f"{FILE} could not be written or read (EBADF)", f"无法读写 {FILE}", f"無法讀寫 {FILE}"),
    errno.EEXIST: (f"{FILE} could not be written or read (EEXIST)", f"无法读写 {FILE}",
                   f"無法讀寫 {FILE}"),
    errno.EMFILE: (f"{FILE} could not be written or read (EMFILE)", f"无法读写 {FILE}",
                   f"無法讀寫 {FILE}"),
    errno.ENAMETOOLONG: (f"{FILE} could not be written or read (ENAMETOOLONG)", f"无法读写 {FILE}",
                         f"無法讀寫 {FILE}"),
}

# name → (what the build raises, what both must say in en, zh-Hans, zh-Hant)
OTHERS: dict[str, tuple[Callable[[], BaseException], tuple[str, str, str]]] = {
    "ENOENT, no file named": (lambda: OSError(errno.ENOENT, "No such file or directory"),
                              ("A file or folder is not there (ENOENT)", "有文件或文件夹找不到了",
                               "有文件或文件夾找不到了")),
    "EBADF, no file named": (lambda: OSError(errno.EBADF, "Bad file descriptor"),
                             ("A file could not be written or read (EBADF)", "有文件无法读写", "有文件無法讀寫")),
    "an OSError with no errno": (lambda: OSError("something"),
                                 ("A file could not be written or read (OSError)", "有文件无法读写",
                                  "有文件無法讀寫")),
    "the output folder replaced by a file": (lambda: UsageProblem("cli.out_not_folder", out="/srv/out\n"),
                                             ("/srv/out\\n", "/srv/out\\n", "/srv/out\\n")),
    "OpenCC broken": (OpenCCBroken, ("OpenCC", "OpenCC", "OpenCC")),
}


def _cli(raised: BaseException, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The CLI's exit code and the first line it prints for `raised` in a build."""
    def build(app: App, content: Path, out: Path) -> None:
        raise raised

    with pytest.raises(SystemExit) as exited:
        guarded(build)(App(lang=lang), content=Path("no-such-content"), out=Path("output"))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return int(exited.value.code or 0), err.splitlines()[0]


def _serve(raised: BaseException, lang: str, content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[State, str]:
    """The state a serve rebuild stopped by `raised` leaves, and what it printed."""
    def build(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pipeline, "build", build)
    state = State(out=tmp_path / "output", messages=Messages(lang))
    rebuild(content, state, Options(now=NOW))
    return state, capsys.readouterr().err


def _same(raised: BaseException, lang: str, said: str, make_site: MakeSite, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> int:
    content = make_site()
    code, cli = _cli(raised, lang, capsys)
    state, terminal = _serve(raised, lang, content, tmp_path, monkeypatch, capsys)
    assert state.problems == [cli], (state.problems, cli)
    assert said in cli, cli
    assert state.stopped and "Traceback" not in terminal
    for text in (cli, terminal):
        assert INTERNAL[lang] not in text and CONTENT[lang] not in text, text
    return code


@pytest.mark.parametrize("named", [True, False], ids=["named", "unnamed"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("number", list(ERRNOS), ids=[errno.errorcode[n] for n in ERRNOS])
def test_an_os_error_is_said_alike_by_the_cli_and_serve(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        number: int, lang: str, named: bool) -> None:
    raised = OSError(number, "strerror", FILE) if named else OSError(number, "strerror")
    said = ERRNOS[number][LANGS.index(lang)] if named else errno.errorcode[number] if lang == "en" else ""
    if not named and number in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC):
        said = ""  # their unnamed wordings carry no errno (tests/cli/test_stopped_site.py), nor does Chinese
    assert _same(raised, lang, said, make_site, tmp_path, monkeypatch, capsys) == EXIT_IO


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("raised", "said"), list(OTHERS.values()), ids=list(OTHERS))
def test_other_failures_are_said_alike_by_the_cli_and_serve(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        raised: Callable[[], BaseException], said: tuple[str, str, str], lang: str) -> None:
    _same(raised(), lang, said[LANGS.index(lang)], make_site, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("lang", LANGS)
def test_a_content_folder_gone_is_no_content_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """The content folder removed while serving: the CLI says it as a usage problem (no content folder
    there); serve headed it "the content has errors … fix them", of records that are not there."""
    state = State(out=tmp_path / "output", messages=Messages(lang))
    rebuild(tmp_path / "gone", state, Options(now=NOW))
    terminal = capsys.readouterr().err
    assert state.stopped and str(tmp_path / "gone") in terminal and CONTENT[lang] not in terminal, terminal
