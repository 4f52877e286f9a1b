"""`--help` in the user's language: the catalogue's texts in Click's help, and Click's own words translated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sitegen.i18n.messages import Messages, normalise_language


def localise(group: click.Group, messages: Messages) -> None:
    """Put the catalogue's texts into Click's help: `--help` reads in the user's language."""

    keys: dict[int, str] = getattr(localise, "keys", {})  # the catalogue key of each help text, kept across calls
    localise.keys = keys  # type: ignore[attr-defined]

    def text(owner: object, current: str | None) -> str | None:
        if current and current.startswith("help."):
            keys[id(owner)] = current
        key = keys.get(id(owner))
        return messages.text(key) if key else current

    def apply(command: click.Command) -> None:
        command.help = text(command, command.help)
        command.short_help = None
        for param in command.params:
            if isinstance(param, click.Option):
                param.help = text(param, param.help)

    apply(group)
    for command in group.commands.values():
        apply(command)


class TranslatedFormatter(click.HelpFormatter):
    """Click's own words (Usage, Options, Commands, default) in the catalogue's language."""

    def __init__(self, messages: Messages, width: int | None = None, max_width: int | None = None) -> None:
        super().__init__(width=width, max_width=max_width)
        self.messages = messages

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line with Click's placeholders in the user's words (用法： sitegen [选项] 命令 [参数]...):
        they are printed before every usage error too. Our own placeholders (KIND, FILE) stay: the
        help text names them so."""
        for english, key in (("COMMAND [ARGS]...", "click.usage_command"), ("[OPTIONS]", "click.usage_options")):
            args = args.replace(english, self.messages.text(key))
        super().write_usage(prog, args, prefix=self.messages.text("click.usage") + " ")

    def write_heading(self, heading: str) -> None:
        names = {"Options": "click.options", "Commands": "click.commands", "Arguments": "click.arguments"}
        text = self.messages.text(names[heading]).rstrip(":：") if heading in names else heading
        super().write_heading(text)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        default = self.messages.text("click.default")
        rows = [(a, b.replace("default:", default).replace("Show this message and exit.",
                                                            self.messages.text("help.opt.help")))
                for a, b in rows]
        super().write_dl(rows, col_max, col_spacing)


class TranslatedContext(click.Context):
    """A context whose help speaks the user's language: `messages` is given to the root context
    (cli.main(messages=…)) and inherited by each command's; Click's own classes stay untouched."""

    messages: Messages

    def __init__(self, *args: Any, messages: Messages | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inherited = self.parent.messages if isinstance(self.parent, TranslatedContext) else Messages("en")
        self.messages = messages or inherited

    def make_formatter(self) -> click.HelpFormatter:
        return TranslatedFormatter(self.messages, width=self.terminal_width, max_width=self.max_content_width)


class TranslatedCommand(click.Command):
    """A command whose context is a TranslatedContext."""

    context_class = TranslatedContext


class TranslatedGroup(click.Group):
    """The group whose commands (and itself) get TranslatedContexts."""

    context_class = TranslatedContext
    command_class = TranslatedCommand


def argv_language(argv: list[str]) -> str | None:
    """The --lang of a command line, read before Click parses it (its errors need the language too)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return normalise_language(argv[index + 1])
        if arg.startswith("--lang="):
            return normalise_language(arg.split("=", 1)[1])
    return None


def argv_content(argv: list[str]) -> Path:
    """The --content of a command line (default "content"), whose site.yaml may name the language."""
    for index, arg in enumerate(argv):
        if arg == "--content" and index + 1 < len(argv):
            return Path(argv[index + 1])
        if arg.startswith("--content="):
            return Path(arg.split("=", 1)[1])
    return Path("content")
