"""`--help` in the user's language: the catalogue's texts in Click's help, and Click's own words translated."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, Final

import click

from sitegen.errors import shown_width
from sitegen.i18n.messages import Messages, normalise_language


# Never at a line's start (closing marks) or end (opening marks): JIS X 4051 / W3C "Requirements for
# Chinese Text Layout" §3.1.7, 禁则 (kinsoku) as Chinese typesetting applies it.
_NO_START: Final = frozenset("，。、；：？！）」』”’》〉】…—·,.;:?!)]}%")
_NO_END: Final = frozenset("（「『“‘《〈【([{")
# A unit of text never broken inside: a run of characters that are neither wide nor spaces (a word, an
# option, an address such as 127.0.0.1), a wide character, or a run of spaces.
_UNIT: Final = re.compile(r"[^\s\u1100-\uffff]+|\s+|.", re.S)


def wrap_shown(text: str, width: int) -> list[str]:
    """`text` (one paragraph) as lines of at most `width` terminal columns (errors.shown_width: a Chinese
    character takes two), broken at spaces (dropped there) or beside a wide character, never before a
    closing mark or after an opening one (the break moves back to the last place allowed); a word
    longer than a line is left whole. Click's textwrap breaks only at spaces and counts characters, so
    a Chinese help ran 117 columns wide at 80 (break17b)."""
    lines: list[str] = []
    units: list[str] = []  # the line being filled
    for unit in _UNIT.findall(" ".join(text.split())):
        if unit.isspace() and not units:
            continue
        units.append(unit)
        if shown_width("".join(units).rstrip()) > width and (cut := _last_break(units)) is not None:
            lines.append("".join(units[:cut]).rstrip())
            units = units[cut:]
            while units and units[0].isspace():
                units.pop(0)
    if "".join(units).strip():
        lines.append("".join(units).rstrip())
    return lines


def _last_break(units: list[str]) -> int | None:
    """Where the last allowed break in a line of `units` falls (the index of the unit starting the next
    line), or None: at a space, or between two units one of which ends or starts with a wide character,
    the later not a closing mark and the earlier not an opening one."""
    for index in range(len(units) - 1, 0, -1):
        after, before_it = units[index], units[index - 1]
        if after.isspace() or before_it.isspace():
            return index
        wide = shown_width(after[0]) == 2 or shown_width(before_it[-1]) == 2
        if wide and after[0] not in _NO_START and before_it[-1] not in _NO_END:
            return index
    return None


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
        """`width` None: the terminal's columns less two (as Click), at most `max_width` (80), at least 40,
        not Click's 50 (break19c: at COLUMNS=50 lines 50 columns wide, past the two kept free)."""
        if width is None and click.formatting.FORCED_WIDTH is None:
            width = max(min(shutil.get_terminal_size().columns, max_width or 80) - 2, 40)
        super().__init__(width=width, max_width=max_width)
        self.messages = messages

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, its placeholders already in the user's words (usage_pieces), after 用法：."""
        super().write_usage(prog, args, prefix=before(self.messages.text("click.usage")))

    def write_text(self, text: str) -> None:
        """A command's description, each paragraph wrapped as the terminal shows it (wrap_shown)."""
        indent = " " * self.current_indent
        for number, paragraph in enumerate(text.split("\n\n")):
            self.write("\n" if number else "")
            for line in wrap_shown(paragraph, max(self.width - self.current_indent, 10)):
                self.write(f"{indent}{line}\n")

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
            lines = wrap_shown(second, max(self.width - first_col - self.current_indent, 10))
            self.write(f"{lines[0] if lines else ''}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    def _metavars(self, option: str) -> str:
        for english, key in _METAVARS:
            option = option.replace(f" {english}", f" {self.messages.text(key)}")
        return option


# The usage line's placeholders, Click's and our arguments' metavars (cli/*.py), each said by the catalogue:
# 用法：sitegen new [选项] 种类 标题 (session 21: a Chinese usage line said KIND TITLE, DIR, FILE, [DIR|URL]
# beside [选项] and [分片输出文件夹]). tests/cli/test_usage_lines.py holds every command to it.
USAGE_KEYS: Final = {"[OPTIONS]": "click.usage_options", "COMMAND [ARGS]...": "click.usage_command",
                     "[PARTS]...": "click.usage_parts",  # build's shard outputs, for --assemble
                     "KIND": "click.usage_kind", "TITLE": "click.usage_title", "DIR": "click.usage_dir",
                     "FILE": "click.usage_file", "[DIR|URL]": "click.usage_target"}


def usage_pieces(pieces: list[str], messages: Messages) -> list[str]:
    """A usage line's pieces (Click's collect_usage_pieces: `[OPTIONS]`, `KIND`, `[PARTS]...`) in the
    catalogue's words; a piece without a key stays as it is."""
    return [messages.text(USAGE_KEYS[piece]) if piece in USAGE_KEYS else piece for piece in pieces]


def _messages(ctx: click.Context) -> Messages:
    return ctx.messages if isinstance(ctx, TranslatedContext) else Messages("en")


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

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """The usage line's placeholders in the user's words (usage_pieces)."""
        return usage_pieces(super().collect_usage_pieces(ctx), _messages(ctx))


class TranslatedGroup(click.Group):
    """The group whose commands (and itself) get TranslatedContexts."""

    context_class = TranslatedContext
    command_class = TranslatedCommand

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """The usage line's placeholders in the user's words (usage_pieces)."""
        return usage_pieces(super().collect_usage_pieces(ctx), _messages(ctx))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole help, wrapped as the terminal shows it (write_dl): Click cut
        it at a count of characters taken for columns, and a Chinese help too long for one "word"
        became "..." alone (`verify  ...` at 60 columns)."""
        rows = [(name, command.get_short_help_str(limit=1000)) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


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
