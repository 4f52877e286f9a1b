"""Two copies of the site: the live `output/` and a shadow in the cache folder.

A build updates the shadow (never the live copy) to the new site, writing only files that
differ from what the shadow already holds, then exchanges the two folders in one step. A failed
or killed build leaves `output/` exactly as it was; the worst it leaves is a shadow marked dirty,
which the next build throws away and rebuilds. Every slot carries its own manifest.sha256, so
what each copy holds is read from the copy itself.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Final

from sitegen.errors import UsageProblem
from sitegen.runtime import in_background
from sitegen.write.swap import exchange, recover

MANIFEST: Final = "manifest.sha256"


def read_manifest(folder: Path) -> dict[str, str]:
    """path → sha256 from a `sha256sum` style manifest; {} when there is none."""
    try:
        text = (folder / MANIFEST).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found = {}
    for line in text.splitlines():
        sha, _, path = line.partition("  ")
        if len(sha) == 64 and path:
            found[path] = sha
    return found


def _entries(folder: Path) -> list[tuple[str, os.stat_result | None]]:
    """Every entry under `folder`, children after their folder; links are not followed.

    Folders come with None (their type is known from the listing, no stat call: half the calls on
    a site of mostly one-page folders); everything else with its lstat.
    """
    found: list[tuple[str, os.stat_result | None]] = []
    pending = [(os.fspath(folder), "")]
    while pending:
        path, rel = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = rel + entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    found.append((name, None))
                    pending.append((entry.path, name + "/"))
                else:
                    found.append((name, entry.stat(follow_symlinks=False)))
            except OSError:
                continue
    return found


def sweep(folder: Path, holds: dict[str, str]) -> None:
    """Delete what a hand put into a slot: files the manifest does not list, links, pipes, devices.

    A kept file is still compared by size and mtime before reuse; this removes what reuse never
    looks at, so nothing added by hand is carried into the next site.
    """
    for rel, info in sorted(_entries(folder), key=lambda item: item[0], reverse=True):  # children first
        path = folder / rel
        if info is None:
            try:
                path.rmdir()  # only if emptied
            except OSError:
                pass
        elif not (stat.S_ISREG(info.st_mode) and (rel in holds or rel == MANIFEST)):
            path.unlink(missing_ok=True)


def output_folder(out: Path) -> Path:
    """The folder a build may replace: `out` itself, or the folder a symbolic link `out` points to.

    A build swaps the output folder whole, so it refuses (UsageProblem) a non-folder, a link into
    a folder that does not exist, and an existing non-empty folder without our manifest.sha256 (someone else's files,
    which the swap would move away and the next build delete).
    """
    if out.is_symlink():
        target = out.resolve()
        if not target.parent.is_dir():
            raise UsageProblem("cli.out_dangling_link", out=str(out), target=str(target))
        out = target  # build beside the target; the link keeps pointing at the new site
    if not out.exists():
        return out
    if not out.is_dir():
        raise UsageProblem("cli.out_not_folder", out=str(out))
    if not (out / MANIFEST).is_file() and any(out.iterdir()):
        raise UsageProblem("cli.out_foreign", out=str(out))
    return out


def discard_later(folder: Path, trash_in: Path) -> None:
    """Move a folder out of the way now and delete it in the background: users wait for nothing.

    On POSIX a detached grandchild process deletes it (runtime.in_background); elsewhere it is
    deleted here and now.
    """
    if not folder.exists():
        return
    trash_in.mkdir(parents=True, exist_ok=True)
    trash = Path(tempfile.mkdtemp(prefix="trash-", dir=trash_in))
    os.replace(folder, trash / "x")
    in_background(lambda: shutil.rmtree(trash, ignore_errors=True))


class Slots:
    def __init__(self, out: Path, cache: Path) -> None:
        self.out = out
        self.cache = cache
        self.shadow = cache / "shadow"
        self.dirty = cache / "shadow.dirty"

    def live_manifest(self) -> dict[str, str]:
        return read_manifest(self.out) if self.out.is_dir() else {}

    def prepare(self) -> tuple[Path, dict[str, str]]:
        """The folder to build into, and what it already holds (nothing, for a fresh one)."""
        self.out.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out)
        self.cache.mkdir(parents=True, exist_ok=True)
        for trash in self.cache.glob("trash-*"):
            discard_later(trash, self.cache)
        holds: dict[str, str] = {}
        if self.shadow.is_dir() and not self.dirty.exists():
            holds = read_manifest(self.shadow)
        if not holds:
            discard_later(self.shadow, self.cache)
            self.shadow.mkdir()
        else:
            sweep(self.shadow, holds)
        self.dirty.touch()  # from here until the exchange, the shadow is half-built
        return self.shadow, holds

    def commit(self) -> None:
        """Swap the finished shadow in as the live output; the old output becomes the next shadow."""
        if self.out.exists():
            exchange(self.shadow, self.out)
        else:
            os.replace(self.shadow, self.out)
        self.dirty.unlink(missing_ok=True)



def remove_empty_parents(stage: Path, rel: str) -> None:
    folder = (stage / rel).parent
    while folder != stage:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
