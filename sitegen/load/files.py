"""Find the content files: site.yaml, one folder per kind, free pages; skip `.` and `_` names."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.errors import Problem
from sitegen.kinds import FOLDERS
from sitegen.kinds import PAGES as PAGE_KIND

KINDS: Final = FOLDERS  # the record kinds' folders, in the registry's order (sitegen/kinds/)
PAGES: Final = PAGE_KIND.folder
MEDIA: Final = "media"
SITE_FILE: Final = "site.yaml"
RECORD_SUFFIXES: Final = (".md", ".yaml", ".yml")
_KNOWN_TOP: Final = (*KINDS, PAGES, MEDIA, SITE_FILE, "site.yml", "theme", "themes")  # a site's own theme may live here


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One content file, as found on disk; size and mtime (`stat_mark`) let a rebuild skip what did not change."""

    rel: PurePosixPath  # relative to the content folder, with /
    folder: str  # "site", a kind, or "pages"
    size: int
    mtime_ns: int

    def absolute(self, content: Path) -> Path:
        return content.joinpath(*self.rel.parts)


def stat_mark(st: os.stat_result) -> tuple[int, int]:
    """What says a file may have changed since it was last read: (size in bytes, the later of its
    modification and status-change times in ns). A file written and given its old mtime back
    (`touch -r`, `cp -p`, `rsync -t`, an archive unpacked) keeps its mtime, but the kernel sets its
    ctime to the time of the write and of the utime call (POSIX stat(2)); no call sets it back."""
    return st.st_size, max(st.st_mtime_ns, st.st_ctime_ns)


def ignored(name: str) -> bool:
    return name.startswith((".", "_"))


def resolves_inside(path: Path, root: Path) -> bool:
    """True when `path`, links followed, is `root` or under it; False for a symlink loop."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


Stats = dict[str, tuple[int, int]]  # absolute path → stat_mark (size, time), when the caller has them already


def discover(content: Path, stats: Stats | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """Every record file in a stable order, plus problems with the folder's shape."""
    root = content.resolve()
    files: list[SourceFile] = []
    problems: list[Problem] = []
    site = content / SITE_FILE
    if not site.is_file() and (content / "site.yml").is_file():
        site = content / "site.yml"
    if site.is_symlink() and not resolves_inside(site, root):
        problems.append(Problem(PurePosixPath(site.name), None, "path.symlink_outside"))
    elif site.is_file():
        st = site.stat()
        files.append(SourceFile(PurePosixPath(site.name), "site", *stat_mark(st)))
    else:
        problems.append(Problem(PurePosixPath(SITE_FILE), None, "site.missing"))
    for entry in sorted(os.scandir(content), key=lambda e: e.name):
        if ignored(entry.name) or entry.name in _KNOWN_TOP:
            continue
        if entry.is_dir():
            near = difflib.get_close_matches(entry.name.lower(), (*KINDS, PAGES, MEDIA), n=1, cutoff=0.6)
            problems.append(Problem(PurePosixPath(entry.name), None, "folder.unknown_hint" if near else "folder.unknown",
                                    {"name": entry.name, "suggestion": near[0] if near else ""}, warning=True))
    for folder in (*KINDS, PAGES, MEDIA):
        base = content / folder
        if base.is_symlink() and not resolves_inside(base, root):  # wishes -> /elsewhere: records from outside
            problems.append(Problem(PurePosixPath(folder), None, "path.symlink_outside"))
            continue
        if base.is_dir() and folder != MEDIA:
            _walk(base, PurePosixPath(folder), folder, root, files, problems, stats or {})
    return files, problems


@lru_cache(maxsize=1 << 16)
def _child(rel: PurePosixPath, name: str) -> PurePosixPath:
    """`rel / name`, the same object again for the same parent and name: a path is immutable, and
    making one is most of a walk's cost (serve walks every content file on each save)."""
    return rel / name


def _walk(directory: Path, rel: PurePosixPath, folder: str, root: Path,
          files: list[SourceFile], problems: list[Problem], stats: Stats) -> None:
    # Once per content file of every build (serve rebuilds on each save): one path object per entry.
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        if ignored(entry.name):
            continue
        entry_rel = _child(rel, entry.name)
        if entry.is_symlink() and not resolves_inside(Path(entry.path), root):
            problems.append(Problem(entry_rel, None, "path.symlink_outside"))
            continue
        if entry.is_dir():
            _walk(Path(entry.path), entry_rel, folder, root, files, problems, stats)
        elif entry.name.lower().endswith(RECORD_SUFFIXES):
            known = stats.get(entry.path)
            if known is None:
                known = stat_mark(entry.stat())
            files.append(SourceFile(entry_rel, folder, *known))
        else:
            problems.append(Problem(entry_rel, None, "file.not_a_record", warning=True))
