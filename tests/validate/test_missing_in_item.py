"""A required field missing inside a list's item is told where to write it: `timeline[1].date: …`,
which the message said to add before, is no line YAML reads as that field (helper-103, session 20).

Each row: a deliberation's timeline as typed, and every message about the file, whole, at its line.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

HEAD = "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点加装\ntimeline:\n"


def _item(field: str, number: int) -> str:
    return (f"deliberations/d.yaml:{number}: the field “timeline[1].{field}” is required: add a line “{field}: …” "
            "inside “timeline[1]”, lined up with that item's other fields (an item of a list starts at its “- ” and "
            "runs to the next one).")


ROWS = [
    ("date missing", "  - note: 开工\n", [_item("date", 6)], "en"),
    ("note missing", "  - date: 2025-05-01\n", [_item("note", 6)], "en"),
    ("second item's date missing", "  - date: 2025-05-01\n    note: 开工\n  - note: 完工\n",
     [_item("date", 8).replace("timeline[1]", "timeline[2]")], "en"),
    ("in Chinese", "  - note: 开工\n",
     ["deliberations/d.yaml:6: 缺少必填字段进展记录第 1 项的日期（timeline[1].date）：请在进展记录第 1 项（timeline[1]）里加一行"
      "“date: …”，和这一项的其他字段左对齐（列表里的一项从“- ”开始，到下一个“- ”之前为止）。"], "zh-Hans"),
    # commented out in the item: told to delete the # (validate/commented.py), as before
    ("date commented out", "  - note: 开工\n    # date: 2025-05-01\n",
     ["deliberations/d.yaml:7: the field “timeline[1].date” is required: this line starts with “#”, which makes it a "
      "comment that is not read; delete the “#” (with the space after it, if any), and check that the value after "
      "the colon is the one to publish."], "en"),
]


@pytest.mark.parametrize(("name", "timeline", "expected", "language"), ROWS, ids=[r[0] for r in ROWS])
def test_a_field_missing_in_an_item_is_told_as_a_line_of_that_item(name: str, timeline: str, expected: list[str],
                                                                 language: str, make_site: MakeSite) -> None:
    content = make_site({"deliberations/d.yaml": HEAD + timeline})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": language})
    assert result.exit_code == 1
    assert [line for line in error_lines(result) if line.startswith("deliberations/")] == expected
