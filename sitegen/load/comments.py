"""Fields a worker has in a file only as a comment: `# claimed_by: 认领人或单位`.

`sitegen new` and `sitegen init` write the fields filled in later (a wish's claimed_by, claimed_on,
fulfilled_on; a deliberation's decision) as commented lines, for the worker to uncomment. A worker who
fills one in but leaves its `# ` has written a comment, which YAML does not read: the check then says
the field is missing, and the worker, looking at the line, sees it there. Knowing where such a line
is lets the message say to remove the `# ` (validate/commented.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

# `# key: …` with at most two spaces after the mark: a top-level field commented out. The templates' nested
# lines have three (`#   date: …` under `# meeting:`), and prose (`# 认领后填写：`) is no key. The mark may be
# full-width (`＃ claimed_by:`) and so may the space after it and the colon (`# claimed_by： 志愿队`), as a
# Chinese input method types them (break17: ＃ and `#  ` were not found; uncommented, a slip told as such).
# The mark stands where the record's own keys start (break19c: a line indented deeper is nested, `  # decision:`
# under `meeting:`, or no comment at all, but a line of a multi-line text, `summary: |`, told to lose its #).
_COMMENTED_KEY: Final = re.compile(r"([ \t]*)[#＃][ \t\u3000]{0,2}([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::(?:[ \t]|$)|：)")


_KEYS_START: Final = re.compile(r"[ \t]*(?:-[ \t]+)*")


def commented_keys(lines: Sequence[str], first_line: int = 1, keys_at: int | None = None) -> dict[str, int]:
    """Each field name written as `# name: …` in `lines` → the file line of its first such line.

    `lines` are the file's lines from line `first_line` on (a Markdown record's front matter, one item
    of a list file). `keys_at`: the file line of the record's first key (`- id: a`: its column is
    the item's); only a mark at that key's column counts, None: the first column. A key also written
    without the mark is left in: the caller asks only about fields it found missing. Never raises.
    """
    column = 0
    if keys_at is not None and 0 <= keys_at - first_line < len(lines):
        column = _KEYS_START.match(lines[keys_at - first_line]).end()  # type: ignore[union-attr]  # matches ""
    found: dict[str, int] = {}
    for number, line in enumerate(lines, first_line):
        if "#" in line or "＃" in line:
            match = _COMMENTED_KEY.match(line)
            if match is not None and len(match.group(1)) == column:
                found.setdefault(match.group(2), number)
    return found
