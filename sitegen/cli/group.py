"""The `sitegen` command group; the command modules add their commands to it."""

from __future__ import annotations

import click

from sitegen import __version__
from sitegen.cli.app import App
from sitegen.cli.help import TranslatedGroup
from sitegen.i18n.messages import LANGUAGES, normalise_language
from sitegen.usage import Choice


@click.group(cls=TranslatedGroup, context_settings={"help_option_names": ["-h", "--help"]}, help="help.cli")
@click.version_option(__version__, "--version", prog_name="sitegen", help="help.opt.version")
@click.option("--lang", type=Choice(LANGUAGES, case_sensitive=False), default=None, help="help.opt.lang")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    ctx.obj = App(lang=normalise_language(lang) if lang else None)
