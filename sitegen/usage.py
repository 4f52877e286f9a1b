"""Click's usage errors in the user's language: unknown option or command, missing argument, bad value.

Click words these errors in English through gettext, with no catalogue for Chinese. We read the
error's own fields (the option's name, the parameter, Click's suggestions) and say it with our
catalogue instead; a value our parameter types reject carries its message key and the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import click

from sitegen.i18n.messages import Messages

# Click raises these as plain UsageErrors or BadOptionUsage, English text only (click/core.py,
# Command.parse_args and Group.invoke; click/parser.py): which one it is is read from that text.
_TAKES_NO_VALUE: Final = "does not take a value"
_EXTRA: Final = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)$", re.DOTALL)
_MISSING_COMMAND: Final = "Missing command."


class KeyedBadParameter(click.BadParameter):
    """A rejected value, with the catalogue key that explains it and the value the user typed."""

    def __init__(self, key: str, ctx: click.Context | None, param: click.Parameter | None, **args: object) -> None:
        super().__init__(key, ctx=ctx, param=param)
        self.key = key
        self.args_ = args


class Choice(click.Choice):  # type: ignore[type-arg]
    """click.Choice whose refusal names the value and the choices in the user's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise KeyedBadParameter("click.bad_choice", ctx, param, value=value,
                                    choices=", ".join(map(str, self.choices))) from None


class IntRange(click.IntRange):
    """click.IntRange whose refusal names the value and the bounds in the user's language."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise KeyedBadParameter("click.bad_int_range", ctx, param, value=value, min=self.min,
                                    max=self.max) from None


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return " / ".join(param.opts + param.secondary_opts)
    return param.human_readable_name


def listing(names: Sequence[str], messages: Messages) -> str:
    """Names one after another as the language lists them: build、check in Chinese (newcomer19: ASCII
    commas in a Chinese sentence), build, check in English."""
    return ("、" if messages.language.startswith("zh") else ", ").join(names)


def _commands(ctx: click.Context | None, messages: Messages) -> str:
    group = ctx.command if ctx is not None else None
    while ctx is not None and not isinstance(group, click.Group):
        ctx = ctx.parent
        group = ctx.command if ctx is not None else None
    return listing(sorted(group.commands), messages) if isinstance(group, click.Group) else ""


# What a worker who reads Chinese may type for a command (简体 and 繁體), and the command it is: Click's own
# suggestions come from the spelling alone and find none for these (`sitegen 生成` was told only the list).
COMMAND_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("生成", "生成网站", "生成網站", "构建", "構建", "建站", "编译", "編譯", "发布", "發布", "制作", "製作"), "build"),
    **dict.fromkeys(("检查", "檢查", "检查内容", "檢查內容", "校验", "校驗", "查错", "查錯"), "check"),
    **dict.fromkeys(("预览", "預覽", "本地预览", "本地預覽", "预览网站", "預覽網站", "服务", "服務"), "serve"),
    **dict.fromkeys(("新建", "新增", "添加", "创建", "創建", "新记录", "新記錄"), "new"),
    **dict.fromkeys(("初始化", "新建网站", "新建網站", "创建网站", "創建網站"), "init"),
    **dict.fromkeys(("核对", "核對", "验证", "驗證", "核验", "核驗"), "verify"),
    **dict.fromkeys(("导入", "導入", "导入表格", "導入表格"), "import"),
    **dict.fromkeys(("导出", "導出", "导出表格", "導出表格"), "export"),
    **dict.fromkeys(("编辑", "編輯", "编辑器", "編輯器", "修改"), "edit"),
    **dict.fromkeys(("帮助", "幫助", "help", "说明", "說明", "使用说明", "使用說明"), "--help"),
    **dict.fromkeys(("版本", "version"), "--version"),
}


def _did_you_mean(line: str, possibilities: list[str] | None, messages: Messages) -> str:
    """`line`, then Click's suggestions when it has some."""
    if not possibilities:
        return line
    space = "" if messages.language.startswith("zh") else " "  # Chinese sentences follow on without one
    return line + space + messages.text("click.did_you_mean", names=listing(possibilities, messages))


