"""`sitegen init --street` makes a street that builds; `sitegen serve` serves a street and rebuilds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.cli.test_serve import fetch, free_port, wait_for
from tests.conftest import ROOT, run
from tests.street.conftest import MakeStreet


def test_init_street_builds(street_pages: str, tmp_path: Path) -> None:
    result = run("init", "--street", str(tmp_path / "baohe"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "baohe").iterdir()) == ["meihu", "street.yaml", "wanghu", "使用说明.txt"]
    built = run("build", "--content", str(tmp_path / "baohe"), "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    for slug in ("wanghu", "meihu"):
        assert "https://example.org/" + slug + "/" in (tmp_path / "out" / slug / "sitemap.xml").read_text("utf-8")
    # the sample address is named once, at street.yaml's line, not once per community
    assert [line.split(": ")[0] for line in built.stderr.splitlines() if "example.org" in line] == ["street.yaml:7"]


# the folder given → the street's name in street.yaml and on its index page (the newcomer's 测试街道 came out as 示例街道)
STREET_NAMES = [("测试街道", "测试街道"), ("baohe-street", "Baohe Street"), ("123", "示例街道")]


@pytest.mark.parametrize(("folder", "name"), STREET_NAMES, ids=[f for f, _ in STREET_NAMES])
def test_init_street_names_the_street_after_its_folder(street_pages: str, tmp_path: Path, folder: str, name: str) -> None:
    assert run("init", "--street", str(tmp_path / folder)).exit_code == 0
    assert yaml.safe_load((tmp_path / folder / "street.yaml").read_text("utf-8"))["name"] == name
    built = run("build", "--content", str(tmp_path / folder), "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.stderr
    assert name in (tmp_path / "out" / "index.html").read_text("utf-8")


def test_init_street_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "baohe").mkdir()
    (tmp_path / "baohe" / "x.txt").write_text("x")
    assert run("init", "--street", str(tmp_path / "baohe")).exit_code == 2


# The server runs in its own process.
_LAUNCH = (
    "import sys\n"
    "from sitegen.cli import cli\n"
    "cli(sys.argv[1:])\n"
)


def test_serve_a_street_rebuilds_one_community(make_street: MakeStreet, tmp_path: Path) -> None:
    folder = make_street()
    out, port = tmp_path / "output", free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}
    process = subprocess.Popen([sys.executable, "-c", _LAUNCH, "serve", "--content", str(folder), "--out", str(out),
                                "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    page = f"http://127.0.0.1:{port}/meihu/activities/2026-linli-jie/index.html"
    activity = folder / "meihu" / "activities" / "2026-linli-jie.md"
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/index.html")[0] == 200, 60)  # the street pages come last
        assert fetch(page)[0] == 200
        # a missing page: the community's own 404 page, its links into the preview; the street's says so
        # (breaker helper-126: "nothing built yet", though the street was built)
        status, missing = fetch(f"http://127.0.0.1:{port}/meihu/nope/")
        assert status == 404 and 'rel="stylesheet" href="/meihu/static/style.' in missing, missing
        status, missing = fetch(f"http://127.0.0.1:{port}/nope/")
        assert status == 404 and "There is no page at this address." in missing and 'href="/"' in missing, missing
        # a community named without its / is sent to it, so that its page's relative links hold
        # (breaker helper-128: /wanghu's 长辈版 led to the street's /care/); its 404 page asked by name, linked in
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/meihu", timeout=5) as response:
            assert response.geturl() == f"http://127.0.0.1:{port}/meihu/" and response.status == 200
        status, named = fetch(f"http://127.0.0.1:{port}/meihu/404.html")
        assert status == 200 and 'rel="stylesheet" href="/meihu/static/style.' in named, named
        activity.write_text(activity.read_text("utf-8").replace("title:", "title: 第二版", 1), encoding="utf-8")
        wait_for(lambda: "第二版" in fetch(page)[1], 60)
        (folder / "wanghu" / "wishes" / "bad.yaml").write_text("wish: x\nstatus: nope\n", encoding="utf-8")
        wait_for(lambda: "wanghu/wishes/bad.yaml:" in fetch(page)[1], 60)  # the overlay, street-relative
        (folder / "wanghu" / "wishes" / "bad.yaml").unlink()
        wait_for(lambda: "wanghu/wishes/bad.yaml:" not in fetch(page)[1], 60)
    finally:
        process.terminate()
        process.communicate(timeout=10)


GUIDE = "使用说明.txt"


def _guide(street: Path) -> str:
    return (street / GUIDE).read_text("utf-8-sig")


def _section(text: str, heading: str) -> str:
    return text.split(f"【{heading}】\n", 1)[1].split("\n【", 1)[0]


def test_init_street_writes_a_guide_whose_fields_are_the_street_s(tmp_path: Path) -> None:
    """`sitegen init --street` wrote no 使用说明.txt, while `sitegen init` writes one for workers who never open
    a terminal (issue 14's leftover). Every street.yaml field it explains is one, every field is explained,
    and the fields it says a community inherits are those it inherits."""
    import re

    from sitegen.street.config import INHERITED
    from sitegen.street.read import StreetFields

    assert run("init", "--street", str(tmp_path / "baohe")).exit_code == 0
    section = _section(_guide(tmp_path / "baohe"), "street.yaml 各项的意思")
    bullets = [line[2:] for line in section.splitlines() if line.startswith("- “")]
    named = {name for line in bullets for name in re.findall(r"“([a-z_]+)”", line.split("：", 1)[0])}
    office = {name for line in bullets if line.startswith("“office”") for name in re.findall(r"“([a-z]+)”", line)}
    assert named == set(StreetFields.model_fields), named ^ set(StreetFields.model_fields)
    assert office - {"office"} == {"address", "phone", "hours"}
    inherits = section.split("都沿用“street.yaml”的：", 1)[1].split("，社区的", 1)[0]
    assert set(re.findall(r"“([a-z_]+)”", inherits)) == set(INHERITED) - {"street"}  # `street` is the street's `name`


def test_the_commands_the_street_guide_quotes_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command the street's 使用说明.txt quotes, typed as written in the folder holding the street (its
    street folder named as the guide's placeholder): it runs and succeeds; serve gets as far as its port
    (taken here), verify of an address checks one served from the built folder."""
    import http.server
    import functools
    import shlex
    import socket
    import threading

    monkeypatch.chdir(tmp_path)
    assert run("init", "--street", "街道文件夹").exit_code == 0
    commands = [shlex.split(line.strip().split("  ")[0]) for line in _guide(tmp_path / "街道文件夹").splitlines()
                if line.startswith("    ") and line.lstrip().startswith("sitegen ")]  # its code blocks
    assert [c[1] for c in commands] == ["new", "check", "build", "serve", "verify", "check", "serve", "verify"], commands
    for words in commands:
        if words[1] == "serve":
            with socket.socket() as taken:
                taken.bind(("127.0.0.1", 0))
                result = run(*words[1:], "--port", str(taken.getsockname()[1]))
            assert result.exit_code == 2 and "in use" in result.stderr, result.output
            continue
        server = None
        if any(word.startswith("https://") for word in words):
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "街道网站"))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            words = [f"http://127.0.0.1:{server.server_address[1]}/" if w.startswith("https://") else w for w in words]
        try:
            result = run(*words[1:])
        finally:
            if server is not None:
                server.shutdown()
                server.server_close()
        assert result.exit_code == 0, (words, result.output)
    import re

    named = set(re.findall(r"“(\.?街道网站[^”]*)”", _guide(tmp_path / "街道文件夹")))  # every path it names is there
    assert len(named) > 5 and not [path for path in named if not (tmp_path / path.replace("社区文件夹名", "wanghu")).exists()]


