"""Edits between two street builds (tests/pipeline/test_edit_sequences.py for one community): the
warm street is byte for byte a cold street build of the same folders, print folders included."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.street.build import build_street
from sitegen.street.shard import Shard
from sitegen.write.printfolder import print_folder
from tests.conftest import run
from tests.pipeline.test_hands import _entries
from tests.pipeline.test_unchanged import _append, _same_size_time_back
from tests.street.conftest import MakeStreet
from tests.street.test_build import THREE, options
from tests.support.cold import ColdBuilds

ACTIVITY = "wanghu/activities/2026-linli-jie.md"


def _rename(street: Path) -> None:
    os.rename(street / ACTIVITY, street / ACTIVITY.replace("linli-jie", "linli-jie-2"))


def _copy(street: Path) -> None:
    shutil.copyfile(street / ACTIVITY, street / ACTIVITY.replace("linli-jie", "linli-jie-copy"))


def _poster_deleted(street: Path) -> None:
    out = street.parent / "warm" / "out"
    (print_folder(out) / "wanghu" / "posters" / "activities" / "2026-linli-jie" / "index.html").unlink()


def _warm_cache(street: Path) -> Path:
    return street.parent / "warm" / ".out.sitegen-cache"


def _summary_head_only_year(street: Path) -> None:
    kept = _warm_cache(street) / "summaries" / "meihu.summary"
    head, _, text = kept.read_text("utf-8").partition("\n")
    kept.write_text(f"{head.split()[0]}\n{text}", encoding="utf-8")  # as sitegen kept it before digests


def _summary_body_changed(street: Path) -> None:
    kept = _warm_cache(street) / "summaries" / "meihu.summary"
    kept.write_text(kept.read_text("utf-8").replace("梅湖社区", "假社区"), encoding="utf-8")
    path = street / ACTIVITY
    path.write_text(path.read_text("utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")


def _retitle(street: Path) -> None:
    path = street / ACTIVITY
    path.write_text(path.read_text("utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")


def _codes_swapped(street: Path) -> None:
    """Two kept QR matrices of the street pages exchanged (each then reads as the other's address)."""
    kept = _warm_cache(street) / "codes.json"
    codes = json.loads(kept.read_text("utf-8"))
    first, second = sorted(codes)[:2]
    codes[first], codes[second] = codes[second], codes[first]
    kept.write_text(json.dumps(codes), encoding="utf-8")
    _retitle(street)


def _in_warm(rel: str, act: Callable[[Path], object]) -> Callable[[Path], None]:
    def change(street: Path) -> None:
        act(street.parent / "warm" / "out" / rel)
    return change


def _linked_poster(street: Path) -> Path:
    """A file of meihu's print folder that is a hard link of its output's file of the same name."""
    out = street.parent / "warm" / "out" / "meihu"
    printing = print_folder(street.parent / "warm" / "out") / "meihu"
    for path in sorted(printing.rglob("*")):
        twin = out / path.relative_to(printing)
        if path.is_file() and twin.is_file() and os.path.samefile(path, twin):
            return path
    raise AssertionError("no print file is a hard link of the output's: nothing here is tested")


def _community_print_copied(street: Path) -> None:
    folder = print_folder(street.parent / "warm" / "out") / "meihu"
    folder.rename(folder.with_name("aside"))
    shutil.copytree(folder.with_name("aside"), folder, copy_function=shutil.copy2)
    shutil.rmtree(folder.with_name("aside"))


def _swapped(folder: Path) -> None:
    (folder / "meihu").rename(folder / "aside")
    (folder / "wanghu").rename(folder / "meihu")
    (folder / "aside").rename(folder / "wanghu")


# (what a user does between two street builds) → the warm street equals the cold one
CASES: dict[str, Callable[[Path], None]] = {
    # the street's cache: what it keeps about the communities not rebuilt
    "kept summary without its digest": _summary_head_only_year,
    "kept summary deleted": lambda street: (_warm_cache(street) / "summaries" / "meihu.summary").unlink(),
    # its digest line kept: the street pages, made again for wanghu's edit, read meihu's kept summary
    "kept summary changed by hand, another community edited": _summary_body_changed,
    # the QR matrices the street pages were drawn with (street/state.py codes), the pages made again for an edit
    "street QR matrices swapped, an activity retitled": _codes_swapped,
    "street QR matrices deleted, an activity retitled": lambda street: (
        (_warm_cache(street) / "codes.json").unlink(), _retitle(street)),
    "street QR matrices not JSON, an activity retitled": lambda street: (
        (_warm_cache(street) / "codes.json").write_text("{"), _retitle(street)),
    "street manifest blocks deleted": lambda street: shutil.rmtree(_warm_cache(street) / "manifests"),
    "a street manifest block emptied": lambda street: (_warm_cache(street) / "manifests" / "wanghu").write_text(""),
    # hands in a community's output, found by its stamp (write/stamp.py) with nothing else changed
    "a community page written to in place": _in_warm("meihu/index.html", _append),
    "a file added in a community page folder": _in_warm("meihu/activities/spam.html", lambda p: p.write_text("x")),
    "a community folder deleted": _in_warm("binhu", shutil.rmtree),
    # same text, so same digest: the street calendar kept the event under the old UID and URL
    "activity file renamed": _rename,
    "activity file copied": _copy,
    # the street's no-change answer for that community looked at its output folder alone
    "poster deleted from the print folder": _poster_deleted,
    # i-break9: a community's print folder by hand, its posters mostly hard links of its output's
    "a linked poster written in place in a community's print folder, its size and time put back":
        lambda street: _same_size_time_back(_linked_poster(street)),
    "a community's print folder replaced by a copy without links (cp -r)": _community_print_copied,
    "two communities' print folders swapped": lambda street: _swapped(print_folder(street.parent / "warm" / "out")),
    "two communities' output folders swapped": lambda street: _swapped(street.parent / "warm" / "out"),
    "a community added": lambda street: shutil.copytree(street / "binhu", street / "luhu"),
    "a community renamed": lambda street: os.rename(street / "binhu", street / "luhu"),
    "a community removed": lambda street: shutil.rmtree(street / "binhu"),
}


@pytest.mark.parametrize("name", CASES)
def test_warm_street_after_edit_equals_cold(name: str, make_street: MakeStreet, street_pages: str,
                                            tmp_path: Path, cold_builds: ColdBuilds) -> None:
    folder = make_street(THREE)
    warm = tmp_path / "warm" / "out"
    build_street(folder, warm, options())
    CASES[name](folder)
    build_street(folder, warm, options())
    # The street from nothing as the folders now are, made once a session for each state
    # (tests/support/cold.py): the cases that change only the cache or the output share the
    # unchanged street's, those that retitle the activity the retitled one's.
    cold = cold_builds.out(folder, options(use_cache=False), build_street, "out")
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm)) == _entries(print_folder(cold))


