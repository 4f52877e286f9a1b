"""What the commands say of a street's output after a street build stopped part-way (issue 14).

1. A FIRST street build that stopped after some communities were swapped in leaves OUT holding them and
   no street pages or manifest: the next build, verify and serve must not call that folder unbuilt,
   empty or someone else's, and the next build that passes brings the whole street up.
2. A community whose web folder was replaced but whose print folder was not yet (a stop between the two,
   in `--assemble` or in the one-machine build) is named, with its print folder said to be maybe the old one;
   one whose folders were both replaced before its build could report back is named too.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitegen.street.build import build_street
from sitegen.street.shard import Shard
from sitegen.verify import verify_folder
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, run, tree_bytes
from tests.street.conftest import MakeStreet, community_site, street_maker
from sitegen.options import Options

THREE = {"wanghu": community_site("望湖社区"), "meihu": community_site("梅湖社区"), "binhu": community_site("滨湖社区")}
PAGE = "activities/2026-linli-jie/index.html"
# What the old messages said of such a folder, in every language: each is untrue of it.
NOT_BUILT = ["no site has been built here yet", "这里还没有生成过网站", "這裡還沒有生成過網站"]
REST_FIRST = ["the other communities and the street pages are not built yet", "其余社区和街道页面还没有生成",
              "其餘社區和街道頁面還沒有生成"]
BUILD_FIRST = ["run sitegen build first", "就先运行 sitegen build", "就先運行 sitegen build"]
FOREIGN = ["did not build", "不是 sitegen 生成的文件", "不是 sitegen 生成的文件"]


def _raise_at(monkeypatch: pytest.MonkeyPatch, nth: int, error: Callable[[], BaseException]) -> None:
    """The street's build of its `nth` community (in slug order: binhu, meihu, wanghu) raises `error()`."""
    import sitegen.street.build as street_build

    build_one, calls = street_build._build_one, []

    def stop(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        if len(calls) == nth:
            raise error()
        return build_one(*args, **kwargs)

    monkeypatch.setattr(street_build, "_build_one", stop)


def _append(folder: Path, slug: str) -> None:
    activity = next((folder / slug / "activities").glob("*.md"))
    activity.write_text(activity.read_text("utf-8") + "\n又加了一段。\n", encoding="utf-8")


@pytest.fixture
def stopped(make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> tuple[Path, Path]:
    """A street whose FIRST build was interrupted at wanghu: OUT holds binhu and meihu, nothing else."""
    folder, out = make_street(THREE), tmp_path / "out"
    with monkeypatch.context() as patched:
        _raise_at(patched, 3, KeyboardInterrupt)
        assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 130
    assert sorted(p.name for p in out.iterdir()) == ["binhu", "meihu"]
    return folder, out


@pytest.fixture(scope="module")
def stopped_once(street_pages: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`stopped` made once for the module (its street, OUT, OUT's print folder and cache in the folder
    returned, nothing else), for the tests that only ask what a command says of that OUT (stopped_copy)."""
    root = tmp_path_factory.mktemp("stopped")
    folder, out = street_maker(root)(THREE), root / "out"
    with pytest.MonkeyPatch.context() as patched:
        _raise_at(patched, 3, KeyboardInterrupt)
        assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 130
    assert sorted(p.name for p in out.iterdir()) == ["binhu", "meihu"]
    assert sorted(p.name for p in root.iterdir()) == [".out.sitegen-cache", "out", "out-print", "street"]
    return root


@pytest.fixture
def stopped_copy(stopped_once: Path, tmp_path: Path) -> tuple[Path, Path]:
    """`stopped`, copied (the street, OUT, its print folder and cache, links as links) from the module's
    one: what each command says of that OUT is read from its files (the manifests and stamps a stopped
    build left, the street's records of it); a copy's new inodes and ctimes only make a next build
    check the files it would have trusted, and the next build that must bring the street up byte for
    byte (test_the_next_build_after_a_stopped_first_one_brings_the_whole_street_up) keeps its own."""
    for path in stopped_once.iterdir():  # the street, out, out-print, .out.sitegen-cache
        if path.is_dir() and not path.is_symlink():
            shutil.copytree(path, tmp_path / path.name, symlinks=True)
        else:
            shutil.copy2(path, tmp_path / path.name, follow_symlinks=False)
    return tmp_path / "street", tmp_path / "out"


def _content_problem(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    (folder / "wanghu" / "wishes" / "bad.yaml").write_text("wish: x\nstatus: nope\n", encoding="utf-8")
    return run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})


def _stopped_again(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    _append(folder, "binhu")  # binhu is built again, then meihu's build is interrupted
    _raise_at(monkeypatch, 2, KeyboardInterrupt)
    return run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})


def _verify(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    return run("verify", str(out), env={"SITEGEN_LANG": lang})


def _serve(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    """serve, its port taken: it says so only once it took the output folder as a street's."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        return run("serve", "--content", str(folder), "--out", str(out), "--port", str(port),
                   env={"SITEGEN_LANG": lang})


# (the next command after the stopped first build, language, exit code, what it must say, what it must not)
AFTER_A_STOPPED_FIRST = [
    (_content_problem, "en", 1, "Build stopped: nothing was written; {out} holds only the communities an earlier "
                                "street build wrote before it stopped: binhu, meihu (no street pages yet)", NOT_BUILT),
    (_content_problem, "zh-Hans", 1, "生成已停止：这次没有写入任何文件；{out} 里只有之前一次中途停止的生成写入的社区："
                                     "binhu, meihu（还没有街道页面）", NOT_BUILT),
    (_content_problem, "zh-Hant", 1, "{out} 裡只有之前一次中途停止的生成寫入的社區：binhu, meihu（還沒有街道頁面）",
     NOT_BUILT),
    (_stopped_again, "en", 130, "Interrupted. These communities already hold this build: binhu; the street pages are "
                                "not built yet, nor are the other communities but meihu (left by an earlier build "
                                "that stopped)", REST_FIRST),
    (_stopped_again, "zh-Hans", 130, "这次已经更新的社区：binhu；街道页面还没有生成，其余社区中只有 meihu"
                                     "（之前一次中途停止的生成留下的）", REST_FIRST),
    (_stopped_again, "zh-Hant", 130, "其餘社區中只有 meihu（之前一次中途停止的生成留下的）", REST_FIRST),
    (_verify, "en", 2, "{out} has no manifest.sha256 yet: a street build into it stopped part-way, and it holds only "
                       "these communities: binhu, meihu. Build the street again", BUILD_FIRST),
    (_verify, "zh-Hans", 2, "{out} 中还没有 manifest.sha256：生成街道时中途停止了，这里只有这些社区：binhu, meihu。",
     BUILD_FIRST),
    (_verify, "zh-Hant", 2, "這裡只有這些社區：binhu, meihu。", BUILD_FIRST),
    (_serve, "en", 2, "is in use", FOREIGN),
    (_serve, "zh-Hans", 2, "被占用", FOREIGN),
]


@pytest.mark.parametrize(("command", "lang", "code", "told", "untrue"), AFTER_A_STOPPED_FIRST,
                         ids=[f"{row[0].__name__}-{row[1]}" for row in AFTER_A_STOPPED_FIRST])
def test_what_is_said_of_the_output_a_stopped_first_street_build_left(
        stopped_copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, command: Callable[..., Any], lang: str,
        code: int, told: str, untrue: list[str]) -> None:
    folder, out = stopped_copy
    result = command(folder, out, monkeypatch, lang)
    assert result.exit_code == code, result.output
    said = " ".join(result.stderr.split())  # a long path may be wrapped
    assert told.format(out=out) in said, said
    assert not [words for words in untrue if words in said], said
    assert "Traceback" not in result.output


def test_the_next_build_after_a_stopped_first_one_brings_the_whole_street_up(
        stopped: tuple[Path, Path], tmp_path: Path) -> None:
    """binhu left the street after the stopped build swapped it in: the next build removes it."""
    folder, out = stopped
    (folder / "binhu").rename(folder / "_binhu")
    result = run("build", "--content", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    cold = tmp_path / "cold"
    assert run("build", "--content", str(folder), "--out", str(cold), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))
    assert verify_folder(out).clean


def _assembled(make_street: MakeStreet, tmp_path: Path) -> tuple[Path, Path, list[Path]]:
    """A street assembled from two shards, then binhu changed and the shards built again."""
    folder, assembled = make_street(THREE), tmp_path / "all" / "out"
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, Options(now=NOW, jobs=2), shard=Shard(k, 2))
    assert run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts)).exit_code == 0
    _append(folder, "binhu")
    for k, part in enumerate(parts, 1):
        build_street(folder, part, Options(now=NOW, jobs=2), shard=Shard(k, 2))
    return folder, assembled, parts


