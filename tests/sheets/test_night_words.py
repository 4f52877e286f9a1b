"""The night as workers say it, 夜里/夜间/夜晚/深夜/半夜/午夜, read on a date line and in a sheet's 时间 cell alike
(validate/date_hint.py `_NIGHT`). Neither read them before (helper-101, session 20): 晚上8点到夜里12点 was
told "不是时间" in a sheet and got no hint on a date line.

Before 7–11, 夜里/夜间/夜晚/深夜 is 晚上; before 12 (or 0) any of them is the night's end; before 1–5, as a
range's end, any is 凌晨. Alone, 深夜1点 is not guessed (the 5th's 1 a.m., or the night after the 5th?), nor
is an hour no one says so (半夜10点).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.validate.date_hint import explain
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of, xlsx

# id, the 时间 cell (and what follows the day on a date line) → (date:, end:), the row dated 2026-07-01
RANGES = [
    ("to_midnight_at_night", "晚上8点到夜里12点", ("2026-07-01 20:00", "2026-07-02 00:00")),
    ("to_half_past_midnight", "晚上8点到夜里12点半", ("2026-07-01 20:00", "2026-07-02 00:30")),
    ("to_late_night_one", "晚上10点到深夜1点", ("2026-07-01 22:00", "2026-07-02 01:00")),
    ("to_deep_night_half", "晚上8点至深夜1点半", ("2026-07-01 20:00", "2026-07-02 01:30")),
    ("to_midnight_two", "晚上10点到半夜2点", ("2026-07-01 22:00", "2026-07-02 02:00")),
    ("to_midnight_twelve", "晚上9点到午夜12点", ("2026-07-01 21:00", "2026-07-02 00:00")),
    ("clock_to_night", "20:00-夜里12点", ("2026-07-01 20:00", "2026-07-02 00:00")),
    ("numerals", "晚上八点到夜里十二点", ("2026-07-01 20:00", "2026-07-02 00:00")),
    ("night_start", "夜里10点到凌晨2点", ("2026-07-01 22:00", "2026-07-02 02:00")),
    ("night_start_and_end", "夜间11点到深夜3点", ("2026-07-01 23:00", "2026-07-02 03:00")),
    ("traditional", "晚上8點到夜裡12點", ("2026-07-01 20:00", "2026-07-02 00:00")),
]
# a date line's time alone → what it is read as (None: not read, the worker is asked)
ALONE = [
    ("late_evening", "夜里10点", "2026-07-01 22:00"),
    ("late_evening_numerals", "深夜十一点", "2026-07-01 23:00"),
    ("night_time", "夜间9点半", "2026-07-01 21:30"),
    ("deep_night_one_alone", "深夜1点", None),
    ("midnight_alone", "夜里12点", None),
    ("no_such_hour", "半夜10点", None),
    ("no_such_hour_six", "深夜6点", None),
]


@pytest.mark.parametrize(("cell", "expected"), [r[1:] for r in RANGES], ids=[r[0] for r in RANGES])
def test_a_night_range_is_read_alike_on_a_date_line_and_in_a_sheet(make_site: MakeSite, tmp_path: Path, cell: str,
                                                                   expected: tuple[str, str]) -> None:
    assert explain(f"2026-07-01 {cell}", True, 2026) == ("value.datetime_range_typed",
                                                          {"start": expected[0], "end": expected[1]})
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["纳凉晚会", "2026-07-01", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    record = fields_of(next((content / "activities").glob("*.md")))
    assert (record["date"], record["end"]) == expected


@pytest.mark.parametrize(("typed", "expected"), [r[1:] for r in ALONE], ids=[r[0] for r in ALONE])
def test_a_night_time_alone_is_read_only_where_it_says_one_time(typed: str, expected: str | None) -> None:
    hint = explain(f"2026-07-01 {typed}", True, 2026)
    if expected is None:
        assert hint is None or "suggestion" not in hint[1], hint
    else:
        assert hint == ("value.date_format_hint", {"suggestion": expected})
