"""The command line: build, check, init, new, import, export, edit, serve, verify.

Exit 0 ok, 1 invalid content, 2 bad usage (the other codes are in `sitegen.cli.app`). `cli` is the Click
group (`group.py`); each command family has a module that adds its commands to it; `errors.guarded` turns
every failure into a message in the user's language; `main` is the `sitegen` script's entry point.
"""

from __future__ import annotations

import os
import signal
import sys
import threading


def _interrupted_while_loading(*_: object) -> None:
    """Ctrl-C while sitegen's modules load (the first tenth of a second): nothing is written yet, so
    stop with the interrupted exit code (EXIT_INTERRUPTED, cli/app.py) instead of Python's traceback."""
    raise SystemExit(130)


# Only in a plain process's main thread (the `sitegen` script), never over a host's own handler.
_LOADING = threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.default_int_handler
if _LOADING:
    signal.signal(signal.SIGINT, _interrupted_while_loading)

import click  # noqa: E402 - loaded after the handler above, as is the rest

from sitegen.cli.pipes import forgive_closed_stdout  # noqa: E402
from sitegen.cli import building, scaffolding, serving, sheets, verifying  # noqa: E402, F401 - they add the commands
from sitegen.cli.app import EXIT_INTERRUPTED, EXIT_USAGE, messages_for  # noqa: E402
from sitegen.cli.group import cli  # noqa: E402
from sitegen.cli.help import argv_content, argv_language, before, localise  # noqa: E402
from sitegen.i18n.messages import Messages  # noqa: E402
from sitegen.runtime import exit_now  # noqa: E402
from sitegen.usage import usage_message  # noqa: E402

if _LOADING:  # loaded: from here on Ctrl-C is KeyboardInterrupt, which `errors.guarded` reports
    signal.signal(signal.SIGINT, signal.default_int_handler)

__all__ = ["cli", "main"]


def _messages(arguments: list[str]) -> Messages:
    """The catalogues for `arguments`, loaded before `errors.guarded` is there to report Ctrl-C: a
    Ctrl-C meanwhile stops quietly, as while the modules load."""
    if _LOADING:
        signal.signal(signal.SIGINT, _interrupted_while_loading)
    try:
        messages = messages_for(argv_language(arguments), argv_content(arguments))
        localise(cli, messages)
        return messages
    finally:
        if _LOADING:
            signal.signal(signal.SIGINT, signal.default_int_handler)


def main(argv: list[str] | None = None) -> None:
    """Run `sitegen` with argv (default sys.argv[1:]); exits with the command's code, never returns."""
    if argv is None:  # a real run (the `sitegen` script), not a host calling main
        # Content is validated by sitegen's schemas alone, the same on every machine: no pydantic plugin
        # installed for another program hooks it (pydantic docs, "Plugins": PYDANTIC_DISABLE_PLUGINS), and the
        # first record validated no longer scans every installed distribution's entry points (20 ms a rebuild).
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        forgive_closed_stdout()  # `sitegen build | head -1`: the reader leaving is not a disk error (cli/pipes.py)
    arguments = list(sys.argv[1:] if argv is None else argv)
    messages = _messages(arguments)
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
        click.echo(before(messages.text("click.error")) + usage_message(e, messages, arguments), err=True)
        if e.ctx is not None:
            click.echo(messages.text("click.see_help", command=e.ctx.command_path), err=True)
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo(messages.text("cli.interrupted"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
