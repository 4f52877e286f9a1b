"""street.yaml and community folders: every fault a kind, one case each, PATH:LINE street-relative.

Each case: street.yaml, community folders (slug → site.yaml), extra files; the line the error must
start with, and a word the English and the Chinese message must hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.options import Options
from sitegen.street.community import community_options, inherited
from sitegen.street.read import read_street
from sitegen.street.state import StreetFolders
from tests.conftest import NOW, error_lines, run
from tests.street.conftest import STREET_YAML, MakeStreet, community_site

S = "name: 包河街道\nbase_url: https://street.example.org/\n"
TWO = {"wanghu": community_site("望湖社区"), "meihu": community_site("梅湖社区")}

CASES = [
    # street.yaml
    ("street_name_missing", "base_url: https://street.example.org/\n", TWO, {}, "street.yaml:1", ("name", "name")),
    ("street_base_url_missing", "name: 包河街道\n", TWO, {}, "street.yaml:1", ("base_url", "base_url")),
    ("street_base_url_relative", "name: 包河街道\nbase_url: /baohe/\n", TWO, {}, "street.yaml:2", ("http", "http")),
    ("street_base_url_ftp", "name: 包河街道\nbase_url: ftp://a.example.org/\n", TWO, {}, "street.yaml:2", ("http", "http")),
    ("street_base_url_login", "name: 包河街道\nbase_url: https://u:pw@street.example.org/\n", TWO, {}, "street.yaml:2",
     ("password", "密码")),
    ("street_name_list", "name: [a, b]\nbase_url: https://a.example.org/\n", TWO, {}, "street.yaml:1", ("text", "文字")),
    ("street_language_unknown", S + "language: fr\n", TWO, {}, "street.yaml:3", ("zh-Hans", "zh-Hans")),
    ("street_timezone_unknown", S + "timezone: Mars/Olympus\n", TWO, {}, "street.yaml:3", ("time zone", "时区")),
    ("street_paper_unknown", S + "poster_paper: Letter\n", TWO, {}, "street.yaml:3", ("A4", "A4")),
    ("street_office_phone_bad", S + "office:\n  phone: call me\n", TWO, {}, "street.yaml:4", ("phone", "电话")),
    ("street_office_not_mapping", S + "office: 包河大道1号\n", TWO, {}, "street.yaml:3", ("office", "office")),
    ("street_theme_missing", S + "theme: nowhere\n", TWO, {}, "street.yaml:3", ("nowhere", "nowhere")),
    # the street theme: inside the street folder, in a folder of its own (a crash, an escape, a lost community before)
    ("street_theme_dot", S + "theme: .\n", TWO, {}, "street.yaml:3", ("not inside", "不在")),
    ("street_theme_dot_slash", S + "theme: ./\n", TWO, {}, "street.yaml:3", ("not inside", "不在")),
    ("street_theme_parent", S + "theme: ..\n", TWO, {}, "street.yaml:3", ("not inside", "不在")),
    ("street_theme_absolute", S + "theme: /tmp\n", TWO, {}, "street.yaml:3", ("not inside", "不在")),
    ("street_theme_up_and_back", S + "theme: ../street/wanghu/th\n", TWO, {"wanghu/th/i18n/en.yaml": "x: y\n"},
     "street.yaml:3", ("wanghu", "wanghu")),
    ("street_theme_in_community", S + "theme: wanghu/th\n", TWO, {"wanghu/th/i18n/en.yaml": "x: y\n"},
     "street.yaml:3", ("wanghu", "wanghu")),
    ("street_theme_is_community", S + "theme: meihu\n", TWO, {}, "street.yaml:3", ("meihu", "meihu")),
    ("street_not_mapping", "- a\n- b\n", TWO, {}, "street.yaml:1", ("name: value", "字段名: 内容")),
    ("street_yaml_broken", "name: [包河\nbase_url: x\n", TWO, {}, "street.yaml:", ("", "")),
    ("street_unknown_key", S + "nmae: x\n", TWO, {}, "street.yaml:3", ("name", "name")),
    # a value the communities inherit is at fault: at its line in street.yaml (was `<slug>/site.yaml:2`), and
    # the place it clashes with named with its community folder
    # (the office's number given to a person who hides it: one error at the person, naming street.yaml)
    ("inherited_office_phone_hidden", S + 'office:\n  phone: "13800001234"\n', TWO, {}, "meihu/disclosures/wang-jianguo.yaml:6",
     ("office's number (street.yaml)", "办公电话（street.yaml）")),
    ("inherited_office_wisher_name", S + "office:\n  address: 李秀兰家楼下\n", TWO, {}, "street.yaml:4",
     ("meihu/wishes/", "meihu/wishes/")),
    ("inherited_street_name_wisher", "name: 李秀兰街道\nbase_url: https://street.example.org/\n", TWO, {}, "street.yaml:1",
     ("李**", "李**")),
    # community folders
    ("folder_capitals", S, {"WangHu": community_site("望湖社区")}, {}, "WangHu:", ("wanghu", "wanghu")),
    # the name suggested is free (breaker helper-124: WangHu/ beside wanghu/ was told to become wanghu)
    ("folder_capitals_name_taken", S, {"WangHu": community_site("望湖社区"), "wanghu": community_site("望湖社区")}, {},
     "WangHu:", ("e.g. wanghu-2)", "例如 wanghu-2）")),
    ("folder_capitals_names_taken", S, {"WangHu": community_site("望湖社区"), "wanghu": community_site("望湖社区"),
                                        "wanghu-2": community_site("望湖二社区")}, {}, "WangHu:", ("e.g. wanghu-3)", "例如 wanghu-3）")),
    # two folders are never told the same name (breaker helper-126: WangHu and WANGHU both told wanghu-2)
    ("folder_capitals_twice", S, {"WangHu": community_site("望湖社区"), "WANGHU": community_site("望湖社区"),
                                  "wanghu": community_site("望湖社区")}, {}, "WangHu:", ("e.g. wanghu-3)", "例如 wanghu-3）")),
    ("folder_chinese", S, {"望湖": community_site("望湖社区")}, {}, "望湖:", ("wanghu", "wanghu")),
    ("folder_space", S, {"wang hu": community_site("望湖社区")}, {}, "wang hu:", ("wang-hu", "wang-hu")),
    *[(f"folder_reserved_{name}", S, {name: community_site("社区"), **TWO}, {}, f"{name}:", (f"e.g. {name}-2)", f"例如 {name}-2）"))
      for name in ("care", "zh-hant", "wishes", "posters", "static", "search", "media", "tags", "browse", "places")],
    ("no_communities", S, {}, {}, "street.yaml:", ("folder", "文件夹")),
    # a community's site.yaml
    ("base_url_outside", S, {"wanghu": community_site("望湖社区", "base_url: https://other.example.org/\n")},
     {}, "wanghu/site.yaml:3", ("outside", "不在")),
    ("base_url_other_slug", S, {"wanghu": community_site("望湖社区", "base_url: https://street.example.org/meihu/\n"),
                                "meihu": community_site("梅湖社区")}, {}, "wanghu/site.yaml:3", ("wanghu", "wanghu")),
    # the same address spelt otherwise is said so (breaker helper-124: was "outside the street")
    ("base_url_spelt_case", S, {"wanghu": community_site("望湖社区", "base_url: https://Street.Example.org/wanghu/\n")},
     {}, "wanghu/site.yaml:3", ("spelt differently", "同一个地址")),
    ("base_url_spelt_port", S, {"wanghu": community_site("望湖社区", "base_url: https://street.example.org:443/wanghu/\n")},
     {}, "wanghu/site.yaml:3", ("spelt differently", "同一个地址")),
    ("base_url_other_port", S, {"wanghu": community_site("望湖社区", "base_url: https://street.example.org:8443/wanghu/\n")},
     {}, "wanghu/site.yaml:3", ("outside", "不在")),
    ("base_url_other_scheme", S, {"wanghu": community_site("望湖社区", "base_url: http://street.example.org/wanghu/\n")},
     {}, "wanghu/site.yaml:3", ("outside", "不在")),
    ("base_url_is_street", S, {"wanghu": community_site("望湖社区", "base_url: https://street.example.org/\n")},
     {}, "wanghu/site.yaml:3", ("wanghu", "wanghu")),
    ("community_site_missing", S, TWO, {"meihu/site.yaml": None}, "meihu/site.yaml", ("come from street.yaml", "沿用 street.yaml")),
    ("community_record_bad", S, TWO, {"meihu/wishes/a.yaml": "wish: x\nwisher: 张三\nposted_on: 2026-01-01\nstatus: nope\n"},
     "meihu/wishes/a.yaml:4", ("open", "open")),
    ("community_language_bad", S, {"wanghu": community_site("望湖社区", "language: fr\n")}, {},
     "wanghu/site.yaml:3", ("zh-Hans", "zh-Hans")),
]


def _street(make_street: MakeStreet, street: str, communities: dict[str, str], files: dict[str, str | None]) -> Path:
    folder = make_street(communities, {k: v for k, v in files.items() if v is not None}, street=street)
    for rel in (k for k, v in files.items() if v is None):
        (folder / rel).unlink()
    return folder


@pytest.mark.parametrize(("case", "street", "communities", "files", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_street_problem(make_street: MakeStreet, case: str, street: str, communities: dict[str, str],
                        files: dict[str, str | None], where: str, words: tuple[str, str]) -> None:
    folder = _street(make_street, street, communities, files)
    for lang, word in zip(("en", "zh-Hans"), words, strict=True):
        result = run("--lang", lang, "check", "--content", str(folder))
        lines = error_lines(result)
        hits = [line for line in lines if line.startswith(where)]
        assert hits, (lang, lines)
        assert any(word.lower() in line.lower() for line in hits), (lang, hits)
        assert "Traceback" not in result.output + result.stderr
    if case != "street_unknown_key":  # a warning: the street still checks
        assert result.exit_code == 1


LINK_CASES = [
    # (case, link name in the street, its target: "outside" a copy of a community beside the street,
    #  "root" the file system root; the line the error starts with, words en / zh-Hans)
    ("community_link_outside", "linked", "outside", "linked:", ("outside the street", "以外")),
    ("community_link_root", "rootfs", "root", "rootfs:", ("outside the street", "以外")),
    ("theme_link_outside", "th", "outside", "street.yaml:3", ("not inside", "不在")),
]


@pytest.mark.parametrize(("case", "name", "target", "where", "words"), LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_street_link_problem(make_street: MakeStreet, tmp_path: Path, case: str, name: str, target: str,
                             where: str, words: tuple[str, str]) -> None:
    """A link in the street folder to a folder outside it is refused: its files are no street's to publish."""
    folder = make_street(street=S + "theme: th\n" if case.startswith("theme") else S)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "site.yaml").write_text(community_site("外面社区"), encoding="utf-8")
    (folder / name).symlink_to(Path("/") if target == "root" else outside, target_is_directory=True)
    for lang, word in zip(("en", "zh-Hans"), words, strict=True):
        result = run("--lang", lang, "check", "--content", str(folder))
        hits = [line for line in error_lines(result) if line.startswith(where)]
        assert hits and any(word in line for line in hits), (lang, error_lines(result))
        assert result.exit_code == 1 and "Traceback" not in result.output + result.stderr


