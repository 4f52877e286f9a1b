"""What a community's (non-street) build says when it stops AFTER its new output was swapped in, and what a
disk error without a file name says (issue 14, the site's cases).

A build swaps OUT in, then OUT-print, then saves its cache (~100 MB at 10,000 records: a full disk there is
the realistic case). Stopped at any of these, OUT already holds the new site, so "nothing was written; the
previous output is unchanged" was untrue; the closing line now says the new site is in, whether its print
folder is the last build's (or not written yet, on a first build), and that the cache was not saved. What the
code really does with that cache: the state file was removed when the build began and the data file is the
last build's (or none): the next build checks everything again and redoes what it cannot keep, and its result
is a cold build's (checked here).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.verify import verify_folder
from sitegen.write.printfolder import print_folder
from tests.conftest import MakeSite, run, tree_bytes

FILES = {"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n正文。\n",
         "disclosures/z.yaml": "name: 张三\nrole: 楼长\nphone: '13812345678'\n"}
PAGE = "activities/a/index.html"
# What the old closing lines said, in every language: each is untrue once OUT holds the new site.
UNCHANGED = ["the previous output is unchanged", "nothing was written", "no site has been built here yet",
             "上一次生成的网站保持不变", "没有写入任何文件", "這裡還沒有生成過網站", "上一次生成的網站保持不變", "沒有寫入任何文件"]


def _full(message: str = "No space left on device", name: bool = True) -> Callable[[Any], BaseException]:
    return lambda path: OSError(28, message, str(path)) if name else OSError(28, message)


def _print_commit(error: Callable[[Any], BaseException]) -> Callable[[pytest.MonkeyPatch], None]:
    """The print folder is not swapped in: `error(its path)` is raised in its place."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        from sitegen.write.printfolder import PrintSlot

        def stop(self: PrintSlot) -> bool:
            raise error(self.folder)

        monkeypatch.setattr(PrintSlot, "commit", stop)

    return patch


def _cache_file(name: str, error: Callable[[Any], BaseException]) -> Callable[[pytest.MonkeyPatch], None]:
    """Both folders are swapped in; writing the cache file `name` (data.pickle, state.pickle) raises."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        import sitegen.pipeline.cache as cache

        write = cache.write_checked

        def stop(path: Path, *args: Any) -> None:
            if path.name == name:
                raise error(path)
            write(path, *args)

        monkeypatch.setattr(cache, "write_checked", stop)

    return patch


def _before_save(error: Callable[[], BaseException]) -> Callable[[pytest.MonkeyPatch], None]:
    """Both folders are swapped in; `error()` (Ctrl-C, our bug) comes before the cache is saved."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        import sitegen.pipeline as pipeline

        def stop(*args: Any) -> None:
            raise error()

        monkeypatch.setattr(pipeline, "_save_cache", stop)

    return patch


_SAVED_EN = "The build cache was not saved, so the next build may take longer"
_SAVED_ZH = "生成缓存没有保存，下次生成可能会慢一些"
# (what stops the build after OUT was swapped in, a first build?, language, exit code, what stderr must hold)
AFTER_THE_SWAP = [
    (_print_commit(_full()), False, "en", 74,
     "Build stopped after the new site was put in place: {out} already holds this build, but its print folder "
     "{printing} is still the one the last build made. " + _SAVED_EN),
    (_print_commit(_full()), False, "zh-Hans", 74,
     "生成已停止，但新网站已经放到位：{out} 已经是这次生成的网站，但打印文件夹 {printing} 还是上一次生成的。" + _SAVED_ZH),
    (_print_commit(_full()), False, "zh-Hant", 74, "{out} 已經是這次生成的網站，但打印文件夾 {printing} 還是上一次生成的。"),
    (_print_commit(_full()), True, "en", 74,
     "{out} already holds this build, but its print folder {printing} is not written yet. " + _SAVED_EN),
    (_print_commit(_full()), True, "zh-Hans", 74, "{out} 已经是这次生成的网站，但打印文件夹 {printing} 还没有写入。"),
    (_print_commit(lambda path: KeyboardInterrupt()), False, "en", 130,
     "Interrupted after the new site was put in place: {out} already holds this build, but its print folder "
     "{printing} is still the one the last build made. " + _SAVED_EN),
    (_cache_file("data.pickle", _full()), False, "en", 74,
     "The disk is full: {cache}/data.pickle could not be written. Free some space and build again.\n"
     "Build stopped after the new site was put in place: {out} already holds this build, and its print folder "
     "{printing} too. " + _SAVED_EN),
    (_cache_file("data.pickle", _full()), True, "zh-Hans", 74,
     "生成已停止，但新网站已经放到位：{out} 已经是这次生成的网站，打印文件夹 {printing} 也已更新。" + _SAVED_ZH),
    (_cache_file("data.pickle", _full()), False, "zh-Hant", 74,
     "生成已停止，但新網站已經放到位：{out} 已經是這次生成的網站，打印文件夾 {printing} 也已更新。生成緩存沒有保存，下次生成可能會慢一些"),
    (_cache_file("state.pickle", _full(name=False)), False, "en", 74,
     "The disk is full: a file could not be written. Free some space and build again.\n"
     "Build stopped after the new site was put in place"),
    (_before_save(KeyboardInterrupt), False, "en", 130,
     "Interrupted after the new site was put in place: {out} already holds this build, and its print folder "
     "{printing} too. " + _SAVED_EN + ". Build again to finish it."),
    (_before_save(KeyboardInterrupt), True, "zh-Hans", 130, "已中断，但新网站已经放到位：{out} 已经是这次生成的网站"),
    (_before_save(KeyboardInterrupt), False, "zh-Hant", 130, "已中斷，但新網站已經放到位：{out} 已經是這次生成的網站"),
    (_before_save(lambda: RuntimeError("a bug of ours")), False, "en", 70,
     "sitegen hit an internal error (not a problem in your content): RuntimeError: a bug of ours\nThe new site was "
     "put in place before it: {out} already holds this build, and its print folder {printing} too. " + _SAVED_EN),
    (_before_save(lambda: RuntimeError("a bug of ours")), False, "zh-Hans", 70,
     "sitegen 内部出错（不是您内容的问题）：RuntimeError: a bug of ours\n出错之前新网站已经放到位：{out} 已经是这次生成的网站"),
    # our bug's own words are escaped and on one line, as serve says them (helper-75): a raw escape recoloured the terminal
    (_before_save(lambda: RuntimeError("two\nlines \x1b[31mred")), False, "en", 70,
     "internal error (not a problem in your content): RuntimeError: two lines \\x1b[31mred\nThe new site was put in place"),
]


