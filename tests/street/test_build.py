"""A street of three communities built as one site (docs/spec.md §6): where everything lands, that
every page, link and QR code is right, that a broken community blocks the street, incremental
rebuilds and shards give the same bytes as one cold build.

Street pages come from sitegen/street/pages.py
(see conftest.py `street_pages`): these tests hold the engine, not the street pages' contents.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp

from sitegen import pipeline
from sitegen.options import Options
from sitegen.street.build import build_street
from sitegen.street.shard import Shard
from sitegen.street.state import StreetFolders
from sitegen.verify import verify_folder
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, error_lines, run, tree_bytes, write_files
from tests.render.test_site import rasterise
from tests.street.conftest import STREET_YAML, MakeStreet, community_site, street_maker
from tests.support.cold import ColdBuilds
from tests.support.html import html_files, parse, resolve

THREE = {"wanghu": community_site("望湖社区"), "meihu": community_site("梅湖社区", "district: 别的区\n"),
         "binhu": community_site("滨湖社区")}
BASE = "https://street.example.org/"
# Every URL of SPEC §4 the sample content gives, under each community's folder.
COMMUNITY_PAGES = [
    "index.html", "activities/index.html", "disclosures/index.html", "deliberations/index.html", "wishes/index.html",
    "activities/2026-linli-jie/index.html", "deliberations/2026-tingche/index.html",
    "disclosures/wang-jianguo/index.html", "wishes/2026-zhuxingqi/index.html", "posters/index.html",
    "posters/wishes/index.html", "posters/activities/2026-linli-jie/index.html",
    "posters/wishes/2026-zhuxingqi/index.html", "feed.xml", "sitemap.xml", "activities.ics", "search/index.html",
]


def options(**changes: object) -> Options:
    return Options(now=NOW, jobs=2, **changes)  # type: ignore[arg-type]


@pytest.fixture
def built(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> Path:
    folder = make_street(THREE)
    build_street(folder, tmp_path / "out", options())
    return tmp_path / "out"


@pytest.fixture(scope="module")
def built_once(street_pages: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`built` made once for the module, for the tests that only read it (what lands where, links, QR
    codes, modes): the same street and options, so the same files. A test that builds into it again
    (another spelling of OUT has nothing to do) asks for `built`, the output its own build left."""
    root = tmp_path_factory.mktemp("built")
    build_street(street_maker(root)(THREE), root / "out", options())
    return root / "out"


def test_every_community_url_and_the_street_index_exist(built_once: Path) -> None:
    built = built_once
    missing = [f"{slug}/{page}" for slug in THREE for page in COMMUNITY_PAGES if not (built / slug / page).is_file()]
    assert missing == []
    assert (built / "index.html").is_file()
    assert sorted(p.name for p in built.iterdir() if p.is_dir() and p.name in THREE) == sorted(THREE)


def test_nothing_but_the_site_lands_in_out(built_once: Path) -> None:
    """Caches and posters for printing live beside OUT, never in it; verify checks the whole street."""
    built = built_once
    assert not list(built.rglob("*.pickle")) and not list(built.rglob("shadow"))
    assert sorted(p.name for p in print_folder(built).iterdir()) == sorted(THREE)
    assert (built.parent / ".out.sitegen-cache" / "communities" / "meihu" / "state.pickle").is_file()
    found = verify_folder(built)
    assert found.clean and found.checked > 3 * len(COMMUNITY_PAGES)


# (working folder under the output's parent, the output as typed): the street's output however typed.
OUT_SPELLINGS = [("out", "."), ("out", "./"), ("out", "../out/"), (".", "./out/."), ("out/meihu", "..")]


