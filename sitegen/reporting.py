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


def built_counts(messages: Messages, pages: int, copies: int, trees: int, posters: int, photos: int) -> dict[str, object]:
    """The counts a "built" line says (cli.build_done, cli.build_same): the pages, and when they have copies
    in other trees, how many web pages those make with them (`copies`: the HTML files of pages in every tree;
    `trees`: 2 with 长辈版, 4 with 繁體 too). A worker who counted 483 files in output/ after being told
    108 pages had no way to tell the two apart (newcomer19). A cache that did not count copies (0): none said."""
    key = "cli.pages" if copies <= pages else "cli.pages_copies_all" if trees > 2 else "cli.pages_copies_care"
    return {"pages": pages, "pages_said": messages.text(key, pages=pages, copies=copies), "posters": posters,
            "photos": photos}
