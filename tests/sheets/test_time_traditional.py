"""A time typed in Traditional characters (break16b): 下午3點, 上午9時, 2026年12月1日 下午3點 are read as
下午3点 is (the zh-Hant message even told a worker to write 下午5點, then refused it as no time)."""

from __future__ import annotations

import pytest

from sitegen.sheets.cells import CellError, read_time
from sitegen.validate.date_hint import suggested

CELLS = [
    ("afternoon", "下午3點", ("15:00", None)),
    ("half", "下午3點半", ("15:30", None)),
    ("hour_word", "上午9時", ("09:00", None)),
    ("minutes", "上午9時30分", ("09:30", None)),
    ("range", "下午2點到4點", ("14:00", "16:00")),
    ("numerals", "下午兩點", ("14:00", None)),
]

DATES = [
    ("datetime", "2026年12月1日 下午3點", "2026-12-01 15:00"),
    ("day_word", "2026年12月1號", "2026-12-01"),
]


@pytest.mark.parametrize(("cell", "expected"), [c[1:] for c in CELLS], ids=[c[0] for c in CELLS])
def test_a_traditional_time_cell_is_read(cell: str, expected: tuple[str, str | None]) -> None:
    assert read_time(cell) == (*expected, False)  # the end is the start's day


def test_a_traditional_hour_alone_is_asked_about() -> None:
    with pytest.raises(CellError) as refused:
        read_time("3點")
    assert refused.value.key == "import.cell.time_ambiguous"


@pytest.mark.parametrize(("typed", "expected"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_a_traditional_date_is_suggested(typed: str, expected: str) -> None:
    assert suggested(typed, True) == expected