def _full_at_binhu_print(monkeypatch: pytest.MonkeyPatch, assembled: Path) -> None:
    import sitegen.street.shard as street_shard

    put = street_shard._put

    def full(source: Path, target: Path, trash: Path) -> None:
        if target == print_folder(assembled) / "binhu":
            raise OSError(28, "No space left on device", str(target))
        put(source, target, trash)

    monkeypatch.setattr(street_shard, "_put", full)


def _full_at_binhu_record(monkeypatch: pytest.MonkeyPatch, assembled: Path) -> None:
    """Both of binhu's folders are put in; writing down what was put fills the disk."""
    import sitegen.street.shard as street_shard

    def full(*args: Any) -> list[str]:
        raise OSError(28, "No space left on device", "assembled.json")

    monkeypatch.setattr(street_shard, "_as_put", full)


# (what stops the assemble, language, what the closing line must hold)
ASSEMBLE_BETWEEN = [
    (_full_at_binhu_print, "en", "these communities already hold this build: binhu (its print folder may still be "
                                 "the old one); the other communities"),
    (_full_at_binhu_print, "zh-Hans", "这次已经更新的社区：binhu（打印文件夹可能还是旧的）；其余社区"),
    (_full_at_binhu_print, "zh-Hant", "這次已經更新的社區：binhu（打印文件夾可能還是舊的）；其餘社區"),
    (_full_at_binhu_record, "en", "these communities already hold this build: binhu; the other communities"),
]