@pytest.mark.parametrize(("where", "typed"), OUT_SPELLINGS, ids=[" ".join(row) for row in OUT_SPELLINGS])
def test_another_spelling_of_the_street_output_has_nothing_to_do(built: Path, where: str, typed: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`--out .` from inside the output put the street's cache and print folders inside it
    (`..sitegen-cache`, `-print`), as the site build did before pipeline/inputs.py absolute."""
    before = sorted(p.name for p in built.iterdir())
    monkeypatch.chdir(built.parent / where)
    report = build_street(built.parent / "street", Path(typed), options())
    assert report.unchanged
    assert sorted(p.name for p in built.iterdir()) == before
    assert sorted(p.name for p in built.parent.iterdir()) == [".out.sitegen-cache", "out", "out-print", "street"]


def test_every_internal_link_resolves(built_once: Path) -> None:
    built = built_once
    broken = []
    for page in html_files(built):
        for href in parse(page).links():
            target = resolve(built, page, href)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(built)} → {href}")
    assert broken == []


def test_every_qr_decodes_to_its_page_under_its_community(built_once: Path) -> None:
    built = built_once
    count = 0
    for page in sorted(built.glob("*/posters/**/index.html")):
        slug = page.relative_to(built).parts[0]
        for svg in re.findall(r"<svg class=\"qr\".*?</svg>", page.read_text("utf-8"), re.S):
            url = re.search(r'data-qr-url="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
            assert [d.text for d in zxingcpp.read_barcodes(rasterise(svg))] == [url]
            assert url.startswith(f"{BASE}{slug}/"), url
            assert (built / url.removeprefix(BASE) / "index.html").is_file(), url
            count += 1
    assert count >= 3 * 4


def test_a_community_is_the_site_it_would_be_alone(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    """Inheritance is site.yaml with the street's values written in: the same bytes as a single build."""
    folder = make_street({"wanghu": community_site("望湖社区")})
    build_street(folder, tmp_path / "out", options())
    spelled = (folder / "wanghu" / "site.yaml").read_text("utf-8") + (
        "base_url: https://street.example.org/wanghu/\nstreet: 包河街道\ndistrict: 包河区\ncity: 合肥市\n"
        "office:\n  address: 包河大道1号\n  phone: 0551-63351234\n  hours: 周一至周五\n")
    alone = tmp_path / "alone"
    (tmp_path / "single").mkdir()
    import shutil

    shutil.copytree(folder / "wanghu", alone)
    (alone / "site.yaml").write_text(spelled, encoding="utf-8")
    pipeline.build(alone, tmp_path / "single" / "out", options(use_cache=False))
    assert tree_bytes(tmp_path / "out" / "wanghu") == tree_bytes(tmp_path / "single" / "out")


def test_one_broken_community_blocks_the_street(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    folder = make_street(THREE)
    out = tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    before, printed = tree_bytes(out), tree_bytes(print_folder(out))
    (folder / "wanghu" / "activities" / "2026-linli-jie.md").write_text("---\ntitle: 新标题\ndate: 2026-07-01\n---\n",
                                                                        encoding="utf-8")
    (folder / "meihu" / "wishes" / "a.yaml").write_text("wish: x\nwisher: 张三\nposted_on: 2026-13-01\nstatus: nope\n",
                                                        encoding="utf-8")
    (folder / "binhu" / "deliberations" / "b.yaml").write_text("title: x\nstatus: proposed\n", encoding="utf-8")
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == 1
    wheres = [line.split(": ")[0] for line in error_lines(result) if not line[0].isdigit() and ": warning: " not in line]
    assert wheres == ["binhu/deliberations/b.yaml:1", "meihu/wishes/a.yaml:3", "meihu/wishes/a.yaml:4"], wheres
    assert tree_bytes(out) == before
    assert tree_bytes(print_folder(out)) == printed


# Which communities have nothing to do is asked of each in this process, or of all on forked workers
# (street/ready.py; a street of 8 or more): the same answers either way.
ASKED = [pytest.param(8, id="here"), pytest.param(1, id="on-workers")]


@pytest.mark.parametrize("alone", ASKED)
def test_one_change_rebuilds_one_community_and_equals_a_cold_build(make_street: MakeStreet, street_pages: str,
                                                                   tmp_path: Path, alone: int,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   cold_builds: ColdBuilds) -> None:
    monkeypatch.setattr("sitegen.street.ready.ALONE", alone)
    folder = make_street(THREE)
    warm = tmp_path / "warm" / "out"
    build_street(folder, warm, options())
    wish = folder / "meihu" / "wishes" / "2026-zhuxingqi.yaml"
    wish.write_text(wish.read_text("utf-8").replace("助行器", "折叠助行器"), encoding="utf-8")
    report = build_street(folder, warm, options())
    assert {slug: r.unchanged for slug, r in report.communities.items()} == {"binhu": True, "meihu": False,
                                                                          "wanghu": True}
    # The street from nothing as it is now (made once a session: both rows, and the wish retitled below).
    cold = cold_builds.out(folder, options(use_cache=False), build_street, "out")
    assert tree_bytes(warm) == tree_bytes(cold)
    assert tree_bytes(print_folder(warm)) == tree_bytes(print_folder(cold))
    again = build_street(folder, warm, options())
    assert again.unchanged and again.written == 0


def test_a_changed_community_reads_its_cache_once(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.pipeline.cache import BuildCache

    folder = make_street(THREE)
    out = tmp_path / "out"
    build_street(folder, out, options())
    wish = folder / "meihu" / "wishes" / "2026-zhuxingqi.yaml"
    wish.write_text(wish.read_text("utf-8").replace("助行器", "折叠助行器"), encoding="utf-8")
    loads: list[Path] = []
    load = BuildCache.load

    def counted(where: Path, key: str, folder: Path | None = None) -> BuildCache:
        loads.append(where)
        return load(where, key, folder)

    monkeypatch.setattr(BuildCache, "load", counted)
    report = build_street(folder, out, options())
    assert loads == [out / "meihu"]  # read to check it, then handed to its build
    assert not report.communities["meihu"].unchanged and not report.communities["meihu"].cache_damaged


# (what changed in meihu between two street builds) → how often its content is checked: once, the
# check handed to its build with the cache; twice where the street's secrets changed (checked again
# against the new set, that check handed on)
CHECKS = [
    pytest.param("助行器", "折叠助行器", 1, id="a wish retitled"),
    pytest.param("wisher: ", "wisher: 欧阳", 2, id="a wisher renamed: the street's secrets changed"),
]


@pytest.mark.parametrize(("find", "put", "checks"), CHECKS)
def test_a_changed_community_is_checked_once_per_set_of_secrets(make_street: MakeStreet, street_pages: str,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                find: str, put: str, checks: int,
                                                                cold_builds: ColdBuilds) -> None:
    folder = make_street(THREE)
    warm = tmp_path / "warm" / "out"
    build_street(folder, warm, options())
    wish = folder / "meihu" / "wishes" / "2026-zhuxingqi.yaml"
    wish.write_text(wish.read_text("utf-8").replace(find, put, 1), encoding="utf-8")
    seen: list[Path] = []
    check = pipeline.check

    def counted(content: Path, *args: Any, **kwargs: Any) -> pipeline.Checked:
        seen.append(content)
        return check(content, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check", counted)
    build_street(folder, warm, options())
    assert seen.count(folder / "meihu") == checks  # (the others are built for the new set too, checked by their builds)
    monkeypatch.undo()
    cold = cold_builds.out(folder, options(use_cache=False), build_street, "out")  # the wish retitled: shared
    assert tree_bytes(warm) == tree_bytes(cold)


def _append(page: Path) -> None:
    with page.open("a", encoding="utf-8") as handle:  # in place: the page's folder keeps its mtime
        handle.write("<!-- spam -->")


def _warm_and_cold(make_street: MakeStreet, tmp_path: Path, cold_builds: ColdBuilds) -> tuple[Path, Path, Path]:
    """The three-community street built twice, with its cache (warm) and without (cold: made once a
    session, only read), then a moment past the file system's timestamp tick: a hand comes later than the build."""
    import time

    folder = make_street(THREE)
    warm = tmp_path / "warm" / "out"
    build_street(folder, warm, options())
    cold = cold_builds.out(folder, options(use_cache=False), build_street, "out")
    time.sleep(0.02)
    return folder, warm, cold


# (community, what a hand did to its output): with no content changed, each is still noticed and made again.
HAND_CHANGES = [
    ("wanghu", "a page written to in place", lambda out: _append(out / "index.html")),
    ("meihu", "a page deleted", lambda out: (out / "wishes" / "2026-zhuxingqi" / "index.html").unlink()),
    ("binhu", "a file added beside a page", lambda out: (out / "activities" / "spam.html").write_text("x")),
]


@pytest.mark.parametrize("alone", ASKED)
def test_a_hand_change_in_a_community_output_is_made_again(make_street: MakeStreet, street_pages: str,
                                                            tmp_path: Path, alone: int,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            cold_builds: ColdBuilds) -> None:
    monkeypatch.setattr("sitegen.street.ready.ALONE", alone)
    folder, warm, cold = _warm_and_cold(make_street, tmp_path, cold_builds)
    for slug, _, act in HAND_CHANGES:
        act(warm / slug)
    report = build_street(folder, warm, options())
    assert {slug: report.communities[slug].unchanged for slug, _, _ in HAND_CHANGES} == dict.fromkeys(
        (slug for slug, _, _ in HAND_CHANGES), False), [change for _, change, _ in HAND_CHANGES]
    assert tree_bytes(warm) == tree_bytes(cold)
    assert build_street(folder, warm, options()).unchanged


def test_a_community_that_leaves_is_removed(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    import shutil

    folder = make_street(THREE)
    out = tmp_path / "out"
    build_street(folder, out, options())
    shutil.rmtree(folder / "binhu")
    build_street(folder, out, options())
    assert not (out / "binhu").exists() and not (print_folder(out) / "binhu").exists()
    assert verify_folder(out).clean


def test_shards_assembled_equal_one_machine(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                           built_once: Path) -> None:
    folder = make_street(THREE)
    single = built_once  # the same street built on one machine with the same options: only read here
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        report = build_street(folder, part, options(), shard=Shard(k, 2))
        assert sorted(report.communities) == [["binhu", "wanghu"], ["meihu"]][k - 1]
        assert sorted(p.stem for p in StreetFolders.shard_summaries(part).glob("*.json")) == sorted(report.communities)
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "all"), "--assemble", *map(str, parts))
    assert result.exit_code == 0, result.stderr
    assert tree_bytes(tmp_path / "all") == tree_bytes(single)
    assert tree_bytes(print_folder(tmp_path / "all")) == tree_bytes(print_folder(single))
    assert verify_folder(tmp_path / "all").clean


def _disk_full_at_the_second_put(monkeypatch: pytest.MonkeyPatch, assembled: Path) -> None:
    import sitegen.street.shard as street_shard

    put, calls = street_shard._put, []

    def full(source: Path, target: Path, trash: Path) -> None:
        calls.append(target)
        if target.parent == assembled and len([c for c in calls if c.parent == assembled]) == 2:
            raise OSError(28, "No space left on device", str(target))
        put(source, target, trash)

    monkeypatch.setattr(street_shard, "_put", full)


def _wanghu_damaged(monkeypatch: pytest.MonkeyPatch, assembled: Path) -> None:
    """A hand appends to a page of the assembled wanghu: the shard's own copy, a hard link, changes too."""
    with open(assembled / "wanghu" / "index.html", "a", encoding="utf-8") as handle:
        handle.write("<!-- hand -->")


# i-break12 (what stops an --assemble after binhu changed, exit code, what the closing lines must hold or None:
# the assembled output as it was). A refusal of a later part came after binhu was put in; a full disk at
# the second community said "nothing was written; the previous output is unchanged" of the first.
ASSEMBLE_STOPS = [
    (_disk_full_at_the_second_put, 74, "these communities already hold this build: binhu; the other communities"),
    (_wanghu_damaged, 2, None),
]


@pytest.mark.parametrize(("stop", "code", "told"), ASSEMBLE_STOPS)
def test_an_assemble_stopped_half_way_says_what_it_put_in(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, stop: Callable[..., None],
                                                          code: int, told: str | None) -> None:
    folder, assembled = make_street(THREE), tmp_path / "all" / "out"
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]

    def assemble() -> Any:
        for k, part in enumerate(parts, 1):
            build_street(folder, part, options(), shard=Shard(k, 2))
        return run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts))

    assert assemble().exit_code == 0
    activity = next((folder / "binhu" / "activities").glob("*.md"))
    activity.write_text(activity.read_text("utf-8") + "\n又加了一段。\n", encoding="utf-8")
    for k, part in enumerate(parts, 1):
        build_street(folder, part, options(), shard=Shard(k, 2))
    stop(monkeypatch, assembled)
    before = tree_bytes(assembled)
    result = run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts))
    assert result.exit_code == code, result.output
    if told is None:
        assert tree_bytes(assembled) == before
    else:
        assert told in result.stderr and "unchanged" not in result.stderr, result.stderr
        page = "activities/2026-linli-jie/index.html"
        assert "又加了一段" in (assembled / "binhu" / page).read_text("utf-8")