# activity files of one text in a community (a file copied) → the UIDs of the street calendar
SAME_TEXT = [
    pytest.param(["2026-linli-jie-copy.md"], ["2026-linli-jie-copy.wanghu", "2026-linli-jie.meihu",
                                              "2026-linli-jie.wanghu"], id="copied once"),
    pytest.param(["a.md", "b.md"], ["2026-linli-jie.meihu", "2026-linli-jie.wanghu", "a.wanghu", "b.wanghu"],
                 id="copied twice"),
]


@pytest.mark.parametrize(("copies", "uids"), SAME_TEXT)
def test_each_activity_of_one_text_is_its_own_street_event(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                           copies: list[str], uids: list[str]) -> None:
    folder = make_street(THREE)
    for name in copies:
        shutil.copyfile(folder / ACTIVITY, folder / "wanghu" / "activities" / name)
    build_street(folder, tmp_path / "out", options(use_cache=False))
    calendar = (tmp_path / "out" / "activities.ics").read_text("utf-8").replace("\r\n ", "")
    found = sorted(line[4:].removesuffix("@street.example.org") for line in calendar.splitlines() if line.startswith("UID:"))
    assert [uid for uid in found if not uid.endswith(".binhu")] == uids


def _assemble(folder: Path, parts: list[Path], out: Path, language: str = "en") -> tuple[int, str]:
    result = run("build", "--content", str(folder), "--out", str(out), "--assemble", *map(str, parts),
                 env={"SITEGEN_LANG": language})
    return result.exit_code, result.stderr


# (a hand in the assembled street, relative to it; "print/…" in its print folder) → the message word the
# next --assemble refuses with (en, zh-Hans; a file changed in place changed the shard's own copy
# through their shared hard link), or None: the next --assemble equals a one-machine build
ASSEMBLED_HANDS: list[tuple[str, str, tuple[str, str] | None]] = [
    ("delete", "meihu/activities/index.html", None),
    ("add", "meihu/spam.html", None),
    ("delete", "print/meihu/posters/activities/2026-linli-jie/index.html", None),
    ("add", "print/meihu/posters/spam.html", None),
    ("append", "meihu/index.html", ("meihu", "重新生成这个分片")),
]


@pytest.mark.parametrize(("hand", "rel", "refused"), ASSEMBLED_HANDS, ids=[f"{h} {r}" for h, r, _ in ASSEMBLED_HANDS])
def test_a_hand_in_the_assembled_street_is_undone_or_refused(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                             hand: str, rel: str, refused: tuple[str, str] | None,
                                                             cold_builds: ColdBuilds) -> None:
    folder = make_street(THREE)
    assembled = tmp_path / "all" / "out"
    # the one-machine build from nothing, only read: made once a session (the unchanged street's above)
    single = cold_builds.out(folder, options(use_cache=False), build_street, "out")
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, options(), shard=Shard(k, 2))
    assert _assemble(folder, parts, assembled)[0] == 0
    target = print_folder(assembled) / rel.removeprefix("print/") if rel.startswith("print/") else assembled / rel
    if hand == "delete":
        target.unlink()
    elif hand == "add":
        target.write_text("spam", encoding="utf-8")
    else:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write("<!-- hand -->")
    code, stderr = _assemble(folder, parts, assembled)
    if refused is not None:
        assert code == 2 and refused[0] in stderr and rel.partition("/")[2] in stderr
        assert refused[1] in _assemble(folder, parts, assembled, "zh-Hans")[1]
        for k, part in enumerate(parts, 1):  # what the message says to do
            build_street(folder, part, options(), shard=Shard(k, 2))
        code, stderr = _assemble(folder, parts, assembled)
    assert code == 0, stderr
    assert _entries(assembled) == _entries(single)
    assert _entries(print_folder(assembled)) == _entries(print_folder(single))