@pytest.mark.parametrize(("stop", "lang", "told"), ASSEMBLE_BETWEEN)
def test_an_assemble_stopped_after_a_web_folder_names_its_community(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop: Callable[..., None], lang: str, told: str) -> None:
    folder, assembled, parts = _assembled(make_street, tmp_path)
    stop(monkeypatch, assembled)
    result = run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts),
                 env={"SITEGEN_LANG": lang})
    assert result.exit_code == 74, result.output
    assert told in result.stderr, result.stderr
    assert "又加了一段" in (assembled / "binhu" / PAGE).read_text("utf-8")  # as told: binhu's web folder is new


def _print_commit(nth: int, error: Callable[[], BaseException]) -> Callable[[pytest.MonkeyPatch], None]:
    """The `nth` community's print folder is not swapped in: `error()` is raised in its place."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        from sitegen.write.printfolder import PrintSlot

        commit, calls = PrintSlot.commit, []

        def stop(self: PrintSlot) -> bool:
            calls.append(self)
            if len(calls) == nth:
                raise error()
            return commit(self)

        monkeypatch.setattr(PrintSlot, "commit", stop)

    return patch


def _after_both(monkeypatch: pytest.MonkeyPatch) -> None:
    """meihu's web and print folders are both swapped in; what its build keeps for the next one fails."""
    import sitegen.pipeline.execute as execute

    kept, calls = execute.kept_entries, []

    def stop(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("a bug of ours, after the swap")
        return kept(*args)

    monkeypatch.setattr(execute, "kept_entries", stop)


# (what stops meihu's build after its web folder was swapped in, exit code, language, the closing line)
ONE_MACHINE_BETWEEN = [
    (_print_commit(2, lambda: OSError(28, "No space left on device")), 74, "en",
     "these communities already hold this build: binhu, meihu (its print folder may still be the old one); the"),
    (_print_commit(2, KeyboardInterrupt), 130, "zh-Hans", "已中断。这次已经更新的社区：binhu, meihu（打印文件夹可能还是旧的）；"),
    (_print_commit(2, lambda: OSError(28, "No space left on device")), 74, "zh-Hant",
     "這次已經更新的社區：binhu, meihu（打印文件夾可能還是舊的）；"),
    (_after_both, 70, "en", "These communities already hold this build: binhu, meihu; the other communities"),
]


@pytest.mark.parametrize(("stop", "code", "lang", "told"), ONE_MACHINE_BETWEEN)
def test_a_street_stopped_after_a_web_folder_names_its_community(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop: Callable[[pytest.MonkeyPatch], None], code: int, lang: str, told: str) -> None:
    folder, out = make_street(THREE), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    for slug in ("binhu", "meihu"):
        _append(folder, slug)
    stop(monkeypatch)
    result = run("build", "--content", str(folder), "--out", str(out), "--quiet", env={"SITEGEN_LANG": lang})
    assert result.exit_code == code, result.output
    assert told in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert "又加了一段" in (out / "meihu" / PAGE).read_text("utf-8")  # as told: meihu's web folder is new
    monkeypatch.undo()
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    assert verify_folder(out).clean


def test_an_assemble_stopped_while_copying_leaves_nothing_half_copied(make_street: MakeStreet, street_pages: str,
                                                                     tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while a community is copied in: its half copy (staged inside OUT) was left there, so the
    next assemble called OUT someone else's folder, and verify called the copy's files not built by sitegen."""
    import sitegen.street.shard as street_shard

    folder, assembled = make_street(THREE), tmp_path / "all" / "out"
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, Options(now=NOW, jobs=2), shard=Shard(k, 2))
    link, calls = street_shard.link_or_copy, []

    def full(source: Path, target: Path) -> None:
        if target.is_relative_to(assembled / ".meihu.assemble"):  # the second community, five files in
            calls.append(target)
            if len(calls) == 5:
                raise OSError(28, "No space left on device", str(target))
        link(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(street_shard, "link_or_copy", full)
        result = run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts))
    assert result.exit_code == 74, result.output
    assert sorted(p.name for p in assembled.iterdir()) == ["binhu"]
    result = run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts))
    assert result.exit_code == 0, result.output
    assert verify_folder(assembled).clean


def _build_passes(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    return run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": lang})


# (the next command, with a sitegen site the street never built beside what the stopped build left, language,
# exit code, what it must say); `mysite` must never be named as the street's, nor removed
BESIDE_ANOTHER_SITE = [
    (_content_problem, "en", 1, "wrote before it stopped: binhu, meihu (no street pages yet)"),
    (_content_problem, "zh-Hans", 1, "写入的社区：binhu, meihu（还没有街道页面）"),
    (_stopped_again, "en", 130, "nor are the other communities but meihu (left by an earlier build that stopped)"),
    (_verify, "en", 2, "it holds only these communities: binhu, meihu. Build the street again"),
    (_verify, "zh-Hant", 2, "這裡只有這些社區：binhu, meihu。"),
    (_build_passes, "en", 0, ""),
]


@pytest.mark.parametrize(("command", "lang", "code", "told"), BESIDE_ANOTHER_SITE,
                         ids=[f"{row[0].__name__}-{row[1]}" for row in BESIDE_ANOTHER_SITE])
def test_another_sitegen_site_in_the_output_is_not_taken_for_a_community_the_street_left(
        stopped: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, command: Callable[..., Any], lang: str,
        code: int, told: str) -> None:
    """OUT also holds `mysite`, a site sitegen built on its own (its manifest inside) that no street build swapped
    in: it was named as a community the stopped build left, and the next build that passed removed it (and
    OUT-print/mysite) as a community that left the street."""
    folder, out = stopped
    shutil.copytree(out / "binhu", out / "mysite")  # someone's other site, put there by hand
    (print_folder(out) / "mysite").mkdir()
    (print_folder(out) / "mysite" / "poster.pdf").write_bytes(b"%PDF- not the street's")
    result = command(folder, out, monkeypatch, lang)
    assert result.exit_code == code, result.output
    said = " ".join(result.stderr.split())
    assert told in said, said
    assert "mysite" not in said
    assert (out / "mysite" / "manifest.sha256").is_file() and (print_folder(out) / "mysite" / "poster.pdf").is_file()


def test_a_community_a_stopped_first_assemble_put_in_is_named_by_verify(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first assemble stopped between binhu's web folder and its print folder: OUT holds binhu, whose cache
    folder the assemble removed before the put (it described another copy); it is still known as the street's."""
    folder, assembled = make_street(THREE), tmp_path / "all" / "out"
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, Options(now=NOW, jobs=2), shard=Shard(k, 2))
    with monkeypatch.context() as patched:
        _full_at_binhu_print(patched, assembled)
        result = run("build", "--content", str(folder), "--out", str(assembled), "--assemble", *map(str, parts))
    assert result.exit_code == 74, result.output
    assert sorted(p.name for p in assembled.iterdir()) == ["binhu"]
    said = " ".join(run("verify", str(assembled)).stderr.split())
    assert "it holds only these communities: binhu." in said, said


# A shard (`--shard 1/2`: binhu and wanghu) makes no street pages: its closing line spoke of them all the same.
STREET_PAGES = ["street pages", "街道页面", "街道頁面", "no street had been built", "整条街道", "整條街道"]


def _shard(folder: Path, out: Path, lang: str, which: str = "1/2") -> Any:
    return run("build", "--content", str(folder), "--out", str(out), "--shard", which, env={"SITEGEN_LANG": lang})


def _shard_first(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    """A first shard build, Ctrl-C at its second community (wanghu): binhu is in."""
    _raise_at(monkeypatch, 2, KeyboardInterrupt)
    return _shard(folder, out, lang)


def _shard_again(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    """The shard built whole, binhu and wanghu changed, the disk full at wanghu: binhu is in."""
    assert _shard(folder, out, "en").exit_code == 0
    for slug in ("binhu", "wanghu"):
        _append(folder, slug)
    _raise_at(monkeypatch, 2, lambda: OSError(28, "No space left on device"))
    return _shard(folder, out, lang)


def _shard_after_stopped(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    """The first shard build stopped at wanghu; the next finds a problem in wanghu: nothing written."""
    with monkeypatch.context() as patched:
        _raise_at(patched, 2, KeyboardInterrupt)
        assert _shard(folder, out, "en").exit_code == 130
    (folder / "wanghu" / "wishes" / "bad.yaml").write_text("wish: x\nstatus: nope\n", encoding="utf-8")
    return _shard(folder, out, lang)


def _shard_stopped_twice(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> Any:
    """`--shard 1/1` (every community): its first build stopped at meihu (binhu in); the next, binhu
    unchanged, builds meihu and stops at wanghu."""
    with monkeypatch.context() as patched:
        _raise_at(patched, 2, KeyboardInterrupt)
        assert _shard(folder, out, "en", "1/1").exit_code == 130
    _raise_at(monkeypatch, 2, lambda: RuntimeError("a bug of ours"))
    return _shard(folder, out, lang, "1/1")


# (how the shard stopped, language, exit code, what its closing line must hold)
SHARD_STOPS = [
    (_shard_first, "en", 130, "Interrupted. These communities already hold this build: binhu; the other communities "
                              "of this shard are not built yet (nothing had been built in {out} before). Build this "
                              "shard again to bring it up to date."),
    (_shard_first, "zh-Hans", 130, "已中断。这次已经更新的社区：binhu；这个分片的其余社区还没有生成（{out} 以前没有生成过）。"
                                   "请重新生成这个分片，它就会一致。"),
    (_shard_first, "zh-Hant", 130, "這次已經更新的社區：binhu；這個分片的其餘社區還沒有生成（{out} 以前沒有生成過）。"),
    (_shard_again, "en", 74, "Build stopped: these communities already hold this build: binhu; the other communities "
                             "of this shard are as its last build left them. Fix what is listed above, then build this "
                             "shard again to bring it up to date."),
    (_shard_again, "zh-Hans", 74, "这次已经更新的社区：binhu；这个分片的其余社区保持它上一次生成的样子。"),
    (_shard_again, "zh-Hant", 74, "這次已經更新的社區：binhu；這個分片的其餘社區保持它上一次生成的樣子。"),
    (_shard_after_stopped, "en", 1, "Build stopped: nothing was written; {out} holds only the communities an earlier "
                                    "build of this shard wrote before it stopped: binhu. Fix what is listed above, then "
                                    "build this shard again to finish it."),
    (_shard_after_stopped, "zh-Hans", 1, "{out} 里只有这个分片之前一次中途停止的生成写入的社区：binhu。"),
    (_shard_stopped_twice, "en", 70, "These communities already hold this build: meihu; the other communities of "
                                     "this shard are not built yet but binhu (left by an earlier build that stopped)"),
    (_shard_stopped_twice, "zh-Hans", 70, "这次已经更新的社区：meihu；这个分片的其余社区中只有 binhu 已经生成"
                                          "（之前一次中途停止的生成留下的）"),
]


@pytest.mark.parametrize(("stop", "lang", "code", "told"), SHARD_STOPS,
                         ids=[f"{row[0].__name__}-{row[1]}" for row in SHARD_STOPS])
def test_a_stopped_shard_speaks_of_its_shard_not_of_street_pages(
        make_street: MakeStreet, street_pages: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        stop: Callable[..., Any], lang: str, code: int, told: str) -> None:
    folder, out = make_street(THREE), tmp_path / "part1" / "out"
    result = stop(folder, out, monkeypatch, lang)
    assert result.exit_code == code, result.output
    said = " ".join(result.stderr.split())  # a long path may be wrapped
    assert told.format(out=out) in said, said
    assert not [words for words in STREET_PAGES if words in said], said
    assert "Traceback" not in result.output


def test_a_street_whose_manifest_was_deleted_by_hand_is_not_called_stopped(
        make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    """The whole street built, then OUT/manifest.sha256 deleted by hand: verify said a street build had stopped
    part-way and to build again, and that build refused OUT as someone else's (a newcomer went round in that loop)."""
    folder, out = make_street(THREE), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    (out / "manifest.sha256").unlink()
    for lang, first in zip(("en", "zh-Hans", "zh-Hant"), BUILD_FIRST, strict=True):
        said = " ".join(run("verify", str(out), env={"SITEGEN_LANG": lang}).stderr.split())
        assert first in said and "binhu" not in said, said
    built = run("build", "--content", str(folder), "--out", str(out), env={"SITEGEN_LANG": "en"})
    assert built.exit_code == 2 and FOREIGN[0] in " ".join(built.stderr.split()), built.output


def test_a_street_communitys_folder_changed_by_hand_is_repaired_as_verify_advises(
        make_street: MakeStreet, tmp_path: Path) -> None:
    """verify OUT/<community> of a street built here advised "upload it again (run sitegen build --no-cache
    first)", the advice 25e1932 removed for OUT itself: that command builds content/ into output/. It now
    names the street's OUT, and building the street into it makes the community's folder clean (break13b)."""
    folder, out = make_street(THREE), tmp_path / "out"
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    (out / "wanghu" / "robots.txt").write_text("hand-edited\n", encoding="utf-8")
    for target in (out / "wanghu", out / "wanghu" / "."):
        said = " ".join(run("verify", str(target)).stderr.split())
        assert f"Building into it again repairs it: sitegen build --out {out} " in said and "--no-cache" not in said, said
    assert run("build", "--content", str(folder), "--out", str(out)).exit_code == 0
    assert run("verify", str(out / "wanghu")).exit_code == 0