SHARD_CASES = [("1/1", (1, 1)), ("2/4", (2, 4)), (" 3 / 3 ", (3, 3))]
BAD_SHARDS = ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"]


@pytest.mark.parametrize(("text", "expected"), SHARD_CASES)
def test_shard_parse(text: str, expected: tuple[int, int]) -> None:
    assert (Shard.parse(text).number, Shard.parse(text).count) == expected


@pytest.mark.parametrize("text", BAD_SHARDS)
def test_bad_shard_is_a_usage_error(make_street: MakeStreet, text: str, tmp_path: Path) -> None:
    result = run("build", "--content", str(make_street()), "--out", str(tmp_path / "o"), "--shard", text)
    assert result.exit_code == 2 and "K/N" in result.stderr


def test_assemble_names_a_missing_community(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    folder = make_street(THREE)
    part = tmp_path / "p1" / "out"
    build_street(folder, part, options(), shard=Shard(1, 2))
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "all"), "--assemble", str(part))
    assert result.exit_code == 2 and "meihu" in result.stderr
    assert not (tmp_path / "all").exists()


STALE_CASES = [
    # (case, what changes after both shards were built, args added to --assemble (SOURCE_DATE_EPOCH=… sets
    #  the clock), the stale community named or None)
    ("nothing", {}, (), None),
    ("record_edited", {"meihu/pages/about.md": "# 关于\n改过了。\n"}, (), "meihu"),
    ("record_added", {"wanghu/wishes/new.yaml": "wish: 新心愿\nwisher: 张三\nposted_on: 2026-10-01\nstatus: open\n"},
     (), "wanghu"),
    ("street_yaml_edited", {"street.yaml": "name: 新街道\nbase_url: https://street.example.org/\n"}, (), "binhu"),
    ("other_options", {}, ("--pdf",), "binhu"),
    ("another_day", {}, (f"SOURCE_DATE_EPOCH={int(NOW.timestamp()) + 86400}",), "binhu"),
]


