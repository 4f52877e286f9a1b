"""Edits a careless user or a hostile author makes between builds: after each, the warm build's
output and print folder are byte for byte a cold `--no-cache` build's (tests/pipeline/test_incremental.py
holds the plain edits; these are the ones that broke a kept state)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, write_files
from tests.pipeline.test_hands import _entries
from tests.pipeline.test_incremental import build

ACTIVITY = "---\ntitle: 邻里节\ndate: 2026-08-20 09:00\nplace: 活动室\ntags: [邻里]\n---\n邻里一起包饺子。\n"
SITE = {
    "site.yaml": "name: 望湖社区\nbase_url: https://wanghu.example.org/\n",
    "activities/linli.md": ACTIVITY,
    "activities/jiaozi.yaml": "title: 包饺子\ndate: 2026-01-20\ntags: [邻里]\n",
    "disclosures/yu.yaml": "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13812345678'\n",
    "wishes/zhuxingqi.yaml": "wish: 想要一台助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\n",
    "pages/about.md": "---\ntitle: 关于\n---\n关于我们。\n",
    "activities/later.yaml": "title: 重阳节\ndate: 2026-11-01\n",  # upcoming a month before tests.conftest.NOW
}


def _rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda content: os.rename(content / old, content / new)


def _write(rel: str, text: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).write_text(text, encoding="utf-8")


# (what the user does between two builds) → the warm build equals the cold one
CASES: dict[str, Callable[[Path], None]] = {
    # the slug (file name) is shown by lists, tags, feed and calendar, the text did not change
    "record file renamed": _rename("activities/linli.md", "activities/linli-2.md"),
    "record given an id": _write("activities/linli.md", ACTIVITY.replace("---\ntitle", "---\nid: linlijie\ntitle", 1)),
    "free page renamed": _rename("pages/about.md", "pages/guanyu.md"),
    "show_phone full": _write("disclosures/yu.yaml", SITE["disclosures/yu.yaml"] + "show_phone: full\n"),
    "body edited": _write("activities/linli.md", ACTIVITY.replace("邻里一起", "**大家**一起")),
}


@pytest.mark.parametrize("name", CASES)
def test_warm_build_after_edit_equals_cold(name: str, tmp_path: Path) -> None:
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    write_files(content, SITE)
    build(content, warm, cache=True, jobs=1)
    CASES[name](content)
    build(content, warm, cache=True, jobs=1)
    build(content, cold, cache=False, jobs=1)
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm, None)) == _entries(print_folder(cold, None))


def _png(colour: tuple[int, int, int]) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _wish_template(text: str) -> str:
    from sitegen.paths import default_theme_dir

    wish = (default_theme_dir() / "templates" / "wish.html").read_text("utf-8")
    return wish.replace("{{ t.how_to_claim }}", text)


# (i-break5) a file written again with the same size and its old modification time given back
# (`touch -r`, `cp -p`, `rsync -t`, an archive unpacked): (path, text or bytes before, after)
SAME_SIZE_AND_TIME: dict[str, tuple[str, str | bytes, str | bytes]] = {
    "record": ("activities/linli.md", ACTIVITY, ACTIVITY.replace("邻里一起", "大伙一起")),
    "template": ("theme/templates/wish.html", _wish_template("怎样认领"), _wish_template("如何认领")),
    "photo": ("media/a.png", _png((200, 30, 30)), _png((30, 200, 30))),
    "site.yaml": ("site.yaml", SITE["site.yaml"] + "theme: theme\n", SITE["site.yaml"].replace("望湖", "梅湖") + "theme: theme\n"),
}


@pytest.mark.parametrize("name", SAME_SIZE_AND_TIME)
def test_a_file_given_its_old_time_back_is_read_again(name: str, tmp_path: Path) -> None:
    rel, before, after = SAME_SIZE_AND_TIME[name]
    assert len(before if isinstance(before, bytes) else before.encode()) == len(
        after if isinstance(after, bytes) else after.encode())
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    files = {**SITE, "site.yaml": SITE["site.yaml"] + "theme: theme\n",
             "activities/linli.md": ACTIVITY.replace("tags: [邻里]", "tags: [邻里]\nphotos: [media/a.png]"),
             "theme/templates/wish.html": _wish_template("怎样认领")}
    write_files(content, {k: v for k, v in files.items() if k != rel})
    (content / "media").mkdir()
    (content / "media" / "a.png").write_bytes(_png((200, 30, 30)))
    target = content / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if rel == "activities/linli.md":
        before, after = files[rel], str(files[rel]).replace("邻里一起", "大伙一起")
    (target.write_bytes(before) if isinstance(before, bytes) else target.write_text(before, encoding="utf-8"))
    build(content, warm, cache=True, jobs=1)
    old = target.stat()
    (target.write_bytes(after) if isinstance(after, bytes) else target.write_text(after, encoding="utf-8"))
    os.utime(target, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (target.stat().st_size, target.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    build(content, warm, cache=True, jobs=1)
    build(content, cold, cache=False, jobs=1)
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm, None)) == _entries(print_folder(cold, None))


def _poster(printed: Path) -> Path:
    return printed / "posters" / "activities" / "linli" / "index.html"


def _append(printed: Path) -> None:
    with open(_poster(printed), "a", encoding="utf-8") as handle:
        handle.write("<!-- hand -->")


def _as_link(printed: Path) -> None:
    folder = _poster(printed).parent
    shutil.rmtree(folder)
    folder.symlink_to(printed / "posters")


# (a hand in the print folder after a build) → the next build, with nothing else changed, undoes it
HANDS: dict[str, Callable[[Path], None]] = {
    "poster written to": _append,
    "poster deleted": lambda printed: _poster(printed).unlink(),
    "file added": lambda printed: (printed / "posters" / "spam.html").write_text("spam", encoding="utf-8"),
    "folder added": lambda printed: (printed / "posters" / "spam").mkdir(),
    "poster folder replaced by a link": _as_link,
}


@pytest.mark.parametrize("name", HANDS)
def test_a_hand_in_the_print_folder_is_undone_by_a_build_with_nothing_to_do(name: str, tmp_path: Path) -> None:
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    write_files(content, SITE)
    build(content, warm, cache=True, jobs=1)
    assert build(content, warm, cache=True, jobs=1).unchanged
    HANDS[name](print_folder(warm, None))
    build(content, warm, cache=True, jobs=1)
    build(content, cold, cache=False, jobs=1)
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm, None)) == _entries(print_folder(cold, None))


# (days from tests.conftest.NOW of a build, of the next build with no file changed) → the next equals a cold build
CLOCKS = [
    pytest.param(0, 1, id="a day later"),
    pytest.param(0, -30, id="a month back"),  # SOURCE_DATE_EPOCH of an older commit: was answered "unchanged"
    pytest.param(-30, 0, id="a month on"),
]


@pytest.mark.parametrize(("first", "then"), CLOCKS)
def test_a_build_at_another_clock_equals_a_cold_one(first: int, then: int, tmp_path: Path) -> None:
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    write_files(content, SITE)
    pipeline.build(content, warm, Options(now=NOW + timedelta(days=first), jobs=1))
    pipeline.build(content, warm, Options(now=NOW + timedelta(days=then), jobs=1))
    pipeline.build(content, cold, Options(now=NOW + timedelta(days=then), jobs=1, use_cache=False))
    assert _entries(warm) == _entries(cold)
    assert _entries(print_folder(warm, None)) == _entries(print_folder(cold, None))
