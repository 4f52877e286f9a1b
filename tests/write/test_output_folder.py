"""The output folder is ours alone: one build at a time, never someone else's folder, never a mix.

Each case is a kind of issue 12 §1: a foreign or odd --out, a second build at once, a hand-edited
output. The expected outcome is an exit status and a message word, or a tree equal to a clean build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.lock import Holder, OutputBusy, output_lock
from tests.conftest import NOW, ROOT, MakeSite, run, tree_bytes

GOOD = {"activities/a.md": "---\ntitle: 七夕手工面点\ndate: 2019-08-06\n---\n正文\n",
        "wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"}
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en", "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}


def _foreign(out: Path) -> None:
    out.mkdir()
    (out / "thesis.docx").write_text("三年的心血", encoding="utf-8")


def _hidden_only(out: Path) -> None:
    out.mkdir()
    (out / ".git").mkdir()


def _a_file(out: Path) -> None:
    out.write_text("not a folder", encoding="utf-8")


def _dangling(out: Path) -> None:
    out.symlink_to(out.parent / "nowhere" / "site")


# setup of --out → exit status, a word of the English message, the path that must be untouched
REFUSED: list[tuple[str, Callable[[Path], None], int, str, str]] = [
    ("foreign folder", _foreign, 2, "did not build", "thesis.docx"),
    ("only a hidden folder", _hidden_only, 2, "did not build", ".git"),
    ("a file", _a_file, 2, "is a file", ""),
    ("dangling link", _dangling, 2, "does not exist", ""),
]


@pytest.mark.parametrize(("name", "setup", "status", "word", "kept"), REFUSED, ids=[c[0] for c in REFUSED])
def test_an_output_folder_that_is_not_ours_is_refused(make_site: MakeSite, tmp_path: Path, name: str,
                                                      setup: Callable[[Path], None], status: int, word: str,
                                                      kept: str) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    setup(out)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == status, result.output
    assert word in result.stderr and "Traceback" not in result.output
    if kept:
        assert (out / kept).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # not even a cache folder beside it
    zh = run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": "zh-Hans"})
    assert zh.exit_code == status and any("\u4e00" <= ch <= "\u9fff" for ch in zh.stderr)  # in the user's language


def test_an_empty_folder_is_accepted(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(GOOD)
    (tmp_path / "output").mkdir()
    assert run("build", "--content", str(content), "--out", str(tmp_path / "output")).exit_code == 0


# what the system left in the output folder → whether the build takes it as empty (breaker helper-117, s22:
# a folder a Mac's Finder had shown, holding only .DS_Store, was refused as someone else's)
# A path ending in "/" is an empty folder (s23: an output folder holding only an empty 新建文件夹 was refused).
LITTER = [({".DS_Store": b"\0\0\0\1Bud1"}, 0), ({"Thumbs.db": b"x", "desktop.ini": b"[.ShellClassInfo]"}, 0),
          ({".DS_Store": b"x", "notes.txt": b"mine"}, 2), ({".DS_Store/a": b"x"}, 2),
          ({"新建文件夹/": b""}, 0), ({"新建文件夹/.DS_Store": b"x", "a/b/c/": b""}, 0),
          ({"新建文件夹/": b"", "照片/1.jpg": b"\xff\xd8"}, 2), ({"a/b/c/notes.txt": b"mine"}, 2)]


@pytest.mark.parametrize(("files", "status"), LITTER, ids=["DS_Store", "Thumbs.db and desktop.ini",
                                                           "DS_Store and a file of someone's", "a folder named .DS_Store",
                                                           "an empty folder", "folders holding only litter",
                                                           "an empty folder beside a photo", "a file deep down"])
def test_what_the_system_leaves_in_a_folder_is_no_one_s(make_site: MakeSite, tmp_path: Path, files: dict[str, bytes],
                                                       status: int) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith("/"):
            (out / rel).mkdir(exist_ok=True)
        else:
            (out / rel).write_bytes(data)
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == status, result.output
    assert (out / "index.html").is_file() == (status == 0)
    if status:  # refused: nothing of theirs moved or deleted
        assert all((out / rel).exists() for rel in files)


# (working folder, --content and --out as typed): the output typed from inside itself
FROM_INSIDE = [("output", "../content", "."), ("output", "../content", "./"), ("output/activities", "../../content", "..")]


@pytest.mark.parametrize(("where", "content", "out"), FROM_INSIDE, ids=[" ".join(row) for row in FROM_INSIDE])
def test_an_output_typed_from_inside_itself_names_its_print_folder(make_site: MakeSite, tmp_path: Path, where: str,
                                                                  content: str, out: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`--out .` has no name to put `-print` after: the posters were said to be in '-print'."""
    make_site(GOOD)
    assert run("build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "output")).exit_code == 0
    monkeypatch.chdir(tmp_path / where)
    result = run("build", "--content", content, "--out", out)
    assert result.exit_code == 0 and f"are in {tmp_path / 'output-print'}:" in result.stdout, result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.sitegen-cache", "content", "output", "output-print"]


def test_a_symlinked_output_is_built_beside_its_target(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(GOOD)
    target = tmp_path / "www" / "site"
    target.parent.mkdir()
    link = tmp_path / "output"
    link.symlink_to(target, target_is_directory=True)
    assert run("build", "--content", str(content), "--out", str(link)).exit_code == 0
    assert link.is_symlink() and link.resolve() == target  # the link itself was never swapped away
    first = tree_bytes(target)
    assert "activities/a/index.html" in first
    (content / "activities" / "a.md").write_text(GOOD["activities/a.md"].replace("七夕", "中秋"), encoding="utf-8")
    assert run("build", "--content", str(content), "--out", str(link)).exit_code == 0
    assert link.is_symlink() and "中秋".encode() in (target / "activities" / "a" / "index.html").read_bytes()
    assert (target.parent / ".site.sitegen-cache").is_dir() and not (tmp_path / ".output.sitegen-cache").exists()


def _append(out: Path) -> None:
    with open(out / "index.html", "a", encoding="utf-8") as handle:
        handle.write('<a href="https://spam.example/">便宜</a>')


def _delete(out: Path) -> None:
    (out / "feed.xml").unlink()


def _add(out: Path) -> None:
    (out / "activities" / "casino.html").write_text("spam", encoding="utf-8")


def _add_link(out: Path) -> None:
    (out / "etc").symlink_to("/etc", target_is_directory=True)


def _add_fifo(out: Path) -> None:
    os.mkfifo(out / "activities" / "pipe")


def _replace_same_size(out: Path) -> None:
    page = out / "robots.txt"
    data = page.read_bytes()
    page.write_bytes(data[:-1] + b"#")


TAMPERED: list[tuple[str, Callable[[Path], None]]] = [
    ("appended", _append), ("deleted", _delete), ("added", _add), ("symlink added", _add_link), ("fifo added", _add_fifo),
    ("same size rewritten", _replace_same_size),
]


@pytest.mark.parametrize(("name", "tamper"), TAMPERED, ids=[c[0] for c in TAMPERED])
def test_a_hand_edited_output_is_repaired_not_called_unchanged(make_site: MakeSite, tmp_path: Path, name: str,
                                                               tamper: Callable[[Path], None]) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    clean = tree_bytes(out)
    time.sleep(0.01)  # a new mtime even on coarse clocks
    tamper(out)
    again = run("build", "--content", str(content), "--out", str(out))
    assert again.exit_code == 0 and "Nothing changed" not in again.output
    assert tree_bytes(out) == clean and not (out / "etc").exists() and not (out / "activities" / "pipe").exists()
    # the tampered copy is now the shadow: the build after it must not carry anything forward either
    (content / "activities" / "a.md").write_text(GOOD["activities/a.md"] + "又一段。\n", encoding="utf-8")
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    assert run("build", "--content", str(content), "--out", str(tmp_path / "cold"), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(tmp_path / "cold")
    assert run("build", "--content", str(content), "--out", str(out)).output.startswith("Nothing changed")


def test_the_lock_names_its_holder_and_times_out(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from sitegen.write.lock import output_lock\n"
        "with output_lock(Path(sys.argv[1]), 1):\n print('held', flush=True); time.sleep(30)"), str(tmp_path)],
        env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        seen: list[Holder | None] = []
        started = time.monotonic()
        with pytest.raises(OutputBusy) as caught:
            with output_lock(tmp_path, 0.5, seen.append):
                pass
        assert 0.4 < time.monotonic() - started < 5
        assert seen and seen[0] is not None and seen[0].pid == holder.pid
        assert caught.value.holder is not None and caught.value.holder.pid == holder.pid
    finally:
        holder.kill()
        holder.communicate()
    with output_lock(tmp_path, 0.5):  # the holder died: its lock went with it (a stale lock is taken over)
        pass


def test_a_busy_output_folder_is_refused_after_waiting_and_touches_nothing(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from sitegen.write.lock import output_lock\n"
        "with output_lock(Path(sys.argv[1]), 1):\n print('held', flush=True); time.sleep(30)"),
        str(tmp_path / ".output.sitegen-cache")], env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        (content / "activities" / "a.md").write_text(GOOD["activities/a.md"] + "改。\n", encoding="utf-8")
        from sitegen import pipeline
        from sitegen.options import Options

        with pytest.raises(OutputBusy):
            pipeline.build(content, out, Options(now=NOW, lock_wait=0.3))
        assert tree_bytes(out) == before
    finally:
        holder.kill()
        holder.communicate()


def _start_build(content: Path, out: Path, no_cache: bool = False) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "sitegen", "build", "--content", str(content), "--out", str(out), "--jobs", "1"]
    return subprocess.Popen(args + (["--no-cache"] if no_cache else []), env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def test_two_builds_started_together_end_as_a_clean_build(make_site: MakeSite, tmp_path: Path) -> None:
    files = dict(GOOD)
    for i in range(60):
        files[f"activities/a{i:03d}.md"] = f"---\ntitle: 活动{i}\ndate: 2019-08-06\n---\n" + "正文。" * 100
    content = make_site(files)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(tmp_path / "clean"), "--no-cache").exit_code == 0
    clean = tree_bytes(tmp_path / "clean")
    waited = []
    for round_ in range(3):
        builds = [_start_build(content, out, no_cache=(round_ == 1)), _start_build(content, out)]
        outputs = [b.communicate(timeout=300)[0] for b in builds]
        assert [b.returncode for b in builds] == [0, 0], outputs
        waited += [o for o in outputs if "waiting for it to finish" in o]
        assert tree_bytes(out) == clean
    assert waited  # the builds did meet, and the second one waited its turn


