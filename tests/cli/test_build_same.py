"""A build that had to check everything again but made the very site it found says so: not "built N
pages", which told a worker who had only stopped `sitegen serve` that something had been rebuilt (the
newcomer's). serve keeps its cache in memory, so the first `sitegen build` after it cannot answer
"nothing changed" from the cache files and checks the site; it then finds every file as it was.

Each row is what happened between a first build and the second; the second build's message must be
the "checked, the same" one exactly when the output and the print folder are file for file what the
first build left.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import cache_dir
from sitegen.pipeline.memory import Memory
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, MakeSite, run

SITE = {
    "activities/a.md": "---\ntitle: 义诊\ndate: 2026-11-20 09:00\n---\n社区医生来义诊。\n",
    "disclosures/wang.yaml": "name: 王芳\nrole: 楼栋长\nplace: 望湖小区/1栋\n",
    "wishes/w.yaml": "wish: 想要一个助行器\nwisher: 李秀英\nplace: 望湖小区2栋\ncategory: 生活\nstatus: open\nposted_on: 2026-11-01\n",
}
SAME, BUILT, UNCHANGED = "Checked everything again; the site has not changed", "Built ", "Nothing changed"


def _cache_deleted(content: Path, out: Path) -> None:
    shutil.rmtree(cache_dir(out))


def _served_and_stopped(content: Path, out: Path) -> None:
    """`sitegen serve` on the built site (its first build finds nothing to do, then fills its memory when
    idle), a record saved and rebuilt under it, then Ctrl-C: only what serve persists is saved."""
    memory = Memory()
    pipeline.build(content, out, Options(now=NOW, jobs=1), memory=memory)
    pipeline.build(content, out, Options(now=NOW, jobs=1), memory=memory, fill=True)
    _edit(content)
    pipeline.build(content, out, Options(now=NOW, jobs=1), memory=memory)
    assert memory.persist(out)


def _edit(content: Path) -> None:
    path = content / "activities" / "a.md"
    path.write_text(path.read_text("utf-8") + "\n请带上医保卡。\n", encoding="utf-8")


def _record_edited(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    _edit(content)


def _page_edited_by_hand(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    (out / "index.html").write_text("手改的页面", encoding="utf-8")


def _poster_edited_by_hand(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    poster = sorted((print_folder(out) / "posters").rglob("index.html"))[0]
    poster.write_text("手改的海报", encoding="utf-8")


def _print_folder_deleted(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    shutil.rmtree(print_folder(out))


def _nothing(content: Path, out: Path) -> None:
    return None


def _stray_file(content: Path, out: Path) -> None:
    """The cache kept: the build that follows deletes the hand's file, which is a change."""
    (out / "stray.txt").write_text("手放的文件", encoding="utf-8")


def _stray_folder(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    (out / "empty").mkdir()


def _page_deleted(content: Path, out: Path) -> None:
    (out / "robots.txt").unlink()


def _print_folder_deleted_cache_kept(content: Path, out: Path) -> None:
    shutil.rmtree(print_folder(out))


def _print_stray(content: Path, out: Path) -> None:
    (print_folder(out) / "stray.txt").write_text("手放的文件", encoding="utf-8")


def _poster_deleted(content: Path, out: Path) -> None:
    sorted((print_folder(out) / "posters").rglob("index.html"))[0].unlink()


def _page_unreadable(content: Path, out: Path) -> None:
    """chmod 600 by hand: the build writes the page anew, readable again."""
    _cache_deleted(content, out)
    (out / "robots.txt").chmod(0o600)


def _comment_added(content: Path, out: Path) -> None:
    """A comment in a record, the cache kept: the build knows which record changed and rebuilds it; the
    output is not read back to say it came out the same (at 10,000 records the walk alone is 2.4 s)."""
    path = content / "wishes" / "w.yaml"
    path.write_text(path.read_text("utf-8") + "# 只是注释\n", encoding="utf-8")


def _comment_added_cache_deleted(content: Path, out: Path) -> None:
    _cache_deleted(content, out)
    _comment_added(content, out)


def _served_then_page_edited(content: Path, out: Path) -> None:
    _served_and_stopped(content, out)
    (out / "index.html").write_text("手改的页面", encoding="utf-8")


ROWS: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "the cache folder deleted": (_cache_deleted, SAME),
    "sitegen serve run, then stopped": (_served_and_stopped, SAME),
    "nothing at all (the cache answers)": (_nothing, UNCHANGED),
    "a record edited": (_record_edited, BUILT),
    "a page edited by hand in the output": (_page_edited_by_hand, BUILT),
    "a poster edited by hand in the print folder": (_poster_edited_by_hand, BUILT),
    "the print folder deleted": (_print_folder_deleted, BUILT),
    "a stray file added in the output (cache kept)": (_stray_file, BUILT),
    "an empty folder added in the output": (_stray_folder, BUILT),
    "a page deleted from the output (cache kept)": (_page_deleted, BUILT),
    "the print folder deleted (cache kept)": (_print_folder_deleted_cache_kept, BUILT),
    "a stray file added in the print folder": (_print_stray, BUILT),
    "a poster deleted from the print folder": (_poster_deleted, BUILT),
    "a page made unreadable (chmod 600)": (_page_unreadable, BUILT),
    "a comment added to a record": (_comment_added, BUILT),
    "a comment added to a record, the cache deleted": (_comment_added_cache_deleted, SAME),
    "serve stopped, then a page edited by hand": (_served_then_page_edited, BUILT),
}


@pytest.mark.parametrize("name", ROWS)
def test_a_build_that_found_the_site_as_it_was_says_so(name: str, make_site: MakeSite, tmp_path: Path) -> None:
    between, said = ROWS[name]
    content = make_site(SITE)
    out = tmp_path / "output"
    first = run("build", "--content", str(content), "--out", str(out))
    assert first.exit_code == 0 and BUILT in first.stdout, first.output
    between(content, out)
    second = run("build", "--content", str(content), "--out", str(out))
    assert second.exit_code == 0, second.output
    assert said in second.stdout, second.stdout
    assert [x for x in (SAME, BUILT, UNCHANGED) if x in second.stdout] == [said]
