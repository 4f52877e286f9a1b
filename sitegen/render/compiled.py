"""Compiled templates, kept for the life of the process and between processes: `serve` loads the
theme again on every rebuild, and every `sitegen build` is a new process; Jinja compiled every
template again each time (0.2–0.4 s, a fifth of a one-record rebuild of a community).

Jinja's own bytecode cache protocol (jinja2.BytecodeCache): a template is looked up by its name
and file, and used only while the checksum of its source still matches, so an edited template is
compiled again. Every Environment that uses it is made with the same settings (render/theme.py).

Between processes the bytecode is kept by Jinja's own FileSystemBytecodeCache in its default
folder: one per user in the system's temporary folder, which Jinja creates with mode 0700 and
refuses when another user owns it or may write to it. Never in the build cache beside the output:
that folder may be shared, and loading bytecode runs it. The file names carry the digest of
sitegen's code (paths.code_digest), so bytecode compiled by other code, or with other settings,
is never used. Where that folder cannot be used, compiled templates live in memory only.
"""

from __future__ import annotations

from typing import Final

import jinja2

REMEMBERED: Final = 512  # templates; a theme has a few dozen


class CompiledTemplates(jinja2.BytecodeCache):
    """A jinja2.BytecodeCache in memory (bytecode by bucket key, the oldest dropped past REMEMBERED),
    over one on disk when `folder` is given ("" for Jinja's default per-user folder)."""

    def __init__(self, folder: str | None = None) -> None:
        self.stored: dict[str, bytes] = {}
        self.folder = folder
        self._disk: jinja2.BytecodeCache | None = None

    def disk(self) -> jinja2.BytecodeCache | None:
        """The cache on disk, made when first needed; None without a folder or where it cannot be used."""
        if self._disk is None and self.folder is not None:
            from sitegen.paths import code_digest

            try:
                self._disk = jinja2.FileSystemBytecodeCache(self.folder or None, f"sitegen-{code_digest()[:16]}-%s.cache")
            except (OSError, RuntimeError):  # Jinja found the folder unsafe, or could not make it
                self.folder = None
        return self._disk

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.stored.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # a source checksum that no longer matches resets the bucket
            return
        disk = self.disk()
        if disk is not None:
            try:
                disk.load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - a damaged or foreign file: compile the template again
                bucket.reset()
            if bucket.code is not None:
                self.stored[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored.pop(bucket.key, None)
        self.stored[bucket.key] = bucket.bytecode_to_string()
        while len(self.stored) > REMEMBERED:
            del self.stored[next(iter(self.stored))]
        disk = self.disk()
        if disk is not None:
            try:
                disk.dump_bytecode(bucket)
            except OSError:  # a full disk: the next process compiles again, nothing worse
                pass


COMPILED: Final = CompiledTemplates(folder="")