def test_link_to_a_community_inside_the_street_is_a_community(make_street: MakeStreet) -> None:
    folder = make_street()
    (folder / "wanghu2").symlink_to("wanghu", target_is_directory=True)
    result = run("check", "--content", str(folder))
    assert result.exit_code == 0 and "3 communities" in result.output, result.stderr


@pytest.mark.parametrize("written", ["th", "th/", "./th", "../street/th"])
def test_street_theme_folder_is_no_community(make_street: MakeStreet, written: str) -> None:
    """However the theme's path is written, its folder is the theme, not a community missing site.yaml."""
    folder = make_street(street=S + f"theme: {written}\n", files={"th/i18n/street/en.yaml": "street_title: x\n"})
    result = run("check", "--content", str(folder))
    assert result.exit_code == 0 and "2 communities" in result.output, (result.output, result.stderr)


def test_every_community_problem_in_one_run(make_street: MakeStreet) -> None:
    """Problems of the street and of two communities, all in one run, each street-relative."""
    folder = make_street({"wanghu": community_site("望湖社区", "base_url: https://other.example.org/\n"),
                          "meihu": community_site("梅湖社区"), "Bad": community_site("x")},
                         {"meihu/wishes/a.yaml": "wish: x\nwisher: 张三\nposted_on: 2026-01-01\nstatus: nope\n",
                          "wanghu/activities/b.md": "---\ntitle: x\ndate: 2026-13-01\n---\n"})
    lines = error_lines(run("check", "--content", str(folder)))
    assert [line.split(": ")[0] for line in lines if not line.startswith("Content") and ": warning: " not in line][:4] == [
        "Bad", "meihu/wishes/a.yaml:4", "wanghu/activities/b.md:3", "wanghu/site.yaml:3"]


