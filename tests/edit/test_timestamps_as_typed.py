"""A date and time a save did not touch is written back as the worker typed it (breaker s21).

YAML 1.2 reads `2026-10-01 08:00:00.5` as a timestamp, and ruamel.yaml wrote it back in its own spelling:
a save of another field with 存为草稿 made it `08:00:00.500000` (8:00:00 became 08:00:00, t became T, Z became
+00:00, nanoseconds were rounded). `check` reads every value as text and refuses these spellings; the form
showed 08:00 for them, beside check's message. The editor now keeps every such scalar as typed (edit/roundtrip.py
TypedDay), shows it as typed where check refuses it, and a save that did not touch it writes it back unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.editor import call, page_sends, running_editor

MEETING = "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点\n"
TYPED = ["2026-10-01 08:00:00.5", "2026-10-01t08:00:00", "2026-10-01T08:00:00.123456789", "2026-10-01 8:00:00",
         "2026-10-01  08:00:00", "2026-10-01 08:00:00+08:00", "2026-10-01T08:00:00+8",
         "2026-10-01 08:00:00 +08:00", "2026-10-01 08:00:00Z", "2026-10-01 08:00:00", "2026-10-01t08:00"]

# kind, the file's text with the value, the field the form shows it in, the field a save changes
PLACES = [
    ("activities", "title: 义诊\ndate: {}\n", "date", "title"),
    ("activities", "title: 义诊\ndate: 2026-10-01 07:00\nend: {}\n", "end", "title"),
    ("wishes", "wish: 助行器\nwisher: 周桂芳\nposted_on: {}\nstatus: open\n", "posted_on", "wish"),
    ("deliberations", MEETING + "timeline:\n  - date: {}\n    note: 两个小区完工\n", "timeline", "title"),
]
ROWS = [(typed, *place) for typed in TYPED for place in PLACES[:1]] + [
    (typed, *place) for typed in ("2026-10-01 8:00:00", "2026-10-01 08:00:00.5") for place in PLACES[1:]]


@pytest.mark.parametrize(("typed", "kind", "text", "name", "other"), ROWS, ids=[f"{r[3]}: {r[0]!r}" for r in ROWS])
def test_a_timestamp_a_save_did_not_touch_is_kept_as_typed(tmp_path: Path, typed: str, kind: str, text: str, name: str,
                                                           other: str) -> None:
    rel = f"{kind}/r.yaml"
    line = text.format(typed)
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_text(line, "utf-8")
        status, record = call(editor, "GET", f"/api/record?path={rel}")
        assert status == 200, record
        shown = record["fields"][name]
        assert (shown[0]["date"] if name == "timeline" else shown) == typed, shown  # check refuses it: as typed
        assert record["errors"].get(name), record["errors"]  # beside check's message
        fields = page_sends(kind, dict(record["fields"], **{other: "改过的"}))
        status, saved = call(editor, "POST", "/api/save", {"kind": kind, "path": rel, "version": record["version"],
                                                           "fields": fields, "body": "", "keep_as_draft": True})
        assert status == 200 and saved["written"] and saved["draft_kept"], saved
        written = (editor.content / saved["path"]).read_text("utf-8")
        assert f"{typed}\n" in written and "改过的" in written, written