@pytest.mark.parametrize(("case", "changes", "extra", "stale"), STALE_CASES, ids=[c[0] for c in STALE_CASES])
def test_assemble_refuses_a_stale_shard(make_street: MakeStreet, street_pages: str, tmp_path: Path, case: str,
                                        changes: dict[str, str], extra: tuple[str, ...], stale: str | None) -> None:
    """A shard built before its records, street.yaml, the options or the day changed is not assembled."""
    from tests.conftest import write_files

    folder = make_street(THREE)
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, options(), shard=Shard(k, 2))
    write_files(folder, changes)
    env = dict(arg.split("=", 1) for arg in extra if "=" in arg)
    args = [arg for arg in extra if "=" not in arg]
    for lang, word in (("en", "again"), ("zh-Hans", "重新生成")):
        result = run("--lang", lang, "build", "--content", str(folder), "--out", str(tmp_path / "all"),
                     "--assemble", *map(str, parts), *args, env=env)
        if stale is None:
            assert result.exit_code == 0, result.stderr
            return
        assert result.exit_code == 2 and f"“{stale}”" in result.stderr and word in result.stderr, result.stderr
        assert not (tmp_path / "all").exists()


# (--assemble and what follows it, the word the en / zh-Hans usage error must hold): each a usage error, nothing written
ASSEMBLE_USAGE = [
    (["--assemble", "nowhere"], ("nowhere", "nowhere")),
    (["--assemble", "part1/out", "--shard", "1/2"], ("separate runs", "分两次")),
    (["part1/out"], ("--assemble", "--assemble")),
    (["--assemble"], ("shard outputs", "分片输出")),
]


@pytest.mark.parametrize(("args", "words"), ASSEMBLE_USAGE, ids=[" ".join(a[0]) for a in ASSEMBLE_USAGE])
def test_assemble_usage_errors_name_the_fault(make_street: MakeStreet, tmp_path: Path, args: list[str],
                                              words: tuple[str, str]) -> None:
    folder = make_street()
    (tmp_path / "part1" / "out").mkdir(parents=True)
    args = [str(tmp_path / a) if a in ("part1/out", "nowhere") else a for a in args]
    for lang, word in zip(("en", "zh-Hans"), words, strict=True):
        result = run("--lang", lang, "build", "--content", str(folder), "--out", str(tmp_path / "all"), *args)
        assert result.exit_code == 2 and word in result.stderr, result.stderr
        assert not (tmp_path / "all").exists() and "Traceback" not in result.output + result.stderr


def test_shard_options_need_a_street(make_site: object, tmp_path: Path) -> None:
    content = make_site()  # type: ignore[operator]
    result = run("build", "--content", str(content), "--out", str(tmp_path / "o"), "--shard", "1/2")
    assert result.exit_code == 2 and "street.yaml" in result.stderr


OUYANG_WISH = "wish: 想要一副老花镜\nwisher: 欧阳建华\ncategory: 助老\nposted_on: 2026-05-01\nstatus: open\n"
OUYANG_MENTION = "---\ntitle: 看望欧阳建华老人\ndate: 2026-06-01\n---\n感谢欧阳建华老人。\n"
HIDDEN_PHONE = ("name: 欧阳明\nrole: 楼栋长\nparty_member: true\nphone: \"13912345678\"\nshow_phone: poster\n"
                "duties: [走访]\n")
PHONE_MENTION = "---\ntitle: 楼栋走访\ndate: 2026-06-01\n---\n有事请打 139 1234 5678。\n"
# show_phone: none keeps the number from everywhere, masked too (breaker helper-124: another community's
# 139****5678 was published on 19 pages, and the message for the whole number said to write it so)
NOWHERE_PHONE = HIDDEN_PHONE.replace("show_phone: poster", "show_phone: none")
MASKED_MENTION = "---\ntitle: 楼栋走访\ndate: 2026-06-01\n---\n有事请打 139****5678。\n"
# case → the files written before each build; the last build must refuse to publish, naming the
# secret's source (street-relative) and the line of the other community's record that would publish it
ACROSS = [
    ("together", [{"wanghu/wishes/oy.yaml": OUYANG_WISH, "meihu/activities/2026-kanwang.md": OUYANG_MENTION}],
     "wanghu/wishes/oy.yaml:2", "meihu/activities/2026-kanwang.md:2:"),
    ("wish_then_mention", [{"wanghu/wishes/oy.yaml": OUYANG_WISH}, {"meihu/activities/2026-kanwang.md": OUYANG_MENTION}],
     "wanghu/wishes/oy.yaml:2", "meihu/activities/2026-kanwang.md:2:"),
    ("mention_then_wish", [{"meihu/activities/2026-kanwang.md": OUYANG_MENTION}, {"wanghu/wishes/oy.yaml": OUYANG_WISH}],
     "wanghu/wishes/oy.yaml:2", "meihu/activities/2026-kanwang.md:2:"),
    # the community that names her comes after the one that adds the wish: nothing is written before the street
    # stops (breaker helper-128: meihu was written with the new wish, then wanghu stopped the street)
    ("mention_then_wish_before_it", [{"wanghu/activities/2026-kanwang.md": OUYANG_MENTION},
                                     {"meihu/wishes/oy.yaml": OUYANG_WISH}],
     "meihu/wishes/oy.yaml:2", "wanghu/activities/2026-kanwang.md:2:"),
    ("hidden_phone", [{"wanghu/disclosures/oym.yaml": HIDDEN_PHONE, "meihu/activities/2026-zoufang.md": PHONE_MENTION}],
     "wanghu/disclosures/oym.yaml:4", "meihu/activities/2026-zoufang.md:5:"),
    ("phone_then_mention", [{"wanghu/disclosures/oym.yaml": HIDDEN_PHONE},
                            {"meihu/activities/2026-zoufang.md": PHONE_MENTION}],
     "wanghu/disclosures/oym.yaml:4", "meihu/activities/2026-zoufang.md:5:"),
    ("nowhere_phone_masked", [{"wanghu/disclosures/oym.yaml": NOWHERE_PHONE, "meihu/activities/2026-zoufang.md": MASKED_MENTION}],
     "wanghu/disclosures/oym.yaml:4", "meihu/activities/2026-zoufang.md:5:"),
    ("nowhere_phone_then_masked_mention", [{"wanghu/disclosures/oym.yaml": NOWHERE_PHONE},
                                           {"meihu/activities/2026-zoufang.md": MASKED_MENTION}],
     "wanghu/disclosures/oym.yaml:4", "meihu/activities/2026-zoufang.md:5:"),
]


