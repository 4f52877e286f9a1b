"""Compiled templates, kept for the life of the process: `serve` loads the theme again on every
rebuild, and Jinja compiled every template again with it (a tenth of a one-record rebuild).

Jinja's own bytecode cache protocol (jinja2.BytecodeCache): a template is looked up by its name
and file, and used only while the checksum of its source still matches, so an edited template is
compiled again. Every Environment that uses it is made with the same settings (render/theme.py).
"""

from __future__ import annotations

from typing import Final

import jinja2

REMEMBERED: Final = 512  # templates; a theme has a few dozen


class CompiledTemplates(jinja2.BytecodeCache):
    """An in-memory jinja2.BytecodeCache: bytecode by bucket key, the oldest dropped past REMEMBERED."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.stored.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # a source checksum that no longer matches resets the bucket

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored.pop(bucket.key, None)
        self.stored[bucket.key] = bucket.bytecode_to_string()
        while len(self.stored) > REMEMBERED:
            del self.stored[next(iter(self.stored))]


COMPILED: Final = CompiledTemplates()
