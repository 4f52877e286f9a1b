"""Cold builds made once per content state and options: what several tests or parametrized cases
compare a warm build with (a build into a new folder of the same content, at the same clock) is built
once a session and kept on disk, then read by every test that needs it.

A build's bytes are a function of the content's files (their paths and bytes) and the options: the key
is both, so a content folder at another path, with other mtimes, asks for the build already made.
The folders handed back are read, never written: a test that changes a cold build builds its own."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sitegen import pipeline
from sitegen.options import Options


def content_digest(content: Path) -> str:
    """Every file under `content` (relative path, bytes), and every folder and link by name."""
    digest = hashlib.sha256()
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content).as_posix().encode("utf-8")
        if path.is_symlink():
            digest.update(b"L\0" + rel + b"\0" + str(path.readlink()).encode("utf-8") + b"\0")
        elif path.is_dir():
            digest.update(b"D\0" + rel + b"\0")
        else:
            data = path.read_bytes()
            digest.update(b"F\0" + rel + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


class ColdBuilds:
    """Output folders of cold builds under `root`, one per (content state, options)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made: dict[tuple[str, str, str, str], Path] = {}

    def out(self, content: Path, options: Options, build: Callable[[Path, Path, Options], object] = pipeline.build,
            name: str = "output") -> Path:
        """The output folder `name` of `build` (a site's, or a street's: sitegen.street.build.build_street)
        of `content` with `options` into a folder of its own (its print folder and cache beside it, as for
        any output): built now unless this state was built already."""
        key = (f"{build.__module__}.{build.__qualname__}", name, content_digest(content), repr(options))
        if key not in self.made:
            out = self.root / f"cold{len(self.made)}" / name
            build(content, out, options)
            self.made[key] = out
        return self.made[key]