@pytest.mark.parametrize("shard", [pytest.param([], id="street"), pytest.param(["--shard", "1/2"], id="shard")])
@pytest.mark.parametrize(("case", "steps", "source", "at"), ACROSS, ids=[c[0] for c in ACROSS])
def test_a_wisher_of_one_community_is_never_published_by_another(make_street: MakeStreet, street_pages: str,
                                                                 tmp_path: Path, case: str,
                                                                 steps: list[dict[str, str]], source: str, at: str,
                                                                 shard: list[str]) -> None:
    """The privacy check sees one community at a time; the street hands each community every other
    community's secrets, and a community whose own files did not change is checked again when they do.
    A shard (1/2: meihu alone) learns the secrets of the communities other shards build (street/secrets.py).
    The refusal names the record's line that would publish it, as for the community's own wishers."""
    from tests.conftest import write_files

    folder, out = make_street(), tmp_path / "out"
    if shard and at.startswith("wanghu/"):  # the shard that builds the community refusing it (1/2 is meihu)
        shard = ["--shard", "2/2"]
    for number, files in enumerate(steps):
        write_files(folder, files)
        before = tree_bytes(out) if out.exists() else {}
        result = run("build", "--content", str(folder), "--out", str(out), *shard)
        if number < len(steps) - 1:
            assert result.exit_code == 0, result.output
    assert result.exit_code != 0, result.output
    assert source in result.stderr, result.stderr  # whose secret, street-relative
    assert any(line.startswith(at) for line in result.stderr.splitlines()), result.stderr  # which record's line
    assert tree_bytes(out) == before if before else not any(out.rglob("*.html"))
    if not case.startswith("mention_then_wish"):  # there the name was published before anyone wished under it
        secret = "139****5678" if "nowhere" in case else "13912345678" if "phone" in case else "欧阳建华"
        assert all(secret.encode() not in data for data in tree_bytes(out).values()) if out.exists() else True


@pytest.mark.parametrize(("case", "steps", "source", "at"), [c for c in ACROSS if len(c[1]) == 1], ids=[c[0] for c in ACROSS if len(c[1]) == 1])
def test_check_of_a_street_finds_what_the_build_refuses(make_street: MakeStreet, street_pages: str, case: str,
                                                        steps: list[dict[str, str]], source: str, at: str) -> None:
    """`check --content STREET` checks each community against the others' secrets as the build does
    (breaker helper-124: check passed a wanghu wisher named in meihu; build refused it)."""
    from tests.conftest import write_files

    folder = make_street()
    write_files(folder, steps[0])
    result = run("check", "--content", str(folder))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith(at)]
    assert len(lines) == 1 and source in lines[0], result.stderr


def test_another_communitys_nowhere_number_is_never_to_be_written_masked(make_street: MakeStreet, street_pages: str,
                                                                         tmp_path: Path) -> None:
    from tests.conftest import write_files

    folder = make_street()
    write_files(folder, {"wanghu/disclosures/oym.yaml": NOWHERE_PHONE, "meihu/activities/2026-zoufang.md": PHONE_MENTION})
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "out"))
    lines = [line for line in result.stderr.splitlines() if line.startswith("meihu/activities/2026-zoufang.md:5:")]
    assert result.exit_code == 1 and len(lines) == 1, result.stderr
    assert "not even masked" in lines[0] and "wanghu/disclosures/oym.yaml:4" in lines[0] and "Write" not in lines[0]


@pytest.mark.parametrize("hand", [
    pytest.param(lambda out: _append(out / "manifest.sha256"), id="street-manifest-written-to"),
    pytest.param(lambda out: _append(out / "meihu" / "manifest.sha256"), id="community-manifest-written-to"),
])
def test_the_street_manifest_is_made_again_after_a_hand(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                        hand: Callable[[Path], None], cold_builds: ColdBuilds) -> None:
    """With nothing changed the street manifest is not made again (street/write.py), unless a hand touched it
    or a community's manifest it lists."""
    folder, warm, cold = _warm_and_cold(make_street, tmp_path, cold_builds)
    hand(warm)
    build_street(folder, warm, options())
    assert tree_bytes(warm) == tree_bytes(cold)


