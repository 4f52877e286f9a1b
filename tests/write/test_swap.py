"""A failed build, or one killed halfway, leaves the previous output byte for byte as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sitegen.write.slots import Slots
from sitegen.write.swap import recover
from tests.conftest import ROOT, MakeSite, run, tree_bytes

CACHE = ".output.sitegen-cache"

GOOD = {"activities/a.md": "---\ntitle: 七夕手工面点\ndate: 2019-08-06\n---\n正文\n",
        "wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"}


def test_invalid_build_leaves_previous_output_untouched(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(GOOD)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before, printed = tree_bytes(out), tree_bytes(tmp_path / "output-print")
    (content / "activities" / "a.md").write_text("---\ntitle: x\ndate: 2019-13-06\n---\n", encoding="utf-8")
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1
    assert "activities/a.md:3: " in result.stderr
    assert tree_bytes(out) == before and tree_bytes(tmp_path / "output-print") == printed
    # nothing else left behind: the output, its print folder (posters for paper) and the cache
    assert sorted(p.name for p in tmp_path.iterdir()) == [CACHE, "content", "output", "output-print"]


def test_slots_swap_the_whole_folder_and_keep_the_old_one_as_shadow(tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / "old.html").write_text("old")
    slots = Slots(out, tmp_path / "cache")
    stage, holds = slots.prepare()
    assert holds == {} and stage != out
    (stage / "new.html").write_text("new")
    assert (out / "old.html").read_text() == "old"  # untouched until the commit
    slots.commit()
    assert [p.name for p in out.iterdir()] == ["new.html"]
    assert [p.name for p in slots.shadow.iterdir()] == ["old.html"]
    assert not slots.dirty.exists()


def test_a_dirty_shadow_is_never_trusted(tmp_path: Path) -> None:
    out = tmp_path / "output"
    slots = Slots(out, tmp_path / "cache")
    stage, _ = slots.prepare()
    (stage / "manifest.sha256").write_text("0" * 64 + "  half.html\n")
    (stage / "half.html").write_text("half")
    # killed here: the next build must not believe the half-built shadow
    stage, holds = Slots(out, tmp_path / "cache").prepare()
    assert holds == {} and not (stage / "half.html").exists()


def test_recover_restores_output_caught_between_renames(tmp_path: Path) -> None:
    out = tmp_path / "output"
    old = tmp_path / ".output.old-abc"
    old.mkdir()
    (old / "index.html").write_text("previous")
    (tmp_path / ".output.stage-xyz").mkdir()
    recover(out)
    assert (out / "index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def _orphans(content: Path, wait: float = 3.0) -> list[int]:
    """Worker processes a killed build left behind (they would sleep forever on their task pipe)."""
    deadline = time.monotonic() + wait
    while True:
        left = []
        for entry in Path("/proc").iterdir():
            try:
                alive = entry.name.isdigit() and (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
                if alive and str(content).encode() in (entry / "cmdline").read_bytes():
                    left.append(int(entry.name))
            except OSError:
                continue
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def test_killed_build_leaves_previous_output_whole(make_site: MakeSite, tmp_path: Path) -> None:
    """SIGKILL a real build at many moments; output/ is always the old site or the new one, whole."""
    files = dict(GOOD)
    for i in range(150):
        files[f"activities/a{i:03d}.md"] = f"---\ntitle: 活动{i}\ndate: 2019-08-06\n---\n" + "正文。" * 200
    content = make_site(files)
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    (content / "activities" / "a.md").write_text("---\ntitle: 改过的标题\ndate: 2019-08-06\n---\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITEGEN_LANG": "en"}
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6):
        process = subprocess.Popen([sys.executable, "-m", "sitegen", "build", "--no-cache", "--content", str(content),
                                    "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert not _orphans(content), "a worker outlived its killed build"
        now = tree_bytes(out)
        assert now == before or "改过的标题".encode() in now["activities/a/index.html"]
        outcomes.add("old" if now == before else "new")
        if now != before:
            before = now
    assert "old" in outcomes  # at least one kill landed mid-build
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output") and p.name != CACHE]
