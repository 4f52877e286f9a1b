"""`--help` in the user's language: the catalogue's texts in Click's help, and Click's own words translated."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

import click

from sitegen.errors import shown_width
from sitegen.i18n.messages import Messages, normalise_language


def before(label: str) -> str:
    """A label and the space before what it labels: one after an ASCII colon (Usage: sitegen), none
    after a full-width one, which holds its own space (用法：sitegen, not 用法： sitegen)."""
    return label if label.endswith("：") else label + " "


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


# Click's names of option types as its help shows them (longest first), and its ranges ([0<=x<=64])
_METAVARS: Final = (("INTEGER RANGE", "click.metavar_number"), ("INTEGER", "click.metavar_number"),
                    ("DIRECTORY", "click.metavar_folder"), ("PATH", "click.metavar_folder"),
                    ("TEXT", "click.metavar_text"))
_RANGE: Final = re.compile(r"(-?\d+)<=x<=(-?\d+)")


class TranslatedFormatter(click.HelpFormatter):
    """Click's own words (Usage, Options, Commands, default) in the catalogue's language."""

    def __init__(self, messages: Messages, width: int | None = None, max_width: int | None = None) -> None:
        super().__init__(width=width, max_width=max_width)
        self.messages = messages

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line with Click's placeholders in the user's words (用法： sitegen [选项] 命令 [参数]...):
        they are printed before every usage error too. Our own placeholders (KIND, FILE) stay: the
        help text names them so."""
        for english, key in (("COMMAND [ARGS]...", "click.usage_command"), ("[OPTIONS]", "click.usage_options"),
                             ("[PARTS]...", "click.usage_parts")):  # build's shard outputs, for --assemble
            args = args.replace(english, self.messages.text(key))
        super().write_usage(prog, args, prefix=before(self.messages.text("click.usage")))

    def write_heading(self, heading: str) -> None:
        """The heading as the catalogue writes it, its own colon included (选项：, not Click's 选项:)."""
        names = {"Options": "click.options", "Commands": "click.commands", "Arguments": "click.arguments"}
        text = self.messages.text(names[heading]) if heading in names else f"{heading}:"
        self.write(f"{'':>{self.current_indent}}{text}\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and their help; Click's type names (PATH, TEXT, INTEGER RANGE) and ranges (0<=x<=64)
        in the user's words (newcomer17: a Chinese help showed them in English)."""
        default = self.messages.text("click.default")
        rows = [(self._metavars(a), _RANGE.sub(lambda m: self.messages.text("click.range", low=m[1], high=m[2]), b)
                 .replace("default: ", before(default)).replace("Show this message and exit.", self.messages.text("help.opt.help")))
                for a, b in rows]
        # Click's own write_dl, the first column measured as a terminal shows it (文件夹 takes six columns)
        first_col = min(max((shown_width(a) for a, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if shown_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - shown_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = click.formatting.wrap_text(second, max(self.width - first_col - 2, 10), preserve_paragraphs=True).splitlines()
            self.write(f"{lines[0] if lines else ''}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    def _metavars(self, option: str) -> str:
        for english, key in _METAVARS:
            option = option.replace(f" {english}", f" {self.messages.text(key)}")
        return option


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
