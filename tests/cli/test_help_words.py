"""Every command's --help in the user's language (newcomer17: a Chinese help showed Click's PATH, TEXT,
INTEGER RANGE, DIRECTORY and [0<=x<=64], and headed its options 选项: with an ASCII colon after 用法：),
with its two columns lined up as a terminal shows them (a Chinese word takes two columns)."""

from __future__ import annotations

import unicodedata

import pytest

from sitegen.cli import main
from sitegen.cli.group import cli

COMMANDS = sorted(cli.commands)


def _help(command: str, language: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(["--lang", language.lower(), command, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_chinese_help_has_no_click_english(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    said = _help(command, "zh-Hans", capsys)
    # break17b: build's usage said [PARTS]...; newcomer18: 用法： sitegen and [默认： content] had a space
    # after the full-width colon, which holds its own
    for english in (" PATH", " TEXT", " INTEGER", " DIRECTORY", "<=x<=", "Options", "选项:", "[PARTS]", "： "):
        assert english not in said, (english, said)
    assert "选项：" in said


@pytest.mark.parametrize("language", ["zh-Hans", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_columns_line_up(command: str, language: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _help(command, language, capsys).splitlines()
    options = lines[lines.index(next(line for line in lines if line.startswith(("选项", "Options")))) + 1:]
    starts = set()
    for line in options:
        if not line.startswith("  -") or "  " not in line.strip():
            continue
        term = line[:2 + line[2:].index("  ")]  # the option and its value name, up to two spaces
        described = len(term) + len(line[len(term):]) - len(line[len(term):].lstrip(" "))
        starts.add(_width(line[:described]))
    assert len(starts) <= 1, (starts, lines)


# An option of sitegen itself typed after a command (break17b: `sitegen build --lang en` was told only
# that build has no --lang): where it goes, with its value, in the language it asked for.
AFTER = {
    "build --lang en": (["build", "--lang", "en"],
                        "Error: --lang is an option of sitegen itself and goes before the command: sitegen --lang en build"),
    "check --lang=zh-Hant": (["check", "--lang=zh-Hant"],
                             "錯誤：--lang 是 sitegen 本身的選項，要寫在命令前面：sitegen --lang=zh-Hant check"),
    "serve with its options": (["serve", "--port", "0", "--lang", "zh-Hans"],
                               "错误：--lang 是 sitegen 本身的选项，要写在命令前面：sitegen --lang zh-Hans serve"),
}


@pytest.mark.parametrize("name", AFTER)
def test_an_option_of_sitegen_after_a_command_is_told_where_it_goes(name: str,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    arguments, said = AFTER[name]
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 2
    assert said in capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("columns", [80, 60, 50])
@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_no_help_line_is_wider_than_the_terminal(command: str, language: str, columns: int,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """break17b: a Chinese help was wrapped by characters and only at spaces: `sitegen --help` had an
    edit line 117 columns wide at 80, and at 60 `verify` was shown as "..." alone. break19c: at 50, lines
    50 wide (Click keeps at least 50 columns)."""
    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        main(["--lang", language.lower(), *([command] if command else []), "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(_width(line) for line in lines) <= columns - 2, "\n".join(lines)
    assert not any(line.strip().endswith("...") and "]" not in line for line in lines)  # not a usage line


# (text, width, lines): broken beside a wide character or at a space, never before a closing mark or after
# an opening one (the break moves back), a word longer than a line left whole
WRAPS = [
    ("核对文件夹或网址上的网站是否与生成结果完全一致（manifest.sha256）：列出被改动的文件。", 40,
     ["核对文件夹或网址上的网站是否与生成结果完", "全一致（manifest.sha256）：列出被改动的", "文件。"]),
    ("核对文件夹或网址上的网站是否与生成结果完全一致（manifest.sha256）：列出被改动的文件。", 46,
     ["核对文件夹或网址上的网站是否与生成结果完全一致", "（manifest.sha256）：列出被改动的文件。"]),
    ("从 Excel（.xlsx）导入", 12, ["从 Excel", "（.xlsx）导", "入"]),
    ("一二三四五，六", 10, ["一二三四", "五，六"]),
    ("Use this web address instead of base_url", 16, ["Use this web", "address instead", "of base_url"]),
    ("manifest.sha256.and.more", 8, ["manifest.sha256.and.more"]),
]


@pytest.mark.parametrize(("text", "width", "lines"), WRAPS)
def test_help_text_is_wrapped_as_a_terminal_shows_it(text: str, width: int, lines: list[str]) -> None:
    from sitegen.cli.help import wrap_shown

    assert wrap_shown(text, width) == lines
    assert all(_width(line) <= width for line in lines if " " in line or any(_width(c) == 2 for c in line))


# An option of another command (newcomer19: `sitegen build --port 3` was asked "did you mean --out?"), and
# lists in a Chinese line joined with 、 (newcomer19: ASCII commas in a Chinese sentence)
OTHER = {
    "build --port": (["--lang", "zh-hans", "build", "--port", "3"], "错误：build 命令没有 --port 这个选项：它是 edit、serve 命令的选项。"),
    "serve --pdf (en)": (["--lang", "en", "serve", "--pdf"],
                         "Error: The serve command has no option --pdf: it is an option of build."),
    "a mistyped command's list": (["--lang", "zh-hans", "biuld"],
                                  "错误：没有 biuld 这个命令；可用的命令：build、check、edit、export、import、init、new、serve、verify。"
                                  "您是不是想用：build？"),
}


@pytest.mark.parametrize("name", OTHER)
def test_an_option_of_another_command_is_told_whose_it_is(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    arguments, said = OTHER[name]
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 2
    assert said in capsys.readouterr().err.splitlines()
