"""Fields a worker has in a file only as a comment: `# claimed_by: 认领人或单位`.

`sitegen new` and `sitegen init` write the fields filled in later (a wish's claimed_by, claimed_on,
fulfilled_on; a deliberation's decision, meeting and timeline) as commented lines, for the worker to
uncomment. A worker who fills one in but leaves its `# ` has written a comment, which YAML does not
read: the check then says the field is missing, and the worker, looking at the line, sees it there.
Knowing where such a line is lets the message say to remove the `# ` (validate/commented.py).

Only YAML's own mark makes a comment: the ASCII `#` at the line's start or after its blanks. A
full-width `＃` (or a `#` after a full-width space) is read, as part of a field's name: validate/marked.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

# `# key: …` with at most two spaces after the mark: a field commented out. The templates' nested
# lines have three (`#   date: …` under `# meeting:`), and prose (`# 认领后填写：`) is no key. The space
# after the mark may be full-width and so may the colon (`# claimed_by： 志愿队`), as a Chinese input
# method types them (break17: `#  ` was not found); the colon may have no space after it (session 20).
# The mark stands where the mapping's own keys start (break19c: a line indented deeper is nested, `  # decision:`
# under `meeting:`, or no comment at all, but a line of a multi-line text, `summary: |`, told to lose its #).
_COMMENTED_KEY: Final = re.compile(r"([ \t]*)#[ \t\u3000]{0,2}([A-Za-z_][A-Za-z0-9_]*)[ \t]*[:：]")


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
        if "#" in line:
            match = _COMMENTED_KEY.match(line)
            if match is not None and len(match.group(1)) == column:
                found.setdefault(match.group(2), number)
    return found


def record_comments(lines: Sequence[str], first_line: int, keys_at: int | None, data: Mapping[str, object],
                    where: Mapping[tuple[str | int, ...], int]) -> dict[str, int]:
    """A record's fields written only as comments: its own (commented_keys) and its mappings'
    (nested_commented), each name → its file line. The arguments are theirs; never raises."""
    return {**commented_keys(lines, first_line, keys_at), **nested_commented(lines, first_line, data, where)}


def nested_commented(lines: Sequence[str], first_line: int, data: Mapping[str, object],
                     where: Mapping[tuple[str | int, ...], int]) -> dict[str, int]:
    """Each field of a mapping inside the record (a timeline entry, the meeting) that the file has only
    as `# name: …` at that mapping's key column → the file line, named as the check names a field:
    `timeline[1].date`, `meeting.host` (session 20: a timeline entry's `# date:` was told only missing).

    `lines` are the file's lines from `first_line` on; `data` the record's fields and `where` their
    lines (load/yamlfile.py Located.lines, from the record). A mapping's lines run from its own line
    (an item's) or the line after its key's, to the line before the next one indented less than its
    keys. A name the mapping also has is left out. Never raises.
    """
    found: dict[str, int] = {}
    for at, mapping in _mappings(data, ()):
        keys = [where[(*at, key)] for key in mapping if (*at, key) in where]
        start = where.get(at)
        if not keys or start is None:
            continue
        start += 0 if isinstance(at[-1], int) else 1
        if not start <= min(keys) < first_line + len(lines) or _flow(lines[min(keys) - first_line]):
            continue  # on its key's line, or `{date: …, note: …}`: no key column for a `# name:` line
        end = _mapping_end(lines, first_line, min(keys), start)
        for name, number in commented_keys(lines[start - first_line:end - first_line], start, min(keys)).items():
            if name not in mapping:
                found.setdefault(field_path((*at, name)), number)
    return found


def _mappings(value: object, at: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Mapping[str, object]]]:
    """Every mapping below the record's own, with where it is (YAML's nesting is bounded: load/yamlfile.py)."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        if isinstance(child, dict):
            yield (*at, key), child
        yield from _mappings(child, (*at, key))


def _flow(line: str) -> bool:
    """Whether the mapping whose first key is on `line` is written in braces, `- {date: …, note: …}`."""
    return line[_KEYS_START.match(line).end():].startswith("{")  # type: ignore[union-attr]  # matches ""


def _mapping_end(lines: Sequence[str], first_line: int, keys_at: int, start: int) -> int:
    """The file line after a mapping's last: the first one from `keys_at` on, past `start`, that holds
    more than a comment or blanks and is indented less than the mapping's keys (`lines[keys_at]`'s)."""
    column = _KEYS_START.match(lines[keys_at - first_line]).end()  # type: ignore[union-attr]  # matches ""
    for number in range(max(keys_at, start) + 1, first_line + len(lines)):
        text = lines[number - first_line]
        body = text.lstrip(" ")
        if body.strip() and not body.startswith("#") and len(text) - len(body) < column:
            return number
    return first_line + len(lines)


def field_path(loc: Sequence[str | int]) -> str:
    """A field named as messages name it: ("timeline", 0, "date") → `timeline[1].date` (items count from 1)."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
