"""pipeline/inputs.py folder_stats: which files a build watches, and with what (size, mtime)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitegen.pipeline.inputs import folder_stats

# (entry under the root, what it is: "file", "dir", "link→TARGET"), then whether it is watched
TREE: list[tuple[str, str, bool]] = [
    ("site.yaml", "file", True),
    ("wishes/a.yaml", "file", True),
    ("wishes/deep/b.yaml", "file", True),
    (".hidden-file", "file", True),  # hidden files are inputs; hidden folders are not
    (".git/HEAD", "file", False),
    ("wishes/.cache/c.yaml", "file", False),
    ("media/photo-link.jpg", "link→../wishes/a.yaml", True),  # a link to a file: its target's stats
    ("linked-folder", "link→wishes", False),  # a link to a folder is not entered
    ("broken.yaml", "link→missing.yaml", False),
    ("empty", "dir", False),
]


def _make(root: Path) -> None:
    for rel, kind, _ in TREE:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "file":
            path.write_text(rel, encoding="utf-8")
        elif kind == "dir":
            path.mkdir()
        else:
            path.symlink_to(kind.removeprefix("link→"))


@pytest.mark.parametrize(("rel", "kind", "watched"), TREE, ids=[rel for rel, _, _ in TREE])
def test_what_a_build_watches(rel: str, kind: str, watched: bool, tmp_path: Path) -> None:
    _make(tmp_path)
    stats = folder_stats([tmp_path])
    path = os.path.join(tmp_path, rel)
    assert (path in stats) is watched, rel
    if watched:
        info = os.stat(path)
        assert stats[path] == (info.st_size, info.st_mtime_ns)


def test_it_is_what_os_walk_finds(tmp_path: Path) -> None:
    """The scandir walk finds what the os.walk it replaced found (hidden folders pruned, files stat'ed)."""
    _make(tmp_path)
    walked = {}
    for folder, names, files in os.walk(tmp_path):
        names[:] = [n for n in names if not n.startswith(".")]
        for name in files:
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            walked[os.path.join(folder, name)] = (info.st_size, info.st_mtime_ns)
    assert folder_stats([tmp_path, tmp_path / "missing"]) == walked
