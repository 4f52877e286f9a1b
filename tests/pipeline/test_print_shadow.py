"""The print folder's shadow (write/printfolder.py PrintSlot): a rebuild touches only the print files
that changed, and whatever a hand did to the print folder or its shadow is undone, as a cold build shows."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import cache_dir
from sitegen.write import printfolder
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, MakeSite, tree_bytes

FILES = {
    "disclosures/poster.yaml": "name: 张三\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13805515678'\nshow_phone: poster\n",
    "disclosures/masked.yaml": "name: 李四\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13612345678'\nshow_phone: masked\n",
    "activities/a.md": "---\ntitle: 电梯加装协调会\ndate: 2024-06-01 19:30\nplace: 社区会议室\n---\n讨论分摊比例。\n",
}
DISCLOSURE = "posters/disclosures/poster/index.html"  # rendered for paper: shows the whole number
TWIN = "posters/activities/a/index.html"  # the published poster itself, linked


def _forced(content: Path) -> None:
    """Make the next build run without changing anything it reads: a file's mtime moves, its bytes stay."""
    page = content / "activities/a.md"
    stamp = page.stat().st_mtime_ns + 1_000_000_000
    os.utime(page, ns=(stamp, stamp))


@pytest.fixture
def touched(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many files each build linked or wrote into the print folder's stage (PrintAssembly.touched)."""
    counts: list[int] = []
    final_stats = printfolder.PrintAssembly.final_stats

    def counting(self: printfolder.PrintAssembly) -> dict[str, tuple[int, int]]:
        counts.append(self.touched)
        return final_stats(self)

    monkeypatch.setattr(printfolder.PrintAssembly, "final_stats", counting)
    return counts


def test_a_rebuild_with_no_poster_changed_links_or_writes_no_print_file(make_site: MakeSite, tmp_path: Path,
                                                                       touched: list[int]) -> None:
    content = make_site(FILES)
    out = tmp_path / "output"
    everything = len(tree_bytes(print_folder_of(content, out)))
    for _ in range(2):  # the build that made the print folder left a shadow of it (PrintSlot.mirror)
        _forced(content)
        pipeline.build(content, out, Options(now=NOW))
    assert touched == [everything, 0, 0]
    edited = content / "disclosures/poster.yaml"
    edited.write_text(edited.read_text("utf-8") + "pledge: 随叫随到\n", encoding="utf-8")
    pipeline.build(content, out, Options(now=NOW))
    assert 0 < touched[-1] < everything  # the edited poster, its board, the index: the rest is kept
    _forced(content)
    pipeline.build(content, out, Options(now=NOW))  # the shadow catches up with the edit
    assert 0 < touched[-1] < everything
    _forced(content)
    pipeline.build(content, out, Options(now=NOW))
    assert touched[-1] == 0
    cold = tmp_path / "cold" / "output"
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))


def print_folder_of(content: Path, out: Path) -> Path:
    pipeline.build(content, out, Options(now=NOW))
    return print_folder(out)


def _delete(path: Path) -> None:
    path.unlink()


def _edit(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"<!-- by hand -->")


def _stray(path: Path) -> None:
    (path.parent / "notes.txt").write_text("张三 13805515678", encoding="utf-8")


def _folder(path: Path) -> None:
    shutil.rmtree(path.parent)


# what a hand did → to which print file; applied to the print folder and to its shadow in the cache folder
HANDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "disclosure poster deleted": (_delete, DISCLOSURE),
    "linked poster deleted": (_delete, TWIN),
    "disclosure poster edited": (_edit, DISCLOSURE),
    "linked poster edited": (_edit, TWIN),
    "style sheet edited": (_edit, ""),
    "stray file added": (_stray, TWIN),
    "poster folder deleted": (_folder, DISCLOSURE),
}


@pytest.mark.parametrize("where", ["print folder", "shadow"])
@pytest.mark.parametrize("hand", list(HANDS), ids=list(HANDS))
def test_what_a_hand_did_to_the_print_folder_is_undone(make_site: MakeSite, tmp_path: Path, hand: str,
                                                       where: str) -> None:
    content = make_site(FILES)
    out = tmp_path / "output"
    for _ in range(3):  # the print folder and a complete shadow
        pipeline.build(content, out, Options(now=NOW))
        _forced(content)
    cold = tmp_path / "cold" / "output"
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    expected = tree_bytes(print_folder(cold))
    folder = print_folder(out) if where == "print folder" else cache_dir(out) / "print-shadow"
    assert tree_bytes(folder) == expected
    act, rel = HANDS[hand]
    if not rel:
        rel = next(r for r in expected if r.startswith("static/") and r.endswith(".css"))
    act(folder / rel)
    for _ in range(2):  # the folder a hand touched is the stage of one of the next two builds
        pipeline.build(content, out, Options(now=NOW))
        assert tree_bytes(print_folder(out)) == expected
        _forced(content)
    assert tree_bytes(out) == tree_bytes(cold)


def _deep_stray(path: Path) -> None:
    (path.parent / "x" / "y").mkdir(parents=True)
    (path.parent / "x" / "y" / "notes.txt").write_text("张三 13805515678", encoding="utf-8")


def _link(path: Path) -> None:
    path.unlink()
    path.symlink_to("/etc/hostname")


# what a hand does to the print shadow once its folders are known clean → swept all the same
SHADOW_HANDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "stray file beside a poster": (_stray, TWIN),
    "stray folder two levels down": (_deep_stray, DISCLOSURE),
    "stray file at the top": (lambda p: _stray(p.parent.parent.parent.parent / "index.html"), TWIN),
    "a link in place of a poster": (_link, TWIN),
}


@pytest.mark.parametrize("hand", list(SHADOW_HANDS), ids=list(SHADOW_HANDS))
def test_the_print_shadow_is_swept_by_its_record_of_clean_folders(make_site: MakeSite, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch, hand: str) -> None:
    trusted: list[bool] = []
    sweep = printfolder.sweep
    monkeypatch.setattr(printfolder, "sweep", lambda folder, holds, known=None, settled=0, tree=None, watch=None:
                        trusted.append(bool(known)) or sweep(folder, holds, known, settled, tree, watch))
    content = make_site(FILES)
    out = tmp_path / "output"
    for _ in range(5):
        pipeline.build(content, out, Options(now=NOW))
        _forced(content)
    # The build that made the print folder swept it and the shadow it left (PrintSlot.mirror): every
    # later build goes by the folders known clean, none lists them all again.
    assert trusted == [True] * 4
    cold = tmp_path / "cold" / "output"
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    act, rel = SHADOW_HANDS[hand]
    act(cache_dir(out) / "print-shadow" / rel)
    pipeline.build(content, out, Options(now=NOW))
    assert trusted[-1] and tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))
