"""What stopped a build, one kind for each failure, read by the CLI's guard (cli/errors.py) and by serve's
rebuild (serve.py), so that the two never say one failure as two things: serve called an OSError that was
not a full or read-only disk our bug and a bad output folder the content's errors, while the CLI said the
file could not be written or read, and the folder as a usage problem (issue 14)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, cast

from sitegen.errors import ContentInvalid, UsageProblem, disk_text, printable
from sitegen.hanzi import OpenCCBroken
from sitegen.i18n.messages import Messages

if TYPE_CHECKING:
    from sitegen.write.lock import OutputBusy


class Kind(enum.Enum):
    """A failure's kind: the content's (CONTENT, LEAKS: the worker fixes a record) or what stopped the build."""

    CONTENT = "content"  # ContentInvalid: every problem at its PATH:LINE (exit 1)
    LEAKS = "leaks"  # LeaksFound: the new site showed private data (exit 1)
    USAGE = "usage"  # UsageProblem: a bad command line or folder (exit 2)
    INSTALL = "install"  # OpenCCBroken: an installation to repair (exit 2)
    INTERRUPTED = "interrupted"  # Ctrl-C (exit 130)
    BUSY = "busy"  # OutputBusy: another sitegen holds the output folder (exit 75)
    DISK = "disk"  # any OSError: a file could not be written or read (exit 74)
    INTERNAL = "internal"  # anything else: our bug (exit 70)


def kind_of(error: BaseException) -> Kind:
    """The kind of `error` (see Kind); INTERNAL for anything not listed."""
    from sitegen.pipeline.execute import LeaksFound
    from sitegen.write.lock import OutputBusy

    kinds: tuple[tuple[type[BaseException], Kind], ...] = (
        (ContentInvalid, Kind.CONTENT), (LeaksFound, Kind.LEAKS), (UsageProblem, Kind.USAGE),
        (OpenCCBroken, Kind.INSTALL), (KeyboardInterrupt, Kind.INTERRUPTED), (OutputBusy, Kind.BUSY),
        (OSError, Kind.DISK))
    return next((kind for cls, kind in kinds if isinstance(error, cls)), Kind.INTERNAL)


def usage_text(error: UsageProblem, messages: Messages) -> str:
    """A usage problem's message, its values escaped for a terminal (a file name with a line break)."""
    return messages.text(error.key, **{k: printable(str(v)) for k, v in error.args_.items()})


def busy_text(error: OutputBusy, messages: Messages, out: str) -> str:
    """Another sitegen holds the output folder `out`: its process and when it started, "?" when unknown."""
    holder = error.holder
    return messages.text("cli.output_busy", out=out, pid=holder.pid if holder else "?",
                         started=holder.started if holder else "?")


def rebuild_said(error: Exception, messages: Messages, out: str) -> tuple[list[str], bool]:
    """What serve says of a rebuild that raised `error`, and whether it stopped (True) rather than failed on
    the content's errors: each kind as the CLI says it (cli/errors.py); our bug on one line."""
    kind = kind_of(error)
    if kind is Kind.CONTENT:
        return [p.render(messages) for p in cast(ContentInvalid, error).problems if not p.warning], False
    if kind is Kind.LEAKS:
        return [leak.render(messages) for leak in getattr(error, "leaks", [])], False
    if kind is Kind.USAGE:
        said = usage_text(cast(UsageProblem, error), messages)
    elif kind is Kind.INSTALL:
        said = messages.text(OpenCCBroken.KEY)
    elif kind is Kind.BUSY:
        said = busy_text(cast("OutputBusy", error), messages, out)
    elif kind is Kind.DISK:
        said = disk_text(cast(OSError, error), messages)
    else:
        said = messages.text("serve.internal_error", detail=one_line(error))
    return [said], True


def one_line(error: BaseException) -> str:
    """Our bug's `TypeName: message` for the CLI and serve alike: on one line (its whitespace runs made one
    space), with the file and line where it has them (a theme's template syntax), at most 500 characters,
    and its terminal escapes escaped (errors.printable): nothing in it can recolour or rewrite the terminal."""
    text = f"{type(error).__name__}: {error}"
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if isinstance(filename, str) and isinstance(line, int):
        text = f"{filename}:{line}: {text}"
    return printable(" ".join(text.split()))[:500]
