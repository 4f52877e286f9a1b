"""An unknown field inside a list's item is named as errors name it, counting from 1: `timeline[2].nots`
was told as `timeline.1.nots` (helper-103, session 20), one off from the entry the worker counts.

Each row: the timeline and meeting as typed, and the warnings about the file, whole.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

HEAD = "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点加装\n"
ROWS = [
    ("first entry", "timeline:\n  - date: 2025-05-01\n    nots: 开工\n",
     ["deliberations/d.yaml:7: warning: unknown field “timeline[1].nots” is ignored; did you mean “note”?",
      "deliberations/d.yaml:6: the field “timeline[1].note” is required: add a line “note: …” inside “timeline[1]”, "
      "lined up with that item's other fields (an item of a list starts at its “- ” and runs to the next one)."], "en"),
    ("second entry", "timeline:\n  - date: 2025-05-01\n    note: 开工\n  - date: 2025-06-01\n    note: 完工\n"
                     "    remark: 备注\n",
     ["deliberations/d.yaml:10: warning: unknown field “timeline[2].remark”; it is ignored."], "en"),
    ("second entry, in Chinese", "timeline:\n  - date: 2025-05-01\n    note: 开工\n  - date: 2025-06-01\n"
                                 "    note: 完工\n    nots: 备注\n",
     ["deliberations/d.yaml:10: 提醒：未知字段“timeline[2].nots”将被忽略；是不是想写“note”？"], "zh-Hans"),
    # a mapping has no items to count: named as before
    ("meeting", "meeting:\n  date: 2025-04-01\n  hots: 王芳\n",
     ["deliberations/d.yaml:7: warning: unknown field “meeting.hots” is ignored; did you mean “host”?"], "en"),
]


@pytest.mark.parametrize(("name", "extra", "expected", "language"), ROWS, ids=[r[0] for r in ROWS])
def test_an_unknown_field_in_an_item_is_named_counting_from_one(name: str, extra: str, expected: list[str],
                                                                language: str, make_site: MakeSite) -> None:
    content = make_site({"deliberations/d.yaml": HEAD + extra})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": language})
    assert sorted(line for line in error_lines(result) if line.startswith("deliberations/")) == sorted(expected)
