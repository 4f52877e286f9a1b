"""The usage line of `sitegen --help`, of each command's help and before each usage error, in the reader's
language throughout (session 21: a Chinese usage line said `sitegen new [选项] KIND TITLE`, `init [选项] DIR`,
`verify [选项] [DIR|URL]` beside `build [选项] [分片输出文件夹]...`; the help texts named KIND and DIR).

Each row: the language, the command, and the first line of its --help, whole.
"""

from __future__ import annotations

import re

import pytest

from sitegen.cli import main
from sitegen.cli.group import cli

LINES = {
    "zh-Hans": {"": "sitegen [选项] 命令 [参数]...", "build": "sitegen build [选项] [分片输出文件夹]...",
                "check": "sitegen check [选项]", "init": "sitegen init [选项] 文件夹", "new": "sitegen new [选项] 种类 标题",
                "serve": "sitegen serve [选项]", "import": "sitegen import [选项] 种类 表格文件",
                "export": "sitegen export [选项] 种类 表格文件", "edit": "sitegen edit [选项]",
                "verify": "sitegen verify [选项] [文件夹|网址]"},
    "zh-Hant": {"": "sitegen [選項] 命令 [參數]...", "build": "sitegen build [選項] [分片輸出文件夾]...",
                "check": "sitegen check [選項]", "init": "sitegen init [選項] 文件夾", "new": "sitegen new [選項] 種類 標題",
                "serve": "sitegen serve [選項]", "import": "sitegen import [選項] 種類 表格文件",
                "export": "sitegen export [選項] 種類 表格文件", "edit": "sitegen edit [選項]",
                "verify": "sitegen verify [選項] [文件夾|網址]"},
    "en": {"": "sitegen [OPTIONS] COMMAND [ARGS]...", "build": "sitegen build [OPTIONS] [SHARD_OUTPUTS]...",
           "check": "sitegen check [OPTIONS]", "init": "sitegen init [OPTIONS] DIR", "new": "sitegen new [OPTIONS] KIND TITLE",
           "serve": "sitegen serve [OPTIONS]", "import": "sitegen import [OPTIONS] KIND FILE",
           "export": "sitegen export [OPTIONS] KIND FILE", "edit": "sitegen edit [OPTIONS]",
           "verify": "sitegen verify [OPTIONS] [DIR|URL]"},
}
PREFIX = {"zh-Hans": "用法：", "zh-Hant": "用法：", "en": "Usage: "}
ROWS = [(language, command, PREFIX[language] + line) for language, lines in LINES.items() for command, line in lines.items()]


def _help(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 0
    return capsys.readouterr().out


def test_every_command_has_a_row() -> None:
    assert all(set(lines) == {"", *cli.commands} for lines in LINES.values())


@pytest.mark.parametrize(("language", "command", "line"), ROWS, ids=[f"{r[0]}-{r[1] or 'sitegen'}" for r in ROWS])
def test_the_usage_line_reads_in_the_readers_language(language: str, command: str, line: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    said = _help(["--lang", language.lower(), *([command] if command else []), "--help"], capsys)
    assert said.splitlines()[0] == line


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("command", ["", *sorted(cli.commands)])
def test_a_chinese_help_names_no_english_placeholder(command: str, language: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    said = _help(["--lang", language.lower(), *([command] if command else []), "--help"], capsys)
    assert not re.findall(r"\b(?:KIND|TITLE|DIR|FILE|URL|OPTIONS|SHARD_OUTPUTS)\b", said), said


# a missing argument is named as the usage line above it names it
MISSING = [(["new"], "用法：sitegen new [选项] 种类 标题", "错误：缺少记录种类。"),
           (["new", "页面"], "用法：sitegen new [选项] 种类 标题", "错误：缺少标题。"),
           (["init"], "用法：sitegen init [选项] 文件夹", "错误：缺少文件夹。"),
           (["export", "活动"], "用法：sitegen export [选项] 种类 表格文件", "错误：缺少表格文件。")]


@pytest.mark.parametrize(("arguments", "usage", "error"), MISSING, ids=[" ".join(m[0]) for m in MISSING])
def test_a_missing_argument_is_named_in_the_usage_lines_words(arguments: list[str], usage: str, error: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "zh-hans", *arguments])
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[:2] == [usage, error]