def test_serve_refuses_someone_elses_folder_too(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    _foreign(out)
    result = run("serve", "--content", str(content), "--out", str(out), "--port", "0")
    assert result.exit_code == 2 and "did not build" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_the_cli_says_who_holds_the_folder_and_exits_75(make_site: MakeSite, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen import pipeline

    content = make_site(GOOD)

    def busy(*args: object, **kwargs: object) -> None:
        raise OutputBusy(Holder(pid=4242, started="2026-11-29T22:00:00+00:00"))

    monkeypatch.setattr(pipeline, "build", busy)
    for lang, words in (("en", "process 4242"), ("zh-Hans", "进程 4242")):
        result = run("build", "--content", str(content), "--out", str(tmp_path / "output"), env={"SITEGEN_LANG": lang})
        assert result.exit_code == 75 and words in result.stderr and "Traceback" not in result.output


# (i-break8) how the print folder is replaced by a link to a folder of the same posters: relative, absolute
PRINT_LINKS = [("relative", lambda target: Path(target.name)), ("absolute", lambda target: target)]


@pytest.mark.parametrize(("name", "pointer"), PRINT_LINKS, ids=[c[0] for c in PRINT_LINKS])
def test_a_print_folder_replaced_by_a_link_is_built_in_its_target(make_site: MakeSite, tmp_path: Path, name: str,
                                                                  pointer: Callable[[Path], Path]) -> None:
    """The link is never swapped into the cache as the next shadow (a relative one then pointed
    nowhere: every build after it stopped at exit 74); the folder it points to gets the posters."""
    content = make_site(GOOD)
    out, printed, moved = tmp_path / "output", tmp_path / "output-print", tmp_path / "posters-here"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    printed.rename(moved)
    printed.symlink_to(pointer(moved), target_is_directory=True)
    (content / "activities" / "a.md").write_text(GOOD["activities/a.md"].replace("七夕", "中秋"), encoding="utf-8")
    for _ in range(3):  # the second and third build read the shadow the first left
        result = run("build", "--content", str(content), "--out", str(out))
        assert result.exit_code == 0, result.output
        (content / "activities" / "a.md").write_text(GOOD["activities/a.md"] + "又一段。\n", encoding="utf-8")
    assert printed.is_symlink() and printed.resolve() == moved.resolve()
    assert run("build", "--content", str(content), "--out", str(tmp_path / "cold"), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(tmp_path / "cold")
    assert tree_bytes(moved) == tree_bytes(tmp_path / "cold-print")


# (i-break8) (folder: output or print, file, mode a hand gives it): the next build gives back a cold build's mode
CHMODS = [("output", "index.html", 0o600), ("output", "feed.xml", 0o640), ("output", "activities/a/index.html", 0o000),
          ("print", "posters/index.html", 0o600)]


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.lstat().st_mode for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize(("where", "rel", "mode"), CHMODS)
def test_a_hand_changed_permission_is_given_back(make_site: MakeSite, tmp_path: Path, where: str, rel: str,
                                                 mode: int) -> None:
    """A chmod changes only the ctime: the bytes read back as recorded, so the file was kept as it was."""
    content = make_site(GOOD)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    os.chmod((out if where == "output" else tmp_path / "output-print") / rel, mode)
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    assert run("build", "--content", str(content), "--out", str(tmp_path / "cold"), "--no-cache").exit_code == 0
    assert tree_bytes(out) == tree_bytes(tmp_path / "cold")
    assert _modes(out) == _modes(tmp_path / "cold")
    assert _modes(tmp_path / "output-print") == _modes(tmp_path / "cold-print")


# what the print folder beside a new output folder holds → the build's exit status
PRINT_BESIDE = [({"社区海报设计稿.docx": b"mine"}, 2),  # was moved into the cache, then deleted (breaker helper-120)
                ({"posters/旧海报.pdf": b"%PDF"}, 0),  # a print folder whose output was deleted by hand: ours
                ({".DS_Store": b"x"}, 0), ({"照片/1.jpg": b"\xff\xd8"}, 2)]


@pytest.mark.parametrize(("files", "status"), PRINT_BESIDE, ids=["a document", "posters left", "litter", "a photo folder"])
def test_a_print_folder_of_someone_s_beside_a_new_output_is_refused(make_site: MakeSite, tmp_path: Path,
                                                                    files: dict[str, bytes], status: int) -> None:
    content = make_site(GOOD)
    printed = tmp_path / "output-print"
    for rel, data in files.items():
        (printed / rel).parent.mkdir(parents=True, exist_ok=True)
        (printed / rel).write_bytes(data)
    result = run("build", "--content", str(content), "--out", str(tmp_path / "output"))
    assert result.exit_code == status, result.output
    if status:
        assert all((printed / rel).read_bytes() == data for rel, data in files.items())  # untouched
        assert not (tmp_path / "output").exists()
