"""Every value `check` refuses opens in the editor as typed, the check's own message beside it (breaker s21).

A record with an impossible day (`date: 2026-13-01`, `2026-02-30`, `2026-10-01 25:00:00`) made the editor's
read raise inside ruamel.yaml's datetime, and the page said only "internal error" (500): the worker could not
open the record to mend it. It now opens with the value as typed and the problem said at file:line, as
`sitegen check` words it; a save of another field keeps the line as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from tests.support.editor import call, running_editor

ZH = Messages("zh-Hans")
MEETING = "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点\n"
WISH = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: claimed\nclaimed_by: 志愿队\n"

# kind, the file, the field as the form names it, what the form shows, the field a save changes
ROWS = [
    ("activities", "title: 义诊\ndate: 2026-13-01\n", "date", "2026-13-01", "title"),
    ("activities", "title: 义诊\ndate: 2026-02-30\n", "date", "2026-02-30", "title"),
    ("activities", "title: 义诊\ndate: 2026-10-01 25:00\n", "date", "2026-10-01 25:00", "title"),
    ("activities", "title: 义诊\ndate: 2026-10-01 25:00:00\n", "date", "2026-10-01 25:00:00", "title"),
    ("activities", "title: 义诊\ndate: 2026-10-01 09:00\nend: 2026-02-30 11:00:00\n", "end", "2026-02-30 11:00:00",
     "title"),
    ("deliberations", MEETING.replace("2025-03-18", "2026-13-01"), "raised_on", "2026-13-01", "title"),
    ("wishes", WISH + "claimed_on: 2026-02-29\n", "claimed_on", "2026-02-29", "wish"),
    ("deliberations", MEETING + "timeline:\n  - date: 2026-02-30\n    note: 两个小区完工\n", "timeline",
     [{"date": "2026-02-30", "note": "两个小区完工"}], "title"),
]


def _check_says(content: Path, rel: str) -> list[str]:
    try:
        pipeline.check(content, Options(drafts=True))
    except ContentInvalid as e:
        return [p.render(ZH) for p in e.problems if str(p.path) == rel and not p.warning]
    return []


@pytest.mark.parametrize(("kind", "text", "name", "shown", "other"), ROWS,
                         ids=[f"{r[2]}: {r[1].splitlines()[-1].strip()}" for r in ROWS])
def test_a_record_check_refuses_opens_as_typed_with_the_checks_message(tmp_path: Path, kind: str, text: str,
                                                                      name: str, shown: object, other: str) -> None:
    rel = f"{kind}/r.yaml"
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_text(text, "utf-8")
        status, record = call(editor, "GET", f"/api/record?path={rel}")
        assert status == 200, record
        assert record["fields"][name] == shown
        said, check_said = record["errors"][name], _check_says(editor.content, rel)
        assert len(said) == len(check_said) == 1, (said, check_said)
        where, words = check_said[0].split(": ", 1)[0], check_said[0].split("）", 1)[1]  # after the field's name
        assert said[0].startswith(where + ": ") and said[0].endswith(words), (said, check_said)  # check's words, at file:line
        fields = dict(record["fields"], **{other: "改过的"})
        status, saved = call(editor, "POST", "/api/save", {"kind": kind, "path": rel, "version": record["version"],
                                                           "fields": fields, "body": "", "keep_as_draft": True})
        assert status == 200 and saved["written"] and saved["draft_kept"], saved
        typed = next(line for line in text.splitlines() if line.startswith((f"{name}:", "  - date:")))
        assert typed + "\n" in (editor.content / saved["path"]).read_text("utf-8")
