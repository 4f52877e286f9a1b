"""A worker's first hour (issue 19): init names the site, placeholder addresses are warned about,
drafts are named, free pages have no year, usage errors speak the user's language, -q/-v everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from sitegen.cli import main
from sitegen.scaffold import new_record, site_name
from sitegen.validate.placeholder import is_placeholder_url
from tests.conftest import MakeSite, error_lines, run

# --- init: the new site carries the folder's name ---------------------------------------------

NAMES = [
    ("新景社区", "新景社区"),
    ("望湖  社区", "望湖 社区"),
    ("濱湖春天", "濱湖春天"),
    ("xinjing-shequ", "Xinjing Shequ"),
    ("wang_hu", "Wang Hu"),
    ("a: b", "A: B"),
    ("2026", "示例社区"),
]


@pytest.mark.parametrize(("folder", "name"), NAMES)
def test_init_names_the_site_after_its_folder(tmp_path: Path, folder: str, name: str) -> None:
    assert site_name(tmp_path / folder) == name
    assert run("init", str(tmp_path / folder)).exit_code == 0
    site_yaml = tmp_path / folder / "content" / "site.yaml"
    assert yaml.safe_load(site_yaml.read_text("utf-8"))["name"] == name
    line = next(x for x in site_yaml.read_text("utf-8").splitlines() if x.startswith("name:"))
    assert "# 社区名称" in line  # the comment stays


def test_init_says_to_write_the_real_address(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "新景社区"), env={"SITEGEN_LANG": "zh-Hans"})
    assert "base_url" in result.output and "site.yaml" in result.output


# --- base_url still a placeholder: a warning on every build and check -------------------------

PLACEHOLDERS = [
    ("https://example.org/", True), ("https://example.com/wanghu/", True), ("http://example.net", True),
    ("https://www.example.org/", True), ("http://localhost:8000/", True), ("http://site.localhost/", True), ("http://127.0.0.1/", True),
    ("http://0.0.0.0:8000/", True), ("http://192.168.1.20/", True), ("http://[::1]/", True),
    ("https://shequ.example/", True), ("http://wanghu.invalid/", True),
    ("https://wanghu.example.org/", False),  # a deliberate stand-in (tests, the demo), not the sample's leftover
    ("https://wanghu.gov.cn/", False), ("https://example.org.cn/", False), ("https://myexample.org/", False),
    ("http://8.8.8.8/", False),
]


@pytest.mark.parametrize(("url", "placeholder"), PLACEHOLDERS)
def test_placeholder_addresses(url: str, placeholder: bool) -> None:
    assert is_placeholder_url(url) is placeholder


WARNED = [
    ("en", "site.yaml:2: warning", "placeholder"),
    ("zh-Hans", "site.yaml:2: 提醒", "示例网址"),
]


@pytest.mark.parametrize(("lang", "where", "word"), WARNED)
def test_placeholder_base_url_is_warned_on_check_and_every_build(make_site: MakeSite, tmp_path: Path, lang: str,
                                                                 where: str, word: str) -> None:
    content = make_site(site="name: 新景社区\nbase_url: https://example.org/\n")
    out = tmp_path / "output"
    env = {"SITEGEN_LANG": lang}
    for args in (("check",), ("build", "--out", str(out)), ("build", "--out", str(out))):  # the last one: unchanged
        result = run(*args, "--content", str(content), env=env)
        assert result.exit_code == 0, result.output
        lines = [x for x in error_lines(result) if x.startswith(where)]
        assert len(lines) == 1 and word in lines[0] and "base_url:" in lines[0], result.stderr


def test_a_real_base_url_flag_lifts_the_warning_and_a_placeholder_flag_gets_one(make_site: MakeSite,
                                                                                tmp_path: Path) -> None:
    content = make_site(site="name: 新景社区\nbase_url: https://example.org/\n")
    real = run("build", "--content", str(content), "--out", str(tmp_path / "a"), "--base-url", "https://xj.gov.cn/")
    assert real.exit_code == 0 and "placeholder" not in real.stderr
    local = run("build", "--content", str(content), "--out", str(tmp_path / "b"), "--base-url", "http://localhost:8000")
    assert local.exit_code == 0
    assert [x for x in error_lines(local) if "placeholder" in x or "not an address" in x] == [
        x for x in error_lines(local) if x.startswith("--base-url: warning")]
    assert any(x.startswith("--base-url: warning") for x in error_lines(local))


def test_a_real_base_url_gets_no_warning(make_site: MakeSite) -> None:
    content = make_site(site="name: 新景社区\nbase_url: https://xinjing.gov.cn/\n")
    result = run("check", "--content", str(content))
    assert result.exit_code == 0 and "warning" not in result.stderr


# --- drafts are counted and named ---------------------------------------------------------------

DRAFTS = {
    "activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ndraft: true\n---\n",
    "activities/b.md": "---\ntitle: 中秋\ndate: 2019-09-13\n---\n",
    "wishes/list.yaml": "- id: w1\n  wish: 助行器\n  wisher: 周桂芳\n  posted_on: 2026-10-18\n  status: open\n"
                        "- id: w2\n  wish: 收音机\n  wisher: 王建国\n  posted_on: 2026-10-18\n  status: open\n"
                        "  draft: true\n",
}


@pytest.mark.parametrize(("command", "lang", "word"), [("check", "en", "2 of them are drafts"),
                                                       ("check", "zh-Hans", "其中 2 条是草稿"),
                                                       ("build", "en", "2 of them are drafts")])
def test_drafts_are_counted_and_named(make_site: MakeSite, tmp_path: Path, command: str, lang: str,
                                      word: str) -> None:
    content = make_site(DRAFTS)
    extra = ("--out", str(tmp_path / "output")) if command == "build" else ()
    result = run(command, "--content", str(content), *extra, env={"SITEGEN_LANG": lang})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if word in line)
    assert [x.strip() for x in lines[at + 1:at + 3]] == ["activities/a.md", "wishes/list.yaml:6"]


def test_no_draft_line_without_drafts_or_with_the_drafts_flag(make_site: MakeSite, tmp_path: Path) -> None:
    assert "are drafts" not in run("check", "--content", str(make_site())).stdout
    content = make_site(DRAFTS, name="other")
    built = run("build", "--content", str(content), "--out", str(tmp_path / "o"), "--drafts")
    assert built.exit_code == 0 and "are drafts" not in built.stdout


# --- sitegen new: a free page's address has no year --------------------------------------------

NEW_NAMES = [
    ("pages", "联系我们", "lianxi-women.md"),
    ("disclosures", "王建国", "wangjianguo.yaml"),
    ("activities", "七夕手工面点", "2026-qixi-shougong-miandian.md"),
    ("deliberations", "楼道堆物", "2026-loudao-duiwu.md"),
    ("wishes", "想要一台收音机", "2026-xiangyao-yitai-shouyinji.yaml"),
]


@pytest.mark.parametrize(("kind", "title", "name"), NEW_NAMES)
def test_new_record_names(tmp_path: Path, kind: str, title: str, name: str) -> None:
    assert new_record(tmp_path, kind, title, date(2026, 11, 30)).name == name


def test_new_page_through_the_command_line(make_site: MakeSite) -> None:
    content = make_site()
    assert run("new", "页面", "联系我们", "--content", str(content)).exit_code == 0
    assert [p.name for p in (content / "pages").iterdir()] == ["lianxi-women.md"]


# --- usage errors in the user's language --------------------------------------------------------

CLICK_ENGLISH = ("No such", "Missing", "Invalid value", "Got unexpected", "requires an argument",
                 "does not take", "is not one of", "Error:", "Usage:")
USAGE = [
    (["check", "-x"], "没有 -x 这个选项"),
    (["check", "--contnet", "c"], "您是不是想用：--content"),
    (["bogus"], "没有 bogus 这个命令"),
    (["buidl"], "您是不是想用：build"),
    (["new"], "缺少记录种类"),  # newcomer19: was 缺少 KIND; session 21: the usage line above says 种类
    (["new", "页面"], "缺少标题"),
    (["new", "页面", "联系", "我们"], "多出了 我们"),
    (["build", "--jobs", "x"], "0 到 64 之间的整数"),
    (["build", "--jobs", "99"], "现在是“99”"),
    (["serve", "--port", "-1"], "0 到 65535"),
    (["--lang", "fr", "build"], "可选：zh-Hans, zh-Hant, en"),
    (["build", "--base-url", "foo"], "http:// 或 https://"),
    (["build", "--content"], "后面要跟一个值"),
    (["build", "--drafts=yes"], "不带值"),
]


@pytest.mark.parametrize(("args", "word"), USAGE)
def test_usage_errors_speak_the_users_language(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path, args: list[str], word: str) -> None:
    monkeypatch.setenv("SITEGEN_LANG", "zh-Hans")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert word in err, err
    assert not [english for english in CLICK_ENGLISH if english in err], err


@pytest.mark.parametrize(("args", "word"), [(["check", "-x"], "There is no option -x"),
                                            (["bogus"], "There is no command bogus")])
def test_usage_errors_in_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                 tmp_path: Path, args: list[str], word: str) -> None:
    monkeypatch.setenv("SITEGEN_LANG", "en")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2 and word in capsys.readouterr().err


# --- -q and -v on every command that prints -----------------------------------------------------

@pytest.mark.parametrize("flag", ["-q", "--quiet", "-v", "--verbose"])
def test_quiet_and_verbose_on_every_command(make_site: MakeSite, tmp_path: Path, flag: str) -> None:
    content = make_site(site="name: 新景社区\nbase_url: https://xinjing.gov.cn/\n")
    out = tmp_path / "output"
    runs = {
        "check": run("check", flag, "--content", str(content)),
        "build": run("build", flag, "--content", str(content), "--out", str(out)),
        "new": run("new", flag, "活动", "七夕", "--content", str(content)),
        "init": run("init", flag, str(tmp_path / "新景社区")),
        "verify": run("verify", flag, str(out)),
    }
    for command, result in runs.items():
        assert result.exit_code == 0, (command, result.output)
        if flag in ("-q", "--quiet"):
            assert result.stdout == "", (command, result.stdout)
    if flag in ("-v", "--verbose"):
        assert "activities" in runs["check"].stdout and "1 activities" not in runs["check"].stdout
        assert "site.yaml" in runs["init"].stdout
        assert "title:" in runs["new"].stdout


@pytest.mark.parametrize(("base_url", "marked"), [("https://example.org/", True), ("http://localhost:8000/", True),
                                                  ("https://xinjing.gov.cn/", False)])
def test_posters_with_a_placeholder_address_say_so_beside_every_code(make_site: MakeSite, tmp_path: Path,
                                                                     base_url: str, marked: bool) -> None:
    content = make_site({"wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n",
                         "activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n"},
                        site=f"name: 新景社区\nbase_url: {base_url}\n")
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    posters = sorted((out / "posters").glob("**/index.html"))
    with_codes = [p for p in posters if "data-qr-url" in p.read_text("utf-8")]
    assert len(with_codes) >= 3  # the activity, the wish and the wish wall
    for poster in with_codes:
        html = poster.read_text("utf-8")
        assert (html.count('class="p-placeholder"') == html.count("data-qr-url=")) is marked, poster
        assert ('class="p-placeholder"' in html) is marked


# --- a failed build says whether there is a last site to keep -----------------------------------

BROKEN = {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-13-40\n---\n"}


@pytest.mark.parametrize(("lang", "first", "again"), [
    ("zh-Hans", "这里还没有生成过网站", "上一次生成的网站保持不变"),
    ("en", "no site has been built here yet", "the previous output is unchanged"),
])
def test_a_failed_build_says_whether_a_last_site_is_kept(make_site: MakeSite, tmp_path: Path, lang: str,
                                                          first: str, again: str) -> None:
    content = make_site(BROKEN)
    out = tmp_path / "out"
    result = run("--lang", lang, "build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1 and first in result.stderr and again not in result.stderr, result.stderr
    assert not out.exists()
    (content / "activities" / "a.md").unlink()
    assert run("build", "--content", str(content), "--out", str(out), "-q").exit_code == 0
    (content / "activities" / "a.md").write_text(BROKEN["activities/a.md"], "utf-8")
    result = run("--lang", lang, "build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1 and again in result.stderr and first not in result.stderr, result.stderr


# (language, how a warning's line must begin after PATH:LINE) — the English prefix lost its space
# ("warning:“base_url”…"): a message is stripped, and the prefix was one of its own
WARNING_LINES = [("en", "site.yaml:3: warning: “base_url”"), ("zh-Hans", "site.yaml:3: 提醒：网址（base_url）")]


@pytest.mark.parametrize(("lang", "start"), WARNING_LINES)
def test_a_warning_line_reads_as_a_sentence(make_site: MakeSite, lang: str, start: str) -> None:
    content = make_site(site="name: 社区\nlanguage: zh-Hans\nbase_url: https://example.org/\n")
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": lang})
    assert any(line.startswith(start) for line in result.stderr.splitlines()), result.stderr
