"""`sitegen edit` running on a copy of the sample site `init` writes, on a free port, for one test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitegen.edit.server import Editor, start
from sitegen.i18n.messages import Messages

SCAFFOLD = Path(__file__).resolve().parents[2] / "sitegen" / "scaffold" / "site" / "content"


@contextmanager
def running_editor(folder: Path, language: str) -> Iterator[Editor]:
    """The editor over `folder/content` (a copy of the sample site), building into `folder/output`."""
    content = folder / "content"
    shutil.copytree(SCAFFOLD, content)
    server, editor = start(content, folder / "output", 0, Messages(language))
    try:
        yield editor
    finally:
        server.shutdown()
        server.server_close()
