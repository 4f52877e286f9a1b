"""How problems reach the terminal, for the CLI's commands and for serve: every problem on stderr (red
errors, yellow warnings on a terminal, plain when piped or NO_COLOR is set), then the count of each."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Protocol

import click

from sitegen.i18n.messages import Messages


class Reportable(Protocol):
    """A problem to print: a content Problem, or a sheet row's RowProblem."""

    @property
    def warning(self) -> bool: ...

    def render(self, messages: Messages) -> str: ...


def report_problems(messages: Messages, problems: Sequence[Reportable], counted: bool = True) -> None:
    """Print every problem to stderr (red errors, yellow warnings on a terminal), then the count of each;
    `counted` False: no count after warnings alone, where the next line says it (`check`'s 内容检查通过：
    共 8 条记录（1 条提醒）, newcomer19: said twice)."""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    for problem in problems:
        line = problem.render(messages)
        click.echo(click.style(line, fg="yellow" if problem.warning else "red") if colour else line, err=True)
    if errors or (warnings and counted):
        click.echo(messages.text("cli.problems_count", errors=len(errors), warnings=len(warnings)), err=True)
