"""A street's community run on its own (`--content STREET/wanghu`): what the street gives it, and the
other communities' secrets, as the street build has them (sitegen/street/lone.py).

breaker helper-124: run alone, a community read no street.yaml: `check` said `base_url` was missing,
`import` warned of it, and nothing was checked against the other communities.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from sitegen.i18n.messages import Messages
from tests.conftest import run, tree_bytes, write_files
from tests.street.conftest import STREET_YAML, MakeStreet, community_site
from tests.street.test_build import ACROSS

# the sample's wisher (李秀兰) named in the street office's address: an inherited value at fault
OFFICE_NAMES_WISHER = STREET_YAML.replace("address: 包河大道1号", "address: 李秀兰家楼下")


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_community_run_alone_is_what_the_street_makes_it(make_street: MakeStreet, tmp_path: Path,
                                                            command: str) -> None:
    folder, out = make_street(), tmp_path / "out"
    args = ["--out", str(out)] if command == "build" else []
    result = run(command, "--content", str(folder / "meihu"), *args)
    assert result.exit_code == 0, result.output
    assert "base_url" not in result.stderr  # its address is the street's + its folder name
    if command == "build":
        page = (out / "index.html").read_text(encoding="utf-8")
        assert 'href="https://street.example.org/meihu/"' in page and "包河街道" in page  # street.yaml's name


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize(("case", "steps", "source", "at"), [c for c in ACROSS if len(c[1]) == 1],
                         ids=[c[0] for c in ACROSS if len(c[1]) == 1])
def test_another_communitys_secrets_are_refused_in_a_community_run_alone(
        make_street: MakeStreet, tmp_path: Path, command: str, case: str, steps: list[dict[str, str]],
        source: str, at: str) -> None:
    """The line that would publish it, relative to the community run; the secret's source from there."""
    folder, out = make_street(), tmp_path / "out"
    write_files(folder, steps[0])
    args = ["--out", str(out)] if command == "build" else []
    result = run(command, "--content", str(folder / "meihu"), *args)
    assert result.exit_code == 1, result.output
    mine = at.removeprefix("meihu/")
    lines = [line for line in result.stderr.splitlines() if line.startswith(mine)]
    assert len(lines) == 1 and f"../{source}" in lines[0], result.stderr
    assert not out.exists() or not any(out.rglob("*.html"))


OUYANG_WISH = ACROSS[0][1][0]["wanghu/wishes/oy.yaml"]
MENTION = "---\ntitle: 看望欧阳建华老人\ndate: 2026-06-01\n---\n感谢欧阳建华老人。\n"


@pytest.mark.parametrize("broken", [
    # breaker helper-126: a date typo in a neighbour's activity let its wisher be published next door
    {"wanghu/activities/2026-linli-jie.md": "---\ntitle: 邻里节\ndate: 2026-13-01\n---\n"},
    {"wanghu/site.yaml": community_site("望湖社区", "bad: [\n")},
    # a wish that fails its own check still names its wisher
    {"wanghu/wishes/oy.yaml": OUYANG_WISH.replace("status: open", "status: 待定")},
], ids=["activity_broken", "site_broken", "the_wish_broken"])
def test_a_neighbour_with_errors_still_gives_its_secrets(make_street: MakeStreet, broken: dict[str, str]) -> None:
    """Its secrets come from its wishes and disclosures alone, a failed wish's wisher as written: nothing unknown."""
    folder = make_street()
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH, "meihu/activities/2026-kanwang.md": MENTION, **broken})
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith("activities/2026-kanwang.md:2: ") and "../wanghu/wishes/oy.yaml:2" in line
               for line in result.stderr.splitlines()), result.stderr
    assert not any(line.startswith("../wanghu: ") for line in result.stderr.splitlines()), result.stderr


