"""Write files into the stage folder: paths checked, bytes scanned for leaks, checksums kept."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from sitegen.write.leaks import Leak, LeakScanner


class UnsafePath(Exception):
    """A planned output path that would leave the output folder (a bug, never content's doing)."""


class StageWriter:
    def __init__(self, stage: Path, scanner: LeakScanner) -> None:
        self.stage = stage
        self.scanner = scanner
        self.leaks: list[Leak] = []
        self.checksums: dict[str, str] = {}
        self._made: set[Path] = set()

    def target(self, rel: str) -> Path:
        path = PurePosixPath(rel)
        if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in rel or ":" in rel:
            raise UnsafePath(rel)
        return self.stage.joinpath(*path.parts)

    def write(self, rel: str, data: bytes, scan: bool = True) -> None:
        target = self.target(rel)
        if scan:
            leak = self.scanner.scan(rel, data)
            if leak is not None:
                self.leaks.append(leak)
        folder = target.parent
        if folder not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)
        with open(target, "wb") as handle:
            handle.write(data)
        self.checksums[rel] = hashlib.sha256(data).hexdigest()

    def link(self, rel: str, source: Path, sha: str) -> None:
        """Reuse an unchanged file from the previous build: a hard link, so nothing is copied or touched."""
        target = self.target(rel)
        folder = target.parent
        if folder not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)
        try:
            os.link(source, target)
        except OSError:
            target.write_bytes(source.read_bytes())
        self.checksums[rel] = sha

    def manifest(self) -> bytes:
        """sha256sum format: `sha256sum -c manifest.sha256` inside the output verifies what is served."""
        lines = [f"{sha}  {rel}\n" for rel, sha in sorted(self.checksums.items())]
        return "".join(lines).encode("utf-8")
