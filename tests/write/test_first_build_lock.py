"""A first build the disk stops leaves no cache folder holding only its lock (session 15's breaker: the
first CLI build onto a full disk left `.OUT.sitegen-cache/lock`); one an earlier build made stays."""

from __future__ import annotations

import errno
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MakeSite, run


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "/full/activities/index.html")


# (builds that passed before the one the disk stops, whether the cache folder is there after it)
ROWS = [(0, False), (1, True)]


@pytest.mark.parametrize(("good_builds", "cache_left"), ROWS, ids=["first build", "after a good build"])
def test_a_stopped_first_build_leaves_no_cache_folder(make_site: MakeSite, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch, good_builds: int,
                                                      cache_left: bool) -> None:
    content, out = make_site(), tmp_path / "out"
    for _ in range(good_builds):
        assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "new.md").write_text("---\ntitle: 新页面\n---\n", encoding="utf-8")  # something to build
    monkeypatch.setattr("sitegen.pipeline.execute.write_site", _full_disk)
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 74, result.stderr
    assert "disk is full" in result.stderr
    assert (tmp_path / ".out.sitegen-cache").exists() is cache_left, sorted(tmp_path.iterdir())


_FIRST = """
import sys, time
from pathlib import Path
from sitegen.write.lock import output_lock
lock_dir, out, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
try:
    with output_lock(lock_dir, 5.0, None, out):
        ready.write_text("held")
        time.sleep(1.0)  # the test's own build is waiting on this lock file meanwhile
        raise OSError(28, "No space left on device")
except OSError:
    sys.exit(74)
"""


_THIRD = """
import fcntl, os, sys
os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)  # as a build makes its cache folder
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    sys.exit(1)
sys.exit(0)
"""


def _first_build_holding(lock_dir: Path, out: Path, ready: Path) -> subprocess.Popen[bytes]:
    """A first build in another process (_FIRST), once it holds the lock: it stops a second later."""
    first = subprocess.Popen([sys.executable, "-c", _FIRST, str(lock_dir), str(out), str(ready)])
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ready.exists()
    return first


def test_a_build_waiting_on_a_stopped_first_build_locks_the_file_that_is_there(tmp_path: Path) -> None:
    """The stopped first build removes its lock file; the build that waited on it must not hold a lock
    on a file no one else can find (a third build would take the new one and build beside it)."""
    from sitegen.write.lock import LOCKFILE, output_lock

    lock_dir, out = tmp_path / ".out.sitegen-cache", tmp_path / "out"
    first = _first_build_holding(lock_dir, out, tmp_path / "ready")
    told: list[object] = []
    with output_lock(lock_dir, 30.0, told.append, out):
        assert first.wait(30) == 74
        assert told, "the test's build never waited on the first one"
        # what a third build would do (record locks are a process's: asked from another one)
        third = subprocess.run([sys.executable, "-c", _THIRD, str(lock_dir / LOCKFILE)], check=False)
        assert third.returncode == 1, "a third build could take the lock while this one holds it"


def test_two_first_builds_the_disk_stops_leave_no_cache_folder(tmp_path: Path) -> None:
    """break15: two first builds at once onto a full disk (a 200k tmpfs): the second waited on the
    first's lock, found its folder removed, made it anew, and stopped too; it left the folder (shadow/,
    shadow.dirty) since the folder had been there when it started. It made the folder it stopped in."""
    from sitegen.write.lock import output_lock

    lock_dir, out = tmp_path / ".out.sitegen-cache", tmp_path / "out"
    first = _first_build_holding(lock_dir, out, tmp_path / "ready")
    with pytest.raises(OSError), output_lock(lock_dir, 30.0, None, out):
        assert first.wait(30) == 74
        (lock_dir / "shadow").mkdir()  # as the build stages its files
        (lock_dir / "shadow.dirty").touch()
        raise OSError(28, "No space left on device")
    assert not lock_dir.exists(), sorted(p.name for p in lock_dir.iterdir())


@pytest.mark.parametrize("another_build_meanwhile", [False, True], ids=["alone", "a third build's lock meanwhile"])
def test_a_stopped_first_build_removes_only_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    another_build_meanwhile: bool) -> None:
    """Everything but the lock goes while the lock is held; the folder goes only when empty, so a lock
    file another build made between the lock's unlink and the folder's removal is left to it."""
    from sitegen.write import lock

    lock_dir = tmp_path / ".out.sitegen-cache"
    (lock_dir / "shadow" / "activities").mkdir(parents=True)
    (lock_dir / "shadow.dirty").touch()
    path = lock_dir / lock.LOCKFILE
    path.touch()
    unlink = Path.unlink

    def unlink_then_another(self: Path, missing_ok: bool = False) -> None:
        unlink(self, missing_ok=missing_ok)
        if self == path and another_build_meanwhile:
            path.write_text('{"pid": 1, "started": ""}\n', encoding="utf-8")  # the third build's own

    monkeypatch.setattr(Path, "unlink", unlink_then_another)
    lock._leave_nothing(lock_dir, path, True)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ([".out.sitegen-cache", "lock"] if another_build_meanwhile
                                                           else [])