def test_a_neighbours_broken_disclosure_is_named_with_the_street_as_typed(make_street: MakeStreet,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Its hidden number is unknown: said, with the command to check the street from where the worker is."""
    folder = make_street()
    write_files(folder, {"wanghu/disclosures/bad.yaml": "name: 欧阳明\nrole: [\n"})
    monkeypatch.chdir(folder.parent)
    result = run("check", "--content", f"{folder.name}/meihu")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("../wanghu: ")]
    assert len(warned) == 1 and f"sitegen check --content {folder.name} " in warned[0], result.stderr


def test_an_inherited_value_at_fault_is_at_its_line_in_street_yaml(make_street: MakeStreet) -> None:
    folder = make_street(street=OFFICE_NAMES_WISHER)
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith("../street.yaml:6: ") for line in result.stderr.splitlines()), result.stderr


def test_an_unusable_street_yaml_stops_a_community_run_alone(make_street: MakeStreet) -> None:
    folder = make_street(street="name: 包河街道\n")  # no base_url
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 1, result.output
    assert [line.split(": ")[0] for line in result.stderr.splitlines() if ": " in line] == ["../street.yaml:1"]


def test_a_folder_the_street_leaves_out_is_no_community(make_street: MakeStreet) -> None:
    """`_old` is not built by the street: run alone it is a site of its own, its site.yaml all it has."""
    folder = make_street({"_old": community_site("旧社区"), "meihu": community_site("梅湖社区")})
    result = run("check", "--content", str(folder / "_old"))
    assert result.exit_code == 1 and "base_url" in result.stderr, result.output


def test_import_into_a_community_knows_its_street(make_street: MakeStreet, tmp_path: Path) -> None:
    folder = make_street()
    sheet = tmp_path / "wishes.csv"
    sheet.write_text("心愿,许愿人,发布日期,状态\n想要一个台灯,欧阳建华,2026-05-01,待认领\n", encoding="utf-8")
    result = run("import", "wishes", str(sheet), "--content", str(folder / "meihu"))
    assert result.exit_code == 0, result.output
    assert "base_url" not in result.output


def test_the_editor_checks_a_form_against_the_other_communities(make_street: MakeStreet) -> None:
    from sitegen.edit.checking import check_form

    folder = make_street()
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH})
    text = MENTION
    errors, _ = check_form(folder / "meihu", PurePosixPath("activities/2026-kanwang.md"), text, "activities",
                           Messages("zh-Hans"))
    assert any("../wanghu/wishes/oy.yaml:2" in said for said in sum(errors.values(), [])), errors


def test_a_community_built_alone_is_byte_for_byte_its_street_pages(make_street: MakeStreet, tmp_path: Path) -> None:
    """Alone or in the street, a community's own pages are the same files."""
    folder = make_street()
    assert run("build", "--content", str(folder), "--out", str(tmp_path / "whole")).exit_code == 0
    assert run("build", "--content", str(folder / "meihu"), "--out", str(tmp_path / "alone")).exit_code == 0
    assert tree_bytes(tmp_path / "alone") == tree_bytes(tmp_path / "whole" / "meihu")


@pytest.mark.parametrize(("language", "said"), [("en", "site.yaml:3: warning: unknown field"), ("zh-Hans", "site.yaml:3: 提醒")])
def test_a_community_run_alone_speaks_its_streets_language(make_street: MakeStreet, language: str, said: str) -> None:
    folder = make_street(street=STREET_YAML + f"language: {language}\n")
    write_files(folder, {"meihu/site.yaml": community_site("梅湖社区", "bad_field: 1\n")})
    result = run("check", "--content", str(folder / "meihu"), env={"SITEGEN_LANG": ""})
    assert said in result.stderr, result.stderr


def test_a_base_url_the_street_refuses_is_refused_alone(make_street: MakeStreet) -> None:
    """newcomer helper-127: the street refused meihu's own base_url; its check alone passed it."""
    folder = make_street({"meihu": community_site("梅湖社区", "base_url: https://baohe.gov.cn/\n"),
                          "wanghu": community_site("望湖社区")})
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 1, result.output
    assert [line.split(": ")[0] for line in result.stderr.splitlines() if "outside" in line] == ["site.yaml:3"]


def test_the_streets_placeholder_address_is_said_as_the_street_says_it(make_street: MakeStreet) -> None:
    """newcomer helper-127: alone, the warning quoted https://example.org/meihu/ at street.yaml's line,
    which holds https://example.org/, and said to write the community's address there."""
    folder = make_street(street=STREET_YAML.replace("https://street.example.org/", "https://example.org/"))
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "example.org" in line]
    assert len(lines) == 1 and lines[0].startswith("../street.yaml:2: ") and "example.org/meihu" not in lines[0]


