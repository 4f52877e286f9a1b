"""`sitegen serve` (the site on this computer, rebuilt on every change) and `sitegen edit` (the editor)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sitegen.cli.app import App
from sitegen.cli.errors import guarded
from sitegen.cli.group import cli
from sitegen.cli.options import content_dir, content_option, out_option, output_dir, theme_option
from sitegen.options import Options
from sitegen.reporting import report_problems
from sitegen.usage import IntRange


@cli.command(help="help.edit")
@content_option
@out_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8765, show_default=True, help="help.opt.port")
@click.option("--open", "open_browser", is_flag=True, help="help.opt.open")
@click.pass_obj
@guarded
def edit(app: App, content: Path, out: Path, port: int, open_browser: bool) -> None:
    from sitegen.edit.server import run_editor

    content = content_dir(content)
    output_dir(content, out)
    run_editor(content, out, port, open_browser, app.messages(content))


@cli.command(help="help.serve")
@content_option
@out_option
@click.option("--port", "-p", type=IntRange(0, 65535), default=8000, show_default=True, help="help.opt.port")
@click.option("--open", "open_browser", is_flag=True, help="help.opt.open")
@click.option("--drafts", is_flag=True, help="help.opt.drafts")
@theme_option
@click.pass_obj
@guarded
def serve(app: App, content: Path, out: Path, port: int, open_browser: bool, drafts: bool, theme: Path | None) -> None:
    from sitegen.pipeline.inputs import absolute
    from sitegen.serve import run_server
    from sitegen.street.config import is_street

    content = content_dir(content)
    output_dir(content, out)
    # Kept by where they are now: every build swaps `out` whole, and a working folder inside it
    # (`--out .`, `--content ../content`) becomes the old copy.
    content, out = absolute(content), absolute(out)
    street: Callable[..., Any] | None = None
    if is_street(content):  # a street folder: its build in place of the single site's
        from sitegen.street.build import serve_build

        street = serve_build
    options = Options(drafts=drafts, language=app.lang, theme=theme)
    messages = app.messages(content)
    relabel = refresh = None
    if street is None:  # a street's community served on its own: as the street has it (street/lone.py)
        from sitegen.street.lone import as_in_street, as_lone, in_street

        lone, options, met = in_street(content, options)
        report_problems(messages, met)
        if lone is not None:
            relabel, refresh = functools.partial(as_lone, lone), functools.partial(as_in_street, content)
    run_server(content, out, port, open_browser, options, messages, street, relabel, refresh)