def _parameter_message(error: click.BadParameter | click.MissingParameter, messages: Messages) -> str:
    """A value refused (by our own types with their key, else plainly) or a parameter missing."""
    text = messages.text
    if isinstance(error, KeyedBadParameter):
        return text(error.key, param=_param_name(error.param), **error.args_)
    if isinstance(error, click.MissingParameter):
        if isinstance(error.param, click.Option):
            return text("click.missing_option", name=_param_name(error.param))
        name = _param_name(error.param)
        said = text(f"click.argument.{name}")  # TITLE said as 标题（TITLE） (newcomer19: 缺少 TITLE。)
        return text("click.missing_argument", name=said if said != f"click.argument.{name}" else name)
    return text("click.bad_value", param=_param_name(error.param))


def _option(command: click.Command | None, name: str) -> click.Option | None:
    """`command`'s option spelt `name` (any of its spellings, --quiet or -q), or None."""
    params = command.params if command is not None else []
    return next((p for p in params if isinstance(p, click.Option) and name in (*p.opts, *p.secondary_opts)), None)


def _owner(error: click.NoSuchOption, arguments: Sequence[str]) -> str | None:
    """The command an option unknown to the group belongs to, when it was put before the command
    (`sitegen -q check`): the command named in `arguments` when it has that option, else the first
    command (by name) that has it; None when the option was refused by a command, or no command has it."""
    group = error.ctx.command if error.ctx is not None else None
    if not isinstance(group, click.Group):
        return None

    def has(name: str) -> bool:
        return _option(group.commands.get(name), error.option_name) is not None

    named = [a for a in arguments if a in group.commands]
    if named:
        return named[0] if has(named[0]) else None
    if "--help" in arguments or "-h" in arguments:  # `sitegen -q --help` asks for help, not for a build
        return None
    return next((name for name in sorted(group.commands) if has(name)), None)


def _group_option(error: click.NoSuchOption) -> tuple[str, bool] | None:
    """(the command, whether the option takes a value) when a command refused an option of sitegen
    itself, typed after the command (`sitegen build --lang en`); None otherwise."""
    ctx = error.ctx
    if ctx is None or ctx.parent is None or not isinstance(ctx.parent.command, click.Group) or ctx.info_name is None:
        return None
    option = _option(ctx.parent.command, error.option_name)
    return (ctx.info_name, not option.is_flag) if option is not None else None


def _other_owners(error: click.NoSuchOption) -> list[str]:
    """The other commands (by name) that have the option a command refused: `--port` is serve's and
    edit's when build is given it; [] when none has it or the option was refused by the group."""
    ctx = error.ctx
    if ctx is None or ctx.parent is None or not isinstance(ctx.parent.command, click.Group):
        return []
    group = ctx.parent.command
    return sorted(name for name, command in group.commands.items()
                  if name != ctx.info_name and _option(command, error.option_name) is not None)


def _as_typed(error: click.NoSuchOption, owner: str, arguments: Sequence[str]) -> str:
    """The option as typed with its value, to be moved after the command `owner` as a whole
    (--content x, --content=x, --content "我的 网站"): the option alone when `owner` takes it as a flag or
    no value follows it."""
    name = error.option_name
    group = error.ctx.command if error.ctx is not None else None
    command = group.commands.get(owner) if isinstance(group, click.Group) else None
    option = _option(command, name)
    return _with_value(name, option is not None and not option.is_flag, arguments, owner)


def _with_value(name: str, takes: bool, arguments: Sequence[str], command: str) -> str:
    """Option `name` as typed in `arguments`, with the value after it when it `takes` one (never the
    `command`'s own name): `--lang en`, `--lang=en`, or the option alone."""
    for index, argument in enumerate(arguments):
        if argument.startswith(name + "=") or (argument == name and not takes):
            return argument
        if argument == name and index + 1 < len(arguments) and arguments[index + 1] != command:
            return f"{name} {shell_word(arguments[index + 1])}"
    return name


