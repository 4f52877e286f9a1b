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
    ("missing_argument", click.MissingParameter(param=ARGUMENT), "en", "KIND is missing."),
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


@pytest.mark.parametrize(("error", "language", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_usage_message(error: click.UsageError, language: str, expected: str) -> None:
    assert usage_message(error, Messages(language)) == expected
