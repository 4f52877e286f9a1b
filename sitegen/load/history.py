"""When each content file last changed, from version control: the same commit gives the same dates.

File modification times are not content: a fresh clone, a copy to a new PC or a CI checkout
gives every file today's mtime. Where the content folder is (inside) a git checkout, the time of
the last commit that touched a file is its date instead, read in one `git log` walk. A file with
uncommitted changes, an untracked file, or a folder without git gets no date here (model/dates.py
then falls back to the record's own dates and to the build day, see README "Dates").
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from typing import Final

_TIMEOUT: Final = 60.0  # seconds; a walk of a long history is still far below this
# Git's own settings must not change what we read: no signatures, no renames, no colour, no pager.
_GIT: Final = ("-c", "log.showSignature=false", "-c", "core.quotepath=off", "--no-pager")


def checkout(content: Path) -> Path | None:
    """The folder holding the `.git` (folder, or file of a worktree) nearest the content folder, at
    it or above; None outside a checkout (git is not asked then)."""
    folder = content.resolve()
    return next((parent for parent in (folder, *folder.parents) if (parent / ".git").exists()), None)


def _git(content: Path, *args: str) -> str | None:
    """Run git in the content folder; None when git is missing or the folder is not a checkout."""
    executable = shutil.which("git")
    if executable is None or checkout(content) is None:
        return None
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}  # read only: never take the index lock
    try:
        done = subprocess.run([executable, *_GIT, *args], cwd=content, env=env, capture_output=True,
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")


def revision(content: Path) -> str:
    """The commit checked out (HEAD) where the content folder is in a git checkout, else "".

    A new commit changes the dates a build shows without touching a file: the build cache's
    "nothing changed" answer compares this too.
    """
    found = _git(content, "rev-parse", "--verify", "-q", "HEAD")
    return found.strip() if found else ""


class Revisions:
    """`revision` of many content folders asked at one moment (a street's communities), git run once
    per checkout: the folders of one checkout share its HEAD. A street of 300 communities in one
    repository asked git 300 times per rebuild, about 2.9 ms each on the 2-core bench machine.

    Kept for one run only: a commit made later is another HEAD.
    """

    def __init__(self) -> None:
        self._known: dict[Path | None, str] = {None: ""}

    def of(self, content: Path) -> str:
        """`revision(content)`, from git once per checkout."""
        top = checkout(content)
        if top not in self._known:
            self._known[top] = revision(top) if top is not None else ""
        return self._known[top]


def commit_times(content: Path) -> dict[PurePosixPath, int]:
    """Content-relative path → Unix time (s) of the last commit touching it, for every file that is
    committed and unchanged since; {} without git. Three git calls in all, whatever the number of
    files: one `git log` walk lists only the commits that touched the content folder, newest first."""
    tracked = _git(content, "ls-files", "-z")
    if not tracked:
        return {}
    dirty = _git(content, "diff", "HEAD", "--no-ext-diff", "--name-only", "-z", "--relative")
    log = _git(content, "log", "--no-renames", "--name-only", "-z", "--format=format:%x01%ct",
               "--relative", "--", ".")
    if dirty is None or log is None:
        return {}
    wanted = set(tracked.split("\0")) - set(dirty.split("\0")) - {""}
    times: dict[PurePosixPath, int] = {}
    for chunk in log.split("\x01"):
        stamp, _, names = chunk.partition("\n")
        if not stamp.strip().isdigit():
            continue
        for name in names.split("\0"):
            if name in wanted and PurePosixPath(name) not in times:  # newest commit first: keep the first seen
                times[PurePosixPath(name)] = int(stamp)
    return times