def test_a_shard_stops_at_a_problem_in_a_community_another_shard_builds(make_street: MakeStreet, street_pages: str,
                                                                       tmp_path: Path) -> None:
    """Shard 1/2 builds meihu alone, but checks wanghu for its secrets: wanghu's problem is reported and stops
    the shard, as it stops the whole street."""
    from tests.conftest import write_files

    folder = make_street()
    write_files(folder, {"wanghu/wishes/bad.yaml": "wish: 想要台灯\nwisher: 欧阳建华\nposted_on: 2026-13-01\nstatus: open\n"})
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "out"), "--shard", "1/2")
    assert result.exit_code == 1 and "wanghu/wishes/bad.yaml:3" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_nothing_to_do_is_asked_with_the_secrets_digest_alone(make_street: MakeStreet, street_pages: str,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A district holds tens of thousands of secrets: each community's "nothing to do?" compares their digest,
    made once per street build (Options.street_secrets_digest), and the question carries no secrets."""
    from sitegen.pipeline.streetsecrets import digest_of, secrets_digest
    from sitegen.street import build as street_build

    folder, out = make_street(), tmp_path / "out"
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH})
    build_street(folder, out, options())
    asked: list[Options] = []
    unchanged_all = street_build.unchanged_all

    def seen(questions: list[tuple[Path, Path, Options]], workers: int) -> Iterator[tuple[int, pipeline.Report | None]]:
        asked.extend(q[2] for q in questions)
        return unchanged_all(questions, workers)

    monkeypatch.setattr(street_build, "unchanged_all", seen)
    assert build_street(folder, out, options()).unchanged
    union = tuple(sorted({s for slug in ("meihu", "wanghu")
                          for s in StreetFolders(out.parent / f".{out.name}.sitegen-cache", out).secrets(slug)}))
    assert union and all(not o.street_secrets and secrets_digest(o) == digest_of(union) for o in asked)


def test_a_wish_deleted_in_the_same_build_no_longer_hides_its_name(make_street: MakeStreet, street_pages: str,
                                                                    tmp_path: Path) -> None:
    """The street keeps each community's secrets from its last build; a community's own are taken
    from its files as they are now, so a wish withdrawn by deleting it frees the name in the same build."""
    from tests.conftest import write_files

    folder, out = make_street(), tmp_path / "out"
    write_files(folder, {"wanghu/wishes/oy.yaml": OUYANG_WISH})
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    (folder / "wanghu" / "wishes" / "oy.yaml").unlink()
    write_files(folder, {"wanghu/activities/2026-kanwang.md": OUYANG_MENTION})
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "欧阳建华".encode() in (out / "wanghu" / "activities" / "2026-kanwang" / "index.html").read_bytes()


def _stop_at_street_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitegen.street.build as street_build

    def stop(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("stopped before the street pages were written")

    monkeypatch.setattr(street_build, "write_street", stop)  # the pages are made before the communities


def _stop_at_second_community(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitegen.street.build as street_build

    build_one, calls = street_build._build_one, []

    def stop(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        if len(calls) == 2:
            raise RuntimeError("stopped after the first community")
        return build_one(*args, **kwargs)

    monkeypatch.setattr(street_build, "_build_one", stop)


def _raise_at_second_community(monkeypatch: pytest.MonkeyPatch, error: Callable[[], BaseException]) -> None:
    """The street's build of its second community raises `error()`; the first is built and swapped in."""
    import sitegen.street.build as street_build

    build_one, calls = street_build._build_one, []

    def stop(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        if len(calls) == 2:
            raise error()
        return build_one(*args, **kwargs)

    monkeypatch.setattr(street_build, "_build_one", stop)


# (what stops the street at its second community, exit code, what the closing line must hold in zh-Hans):
# the first community was swapped in already, so "nothing written, the last site unchanged" was untrue.
SECOND_STOPS = [
    (lambda: OSError(28, "No space left on device"), 74, "这次已经更新的社区：binhu"),
    (lambda: RuntimeError("a bug of ours"), 70, "这次已经更新的社区：binhu"),
    (lambda: KeyboardInterrupt(), 130, "已中断。这次已经更新的社区：binhu"),
    (lambda: pipeline_leak(), 1, "这次已经更新的社区：binhu"),
]


def pipeline_leak() -> BaseException:
    from sitegen.pipeline.execute import LeaksFound
    from sitegen.write.leaks import Leak

    return LeaksFound([Leak("meihu/wishes/index.html", "欧阳**")])


@pytest.mark.parametrize(("error", "code", "told"), SECOND_STOPS)
def test_a_street_stopped_after_a_community_names_what_it_wrote(make_street: MakeStreet, street_pages: str,
                                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 error: Callable[[], BaseException], code: int,
                                                                 told: str) -> None:

    folder, out = make_street(THREE), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    for slug in ("binhu", "meihu"):
        activity = next((folder / slug / "activities").glob("*.md"))
        activity.write_text(activity.read_text("utf-8") + "\n又加了一段。\n", encoding="utf-8")
    _raise_at_second_community(monkeypatch, error)
    result = run("build", "--content", str(folder), "--out", str(out), "--quiet", env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == code, result.output
    assert told in result.stderr and "保持不变" not in result.stderr and "没有改动" not in result.stderr, result.stderr
    page = "activities/2026-linli-jie/index.html"
    assert "又加了一段" in (out / "binhu" / page).read_text("utf-8")  # as the message says: binhu holds this build,
    assert "又加了一段" not in (out / "meihu" / page).read_text("utf-8")  # meihu the last one


# i-break12: (what stops a FIRST street build at its second community, exit code, the language, what the
# closing line must hold). There is no last street: "the rest are as the last build left them" was untrue.
FIRST_STOPS = [
    (None, 1, "en", "binhu; the other communities and the street pages are not built yet"),
    (None, 1, "zh-Hans", "这次已经更新的社区：binhu；其余社区和街道页面还没有生成"),
    (lambda: OSError(28, "No space left on device"), 74, "zh-Hant", "binhu；其餘社區和街道頁面還沒有生成"),
    (lambda: RuntimeError("a bug of ours"), 70, "en", "binhu; the other communities and the street pages are not"),
    (lambda: KeyboardInterrupt(), 130, "en", "Interrupted. These communities already hold this build: binhu; the other"
                                             " communities and the street pages are not built yet"),
]


@pytest.mark.parametrize(("error", "code", "lang", "told"), FIRST_STOPS)
def test_a_first_street_build_stopped_after_a_community_claims_no_last_street(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        error: Callable[[], BaseException] | None, code: int, lang: str, told: str) -> None:
    """None: meihu's own theme fails on its pages (data, no patch); binhu, built before it, is in OUT."""

    page = '{% extends "base.html" %}\n{% block main %}{{ link(1) }}{% endblock %}\n'
    communities = {**THREE, "meihu": community_site("梅湖社区", "theme: mine\n")} if error is None else THREE
    folder, out = make_street(communities, files={"meihu/mine/templates/page.html": page} if error is None else {}), \
        tmp_path / "out"
    if error is not None:
        _raise_at_second_community(monkeypatch, error)
    result = run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})
    assert result.exit_code == code, result.output
    assert told in result.stderr and "last build left" not in result.stderr and "上一次" not in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["binhu"]  # as the message says: no street pages, no meihu


class _FullAtSecond(dict):  # type: ignore[type-arg]
    """The street files to write, the disk full at the second of them (read by items() or one by one)."""

    read = 0

    def items(self) -> Any:
        for n, (target, data) in enumerate(super().items()):
            if n == 1:
                raise OSError(28, "No space left on device", str(target))
            yield target, data

    def __getitem__(self, target: Any) -> Any:
        self.read += 1
        if self.read == 2:
            raise OSError(28, "No space left on device", str(target))
        return super().__getitem__(target)


# i-break12: (the language, what the closing line must hold) when the disk fills while the street pages are
# written, after both communities were swapped in. They were written one by one: the street pages were
# half new while the message said they were as the last build left them.
STREET_PAGES_FULL = [("en", "the other communities and the street pages are as the last build left them"),
                     ("zh-Hans", "这次已经更新的社区：meihu, wanghu；其余社区和街道页面保持上一次的样子")]


@pytest.mark.parametrize(("lang", "told"), STREET_PAGES_FULL)
def test_a_disk_full_at_the_street_pages_leaves_them_all_as_they_were(make_street: MakeStreet, street_pages: str,
                                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      lang: str, told: str) -> None:
    import sitegen.street.write as street_write

    folder, out = make_street(), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    street_files = {rel: data for rel, data in tree_bytes(out).items() if rel.split("/")[0] not in ("wanghu", "meihu")}
    (folder / "street.yaml").write_text(STREET_YAML.replace("包河大道1号", "包河大道2号"), encoding="utf-8")
    stage_files = street_write.stage_files
    monkeypatch.setattr(street_write, "stage_files",
                        lambda targets, names=None: stage_files(_FullAtSecond(targets), names))
    result = run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 74, result.output
    assert told in result.stderr, result.stderr
    now = tree_bytes(out)
    assert {rel: data for rel, data in now.items() if rel.split("/")[0] not in ("wanghu", "meihu")} == street_files
    assert "包河大道2号" in (out / "wanghu" / "index.html").read_text("utf-8")  # as told: the communities are new
    monkeypatch.undo()
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    assert "包河大道2号" in (out / "index.html").read_text("utf-8") and verify_folder(out).clean


@pytest.mark.parametrize("rel", ["index.html", "manifest.sha256", "feed.xml", "care/index.html"])
def test_a_street_file_is_as_readable_as_a_community_s(built_once: Path, rel: str) -> None:
    """i-break12: the street's own files were written 0600 (a temporary file's mode): a web server
    running as another user could not read the street's home page."""
    built = built_once
    assert (built / rel).stat().st_mode & 0o777 == (built / "wanghu" / rel).stat().st_mode & 0o777


def test_a_street_page_an_earlier_sitegen_left_0600_is_made_readable(make_street: MakeStreet, street_pages: str,
                                                                     tmp_path: Path) -> None:
    folder, out = make_street(), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    robots = (out / "robots.txt").read_bytes()
    os.chmod(out / "robots.txt", 0o600)  # its bytes do not change below: only its mode has it written again
    (folder / "street.yaml").write_text(STREET_YAML.replace("周一至周五", "周一至周六"), encoding="utf-8")
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    assert (out / "robots.txt").read_bytes() == robots
    assert (out / "robots.txt").stat().st_mode & 0o777 == (out / "wanghu" / "index.html").stat().st_mode & 0o777


# How a first street build can stop half-way (an internal error, a kill): the communities already
# built are in OUT, the street's manifest (written last) is not.
STOPS = [pytest.param(_stop_at_street_pages, id="before the street pages"),
         pytest.param(_stop_at_second_community, id="after the first community")]


@pytest.mark.parametrize("stop", STOPS)
def test_a_first_street_build_stopped_half_way_does_not_block_the_next(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop: Callable[[pytest.MonkeyPatch], None]) -> None:
    folder = make_street(THREE)
    out = tmp_path / "out"
    stop(monkeypatch)
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 70
    monkeypatch.undo()
    assert out.is_dir() and not (out / "manifest.sha256").exists()
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    cold = tmp_path / "cold"
    assert run("build", "--content", str(folder), "--out", str(cold), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))


