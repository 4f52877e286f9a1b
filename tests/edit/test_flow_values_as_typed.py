"""A value written in flow style ({…}, […]) is shown as `check` reads it and kept as typed (breaker s21).

`votes: {for: 1,200, against: 3}` is refused by check (the comma makes two items; it reads 1), but the
editor showed 赞成 1 with no word, and a save of another field wrote `for: 1`, which passed and was
published. `votes: {赞成: 12, 反对: 3}` and a timeline entry's extra `验收`, which check warns of and
the form has no box for, were removed by such a save; `duties: 巡逻, 调解` was rewritten as a list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.editor import call, page_sends, running_editor

MEETING = "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点\n"
PERSON = "name: 张建国\nrole: 单元长\n"
EVENT = "title: 义诊\ndate: 2026-10-01\n"

# kind, the file, the field a save changes, what the file keeps (None: the file as it was, a save refused)
ROWS = [
    ("deliberations", MEETING + "votes: {for: 1,200, against: 3}\n", "title", None),
    ("deliberations", MEETING + "votes: {赞成: 12, 反对: 3}\n", "title", "votes: {赞成: 12, 反对: 3}\n"),
    ("deliberations", MEETING + "timeline: [{date: 2026-08-20, note: 完工, 验收}]\n", "title", "note: 完工, 验收"),
    ("deliberations", MEETING + "votes: {for: 12, against: 3}\n", "title", "votes: {for: 12, against: 3}\n"),
    ("deliberations", MEETING + "meeting: {date: 2026-08-07, place: 会议室, host: 王书记}\n", "title",
     "meeting: {date: 2026-08-07, place: 会议室, host: 王书记}\n"),
    ("deliberations", MEETING + "timeline: [{date: 2026-08-20, note: 完工}]\n", "title",
     "timeline: [{date: 2026-08-20, note: 完工}]\n"),
    ("disclosures", PERSON + "duties: 巡逻, 调解\n", "role", "duties: 巡逻, 调解\n"),
    ("disclosures", PERSON + "duties: [巡逻, 调解]\n", "role", "duties: [巡逻, 调解]\n"),
    ("activities", EVENT + "tags: [邻里节，敬老]\n", "title", "tags: [邻里节，敬老]\n"),
    ("activities", EVENT + "tags: [邻里节, 敬老]\n", "title", "tags: [邻里节, 敬老]\n"),
    ("activities", EVENT + "tags:\n  - 邻里节\n  - 敬老\n", "title", "tags:\n  - 邻里节\n  - 敬老\n"),
    ("wishes", "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\ntags: [助老]\n", "wish",
     "tags: [助老]\n"),
    ("activities", EVENT + "tags: []\n", "title", "tags: []\n"),
]


def _open(editor: object, rel: str) -> dict[str, object]:
    status, record = call(editor, "GET", f"/api/record?path={rel}")  # type: ignore[arg-type]
    assert status == 200, record
    return dict(record)


@pytest.mark.parametrize(("kind", "text", "other", "kept"), ROWS, ids=[r[1].split("\n", 4)[-1] for r in ROWS])
def test_a_flow_value_is_kept_as_typed_by_a_save_of_another_field(tmp_path: Path, kind: str, text: str, other: str,
                                                                   kept: str | None) -> None:
    rel = f"{kind}/r.yaml"
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_text(text, "utf-8")
        record = _open(editor, rel)
        fields = page_sends(kind, dict(record["fields"], **{other: "改过的"}))  # type: ignore[arg-type]
        status, saved = call(editor, "POST", "/api/save", {"kind": kind, "path": rel, "version": record["version"],
                                                           "fields": fields, "body": ""})
        written = (editor.content / rel).read_text("utf-8")
        if kept is not None:
            assert status == 200 and saved["written"], saved
            assert kept in written, written  # (ruamel writes the timeline's `验收` back as `验收: null`)
        else:  # check refuses it, says it when the record opens, and the save is refused as check refuses it
            assert "1200" in str(record["errors"]["votes"]), record
            assert status == 200 and not saved["written"] and "1200" in str(saved["errors"]), saved
            assert written == text


def test_the_votes_mended_in_the_form_are_written(tmp_path: Path) -> None:
    rel = "deliberations/r.yaml"
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_text(MEETING + "votes: {for: 1,200, against: 3}\n", "utf-8")
        record = _open(editor, rel)
        assert record["fields"]["votes"]["for"] == 1  # type: ignore[index]  # what check reads, and says it does
        fields = page_sends("deliberations", dict(record["fields"], votes={"for": "1200", "against": "3"}))  # type: ignore[arg-type]
        status, saved = call(editor, "POST", "/api/save", {"kind": "deliberations", "path": rel,
                                                           "version": record["version"], "fields": fields, "body": ""})
        assert status == 200 and saved["written"], saved
        assert "for: 1200" in (editor.content / rel).read_text("utf-8")
