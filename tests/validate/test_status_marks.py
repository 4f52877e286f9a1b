"""A status copied from the page with its mark (✓ 已办结, ✕ 未通过, ♥ 已认领, ☆ 待认领: the site's badges) is
the status it names (newcomer17: refused with the whole list of statuses, not saying the mark was what
was wrong); a mark with no status word after it is still refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sitegen.validate.schema import SCHEMAS

L = {"title": "噪音", "raised_on": "2020-04-07", "decision": "同意"}
W = {"wish": "助行器", "wisher": "周桂芳", "posted_on": "2026-10-18", "claimed_by": "志愿队", "claimed_on": "2026-10-20",
     "fulfilled_on": "2026-10-25"}

ROWS = [
    ("deliberations", L, "✓ 已办结", "completed"),
    ("deliberations", L, "✕ 未通过", "rejected"),
    ("deliberations", L, "✓已办结", "completed"),
    ("wishes", W, "♥ 已认领", "claimed"),
    ("wishes", W, "☆ 待认领", "open"),
    ("wishes", W, "✓ 已实现", "fulfilled"),
    # break17b: a phone's emoji keyboard writes a mark with a variation selector (U+FE0F) after it, or joins two
    ("wishes", W, "❤️ 已认领", "claimed"),
    ("wishes", W, "☑️ 已实现", "fulfilled"),
    ("deliberations", L, "✔️已办结", "completed"),
    ("deliberations", L, "\u200b✓ 已办结", "completed"),
    # break17b: a mark after the word, brackets around it, a list's number before it (refused with the list)
    ("wishes", W, "已认领 ♥", "claimed"),
    ("wishes", W, "已认领✔", "claimed"),
    ("wishes", W, "【已认领】", "claimed"),
    ("wishes", W, "（已认领）", "claimed"),
    ("wishes", W, "2. 已认领", "claimed"),
    ("wishes", W, "①已认领", "claimed"),
    ("deliberations", L, "3、已办结 ✓", "completed"),
    # break19b: the values themselves with marks (were refused: only the Chinese words were looked up bare)
    ("wishes", W, "【claimed】", "claimed"),
    ("wishes", W, "2. Claimed", "claimed"),
    ("deliberations", L, "✓ completed", "completed"),
    ("wishes", W, "❌ 未认领", "open"),  # a cross before a word saying no itself
]


@pytest.mark.parametrize(("kind", "fields", "typed", "status"), ROWS, ids=[r[2] for r in ROWS])
def test_a_status_copied_with_its_mark_is_that_status(kind: str, fields: dict[str, str], typed: str, status: str) -> None:
    assert SCHEMAS[kind].model_validate({**fields, "status": typed}).status == status


@pytest.mark.parametrize("typed", ["✓", "✓ 完成了", "✓ done", "❤️", "❤️ 完成了", "【】", "2.", "已办结了", "1. 完成",
                                   # break19b: a cross says no: taken as the status it crosses out
                                   "✕ 已办结", "✗ 已通过", "⛔ 已办结", "已办结 ❌", "✕ completed", "❌ decided"])
def test_a_mark_without_a_status_is_still_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        SCHEMAS["deliberations"].model_validate({**L, "status": typed})
