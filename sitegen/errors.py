"""Problems a community worker must fix, each pointing at a file and a line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitegen.i18n.messages import Messages


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
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def render(self, messages: Messages) -> str:
        text = messages.text(self.key, **self.args)
        if self.warning:
            text = messages.text("cli.warning_prefix") + text
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


class UsageProblem(Exception):
    """A bad command line or folder (exit status 2), with a message key."""

    def __init__(self, key: str, **args: object) -> None:
        self.key = key
        self.args_ = args
        super().__init__(key)
