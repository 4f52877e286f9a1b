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
    assert sorted(p.name for p in (tmp_path / "baohe").iterdir()) == ["meihu", "street.yaml", "wanghu"]
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
        activity.write_text(activity.read_text("utf-8").replace("title:", "title: 第二版", 1), encoding="utf-8")
        wait_for(lambda: "第二版" in fetch(page)[1], 60)
        (folder / "wanghu" / "wishes" / "bad.yaml").write_text("wish: x\nstatus: nope\n", encoding="utf-8")
        wait_for(lambda: "wanghu/wishes/bad.yaml:" in fetch(page)[1], 60)  # the overlay, street-relative
        (folder / "wanghu" / "wishes" / "bad.yaml").unlink()
        wait_for(lambda: "wanghu/wishes/bad.yaml:" not in fetch(page)[1], 60)
    finally:
        process.terminate()
        process.communicate(timeout=10)
