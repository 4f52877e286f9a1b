"""A sheet's 时间 cell that names a part of the day and no hour (晚上, 夜里, 凌晨, 晚上8点到凌晨): the hour to add.

Workers fill a 时间 column as they would say it; 晚上 alone was told "不是时间" with no word of what to write
(break21). The examples are date_hint.py's PART_EXAMPLES, which a date line's hint uses too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitegen.errors import KeyedError
from sitegen.validate.date_hint import PART_EXAMPLES, typed_numbers


def part_of_day(text: str, parts: list[str], read: Callable[[str], Any]) -> dict[str, str] | None:
    """The key (import.cell.time_part_of_day; time_part_alone for a one-word cell) and arguments for `text`
    (split at its range mark into `parts`) when a part is a part of the day alone: the cell with each such part
    as its example (晚上到凌晨 → 晚上7点到凌晨5点) and that as `read` (cells.py's reader) gives it in 24-hour time
    (19:00-05:00); a suggestion that does not read offers the first lone part's example alone. None when no
    part is a lone part of the day. `read` raises KeyedError (CellError) for a text it does not read."""
    parts = [typed_numbers(part).strip() for part in parts]  # 淩晨 as 凌晨
    lone = [part for part in parts if part in PART_EXAMPLES]
    if not lone:
        return None
    suggestion = "到".join(PART_EXAMPLES.get(part, part) for part in parts)
    try:
        span = read(suggestion)
    except KeyedError:
        suggestion = PART_EXAMPLES[lone[0]]
        span = read(suggestion)
    clock = span.start + (f"-{span.end}" if span.end else "")
    key = "import.cell.time_part_alone" if len(parts) == 1 else "import.cell.time_part_of_day"
    return {"key": key, "value": text, "part": "、".join(dict.fromkeys(lone)), "suggestion": suggestion, "clock": clock}