@pytest.mark.parametrize(("stop", "first", "lang", "code", "told"), AFTER_THE_SWAP,
                         ids=[f"{n}-{row[2]}-{'first' if row[1] else 'rebuild'}" for n, row in enumerate(AFTER_THE_SWAP)])
def test_a_build_stopped_after_its_swap_says_the_new_site_is_in(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: Callable[[pytest.MonkeyPatch], None],
        first: bool, lang: str, code: int, told: str) -> None:
    content, out = make_site(FILES), tmp_path / "out"
    if not first:
        assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    (content / "activities" / "a.md").write_text(FILES["activities/a.md"] + "又加了一段。\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        stop(patched)
        result = run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": lang})
    assert result.exit_code == code, result.output
    said = result.stderr
    assert told.format(out=out, printing=print_folder(out), cache=tmp_path / ".out.sitegen-cache") in said, said
    assert not [words for words in UNCHANGED if words in said], said
    assert "Traceback" not in result.output
    assert "又加了一段" in (out / PAGE).read_text("utf-8")  # as told: OUT holds the new site
    # As told of the cache: the next build passes, and leaves what a cold build leaves.
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    cold = tmp_path / "cold"
    assert run("build", "--content", str(content), "--out", str(cold), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))
    assert verify_folder(out).clean


def _write_fails(error: OSError) -> Callable[[pytest.MonkeyPatch], None]:
    """Every page written into the stage raises `error` (the swap never happens)."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        import sitegen.write.assembly as assembly

        def stop(*args: Any, **kwargs: Any) -> str:
            raise error

        monkeypatch.setattr(assembly, "write_file", stop)

    return patch


# (an OSError carrying no file name, raised before the swap, language, what stderr must hold)
NAMELESS = [
    (OSError(28, "No space left on device"), "en",
     "The disk is full: a file could not be written. Free some space and build again.\n"
     "Build stopped: nothing was written; the previous output is unchanged."),
    (OSError(28, "No space left on device"), "zh-Hans", "磁盘已满，有文件无法写入。请腾出空间后重新生成。"),
    (OSError(28, "No space left on device"), "zh-Hant", "磁盤已滿，有文件無法寫入。請騰出空間後重新生成。"),
    (OSError(30, "Read-only file system"), "en",
     "The disk is read-only: a file could not be written. Choose another output folder with --out."),
    (OSError(30, "Read-only file system"), "zh-Hans", "磁盘是只读的，有文件无法写入。"),
    (OSError(13, "Permission denied"), "en",
     "No permission to write a file there. Choose an output folder you may write to, with --out."),
    (OSError(13, "Permission denied"), "zh-Hant", "沒有權限寫入文件。"),
    (OSError(5, "Input/output error"), "en", "A file could not be written or read (EIO). Check the disk and build again."),
    (OSError(5, "Input/output error"), "zh-Hans", "有文件无法读写：磁盘可能已满、只读或没有权限。"),
]


@pytest.mark.parametrize(("error", "lang", "told"), NAMELESS, ids=[f"{row[0].errno}-{row[1]}" for row in NAMELESS])
def test_a_disk_error_without_a_file_name_names_no_empty_path(
        make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, lang: str,
        told: str) -> None:
    content, out = make_site(FILES), tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    (content / "activities" / "a.md").write_text(FILES["activities/a.md"] + "又加了一段。\n", encoding="utf-8")
    _write_fails(error)(monkeypatch)
    result = run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 74, result.output
    assert told in result.stderr, result.stderr
    assert "  " not in result.stderr.replace("\n", "") and "：。" not in result.stderr, result.stderr  # no empty path
    assert "又加了一段" not in (out / PAGE).read_text("utf-8")  # as told: the previous output
