"""Run where the content folder is not, a command says where the site is (newcomer17: `sitegen build`
in the folder holding 我的社区, or inside its content folder, was told only 找不到内容文件夹 content)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

CASES = [
    # (folders to make, where to run, the words the message must hold)
    (["我的社区/content"], ".", "网站在“我的社区”文件夹里。请先运行 cd 我的社区，再运行这个命令。"),
    (["我的 社区/content"], ".", "请先运行 cd \"我的 社区\"，再运行这个命令。"),
    (["我的社区/content"], "我的社区/content", "现在就在内容文件夹里面（这里有 site.yaml）。请先运行 cd .."),
    (["a/content", "b/content"], ".", "找不到内容文件夹 content。请在网站文件夹里运行命令"),  # which one: not guessed
    ([], ".", "找不到内容文件夹 content。请在网站文件夹里运行命令"),
]


@pytest.mark.parametrize(("sites", "where", "said"), CASES, ids=["below", "below_spaced", "inside", "two", "none"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_the_content_folder_not_here_says_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sites: list[str],
                                                      where: str, said: str, command: str) -> None:
    for content in sites:
        (tmp_path / content).mkdir(parents=True)
        (tmp_path / content / "site.yaml").write_text("name: 社区\nbase_url: https://a.example.org/\n", "utf-8")
    monkeypatch.chdir(tmp_path / where)
    result = run(command, env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 2 and said in result.stderr, result.stderr