# What a street build must still refuse: a folder that is not only communities' outputs.
NOT_OURS = [pytest.param({"notes.txt": "mine"}, id="a file of someone else's"),
            pytest.param({"photos/a.jpg": "x"}, id="a folder without our manifest"),
            pytest.param({"wanghu/manifest.sha256": "x", "todo.md": "x"}, id="a community folder and a stray file")]


@pytest.mark.parametrize("files", NOT_OURS)
def test_a_street_build_refuses_an_output_folder_of_someone_else(make_street: MakeStreet, street_pages: str,
                                                                 tmp_path: Path, files: dict[str, str]) -> None:
    folder = make_street(THREE)
    out = tmp_path / "out"
    write_files(out, files)
    before = tree_bytes(out)
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "manifest.sha256" in result.stderr
    assert tree_bytes(out) == before


def test_a_community_build_refuses_a_street_s_half_built_output(make_street: MakeStreet, street_pages: str,
                                                               tmp_path: Path) -> None:
    """Only a street build takes a folder of communities' outputs as its own: one community's build
    would swap the others away."""
    folder = make_street(THREE)
    out = tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    (out / "manifest.sha256").unlink()
    for entry in list(out.iterdir()):
        if not (entry / "manifest.sha256").is_file():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    before = tree_bytes(out)
    result = run("build", "--content", str(folder / "wanghu"), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert tree_bytes(out) == before


# A street theme's own street page (templates/street/…) that fails: told at its line, exit 1, like a
# community page's; before, its ThemeFault reached the command line as "sitegen internal error" (exit 70).
STREET_PAGE_MISUSE = ["{{ nosuch.x }}", "{{ link(1) }}", "{{ 1 / 0 }}",
                      '{% from "default/macros.html" import poster_link with context %}{{ poster_link(1) }}']


@pytest.mark.parametrize("line", STREET_PAGE_MISUSE)
@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_a_street_theme_failing_on_a_street_page_is_told_at_its_line(make_street: MakeStreet, street_pages: str,
                                                                     tmp_path: Path, line: str, lang: str) -> None:
    index = '{% extends "default/street/index.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    folder = make_street(street=STREET_YAML + "theme: brand\n", files={"brand/templates/street/index.html": index})
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "out"), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 1, result.output
    assert [e for e in error_lines(result) if e.startswith("brand/templates/street/index.html:2: ")], result.output
    assert "Traceback" not in result.output and not (tmp_path / "out" / "index.html").exists()


