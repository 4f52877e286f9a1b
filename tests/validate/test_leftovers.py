"""A prompt of `sitegen new`'s templates left in a record that is published: an error at its line
(validate/leftovers.py). Found by a newcomer: `sitegen new wish`, `draft: true` deleted, the wisher
never filled in, and the build published a wish from 请*******."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from sitegen.validate.leftovers import TEMPLATE_BODIES, TEMPLATE_VALUES
from tests.conftest import MakeSite, error_lines, run

W = "wish: 想要一个助行器\nwisher: {wisher}\nposted_on: 2026-10-18\nstatus: open\n{extra}"
A = "---\ntitle: 国庆升旗\ndate: 2026-10-01\n{extra}---\n{body}"
L = "---\ntitle: 广场舞噪音\nraised_on: 2020-04-07\nstatus: proposed\n{extra}---\n{body}"
P = "---\ntitle: 联系我们\norder: 10\n{extra}---\n{body}"

# (case, files, the PATH:LINE of each error, in order) — a published record holding a prompt
CASES = [
    ("wisher left", {"wishes/w.yaml": W.format(wisher="请填写许愿人姓名", extra="")}, ["wishes/w.yaml:2"]),
    ("wisher left, with its comment", {"wishes/w.yaml": W.format(wisher="请填写许愿人姓名     # 许愿人姓名（仅用于核对，不公开）",
                                                                extra="")}, ["wishes/w.yaml:2"]),
    ("activity's text left", {"activities/a.md": A.format(extra="", body="在这里写活动介绍，可以分几段。\n")},
     ["activities/a.md:5"]),
    ("activity's text left below a real paragraph", {"activities/a.md": A.format(
        extra="", body="升旗仪式在广场举行。\n\n在这里写活动介绍，可以分几段。\n")}, ["activities/a.md:7"]),
    ("deliberation's text left", {"deliberations/l.md": L.format(extra="", body="在这里写问题的背景和讨论经过。\n")},
     ["deliberations/l.md:6"]),
    ("page's text left", {"pages/lianxi.md": P.format(extra="", body="在这里写页面内容。\n")}, ["pages/lianxi.md:5"]),
    ("a wish in a list", {"wishes/all.yaml": "- " + W.format(wisher="请填写许愿人姓名", extra="").replace("\n", "\n  ")},
     ["wishes/all.yaml:2"]),
]
# (case, files) — nothing to say: a draft, or a real text that only quotes a prompt's words
HELD = [
    ("a draft may hold the prompts", {"wishes/w.yaml": W.format(wisher="请填写许愿人姓名", extra="draft: true\n"),
                                      "activities/a.md": A.format(extra="draft: true\n", body="在这里写活动介绍，可以分几段。\n")}),
    ("the prompt's words inside a real sentence", {"activities/a.md": A.format(
        extra="", body="社区说：“在这里写活动介绍，可以分几段。”这句话以后不会再出现。\n")}),
    ("a wisher whose name is real", {"wishes/w.yaml": W.format(wisher="周桂芳", extra="")}),
]


@pytest.mark.parametrize(("case", "files", "where"), CASES, ids=[c for c, _, _ in CASES])
@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_a_prompt_left_in_a_published_record_is_an_error(make_site: MakeSite, case: str, files: dict[str, str],
                                                         where: list[str], lang: str) -> None:
    result = run("check", "--content", str(make_site(files)), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 1, result.output
    found = [line for line in error_lines(result) if re.search("prompt|提示", line)]
    assert [line.split(": ")[0] for line in found] == where, result.output
    assert all(("draft: true" in line) for line in found), result.output  # says how to keep it unpublished


@pytest.mark.parametrize(("case", "files"), HELD, ids=[c for c, _ in HELD])
def test_a_draft_or_a_real_text_passes(make_site: MakeSite, case: str, files: dict[str, str]) -> None:
    result = run("check", "--content", str(make_site(files)))
    assert result.exit_code == 0, result.output


def test_the_prompts_are_those_of_the_templates() -> None:
    """Each template's one-line body and its wisher prompt are what the rule looks for, and no other."""
    folder = resources.files("sitegen.scaffold").joinpath("templates")
    bodies, wishers = set(), set()
    for name in ("activities.md", "deliberations.md", "pages.md"):
        bodies.add(folder.joinpath(name).read_text("utf-8").rstrip("\n").rsplit("\n", 1)[1])
    for line in folder.joinpath("wishes.yaml").read_text("utf-8").splitlines():
        if line.startswith("wisher:"):
            wishers.add(line.split(":", 1)[1].split("#", 1)[0].strip())
    assert bodies == TEMPLATE_BODIES and wishers == {TEMPLATE_VALUES["wisher"]}


def test_new_then_build_then_publish_without_filling_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The newcomer's steps: a new wish builds as a draft; with draft: true deleted it stops at the wisher."""
    assert run("init", str(tmp_path / "site")).exit_code == 0
    monkeypatch.chdir(tmp_path / "site")
    assert run("new", "wish", "想要一个助行器").exit_code == 0
    assert run("build").exit_code == 0
    wish = next(p for p in Path("content/wishes").iterdir() if "请填写许愿人姓名" in p.read_text("utf-8"))
    wish.write_text(wish.read_text("utf-8").replace("draft: true\n", ""), encoding="utf-8")
    result = run("build")
    assert result.exit_code == 1, result.output
    assert any(line.startswith(f"content/wishes/{wish.name}:4: ") or f"wishes/{wish.name}:4: " in line
               for line in error_lines(result)), result.output
