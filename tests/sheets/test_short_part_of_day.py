"""晚 and 早 before an hour, as workers shorten 晚上 and 早上 (break21): a 时间 cell 晚8点半-9点半, a plain evening
slot, was refused with the advice for a range that crosses midnight (8点半 with no part of the day: 08:30 or
20:30?). 晚 is 晚上 and 早 is 早上 before an hour (date_hint.py `_SHORT_PART`), so the start's part of the day
carries to an end that names none, as 下午2点到4点 does, and an evening past midnight reads as 晚上's does. A
date line (2026-11-20 晚8点半) is told the same reading. 傍晚, 今晚, 早晨 stay the words they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.validate.date_hint import explain
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE, fields_of, xlsx

# id, the 时间 cell on a row dated 2026-11-20 → (date:, end:); end None when only a start is written
ROWS = [
    ("evening_half_past", "晚8点半-9点半", ("2026-11-20 20:30", "2026-11-20 21:30")),
    ("evening_hours", "晚8点-9点", ("2026-11-20 20:00", "2026-11-20 21:00")),
    ("evening_colons", "晚8:30-9:30", ("2026-11-20 20:30", "2026-11-20 21:30")),
    ("evening_numerals", "晚八点到十点", ("2026-11-20 20:00", "2026-11-20 22:00")),
    ("evening_traditional", "晚8點半到9點半", ("2026-11-20 20:30", "2026-11-20 21:30")),
    ("evening_past_midnight", "晚11点到1点", ("2026-11-20 23:00", "2026-11-21 01:00")),
    ("evening_alone", "晚8点半", ("2026-11-20 20:30", None)),
    ("morning_short", "早8点-11点半", ("2026-11-20 08:00", "2026-11-20 11:30")),
    ("morning_to_evening", "早8点-晚5点", ("2026-11-20 08:00", "2026-11-20 17:00")),
    # unchanged sides
    ("afternoon", "下午2点-4点", ("2026-11-20 14:00", "2026-11-20 16:00")),
    ("forenoon", "上午9点-11点半", ("2026-11-20 09:00", "2026-11-20 11:30")),
    ("evening_full", "晚上7点到9点", ("2026-11-20 19:00", "2026-11-20 21:00")),
    ("dusk", "傍晚6点到8点", ("2026-11-20 18:00", "2026-11-20 20:00")),
]
# a date line as check reads it → the reading it is told
LINES = [
    ("2026-11-20 晚8点半", "2026-11-20 20:30"),
    ("2026年11月20日 早8点", "2026-11-20 08:00"),
]


@pytest.mark.parametrize(("cell", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_short_part_of_the_day_reads_as_the_whole_word(make_site: MakeSite, tmp_path: Path, cell: str,
                                                         expected: tuple[str, str | None]) -> None:
    content = make_site(site=SITE)
    sheet = xlsx(tmp_path / "活动.xlsx", [["标题", "日期", "时间"], ["纳凉晚会", "2026-11-20", cell]])
    result = run("import", "activity", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    record = fields_of(next((content / "activities").glob("*.md")))
    assert (record["date"], record.get("end")) == expected


@pytest.mark.parametrize(("line", "reading"), LINES, ids=[r[0] for r in LINES])
def test_a_date_line_with_a_short_part_is_told_its_reading(line: str, reading: str) -> None:
    assert explain(line, True, 2026) == ("value.date_format_hint", {"suggestion": reading})