def test_valid_street_checks(make_street: MakeStreet) -> None:
    result = run("check", "--content", str(make_street()))
    assert result.exit_code == 0, result.stderr
    assert "2 communities" in result.output


INHERITED_CASES = [
    # (site.yaml extra lines, field, expected value after inheritance)
    ("", "street", "包河街道"),
    ("", "district", "包河区"),
    ("", "city", "合肥市"),
    ("", "base_url", "https://street.example.org/wanghu/"),
    ("", "language", "zh-Hans"),
    ("", "timezone", "Asia/Shanghai"),
    ("", "poster_paper", "A4"),
    ("", "office", {"address": "包河大道1号", "phone": "0551-63351234", "hours": "周一至周五"}),
    ("district: 别的区\n", "district", "别的区"),
    ("poster_paper: A3\n", "poster_paper", "A3"),
    ("street: 另一街道\n", "street", "另一街道"),
]


@pytest.mark.parametrize(("extra", "field", "expected"), INHERITED_CASES)
def test_inheritance(make_street: MakeStreet, extra: str, field: str, expected: object) -> None:
    from sitegen import pipeline

    folder = make_street({"wanghu": community_site("望湖社区", extra)})
    read = read_street(folder)
    assert read.street is not None and read.problems == []
    community = read.communities[0]
    assert inherited(read.street, community)["base_url"] == "https://street.example.org/wanghu/"
    options = community_options(read.street, community, Options(now=NOW), StreetFolders(Path("c"), Path("p")))
    site = pipeline.check(community.content, options).model.site
    value = getattr(site, field)
    if field == "office":
        value = {k: getattr(value, k) for k in ("address", "phone", "hours")}
    assert value == expected


