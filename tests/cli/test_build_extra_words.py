"""Words after `sitegen build` in a community's site are what 34b8edd tells other commands (break17b:
`sitegen build content` was told `--assemble 只用于街道`, an option never typed: build's [PARTS] are the
street's shard outputs, and took the folder in before the extra-words message could say it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

CASES = [
    # (the command line after `sitegen`, the words the message must hold)
    (["build", "content"], "多出了 content：要指定内容文件夹，请写成 sitegen build --content content。"),
    (["build", "我的 社区"], '多出了 我的 社区：要指定内容文件夹，请写成 sitegen build --content "我的 社区"。'),
    (["build", "a", "b"], "多出了 a b：这个命令不用写它，请删掉。"),
    (["build", "--assemble", "a"], "--assemble 只用于街道"),  # typed: still told it is a street's
    (["build", "--shard", "1/2", "a"], "--shard 只用于街道"),
]


@pytest.mark.parametrize(("line", "said"), CASES, ids=["content", "spaced", "two", "assemble", "shard"])
def test_words_after_build_are_told_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: list[str],
                                               said: str) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yaml").write_text("name: 社区\nbase_url: https://a.example.org/\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(*line, env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 2 and said in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["check", "serve", "build"])
def test_a_folder_with_a_space_after_a_command_is_told_in_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str], command: str) -> None:
    """break17b: `sitegen check "我的 社区"` (one word, a folder that is there) was told to remove it."""
    from sitegen.cli import main

    (tmp_path / "我的 社区" / "content").mkdir(parents=True)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yaml").write_text("name: 社区\nbase_url: https://a.example.org/\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "zh-hans", command, "我的 社区"])
    assert stopped.value.code == 2
    assert f'请写成 sitegen {command} --content "我的 社区"。' in capsys.readouterr().err


@pytest.mark.parametrize(("folder", "told"), [("我的社区", "我的社区/content"), ("我的 社区", '"我的 社区/content"'),
                                              ("我的社区/content", "我的社区/content")])
@pytest.mark.parametrize("command", ["check", "serve"])  # build, with no content folder here, is told to cd first
def test_a_site_folder_is_told_its_content_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str], command: str, folder: str,
                                                  told: str) -> None:
    """s17 (helper-86): `sitegen serve 我的社区`, the site's folder typed from the one holding it, was told
    --content 我的社区, which then found no site.yaml: the content folder in it is the one to name."""
    from sitegen.cli import main

    site = tmp_path / folder.split("/")[0]
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.yaml").write_text("name: 社区\nbase_url: https://a.example.org/\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "zh-hans", command, folder])
    assert stopped.value.code == 2
    assert f"请写成 sitegen {command} --content {told}。" in capsys.readouterr().err
