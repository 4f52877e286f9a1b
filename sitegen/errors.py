"""Problems a community worker must fix, each pointing at a file and a line."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
import unicodedata
from typing import TYPE_CHECKING, Final

from sitegen.i18n.messages import FIELD_ARGS

if TYPE_CHECKING:
    from sitegen.i18n.messages import Messages


_UNPRINTABLE: Final = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def printable(text: str) -> str:
    """Text with control, format and line-separator characters escaped (a\nb → a\\nb): what a
    terminal shows is what the file is called, on one line."""
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _UNPRINTABLE
                   else ch for ch in text)


def shown_width(text: str) -> int:
    """Columns a terminal (or Notepad's fixed-width font) gives `text`: two for each wide character (UAX #11
    East Asian Width W or F: 文件夹 takes six), one for any other."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_SHOWN: Final = 80
# Arguments sitegen writes itself, whole however long: a field's choices (a deliberation's seven statuses, 150
# characters with their Chinese words), not a value quoted from a file.
_OURS: Final = frozenset({"allowed", "words"})
# The files whose fields are their own, not a record's (site.yaml's `name` is the community's, 社区名称).
_SCOPES: Final = {"site.yaml": "site", "street.yaml": "street"}


def shortened(text: str) -> str:
    """A value quoted in a message, cut to 80 characters: a 10,000-character title is not echoed whole."""
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


# An OSError's errno → the message key saying it plainly, `<key>_unnamed` when the error names no file; any
# other errno (and an OSError with none) is "cli.disk_error". The CLI (cli/errors.py) and serve (failure.py)
# both say every OSError so: a file or folder removed by hand while sitegen builds (ENOENT, ENOTDIR) is no bug.
DISK_ERRORS: Final[dict[int, str]] = {errno.ENOSPC: "cli.disk_full", errno.EDQUOT: "cli.disk_full",
                                      errno.EROFS: "cli.disk_read_only", errno.EACCES: "cli.disk_denied",
                                      errno.EPERM: "cli.disk_denied", errno.EIO: "cli.disk_error",
                                      errno.ENOENT: "cli.disk_gone", errno.ENOTDIR: "cli.disk_gone"}


def disk_text(error: OSError, messages: Messages) -> str:
    """The disk error said plainly (DISK_ERRORS, else "cli.disk_error"), naming its file, escaped for a
    terminal (`printable`), or, when it names none, in the `_unnamed` wording; its errno's name as the detail
    (the error's type when it has no errno: never an empty "()")."""
    key = DISK_ERRORS.get(error.errno or 0, "cli.disk_error")
    named = error.filename is not None and str(error.filename) != ""
    detail = errno.errorcode.get(error.errno or 0) or type(error).__name__
    return messages.text(key if named else f"{key}_unnamed", path=printable(str(error.filename or "")), detail=detail)


@dataclass(frozen=True, slots=True, eq=False)
class Problem:
    """One thing to fix, pointing at the file and line as the user sees them."""

    path: PurePosixPath  # relative to the content folder
    line: int | None  # 1-based; None when the whole file is at fault
    key: str  # message key, e.g. "wish.claimed_on.missing"
    args: Mapping[str, object] = field(default_factory=dict)
    warning: bool = False

    @property
    def where(self) -> str:
        path = printable(str(self.path))
        return f"{path}:{self.line}" if self.line else path

    def render(self, messages: Messages) -> str:
        """One line, always: a newline or other control character in a file name or a value is
        shown escaped (\\n), so it cannot forge a line of its own in the report."""
        args = {k: (printable(str(v)) if k in _OURS else shortened(printable(str(v))))
                if isinstance(v, (str, PurePosixPath)) else v for k, v in self.args.items()}
        scope = _SCOPES.get(self.path.name, "")
        args |= {f"{name}_name": messages.field_name(str(args[name]), scope) for name in FIELD_ARGS if name in args}
        text = messages.text(self.key, **args)
        if self.warning:
            text = messages.text("cli.warning_line", text=text)
        return f"{self.where}: {text}"

    def sort_key(self) -> tuple[str, int, str]:
        return (str(self.path), self.line or 0, self.key)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Order problems as the user reads them, by file then line, each reported once."""
    unique: dict[tuple[object, ...], Problem] = {}
    for p in problems:
        unique.setdefault((p.path, p.line, p.key, repr(sorted(p.args.items())), p.warning), p)
    return sorted(unique.values(), key=Problem.sort_key)


class ContentInvalid(Exception):
    """Raised once, after a stage, with every problem it found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted_problems(problems)
        super().__init__(f"{len(self.problems)} problems")


class KeyedError(Exception):
    """An error the user reads in their language: `key` is a message key, `args_` its placeholders."""

    def __init__(self, key: str, **args: object) -> None:
        self.key = key
        self.args_ = args
        super().__init__(key)


class UsageProblem(KeyedError):
    """A bad command line or folder (exit status 2), with a message key."""