def test_inherited_language_and_paper(make_street: MakeStreet) -> None:
    from sitegen import pipeline

    folder = make_street({"wanghu": community_site("望湖社区")}, street=STREET_YAML + "language: en\nposter_paper: A3\n")
    read = read_street(folder)
    assert read.street is not None
    options = community_options(read.street, read.communities[0], Options(now=NOW), StreetFolders(Path(), Path()))
    site = pipeline.check(read.communities[0].content, options).model.site
    assert (site.language, site.poster_paper) == ("en", "A3")


def test_problem_lines_stay_the_community_files(make_street: MakeStreet) -> None:
    """Inherited fields are merged into the parsed mapping: a problem keeps its own line in site.yaml."""
    folder = make_street({"wanghu": "# 望湖\n\nname: 望湖社区\ntimezone: Mars/Olympus\n"})
    lines = error_lines(run("check", "--content", str(folder)))
    assert any(line.startswith("wanghu/site.yaml:4:") for line in lines), lines


def test_street_theme_is_relative_to_the_street(make_street: MakeStreet) -> None:
    folder = make_street(street=STREET_YAML + "theme: look\n", files={"look/theme.yaml": "name: look\n"})
    read = read_street(folder)
    assert read.street is not None and read.problems == []
    options = community_options(read.street, read.communities[0], Options(now=NOW), StreetFolders(Path(), Path()))
    assert options.theme == (folder / "look").resolve()
