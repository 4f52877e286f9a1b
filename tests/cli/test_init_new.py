"""`sitegen init` and `sitegen new` through Click's runner and as real processes; --help in Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.cli import main
from tests.conftest import ROOT, MakeSite, run


def test_init_then_build(tmp_path: Path) -> None:
    site = tmp_path / "新社区"
    result = run("init", str(site))
    assert result.exit_code == 0, result.output
    assert (site / "使用说明.txt").is_file() and (site / "content" / "site.yaml").is_file()
    assert (site / "content" / "media").is_dir()  # 使用说明.txt says to put photos there (newcomer16: it was not made)
    assert "content/media" in (site / "使用说明.txt").read_text("utf-8")
    result = run("build", "--content", str(site / "content"), "--out", str(site / "output"))
    assert result.exit_code == 0, result.stderr
    assert (site / "output" / "index.html").is_file()
    assert (site / "output" / "posters" / "wishes" / "2026-zhuxingqi" / "index.html").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("mine")
    result = run("init", str(tmp_path / "old"))
    assert result.exit_code == 2
    assert (tmp_path / "old" / "keep.txt").read_text() == "mine"
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == ["keep.txt"]


@pytest.mark.parametrize(("kind", "folder"), [("activity", "activities"), ("活动", "activities"),
                                              ("亮身份", "disclosures"), ("议事", "deliberations"),
                                              ("微心愿", "wishes"), ("wish", "wishes"), ("page", "pages")])
def test_new_writes_a_record_that_checks(make_site: MakeSite, kind: str, folder: str) -> None:
    content = make_site()
    result = run("new", kind, "七夕手工面点: “爱在七夕” #1", "--content", str(content))
    assert result.exit_code == 0, result.output
    files = list((content / folder).iterdir())
    assert len(files) == 1
    assert files[0].name.split(".")[0].endswith("qixi-shougong-miandian-ai-zai-qixi-1")
    assert str(files[0]) in result.output or files[0].name in result.output
    checked = run("check", "--content", str(content))
    if folder == "disclosures":  # the title is the person's name, and this one is no name (a colon, a digit)
        assert checked.exit_code == 1 and "one person's name alone" in checked.stderr, checked.stderr
    else:
        assert checked.exit_code == 0, checked.stderr


def test_new_activity_is_named_by_year_and_pinyin(make_site: MakeSite) -> None:
    content = make_site()
    result = run("new", "activity", "七夕手工面点", "--content", str(content))
    assert result.exit_code == 0
    name = next((content / "activities").iterdir()).name
    assert name.endswith("-qixi-shougong-miandian.md") and name[:4].isdigit()


def test_new_never_overwrites(make_site: MakeSite) -> None:
    content = make_site()
    for _ in range(3):
        assert run("new", "活动", "七夕手工面点", "--content", str(content)).exit_code == 0
    names = {p.name.split("-", 1)[1] for p in (content / "activities").iterdir()}
    assert names == {"qixi-shougong-miandian.md", "qixi-shougong-miandian-2.md", "qixi-shougong-miandian-3.md"}


# (kind, title): a second record of the same title is told that the first is there (the newcomer of
# session 18 made 想要一个助行器 twice and was told only of the new file)
SAME_TITLE = [("微心愿", "想要一个助行器"), ("页面", "联系我们"), ("亮身份", "王建国")]


@pytest.mark.parametrize(("kind", "title"), SAME_TITLE)
def test_new_with_a_title_taken_names_the_first_record(make_site: MakeSite, kind: str, title: str) -> None:
    content = make_site()
    first = run("new", kind, title, "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert first.exit_code == 0 and "同一标题" not in first.output
    made = next(p for p in content.rglob("*.*") if p.name != "site.yaml")
    again = run("new", kind, title, "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert again.exit_code == 0
    assert f"同一标题的记录已经有了：{made}。" in again.output, again.output
    assert f"这次新建的是 {made.with_name(made.stem + '-2' + made.suffix)}" in again.output


def test_new_unknown_kind_is_usage_error(make_site: MakeSite) -> None:
    assert run("new", "poster", "x", "--content", str(make_site())).exit_code == 2


def test_help_is_chinese_by_default(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.delenv("SITEGEN_LANG", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "用法" in text and "内容文件夹" in text and "help." not in text


# The usage line, printed before every usage error too, with Click's placeholders in the reader's words
# (newcomer16: 用法： sitegen [OPTIONS] COMMAND [ARGS]...); our own too (session 21: KIND FILE), tests/cli/test_usage_lines.py.
USAGE_LINES = [
    (["--lang", "zh-hans", "-q", "build"], "用法：sitegen [选项] 命令 [参数]..."),
    (["--lang", "zh-hant", "bogus"], "用法：sitegen [選項] 命令 [參數]..."),
    (["--lang", "zh-hans", "import"], "用法：sitegen import [选项] 种类 表格文件"),
    (["--lang", "en", "bogus"], "Usage: sitegen [OPTIONS] COMMAND [ARGS]..."),
]


@pytest.mark.parametrize(("argv", "line"), USAGE_LINES, ids=["zh-Hans", "zh-Hant", "command", "en"])
def test_the_usage_line_is_in_the_readers_words(capsys: pytest.CaptureFixture[str], argv: list[str], line: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[0] == line


def test_help_follows_the_language_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    text = capsys.readouterr().out
    assert "Usage:" in text and "Build the website" in text


def test_real_process_init_new_check_build_in_a_chinese_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "zh-Hans"}
    site = tmp_path / "望湖 社区"

    def sitegen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=site if site.exists() else tmp_path,
                              env=env, capture_output=True, text=True, timeout=120)

    assert sitegen("init", str(site)).returncode == 0
    made = sitegen("new", "微心愿", "想要一台收音机")
    assert made.returncode == 0 and "wishes" in made.stdout
    assert sitegen("check").returncode == 0
    built = sitegen("build")
    assert built.returncode == 0 and "已生成" in built.stdout
    broken = site / "content" / "activities" / "broken.md"
    broken.write_bytes("---\r\ntitle: 坏的\r\ndate: 2024/1/1\r\n---\r\n".encode())
    failed = sitegen("build")
    assert failed.returncode == 1
    assert "activities/broken.md:3: " in failed.stderr and "应写成 2024-01-01" in failed.stderr
    assert "Traceback" not in failed.stderr


HELP_CASES = [  # one process, languages in turn: each run's help in its own language, Click left as it was
    (["--lang", "en", "build", "--help"], ["Usage:", "Options:"], ["用法"]),
    (["--lang", "zh-Hans", "build", "--help"], ["用法：", "选项"], ["Usage:", "Options:"]),
    (["--lang", "zh-Hant", "--help"], ["用法：", "選項", "命令"], ["Usage:", "Commands:"]),
    (["--lang", "en", "--help"], ["Usage:", "Commands:"], ["用法", "命令"]),
]


def test_help_language_is_local_to_each_run(capsys: pytest.CaptureFixture[str]) -> None:
    import click

    for argv, present, absent in HELP_CASES:
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        assert all(word in text for word in present), (argv, text)
        assert not any(word in text for word in absent), (argv, text)
    assert click.Context.formatter_class is click.HelpFormatter  # nothing of Click's patched


@pytest.mark.parametrize("street", [False, True], ids=["site", "street"])
def test_the_guide_opens_in_notepad_as_plain_text(tmp_path: Path, street: bool) -> None:
    """s17 (a session 16 leftover): the guide was 使用说明.md, which Windows opens by asking for a program,
    and whose `code` and **bold** marks Notepad shows as typed. It is a .txt, with a byte order mark and
    CRLF line ends (Windows 7's Notepad takes BOM-less UTF-8 for GBK and LF-only text for one line),
    and no Markdown marks; the next step names it as it is, in a 繁體 run too (it said 使用說明.md)."""
    target = tmp_path / "新社区"
    result = run("init", *(["--street"] if street else []), str(target), env={"SITEGEN_LANG": "zh-Hant"})
    assert result.exit_code == 0, result.output
    data = (target / "使用说明.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    marks = text.replace("139****1234", "")  # a hidden number, as the site shows one
    assert "`" not in marks and "**" not in marks and not any(line.startswith("#") for line in text.splitlines())
    assert "使用说明.txt" in result.output and not list(target.glob("*.md"))