TYPED = "---\ntitle: 茶话会\ndate: 2026-10-01\n---\n感谢赵大山阿姨的帮助。\n"
ZHAO = "wish: 想要一台收音机\nwisher: 赵大山\nposted_on: 2026-10-02\nstatus: open\n"


def _write(rel: str, text: str) -> Callable[[Path], None]:
    return lambda street: (street / rel).write_text(text, encoding="utf-8")


def _delete(rel: str) -> Callable[[Path], None]:
    return lambda street: (street / rel).unlink()


# (files before the first build, the edits before each next build) → the problem each build refuses
# with ("" when it builds), warm builds as cold ones: a community refused for another one's secret
# builds once that secret is gone, though the refusal left it out of the street's kept secrets.
SECRET_SEQUENCES: dict[str, tuple[dict[str, str], list[Callable[[Path], None]], list[str]]] = {
    "another's wish added, then deleted": (
        {"meihu/activities/tea.md": TYPED},
        [_write("wanghu/wishes/zhao.yaml", ZHAO), _delete("wanghu/wishes/zhao.yaml")],
        ["", "meihu/activities/tea.md:5", ""]),
    "another's wish deleted": (
        {"meihu/activities/tea.md": TYPED, "wanghu/wishes/zhao.yaml": ZHAO},
        [_delete("wanghu/wishes/zhao.yaml")],
        ["meihu/activities/tea.md:5", ""]),
    "another's wisher renamed": (
        {"meihu/activities/tea.md": TYPED, "wanghu/wishes/zhao.yaml": ZHAO},
        [_write("wanghu/wishes/zhao.yaml", ZHAO.replace("赵大山", "赵小山"))],
        ["meihu/activities/tea.md:5", ""]),
    # the street keeps a community's secrets after it leaves: they are stale when it comes back
    "a community away, then back without its wish": (
        {"binhu/wishes/zhao.yaml": ZHAO},
        [lambda street: shutil.move(street / "binhu", street.parent / "binhu-away"), _write("meihu/activities/tea.md", TYPED),
         lambda street: (os.unlink(street.parent / "binhu-away" / "wishes" / "zhao.yaml"),
                         shutil.move(street.parent / "binhu-away", street / "binhu"))],
        ["", "", "", ""]),
    # meihu's own new wisher is learnt only once its stale refusal is gone: a second round names binhu's line
    "a refused community's new wisher named by a third": (
        {"meihu/activities/tea.md": TYPED},
        [_write("wanghu/wishes/zhao.yaml", ZHAO), lambda street: (_delete("wanghu/wishes/zhao.yaml")(street),
                         _write("meihu/wishes/qian.yaml", ZHAO.replace("赵大山", "钱小二"))(street),
                         _write("binhu/activities/tea.md", TYPED.replace("赵大山", "钱小二"))(street))],
        ["", "meihu/activities/tea.md:5", "binhu/activities/tea.md:5"]),
    "the same wisher in two communities, each deleted in turn": (
        {"meihu/activities/tea.md": TYPED, "wanghu/wishes/zhao.yaml": ZHAO, "binhu/wishes/zhao.yaml": ZHAO},
        [_delete("wanghu/wishes/zhao.yaml"), _delete("binhu/wishes/zhao.yaml")],
        ["meihu/activities/tea.md:5", "meihu/activities/tea.md:5", ""]),
}


def _refused(folder: Path, out: Path, **changes: object) -> str:
    from sitegen.errors import ContentInvalid

    try:
        build_street(folder, out, options(**changes))
    except ContentInvalid as e:
        return " ".join(sorted(f"{p.path}:{p.line}" for p in e.problems if not p.warning))
    return ""


@pytest.mark.parametrize("name", SECRET_SEQUENCES)
def test_a_secret_gone_lets_the_community_refused_for_it_build(name: str, make_street: MakeStreet, street_pages: str,
                                                               tmp_path: Path) -> None:
    files, edits, refusals = SECRET_SEQUENCES[name]
    folder = make_street(THREE, files)
    warm = tmp_path / "warm" / "out"
    assert _refused(folder, warm) == refusals[0]
    for step, (edit, refused) in enumerate(zip(edits, refusals[1:], strict=True)):
        edit(folder)
        cold = tmp_path / f"cold{step}" / "out"
        assert (_refused(folder, warm), _refused(folder, cold, use_cache=False)) == (refused, refused)
        if not refused:
            assert _entries(warm) == _entries(cold)
            assert _entries(print_folder(warm)) == _entries(print_folder(cold))