def test_base_url_given_alone_is_the_streets_address(make_street: MakeStreet, tmp_path: Path) -> None:
    """`--base-url` names the street's address, as for the street's build: the community is under it."""
    folder, out = make_street(), tmp_path / "out"
    result = run("build", "--content", str(folder / "meihu"), "--out", str(out), "--base-url", "https://baohe.gov.cn/")
    assert result.exit_code == 0, result.output
    assert 'rel="canonical" href="https://baohe.gov.cn/meihu/"' in (out / "index.html").read_text(encoding="utf-8")


def test_serve_alone_says_inherited_values_at_street_yaml(make_street: MakeStreet, tmp_path: Path) -> None:
    """serve printed an inherited value's warning at `site.yaml:-3` (its line's code), not at street.yaml."""
    import os
    import signal
    import subprocess
    import sys

    from tests.cli.test_serve import fetch, free_port, stop_with, wait_for
    from tests.conftest import ROOT
    from tests.support.signals import sigint_default

    folder = make_street(street=STREET_YAML.replace("district: 包河区", "district: 示例区"))  # the sample's: warned
    port = free_port()
    said = tmp_path / "said.txt"  # read while it runs: its warnings come after the page is served
    with said.open("w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--content", str(folder / "meihu"),
                                    "--out", str(tmp_path / "out"), "--port", str(port)],
                                   env={**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}, stdout=log,
                                   stderr=subprocess.STDOUT, text=True, preexec_fn=sigint_default)
        try:
            wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200)
            wait_for(lambda: "Built" in said.read_text(encoding="utf-8"))
        finally:
            stop_with(process, signal.SIGINT)
    output = said.read_text(encoding="utf-8")
    assert "../street.yaml:3: warning:" in output and ":-" not in output, output


def test_the_editors_build_says_inherited_values_at_street_yaml(make_street: MakeStreet, tmp_path: Path) -> None:
    from sitegen.edit.server import Editor, _build

    folder = make_street(street=STREET_YAML.replace("district: 包河区", "district: 示例区"))
    editor = Editor(content=folder / "meihu", out=tmp_path / "out", preview=tmp_path / "preview",
                    messages=Messages("en"))
    said = _build(editor, tmp_path / "out", drafts=False)
    assert said["ok"], said
    assert any(line.startswith("../street.yaml:3: warning:") for line in said["messages"]), said
    assert not any(":-" in line for line in said["messages"]), said


def test_serve_alone_refuses_a_wisher_added_next_door_while_it_runs(make_street: MakeStreet, tmp_path: Path) -> None:
    """breaker helper-126: serve read the street once; a wish added in wanghu while it ran was published in meihu."""
    import os
    import signal
    import subprocess
    import sys

    from tests.cli.test_serve import fetch, free_port, stop_with, wait_for
    from tests.conftest import ROOT
    from tests.support.signals import sigint_default

    folder = make_street()
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--content", str(folder / "meihu"), "--out",
                                str(tmp_path / "out"), "--port", str(port)],
                               env={**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, preexec_fn=sigint_default)
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(home)[0] == 200)
        write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH})
        write_files(folder, {"meihu/activities/2026-kanwang.md": MENTION})
        wait_for(lambda: "../wanghu/wishes/oy.yaml:2" in fetch(home)[1])
    finally:
        output = stop_with(process, signal.SIGINT)
    assert "欧阳建华" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                 for p in (tmp_path / "out").rglob("*") if p.is_file()), output


