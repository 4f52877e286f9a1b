"""The command line: build, check, init, new, import, export, edit, serve, verify.

Exit 0 ok, 1 invalid content, 2 bad usage (the other codes are in `sitegen.cli.app`). `cli` is the Click
group (`group.py`); each command family has a module that adds its commands to it; `errors.guarded` turns
every failure into a message in the user's language; `main` is the `sitegen` script's entry point.
"""

from __future__ import annotations

import sys

import click

from sitegen.cli import building, scaffolding, serving, sheets, verifying  # noqa: F401 - they add the commands
from sitegen.cli.app import EXIT_INTERRUPTED, EXIT_USAGE, messages_for
from sitegen.cli.group import cli
from sitegen.cli.help import argv_content, argv_language, localise
from sitegen.runtime import exit_now
from sitegen.usage import usage_message

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run `sitegen` with argv (default sys.argv[1:]); exits with the command's code, never returns."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    messages = messages_for(argv_language(arguments), argv_content(arguments))
    localise(cli, messages)
    try:
        result = cli.main(args=arguments, prog_name="sitegen", standalone_mode=False, messages=messages)
        code = result if isinstance(result, int) else 0
        if argv is None:  # a real run: everything is written and saved; skip freeing a large heap one object at a time
            exit_now(code)
        sys.exit(code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.exceptions.NoArgsIsHelpError as e:  # `sitegen` alone: the help, in the user's language
        click.echo(e.ctx.get_help(), err=True)
        sys.exit(EXIT_USAGE)
    except click.UsageError as e:  # Click's own usage errors: exit 2, message in the user's language
        if e.ctx is not None:
            click.echo(e.ctx.get_usage(), err=True)
        click.echo(f"{messages.text('click.error')} {usage_message(e, messages)}", err=True)
        if e.ctx is not None:
            click.echo(messages.text("click.see_help", command=e.ctx.command_path), err=True)
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo(messages.text("cli.interrupted"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