def usage_message(error: click.UsageError, messages: Messages, arguments: Sequence[str] = ()) -> str:
    """One line (or two) saying what was wrong with the command line, without Click's English;
    `arguments` (the command line as typed, without the program) names the command an option put
    before it belongs to."""
    text = messages.text
    if isinstance(error, click.NoSuchOption):
        owner = _owner(error, arguments)
        if owner is not None:
            return text("click.option_before_command", name=error.option_name, command=owner,
                        typed=_as_typed(error, owner, arguments))
        group_option = _group_option(error)
        if group_option is not None:  # `sitegen build --lang en` (break17b): sitegen's own, before the command
            command, takes = group_option
            return text("click.option_after_command", name=error.option_name, command=command,
                        typed=_with_value(error.option_name, takes, arguments, command))
        others = _other_owners(error)
        if others:  # `sitegen build --port 3` (newcomer19: told only "did you mean --out?")
            return text("click.option_of_other_command", name=error.option_name, owners=listing(others, messages),
                        command=error.ctx.info_name if error.ctx is not None else "")
        return _did_you_mean(text("click.no_such_option", name=error.option_name), error.possibilities, messages)
    if isinstance(error, click.exceptions.NoSuchCommand):
        line = text("click.no_such_command", name=error.command_name, commands=_commands(error.ctx, messages))
        meant = COMMAND_WORDS.get((error.command_name or "").strip())
        return _did_you_mean(line, [meant] if meant else error.possibilities, messages)
    if isinstance(error, click.BadParameter):  # MissingParameter and our KeyedBadParameter are ones too
        return _parameter_message(error, messages)
    if isinstance(error, click.BadOptionUsage):
        flag = _TAKES_NO_VALUE in error.message
        return text("click.option_takes_no_value" if flag else "click.option_needs_value", name=error.option_name)
    if error.message == _MISSING_COMMAND:
        return text("click.missing_command", commands=_commands(error.ctx, messages))
    extra = _EXTRA.match(error.message)
    if extra:
        return _extra_message(error.ctx, extra.group("args"), messages)
    return text("click.bad_usage")


def _extra_message(ctx: click.Context | None, args: str, messages: Messages) -> str:
    """Words a command does not take: `sitegen new`'s title is told to be quoted; a folder typed after a
    command that takes none (`sitegen check content`, newcomer17: it was told to quote a title) is told
    `--content`; any other word, to be removed (the line after the message names the command's help)."""
    command = ctx.command if ctx is not None else None
    if command is None or ctx is None:
        return messages.text("click.extra_arguments", args=args)
    arguments = [p.name for p in command.params if isinstance(p, click.Argument)]
    if "title" in arguments:
        return messages.text("click.extra_arguments", args=args)
    if not arguments and any(p.name == "content" for p in command.params):
        key, values = extra_words([args] if Path(args).is_dir() else args.split(), ctx.command_path)
        return messages.text(key, **values)
    return messages.text("click.extra_words", args=args)


def extra_words(words: Sequence[str], command: str) -> tuple[str, dict[str, str]]:
    """The message key and its values for `words` after a command that takes --content and no folder:
    one folder is told `--content` (in quotes when its name has a space: break17b, `sitegen check "我的 社区"`
    was told to remove it), more words to be removed."""
    args = " ".join(words)
    if len(words) != 1:
        return "click.extra_words", {"args": args}
    # a site's folder typed for its content folder (sitegen serve 我的社区, from the folder holding it): the
    # content folder in it is the one to name (s17: --content 我的社区 then found no site.yaml)
    folder = f"{args}/content" if is_site(Path(args)) else args
    return "click.extra_folder", {"args": args, "command": command, "typed": shell_word(folder)}


def is_site(folder: Path) -> bool:
    """Whether `folder` is a site's folder as `sitegen init` makes one: its content folder holds site.yaml."""
    return (folder / "content" / "site.yaml").is_file()


def shell_word(text: str) -> str:
    """`text` as typed on a command line: in double quotes when it is empty or holds a space (我的 社区)."""
    return f'"{text}"' if not text or any(c.isspace() for c in text) else text
