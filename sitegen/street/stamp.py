"""What a shard's community was built from, so that `--assemble` refuses a stale part.

A shard may be built on another machine (a CI runner), so the stamp holds nothing machine-bound
(no mtimes, no absolute paths, no build cache): sitegen's code, what the community inherits from
street.yaml, the build options that change the output, the day the pages count from (in the
street's time zone), the git commit checked out, and the community's and the theme's files.
Files up to SMALL bytes are read (records, site.yaml, templates, labels); larger ones (photos)
count by name and size only, so that assembling a district does not read every photo again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

from sitegen.load import history
from sitegen.options import Options
from sitegen.paths import code_digest

SMALL: Final = 256 * 1024  # bytes; a record, a template or a label file is far smaller
STAMP_SUFFIX: Final = ".stamp"


def community_stamp(content: Path, defaults: Mapping[str, object], options: Options, timezone: str) -> str:
    """A 32-hex-digit digest of what building the community in `content` with `options` (its
    inherited `defaults`, its theme in `options.theme`) would make; equal on any machine for the
    same inputs. `timezone` is the street's (an IANA name), for the day the build counts from."""
    day = options.now.astimezone(ZoneInfo(timezone)).date().isoformat()
    head = [code_digest(), dict(defaults), options.drafts, options.pdf, options.pages_only, day,
            history.revision(content)]
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps(head, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
    for label, root in (("content", content), ("theme", options.theme)):
        if root is None:
            continue
        for rel, path, size in _files(root):
            digest.update(f"\0{label}/{rel}\0{size}\0".encode("utf-8", "surrogateescape"))
            if size <= SMALL:
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(root: Path) -> Iterator[tuple[str, Path, int]]:
    """Every file under `root` (links followed, hidden `.` entries such as .git skipped) as
    (POSIX path relative to root, path, size in bytes), in name order."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        yield rel.as_posix(), path, path.stat().st_size
