"""A `_` draft beside its published record saves, a name taken says what works, a refused save says only so (breaker s21).

`wishes/_w.yaml` with `draft: true` beside the published `wishes/w.yaml`: every save with its 草稿 box ticked (保存,
存为草稿, an API save sending no box) tried to rename it `w.yaml` and was refused 409 "请修改标题后再保存", but a title
never renames a file: the worker could not save at all. A ticked `_` file now keeps its name whatever its draft line
says; unticking it when the real name is taken is refused with what works (keep it a draft; delete the published
one first), and so is 存为草稿 with problems when the `_` name is taken. A save refused for its problems wrote
nothing, yet said "这条记录不再是草稿 …" (`__w.yaml` unticked), edit.draft_on or edit.new_on_site: now only the
refusal is said. `__w.yaml` unticked became `_w.yaml`, still skipped by builds, the box shown unticked and nothing
said: it now takes its real name `w.yaml` and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.messages import Messages
from tests.support.editor import call, page_sends, running_editor

ZH = Messages("zh-Hans")
WISH = "wish: 收音机\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"
PUBLISHED = "wish: 旧收音机\nwisher: 周桂芳\nposted_on: 2026-10-01\nstatus: open\n"
NEW = {"wish": "收音机", "wisher": "周桂芳", "posted_on": "2026-10-18", "status": "open"}
BAD = {"posted_on": "2026-13-01"}  # check refuses it


def _save(editor: object, rel: str | None, version: str | None, fields: dict[str, object], box: bool | None,
          as_draft: bool) -> tuple[int, dict[str, object]]:
    sent = dict(page_sends("wishes", dict(fields, wish="半导体收音机")), draft=box)
    return call(editor, "POST", "/api/save", {"kind": "wishes", "path": rel, "version": version,  # type: ignore[arg-type]
                                              "fields": sent, "body": "", "keep_as_draft": as_draft})


def _open(editor: object, rel: str, text: str) -> tuple[str, dict[str, object]]:
    (editor.content / rel).write_text(text, "utf-8")  # type: ignore[attr-defined]
    status, record = call(editor, "GET", f"/api/record?path={rel}")  # type: ignore[arg-type]
    assert status == 200, record
    return record["version"], record["fields"]


# the `_` file's draft line, the box sent (None: not sent), 存为草稿, fields changed
KEPT = [(line, box, as_draft, changed)
        for line in ("draft: true\n", "draft: 是\n", "", "draft: false\n")
        for box, as_draft, changed in ((True, False, {}), (None, False, {}), (True, True, {}), (True, True, BAD))]


@pytest.mark.parametrize(("line", "box", "as_draft", "changed"), KEPT,
                         ids=[f"{r[0].strip() or '-'} box={r[1]}{' 存为草稿' if r[2] else ''}{' refused' if r[3] else ''}"
                              for r in KEPT])
def test_a_ticked_draft_beside_its_published_record_keeps_its_name(tmp_path: Path, line: str, box: bool | None,
                                                                    as_draft: bool, changed: dict[str, str]) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / "wishes" / "w.yaml").write_text(PUBLISHED, "utf-8")
        version, fields = _open(editor, "wishes/_w.yaml", WISH + line)
        status, saved = _save(editor, "wishes/_w.yaml", version, dict(fields, **changed), box, as_draft)
        assert status == 200 and saved["written"] and saved["path"] == "wishes/_w.yaml", saved
        assert saved["notice"] == "", saved  # a draft it was, a draft it stays
        assert "半导体收音机" in (editor.content / "wishes" / "_w.yaml").read_text("utf-8")
        assert (editor.content / "wishes" / "w.yaml").read_text("utf-8") == PUBLISHED


@pytest.mark.parametrize("line", ["", "draft: true\n", "draft: 否\n"])
def test_unticking_a_draft_whose_name_is_published_says_what_works(tmp_path: Path, line: str) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / "wishes" / "w.yaml").write_text(PUBLISHED, "utf-8")
        version, fields = _open(editor, "wishes/_w.yaml", WISH + line)
        status, refused = _save(editor, "wishes/_w.yaml", version, fields, False, False)
        assert status == 409 and refused["error"] == ZH.text("edit.name_taken", path="wishes/w.yaml"), refused
        assert "标题后" not in refused["error"] and "删除" in refused["error"] and "勾选" in refused["error"]
        assert (editor.content / "wishes" / "w.yaml").read_text("utf-8") == PUBLISHED
        status, kept = _save(editor, "wishes/_w.yaml", version, fields, True, False)  # what it says: keep it a draft
        assert status == 200 and kept["path"] == "wishes/_w.yaml", kept
        status, _ = call(editor, "POST", "/api/delete", {"path": "wishes/w.yaml", "version": None})  # then delete that
        status, done = _save(editor, "wishes/_w.yaml", kept["version"], fields, False, False)  # and untick
        assert status == 200 and done["path"] == "wishes/w.yaml" and done["notice"] == ZH.text("edit.draft_off"), done


def test_a_draft_kept_under_a_taken_name_says_what_works(tmp_path: Path) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / "wishes" / "_w.yaml").write_text(PUBLISHED + "draft: true\n", "utf-8")
        version, fields = _open(editor, "wishes/w.yaml", WISH)
        status, refused = _save(editor, "wishes/w.yaml", version, dict(fields, **BAD), True, True)
        assert status == 409 and refused["error"] == ZH.text("edit.draft_name_taken", path="wishes/_w.yaml"), refused
        assert "标题后" not in refused["error"]
        assert (editor.content / "wishes" / "w.yaml").read_text("utf-8") == WISH


# the file (None: new) and its draft line, the box sent: each save refused for its problems, nothing written
REFUSED = [("__w.yaml", "", False), ("_w.yaml", "", False), ("_w.yaml", "draft: true\n", False),
           ("w.yaml", "", True), ("w.yaml", "draft: true\n", False), (None, "", False), (None, "", True)]


@pytest.mark.parametrize(("name", "line", "box"), REFUSED, ids=[f"{r[0] or 'new'} {r[1].strip() or '-'} box={r[2]}"
                                                                 for r in REFUSED])
def test_a_refused_save_says_only_that_it_was_refused(tmp_path: Path, name: str | None, line: str, box: bool) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        rel, version, fields = None, None, dict(NEW)
        if name is not None:
            rel = f"wishes/{name}"
            version, fields = _open(editor, rel, WISH + line)
        before = sorted(p.name for p in (editor.content / "wishes").iterdir())
        status, saved = _save(editor, rel, version, dict(fields, **BAD), box, False)
        assert status == 200 and not saved["written"] and saved["errors"], saved
        assert saved["notice"] == "", saved  # nothing was published or hidden
        assert sorted(p.name for p in (editor.content / "wishes").iterdir()) == before


def test_unticking_a_double_underscore_draft_publishes_it_and_says_so(tmp_path: Path) -> None:
    with running_editor(tmp_path, "zh-Hans") as editor:
        version, fields = _open(editor, "wishes/__w.yaml", WISH)
        assert fields["draft"] is True, fields
        status, saved = _save(editor, "wishes/__w.yaml", version, fields, False, False)
        assert status == 200 and saved["path"] == "wishes/w.yaml" and saved["notice"] == ZH.text("edit.draft_off"), saved
        assert sorted(p.name for p in (editor.content / "wishes").iterdir() if p.name.endswith("w.yaml")) == ["w.yaml"]