# (how the street is built: by one build, or by two shards put together by --assemble). A street page
# that fails once a community changed: before, the communities were swapped in first and the build
# then said "nothing written, the last site unchanged" of an output it had half replaced.
AFTER_A_CHANGE = ["one build", "assembled"]


@pytest.mark.parametrize("how", AFTER_A_CHANGE)
def test_a_failing_street_page_leaves_every_community_as_it_was(make_street: MakeStreet, street_pages: str,
                                                                tmp_path: Path, how: str) -> None:
    good = '{% extends "default/street/index.html" %}\n{% block main %}{{ super() }}{% endblock %}\n'
    folder = make_street(THREE, street=STREET_YAML + "theme: brand\n", files={"brand/templates/street/index.html": good})
    out, parts = tmp_path / "out", [tmp_path / f"part{k}" / "out" for k in (1, 2)]

    def built() -> Any:
        if how == "one build":
            return run("build", "--content", str(folder), "--out", str(out))
        for k, part in enumerate(parts, 1):
            assert run("build", "--content", str(folder), "--out", str(part), "--shard", f"{k}/2").exit_code == 0
        return run("build", "--content", str(folder), "--out", str(out), "--assemble", *map(str, parts))

    assert built().exit_code == 0
    before, printed = tree_bytes(out), tree_bytes(print_folder(out))
    activity = next((folder / "wanghu" / "activities").glob("*.md"))
    activity.write_text(activity.read_text("utf-8") + "\n又加了一段。\n", encoding="utf-8")
    (folder / "brand/templates/street/index.html").write_text(good.replace("{{ super() }}", "{{ link(1) }}"), "utf-8")
    result = built()
    assert result.exit_code == 1, result.output
    assert [e for e in error_lines(result) if e.startswith("brand/templates/street/index.html:2: ")], result.output
    assert tree_bytes(out) == before and tree_bytes(print_folder(out)) == printed


# i-break12: (the street theme's street page edited alone, nothing else → exit code, a line the street's
# index.html must hold after, or the PATH:LINE told). The street pages' fingerprint held no theme file:
# the edit was never shown, and a page that fails passed with the old page left in place (exit 0).
THEME_ALONE = [
    ("MARKER-ONLY {{ super() }}", 0, "MARKER-ONLY"),
    ("{{ link(1) }}", 1, "brand/templates/street/index.html:2: "),
]


@pytest.mark.parametrize(("block", "code", "shown"), THEME_ALONE)
def test_a_street_theme_s_street_page_edited_alone_makes_the_street_pages_again(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, block: str, code: int, shown: str) -> None:
    good = '{% extends "default/street/index.html" %}\n{% block main %}{{ super() }}{% endblock %}\n'
    folder = make_street(street=STREET_YAML + "theme: brand\n", files={"brand/templates/street/index.html": good})
    out = tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    (folder / "brand/templates/street/index.html").write_text(good.replace("{{ super() }}", block), "utf-8")
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == code, result.output
    if code == 0:
        assert shown in (out / "index.html").read_text("utf-8")
    else:
        assert [e for e in error_lines(result) if e.startswith(shown)], result.output
        assert tree_bytes(out) == before


def test_serve_of_a_street_whose_page_fails_keeps_the_output_and_recovers(make_street: MakeStreet, street_pages: str,
                                                                          tmp_path: Path) -> None:
    """i-break12 (held): `sitegen serve` of a street (serve_build), its street page failing while a community
    leaves the street: the output as it was; once the page is fixed, a cold build's bytes."""
    from sitegen.errors import ContentInvalid
    from sitegen.street.build import serve_build

    good = '{% extends "default/street/index.html" %}\n{% block main %}{{ super() }}{% endblock %}\n'
    folder = make_street(THREE, street=STREET_YAML + "theme: brand\n", files={"brand/templates/street/index.html": good})
    out, cold = tmp_path / "out", tmp_path / "cold"
    serve_build(folder, out, options(use_cache=True))
    before, printed = tree_bytes(out), tree_bytes(print_folder(out))
    (folder / "brand/templates/street/index.html").write_text(good.replace("{{ super() }}", "{{ link(1) }}"), "utf-8")
    shutil.move(folder / "meihu", tmp_path / "meihu-away")
    with pytest.raises(ContentInvalid):
        serve_build(folder, out, options(use_cache=True))
    assert tree_bytes(out) == before and tree_bytes(print_folder(out)) == printed
    (folder / "brand/templates/street/index.html").write_text(good, "utf-8")
    serve_build(folder, out, options(use_cache=True))
    build_street(folder, cold, options(use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold) and tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))


@pytest.mark.parametrize("line", ["{{ link(1) }}", "{{ nothing.here }}"])
def test_a_street_theme_failing_on_a_community_page_is_told_from_the_street_folder(make_street: MakeStreet,
                                                                                    tmp_path: Path, line: str) -> None:
    """It was named by its full path (/…/street/brand/templates/page.html:2), not as the README says."""
    page = '{% extends "base.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    folder = make_street(street=STREET_YAML + "theme: brand\n", files={"brand/templates/page.html": page})
    result = run("build", "--content", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert [e.split(": ")[0] for e in error_lines(result) if "page.html" in e] == ["brand/templates/page.html:2"], result.output


def test_a_street_build_says_where_its_posters_for_printing_are(make_street: MakeStreet, street_pages: str,
                                                                tmp_path: Path) -> None:
    """As a community's build does (the newcomer's finding: the street build never named street-output-print)."""
    result = run("build", "--content", str(make_street()), "--out", str(tmp_path / "street-output"))
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'street-output-print'}: print from there, never upload" in result.output, result.output