# What `init --street` says and what its 使用说明.txt says agree (session 15: the next step said --out
# street-output, the guide 街道网站), and street.yaml's sample address is told a street's example.
@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_init_street_next_step_is_the_guides(tmp_path: Path, language: str) -> None:
    import re

    result = run("init", "--street", str(tmp_path / "baohe"), env={"SITEGEN_LANG": language})
    guide = (tmp_path / "baohe" / "使用说明.txt").read_text("utf-8-sig")
    guide_out = re.search(r"sitegen build --content 街道文件夹 --out (\S+)", guide)
    said_out = re.search(r"--out (\S+?)[ ）)]", result.stdout)
    assert guide_out is not None and said_out is not None, result.stdout
    assert said_out.group(1) == guide_out.group(1) == "街道网站"


@pytest.mark.parametrize(("language", "example", "not_said"), [
    ("zh-Hans", "base_url: https://您的街道网址/", "您的社区网址"),
    ("zh-Hant", "base_url: https://您的街道網址/", "您的社區網址"),
    ("en", "base_url: https://www.your-street.cn/", "your-community"),
])
def test_street_yaml_sample_address_gets_a_street_example(make_street: MakeStreet, language: str, example: str,
                                                          not_said: str) -> None:
    street = make_street(street="name: 包河街道\nbase_url: https://example.org/\n")
    result = run("check", "--content", str(street), env={"SITEGEN_LANG": language})
    line = next(line for line in result.stderr.splitlines() if line.startswith("street.yaml:2: "))
    assert example in line and not_said not in line, line
