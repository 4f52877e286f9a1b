"""A street build stopped while it puts its street pages into OUT (issue 14's leftover): the street pages and
`OUT/manifest.sha256` go in by a sequence of renames (street/write.py), after each community's folder was
swapped in. A stop (Ctrl-C, a full disk) after some renames and before the others left street pages half new
under the last build's manifest and the staged files not yet renamed in OUT; the closing line said the street
pages were as the last build left them, and a next build from the content as it was before left some pages
this build's while its manifest named the others' bytes, so `verify` said "build into it again" for ever.

The stop is put at EACH os.replace the street's writing makes (k = 0, 1, … until the build no longer
stops), in turn a Ctrl-C and a full disk, the closing line in each language in turn. For each: the closing
line is true of what OUT holds, `sitegen verify OUT` never says "all good" over street pages that are neither
the last build's nor this one's, and the next good build leaves OUT byte for byte a clean build's (so its
advice does not loop)."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.write.printfolder import print_folder
from tests.conftest import run, tree_bytes
from tests.street.conftest import MakeStreet

ACTIVITY = "meihu/activities/2026-linli-jie.md"
BEFORE, AFTER = "邻里节文艺汇演", "邻里节文艺演出"  # as many bytes: a page's size does not tell them apart
LANGS = ("en", "zh-Hans", "zh-Hant")
COMMUNITIES = ("meihu", "wanghu")
# what the closing line said of street pages that were not as the last build left them, in each language
AS_LEFT = ("the street pages are as the last build left them", "街道页面保持上一次的样子", "街道頁面保持上一次的樣子")
TORN = ("the street pages were being put in place when a build stopped", "在放入街道页面时停止了", "在放入街道頁面時停止了")


def _street_files(out: Path) -> dict[str, bytes]:
    """OUT's files that are not a community's (the street pages, the manifest, anything else left there)."""
    return {rel: data for rel, data in tree_bytes(out).items() if rel.split("/")[0] not in COMMUNITIES}


def _stop_at(monkeypatch: pytest.MonkeyPatch, k: int, error: Callable[[str], BaseException]) -> list[str]:
    """While the street build writes the street's files (street/write.py write_street), the (k+1)th os.replace
    raises `error(target)`; the targets renamed are listed in the list returned."""
    import sitegen.street.build as street_build

    write_street, renamed, real = street_build.write_street, [], os.replace

    def counted(source: Any, target: Any, **kwargs: Any) -> None:
        if len(renamed) == k:
            raise error(str(target))
        real(source, target, **kwargs)
        renamed.append(str(target))

    def writing(*args: Any, **kwargs: Any) -> Any:
        with monkeypatch.context() as patched:
            patched.setattr(os, "replace", counted)
            return write_street(*args, **kwargs)

    monkeypatch.setattr(street_build, "write_street", writing)
    return renamed


def _interrupt(target: str) -> BaseException:
    return KeyboardInterrupt()


def _disk_full(target: str) -> BaseException:
    return OSError(errno.ENOSPC, "No space left on device", target)


def _copy(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, symlinks=True)


@pytest.fixture(scope="module")
def cleans() -> dict[str, dict[str, bytes]]:
    """_clean's OUT by the activity's title, each made once for the module: a street of the same
    folders, titled the same, built from nothing the same way (in both rows the street with the new
    title is what the stopped build would have made, and in the first it is also the clean build)."""
    return {}


def _clean(make_street: MakeStreet, title: str, name: str, tmp_path: Path,
           made: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    """OUT of a cold build of the street with the activity titled `title` (kept in `made` by title)."""
    if title not in made:
        folder, out = make_street(name=name), tmp_path / f"{name}-out"
        activity = folder / ACTIVITY
        activity.write_text(activity.read_text("utf-8").replace(BEFORE, title), encoding="utf-8")
        assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
        made[title] = tree_bytes(out)
    return made[title]


@pytest.mark.parametrize("reverted", [False, True], ids=["next-build-the-same", "next-build-reverted"])
def test_a_stop_at_each_rename_of_the_street_pages(make_street: MakeStreet, street_pages: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch, reverted: bool,
                                                   cleans: dict[str, dict[str, bytes]]) -> None:
    folder, out = make_street(), tmp_path / "out"
    cache, printing = tmp_path / ".out.sitegen-cache", print_folder(out)
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    saved = tmp_path / "saved"
    for kept in (out, cache, printing):
        _copy(kept, saved / kept.name)
    before = _street_files(out)
    after = _street_files_of(_clean(make_street, AFTER, "after", tmp_path, cleans))
    clean = _clean(make_street, BEFORE if reverted else AFTER, "clean", tmp_path, cleans)
    activity = folder / ACTIVITY
    k = 0
    while True:
        for kept in (out, cache, printing):
            _copy(saved / kept.name, kept)
        activity.write_text(activity.read_text("utf-8").replace(BEFORE, AFTER), encoding="utf-8")
        lang = LANGS[k % 3]
        with monkeypatch.context() as patched:
            renamed = _stop_at(patched, k, _interrupt if k % 2 else _disk_full)
            result = run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})
        if result.exit_code == 0:  # k is past the last rename: nothing stopped it
            assert k > 2, k
            break
        where = f"stopped at rename {k} (after {[Path(r).name for r in renamed]})"
        said = " ".join(result.stderr.split())
        assert result.exit_code == (130 if k % 2 else 74), (where, result.output)
        assert "Traceback" not in result.output
        now = _street_files(out)
        if now != before:  # the closing line is true of the street pages
            assert AS_LEFT[k % 3] not in said and TORN[k % 3] in said, (where, said)
        verified = run("verify", str(out))
        if verified.exit_code == 0:  # never "all good" over street pages half this build's and half the last
            assert now in (before, after), (where, sorted(rel for rel in now if now[rel] != before.get(rel)))
        else:  # how to repair it (followed below); street pages half put in said as that, not as a change by hand
            told = " ".join(verified.stderr.split())
            if now not in (before, after):
                assert "a street build stopped while it put the street pages in place" in told, (where, told)
                assert f"Build the street again: sitegen build --content STREET --out {out}" in told, (where, told)
            else:  # the communities swapped in, the street manifest the last build's
                assert f"Building into it again repairs it: sitegen build --out {out}" in told, (where, told)
        if reverted:
            activity.write_text(activity.read_text("utf-8").replace(AFTER, BEFORE), encoding="utf-8")
        assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0, where
        now_all = tree_bytes(out)
        assert now_all == clean, (where, sorted(rel for rel in now_all.keys() | clean.keys()
                                                if now_all.get(rel) != clean.get(rel)))
        assert run("verify", str(out)).exit_code == 0, where
        activity.write_text(activity.read_text("utf-8").replace(AFTER, BEFORE), encoding="utf-8")
        k += 1


def _street_files_of(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {rel: data for rel, data in tree.items() if rel.split("/")[0] not in COMMUNITIES}


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "Interrupted. These communities already hold this build: none; the street pages were being put in place"),
    ("zh-Hans", "这次已经更新的社区：没有；有一次生成在放入街道页面时停止了"),
    ("zh-Hant", "這次已經更新的社區：沒有；有一次生成在放入街道頁面時停止了")])
def test_a_stop_with_no_community_swapped_in_says_the_street_pages_are_half_put_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, told: str) -> None:
    """A street build whose communities were all unchanged (a street theme edited) stopped between two
    renames of its street pages: the closing line said "Interrupted; the previous output is unchanged"."""
    from sitegen.cli.app import App
    from sitegen.cli.errors import guarded
    from sitegen.street.write import TORN

    out = tmp_path / "out"
    (out).mkdir()
    (out / "manifest.sha256").write_text("", encoding="utf-8")
    (tmp_path / ".out.sitegen-cache").mkdir()
    (tmp_path / ".out.sitegen-cache" / TORN).write_text('{"index.html": ".index.html.0123456789ab"}', encoding="utf-8")

    def build(app: App, content: Path, out: Path) -> None:
        raise KeyboardInterrupt

    with pytest.raises(SystemExit):
        guarded(build)(App(lang=lang), content=tmp_path / "street", out=out)
    said = " ".join(capsys.readouterr().err.split())
    assert told in said, said
