"""A command typed as a Chinese word (`sitegen 生成`): Click's suggestions come from the spelling alone and
had none, so a worker who reads Chinese was given the list of commands and no hint which one is theirs.
Each row: the word (简体 or 繁體) and the command it is told (sitegen/usage.py COMMAND_WORDS)."""

from __future__ import annotations

import pytest

from sitegen.cli import main

ROWS = [("生成", "build"), ("生成網站", "build"), ("构建", "build"), ("发布", "build"), ("检查", "check"),
        ("檢查", "check"), ("校验", "check"), ("预览", "serve"), ("預覽", "serve"), ("新建", "new"), ("添加", "new"),
        ("初始化", "init"), ("创建网站", "init"), ("核对", "verify"), ("驗證", "verify"), ("导入", "import"),
        ("導出", "export"), ("编辑", "edit"), ("編輯器", "edit"),
        ("帮助", "--help"), ("help", "--help")]  # the newcomer of s22


def _said(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(("word", "command"), ROWS)
def test_a_chinese_word_for_a_command_is_told_the_command(word: str, command: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    said = _said(["--lang", "zh-Hans", word], capsys)
    assert f"没有 {word} 这个命令" in said and f"您是不是想用：{command}？" in said, said


def test_a_misspelt_command_is_still_told_by_its_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    assert "您是不是想用：build？" in _said(["--lang", "zh-Hans", "biuld"], capsys)


def test_a_word_that_is_no_command_is_told_the_list_alone(capsys: pytest.CaptureFixture[str]) -> None:
    said = _said(["--lang", "zh-Hans", "你好"], capsys)
    assert "可用的命令" in said and "您是不是想用" not in said
