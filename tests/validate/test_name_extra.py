"""One person's name, nothing else: a wisher's (or a disclosure's) name with a phone number, a note
or a second person in it is refused, with the name it starts with as the example.

A newcomer (session 15) typed `wisher: 张桂英（电话13912345678）`: the check passed, the secret looked
for was the whole value, and an activity's 张桂英奶奶也来参加了 was published in 7 files. Rows: what
is typed, in which kind's field, and the name the message suggests (None: accepted).
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, run

ROWS = [
    ("wishes", "张桂英（电话13912345678）", "张桂英"),
    ("wishes", "张桂英 13912345678", "张桂英"),
    ("wishes", "张桂英(独居)", "张桂英"),
    ("wishes", "张桂英、王明", "张桂英"),
    ("wishes", "张桂英，王明", "张桂英"),
    ("wishes", "张桂英/王明", "张桂英"),
    ("disclosures", "李建国（党员）", "李建国"),
    ("disclosures", "李建国 0551-63351234", "李建国"),
    ("wishes", "阿卜杜拉·买买提", None),
    ("wishes", "John Smith", None),
    ("disclosures", "欧阳秀英", None),
    ("disclosures", "居民3", None),
    ("wishes", "张3", None),
]

_RECORD = {
    "wishes": "wish: 助行器\nwisher: {name}\nposted_on: 2026-11-01\nstatus: open\n",
    "disclosures": "name: {name}\nrole: 楼栋长\n",
}


@pytest.mark.parametrize(("kind", "typed", "suggested"), ROWS)
def test_a_name_with_more_than_a_name_is_refused(make_site: MakeSite, kind: str, typed: str,
                                                 suggested: str | None) -> None:
    content = make_site({f"{kind}/a.yaml": _RECORD[kind].format(name=typed),
                         "activities/b.md": "---\ntitle: 包饺子\ndate: 2026-11-02\n---\n张桂英奶奶也来参加了。\n"})
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    if suggested is None:
        assert "只写一个人的姓名" not in result.stderr, result.stderr
        return
    assert result.exit_code == 1, result.stderr
    line = next(line for line in result.stderr.splitlines() if "只写一个人的姓名" in line)
    assert line.startswith(f"{kind}/a.yaml:")
    assert f"请写成“{suggested}”" in line
