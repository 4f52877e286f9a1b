"""Replace one file whole: written beside it under a temporary name, then renamed over it.

A reader (a build, Excel, a person) sees the old file or the new one, never half of either; a
failure leaves the old file and no temporary behind. Used for record files (`import`, `edit`),
sheets (`export`, templates) and the build cache's files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_beside(target: Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path in `target`'s folder; when the block ends without error it replaces `target`.

    `suffix` keeps a type a writer looks at (openpyxl wants `.xlsx`). Raises what the block or the
    rename raises (OSError for a missing or read-only folder), the temporary removed.
    """
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_file(target: Path, data: str | bytes) -> None:
    """`target` holds `data` (text as UTF-8 with \\n line ends), replaced whole; its folder is made."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with staged_beside(target) as temporary:
        temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
