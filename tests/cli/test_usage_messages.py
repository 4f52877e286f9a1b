"""Click's usage errors said in our catalogue (sitegen/usage.py), one case per kind of error Click raises.

The table holds what `usage_message` said before issue 13 split it (exact English; Chinese runs on
without a space before "did you mean").
"""

from __future__ import annotations

import click
import pytest

from sitegen.i18n.messages import Messages
from sitegen.usage import KeyedBadParameter, usage_message

OPTION = click.Option(["--out", "-o"])
ARGUMENT = click.Argument(["kind"], metavar="KIND")
GROUP = click.Group("sitegen", commands={"build": click.Command("build"), "check": click.Command("check")})

CASES: list[tuple[str, click.UsageError, str, str]] = [
    ("no_such_option", click.NoSuchOption("--ot"), "en", "There is no option --ot."),
    ("no_such_option_suggested", click.NoSuchOption("--ot", possibilities=["--out"]), "en",
     "There is no option --ot. Did you mean: --out?"),
    ("no_such_option_suggested_zh", click.NoSuchOption("--ot", possibilities=["--out"]), "zh-Hans",
     "没有 --ot 这个选项。您是不是想用：--out？"),
    ("no_such_command", click.exceptions.NoSuchCommand("biuld", possibilities=["build"],
                                                       ctx=click.Context(GROUP)), "en",
     "There is no command biuld; the commands are: build, check. Did you mean: build?"),
    ("keyed_bad_parameter", KeyedBadParameter("click.bad_choice", None, OPTION, value="fr", choices="en, zh-Hans"),
     "en", "--out / -o cannot be “fr”; choose one of: en, zh-Hans."),
    ("missing_option", click.MissingParameter(param=OPTION), "en", "Option --out / -o is missing."),
    ("missing_argument", click.MissingParameter(param=ARGUMENT), "en", "KIND (the kind of record) is missing."),
    ("missing_argument_zh", click.MissingParameter(param=ARGUMENT), "zh-Hans", "缺少记录种类。"),
    ("bad_value", click.BadParameter("nope", param=OPTION), "en", "The value of --out / -o is not valid."),
    ("takes_no_value", click.BadOptionUsage("--pdf", "Option '--pdf' does not take a value."), "en",
     "Option --pdf takes no value; drop the part after =."),
    ("needs_value", click.BadOptionUsage("--out", "Option '--out' requires an argument."), "en",
     "Option --out needs a value after it."),
    ("missing_command", click.UsageError("Missing command.", ctx=click.Context(GROUP)), "en",
     "Say which command to run: build, check."),
    ("extra_arguments", click.UsageError("Got unexpected extra arguments (a b)"), "en",
     "Unexpected a b; put a title with spaces in quotes."),
    ("anything_else", click.UsageError("Something new in Click"), "en", "The command line is not valid."),
]


# An option put before its command (`sitegen -q check`): the group refuses it, the command named has it.
QUIET = click.Option(["-q", "--quiet"], is_flag=True)
COMMANDS = click.Group("sitegen", commands={"build": click.Command("build", params=[click.Option(["--out"]), QUIET]),
                                            "check": click.Command("check", params=[QUIET]),
                                            "serve": click.Command("serve", params=[click.Option(["--port"])])})
BEFORE: list[tuple[str, list[str], str, str, str]] = [
    ("named_command_has_it", ["-q", "check"], "-q", "zh-Hans", "-q 是 check 命令的选项，要写在命令后面：sitegen check -q"),
    ("named_command_has_it_en", ["--out", "x", "build"], "--out", "en",
     "--out is an option of the build command and goes after it: sitegen build --out x"),  # break16: was --out alone
    ("no_command_named", ["--port", "8000"], "--port", "zh-Hans",
     "--port 是 serve 命令的选项，要写在命令后面：sitegen serve --port 8000"),
    # break16: the option's value goes with it, as typed (the line told was sitegen check --content, refused for no value)
    ("value_after_equals", ["--out=x", "build"], "--out", "zh-Hans", "要写在命令后面：sitegen build --out=x"),
    ("value_with_a_space", ["--out", "我的 网站", "build"], "--out", "zh-Hans", '要写在命令后面：sitegen build --out "我的 网站"'),
    ("flag_has_no_value", ["-q", "x", "check"], "-q", "zh-Hans", "要写在命令后面：sitegen check -q"),
    ("first_command_by_name", ["-q"], "-q", "en", "-q is an option of the build command and goes after it: sitegen build -q"),
    ("named_command_lacks_it", ["--port", "3", "build"], "--port", "zh-Hans", "没有 --port 这个选项。"),
    ("no_command_has_it", ["--nope", "build"], "--nope", "zh-Hans", "没有 --nope 这个选项。"),
    ("help_asked", ["-q", "--help"], "-q", "zh-Hans", "没有 -q 这个选项。"),  # help, not a build (break16)
]


@pytest.mark.parametrize(("arguments", "name", "language", "expected"), [c[1:] for c in BEFORE], ids=[c[0] for c in BEFORE])
def test_option_before_command(arguments: list[str], name: str, language: str, expected: str) -> None:
    error = click.NoSuchOption(name, ctx=click.Context(COMMANDS))
    said = usage_message(error, Messages(language), arguments)
    assert said == expected or (expected.startswith("要写在") and said.endswith(expected)), said


def test_option_before_command_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from sitegen.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "zh-hans", "-q", "check"])
    assert stopped.value.code == 2
    assert "-q 是 check 命令的选项，要写在命令后面：sitegen check -q" in capsys.readouterr().err


@pytest.mark.parametrize(("error", "language", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_usage_message(error: click.UsageError, language: str, expected: str) -> None:
    assert usage_message(error, Messages(language)) == expected


# newcomer17: `sitegen check content` was told 标题里有空格时，请把整个标题放在引号里 — it has no title
EXTRA = [
    (["check", "content"], "多出了 content：要指定内容文件夹，请写成 sitegen check --content content。"),
    (["serve", "我的社区/content"], "请写成 sitegen serve --content 我的社区/content。"),
    (["check", "a", "b"], "多出了 a b：这个命令不用写它，请删掉。"),
    (["verify", "a", "b"], "多出了 b：这个命令不用写它，请删掉。"),
    (["new", "活动", "国庆", "升旗"], "多出了 升旗；标题里有空格时，请把整个标题放在引号里。"),
]


@pytest.mark.parametrize(("arguments", "expected"), EXTRA, ids=[" ".join(a) for a, _ in EXTRA])
def test_words_a_command_does_not_take(arguments: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sitegen.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "zh-hans", *arguments])
    assert stopped.value.code == 2
    assert expected in capsys.readouterr().err
