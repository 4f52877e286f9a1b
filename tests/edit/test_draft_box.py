"""A worker's draft is never published by a save that did not touch the draft box (breaker s21).

保存 sent `draft: null`, and the save removed the record's `draft: true` (是, "yes"): the next publish put
the draft on the site without a word. The page now sends its draft box, a save without it keeps the file's
draft as typed, and a save that unticks (or ticks) it says what that means for the site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from tests.support.editor import call, page_sends, running_editor

ZH = Messages("zh-Hans")
WISH = "wish: 收音机\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"

# the file's draft line ("" none), the page's draft box (None: not sent, as 保存 did), the line after, the notice
ROWS = [
    ("draft: true\n", None, "draft: true\n", ""),
    ("draft: 是\n", None, "draft: 是\n", ""),
    ('draft: "yes"\n', None, 'draft: "yes"\n', ""),
    ("draft: “是”\n", None, "draft: “是”\n", ""),
    ("draft: 是\n", True, "draft: 是\n", ""),
    ("draft: 否\n", None, "draft: 否\n", ""),
    ("draft: 否\n", False, "draft: 否\n", ""),
    ("draft: 是\n", False, "", "edit.draft_off"),
    ("draft: true\n", False, "", "edit.draft_off"),
    ("", True, "draft: true\n", "edit.draft_on"),
    ("draft: 否\n", True, "draft: true\n", "edit.draft_on"),
    ("", None, "", ""),
    ("", False, "", ""),
]


@pytest.mark.parametrize(("line", "box", "after", "notice"), ROWS, ids=[f"{r[0].strip() or '-'} box={r[1]}" for r in ROWS])
def test_a_save_changes_the_draft_only_as_the_box_says_and_says_so(tmp_path: Path, line: str, box: bool | None,
                                                                   after: str, notice: str) -> None:
    rel = "wishes/w.yaml"
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_text(WISH + line, "utf-8")
        status, record = call(editor, "GET", f"/api/record?path={rel}")
        assert status == 200, record
        fields = dict(page_sends("wishes", dict(record["fields"], wish="半导体收音机")), draft=box)
        status, saved = call(editor, "POST", "/api/save", {"kind": "wishes", "path": rel, "version": record["version"],
                                                           "fields": fields, "body": ""})
        assert status == 200 and saved["written"], saved
        written = (editor.content / rel).read_text("utf-8")
        assert ("draft:" in written) is bool(after) and after in written, written
        assert saved["notice"] == (ZH.text(notice) if notice else ""), saved