def test_the_editor_refuses_a_wisher_added_next_door_after_it_started(make_street: MakeStreet) -> None:
    from sitegen.edit.checking import check_form

    folder = make_street()
    path = PurePosixPath("activities/2026-kanwang.md")
    assert check_form(folder / "meihu", path, MENTION, "activities", Messages("en"))[0] == {}
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH})
    errors, _ = check_form(folder / "meihu", path, MENTION, "activities", Messages("en"))
    assert any("../wanghu/wishes/oy.yaml:2" in said for said in sum(errors.values(), [])), errors


@pytest.mark.parametrize(("name", "said"), [("WangHu", "cannot be a web address"), ("care", "street's own pages"),
                                             ("xihu", "outside")], ids=["capitals", "reserved", "link_outside"])
def test_a_folder_the_street_refuses_says_why_alone(make_street: MakeStreet, tmp_path: Path, name: str,
                                                    said: str) -> None:
    """breaker helper-126: alone, WangHu/ (or care/, or a link out of the street) was told base_url was missing."""
    import shutil

    from tests.street.conftest import SAMPLE

    folder = make_street()
    if name == "xihu":
        shutil.copytree(SAMPLE, tmp_path / "elsewhere")
        (tmp_path / "elsewhere" / "site.yaml").write_text(community_site("西湖社区"), encoding="utf-8")
        (folder / name).symlink_to(tmp_path / "elsewhere")
    else:
        shutil.copytree(folder / "wanghu", folder / name)
    result = run("check", "--content", str(folder / name))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if ": " in line and not line.startswith(("1 error", "0 error"))]
    assert len(lines) == 1 and lines[0].startswith(f"../{name}: ") and said in lines[0], result.stderr


@pytest.mark.parametrize("name", ["MeiHu", "美湖", "care"])
def test_a_neighbour_the_street_refuses_still_gives_its_secrets(make_street: MakeStreet, name: str) -> None:
    """breaker helper-128: a lone build published a wisher of a neighbour whose folder name the street refuses."""
    folder = make_street()
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH, "meihu/activities/2026-kanwang.md": MENTION})
    (folder / "wanghu").rename(folder / name)
    result = run("check", "--content", str(folder / "meihu"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith("activities/2026-kanwang.md:2: ") and f"../{name}/wishes/oy.yaml:2" in line
               for line in result.stderr.splitlines()), result.stderr


def test_its_own_base_url_changed_while_served_is_refused(make_street: MakeStreet) -> None:
    """breaker helper-128: under serve and the editor, a base_url added to site.yaml after the street was read passed."""
    from sitegen.errors import ContentInvalid
    from sitegen.options import Options
    from sitegen.street.lone import as_in_street

    folder = make_street()
    as_in_street(folder / "meihu", Options())
    write_files(folder, {"meihu/site.yaml": community_site("梅湖社区", "base_url: https://other.example.com/meihu/\n")})
    with pytest.raises(ContentInvalid) as raised:
        as_in_street(folder / "meihu", Options())
    assert [str(p.path) for p in raised.value.problems] == ["site.yaml"]


@pytest.mark.parametrize(("where", "said"), [("meihu", "one community folder of a street"), ("", "inside a street folder")])
def test_run_without_content_in_a_street_says_what_to_type(make_street: MakeStreet, monkeypatch: pytest.MonkeyPatch,
                                                          where: str, said: str) -> None:
    """newcomer helper-129: inside a community, `check` said to `cd ..`, where it then found no `content` either."""
    folder = make_street()
    monkeypatch.chdir(folder / where)
    result = run("check")
    assert result.exit_code == 2 and said in result.stderr and "--content ." in result.stderr, result.output
