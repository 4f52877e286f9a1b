"""A record a save publishes or takes off the site only as the worker's draft box says, and says so (breaker s21).

Builds skip a file whose name starts with `_` (README), and workers hide a record that way. The editor listed
`wishes/_shouyinji.yaml` (no draft line) as a draft, but its 草稿 box opened unticked, and 保存 renamed it
`wishes/shouyinji.yaml`: the next publish put it on the site without a word. A `_` file now opens ticked; a save
that leaves it ticked keeps its name (no draft line is added), one that unticks it gives it its real name and
says so (edit.draft_off). A new record saved without the box is told it will be published (edit.new_on_site).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from tests.support.editor import call, page_sends, running_editor

ZH = Messages("zh-Hans")
WISH = "wish: 收音机\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"
NEW = {"wish": "收音机", "wisher": "周桂芳", "posted_on": "2026-10-18", "status": "open"}
BAD = {"posted_on": "2026-13-01"}  # check refuses it: 保存 writes nothing, 存为草稿 keeps it under a `_` name

# the file's name (None: a new record) and draft line, the box as it opens, what the page sends (the box, 存为草稿,
# fields changed), the file's name after, its draft line after ("" none), the notice
ROWS = [
    ("_w.yaml", "", True, (True, False, {}), "_w.yaml", "", ""),
    ("_w.yaml", "", True, (None, False, {}), "_w.yaml", "", ""),
    ("_w.yaml", "", True, (True, True, {}), "_w.yaml", "", ""),
    ("_w.yaml", "", True, (True, True, BAD), "_w.yaml", "", ""),
    ("_w.yaml", "", True, (False, False, {}), "w.yaml", "", "edit.draft_off"),
    ("_w.yaml", "draft: false\n", True, (True, False, {}), "_w.yaml", "draft: false\n", ""),
    ("_w.yaml", "draft: 否\n", True, (True, False, {}), "_w.yaml", "draft: 否\n", ""),
    ("_w.yaml", "draft: false\n", True, (False, False, {}), "w.yaml", "draft: false\n", "edit.draft_off"),
    ("_w.yaml", "draft: true\n", True, (True, False, {}), "_w.yaml", "draft: true\n", ""),  # ticked: kept by name
    ("_w.yaml", "draft: 是\n", True, (False, False, {}), "w.yaml", "", "edit.draft_off"),
    ("w.yaml", "", False, (True, False, {}), "w.yaml", "draft: true\n", "edit.draft_on"),
    ("w.yaml", "", False, (True, True, {}), "w.yaml", "draft: true\n", "edit.draft_on"),
    ("w.yaml", "", False, (True, True, BAD), "_w.yaml", "draft: true\n", "edit.draft_on"),
    ("w.yaml", "", False, (False, False, {}), "w.yaml", "", ""),
    (None, "", False, (False, False, {}), "2026-bandaoti-shouyinji.yaml", "", "edit.new_on_site"),
    (None, "", False, (True, False, {}), "2026-bandaoti-shouyinji.yaml", "draft: true\n", "edit.draft_on"),
    (None, "", False, (True, True, BAD), "_2026-bandaoti-shouyinji.yaml", "draft: true\n", "edit.draft_on"),
]


def _opened(editor: object, name: str | None, line: str) -> tuple[str | None, str | None, dict[str, object]]:
    """(path, version, fields as the form shows them) of the record the row opens; a new record's empty form."""
    if name is None:
        return None, None, dict(NEW)
    rel = f"wishes/{name}"
    (editor.content / rel).write_text(WISH + line, "utf-8")  # type: ignore[attr-defined]
    status, record = call(editor, "GET", f"/api/record?path={rel}")  # type: ignore[arg-type]
    assert status == 200, record
    return rel, record["version"], record["fields"]


@pytest.mark.parametrize(("name", "line", "ticked", "sends", "after", "line_after", "notice"), ROWS,
                         ids=[f"{r[0] or 'new'} {r[1].strip() or '-'} box={r[3][0]}{' 存为草稿' if r[3][1] else ''}"
                              f"{' refused' if r[3][2] else ''}" for r in ROWS])
def test_a_save_publishes_or_hides_a_record_only_as_its_box_says(tmp_path: Path, name: str | None, line: str,
                                                                 ticked: bool, sends: tuple[bool | None, bool, dict[str, str]],
                                                                 after: str, line_after: str, notice: str) -> None:
    box, as_draft, changed = sends
    with running_editor(tmp_path, "zh-Hans") as editor:
        rel, version, fields = _opened(editor, name, line)
        shown = fields.get("draft")
        assert (shown is not None and shown is not False) is ticked, fields  # the page ticks any value but false
        sent = dict(page_sends("wishes", dict(fields, wish="半导体收音机", **changed)), draft=box)
        status, saved = call(editor, "POST", "/api/save", {"kind": "wishes", "path": rel, "version": version,
                                                           "fields": sent, "body": "", "keep_as_draft": as_draft})
        assert status == 200 and saved["written"], saved
        assert saved["path"] == f"wishes/{after}", saved
        files = sorted(p.name for p in (editor.content / "wishes").iterdir() if "收音机" in p.read_text("utf-8"))
        assert files == [after], files  # renamed, never copied
        written = (editor.content / saved["path"]).read_text("utf-8")
        assert ("draft:" in written) is bool(line_after) and line_after in written, written
        assert saved["notice"] == (ZH.text(notice) if notice else ""), saved


@pytest.mark.parametrize("name", ["_w.yaml", "w.yaml"])
def test_the_list_marks_as_a_draft_what_the_box_opens_ticked(tmp_path: Path, name: str) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / "wishes" / name).write_text(WISH + "draft: false\n", "utf-8")
        status, rows = call(editor, "GET", "/api/records?kind=wishes")
        listed = next(row for row in rows if row["path"] == f"wishes/{name}")
        status, record = call(editor, "GET", f"/api/record?path=wishes/{name}")
        assert status == 200 and listed["draft"] is (record["fields"]["draft"] is True), (listed, record)
