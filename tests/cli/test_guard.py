"""Every failure a command can meet, through the guard (sitegen/cli/errors.py): its exit code and its
message in zh-Hans and in English, never a traceback or Python's own words.

The table holds the behaviour cli.py had before it became a package (issue 13 split `_guarded`).
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import click
import pytest

from sitegen.cli.app import App
from sitegen.cli.errors import guarded
from sitegen.errors import ContentInvalid, Problem, UsageProblem
from sitegen.pipeline.execute import LeaksFound
from sitegen.write.leaks import Leak
from sitegen.write.lock import Holder, OutputBusy

PROBLEM = Problem(PurePosixPath("wishes/a.yaml"), 3, "value.missing", {"field": "wish"})

# name, what the command raises, the command's name, exit code, a word of the zh-Hans and of the English stderr
CASES: list[tuple[str, Callable[[], BaseException], str, int, str, str]] = [
    ("content_invalid_build", lambda: ContentInvalid([PROBLEM]), "build", 1, "生成已停止", "Build stopped"),
    ("content_invalid_check", lambda: ContentInvalid([PROBLEM]), "check", 1, "wishes/a.yaml:3", "wishes/a.yaml:3"),
    ("usage", lambda: UsageProblem("cli.content_missing", path="无此目录"), "build", 2, "无此目录", "无此目录"),
    ("interrupted", lambda: KeyboardInterrupt(), "build", 130, "已中断", "Interrupted"),
    ("disk_full", lambda: OSError(errno.ENOSPC, "No space left", "/o/a.html"), "build", 74, "磁盘已满", "disk is full"),
    ("disk_quota", lambda: OSError(errno.EDQUOT, "Quota", "/o/a.html"), "build", 74, "磁盘已满", "disk is full"),
    ("disk_read_only", lambda: OSError(errno.EROFS, "Read-only", "/o/a.html"), "build", 74, "只读", "read-only"),
    ("disk_denied", lambda: PermissionError(errno.EACCES, "Denied", "/o/a.html"), "build", 74, "没有权限",
     "No permission"),
    ("disk_other", lambda: OSError(errno.EIO, "I/O error", "/o/a.html"), "build", 74, "无法读写", "EIO"),
    ("output_busy", lambda: OutputBusy(Holder(4242, "2026-11-30T01:00:00Z")), "build", 75, "4242", "4242"),
    ("output_busy_unknown", lambda: OutputBusy(None), "build", 75, "进程 ?", "process ?"),
    ("leaks", lambda: LeaksFound([Leak("wishes/x/index.html", "周**")]), "build", 1, "wishes/x/index.html",
     "wishes/x/index.html"),
    ("our_bug", lambda: ZeroDivisionError("division by zero"), "build", 70, "内部出错", "internal error"),
]


@pytest.mark.parametrize(("raised", "command", "code", "zh", "en"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_each_failure_has_its_exit_code_and_message(raised: Callable[[], BaseException], command: str, code: int,
                                                   zh: str, en: str, lang: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    def run(app: App, content: Path, out: Path) -> None:
        raise raised()

    run.__name__ = command
    with pytest.raises(SystemExit) as exited:
        guarded(run)(App(lang=lang), content=Path("no-such-content"), out=Path("output"))
    assert exited.value.code == code
    err = capsys.readouterr().err
    assert (zh if lang == "zh-Hans" else en) in err
    assert "Traceback" not in err


@pytest.mark.parametrize("passed", [SystemExit(3), click.exceptions.Exit(0), click.UsageError("bad")])
def test_click_and_exits_pass_through(passed: BaseException) -> None:
    def run(app: App) -> None:
        raise passed

    with pytest.raises(type(passed)):
        guarded(run)(App())


def test_the_guard_keeps_the_command_name_and_help() -> None:
    def build(app: App) -> None:
        """Build it."""

    wrapped = guarded(build)
    assert (wrapped.__name__, wrapped.__doc__) == ("build", "Build it.")
