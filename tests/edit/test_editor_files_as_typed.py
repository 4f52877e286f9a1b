"""The editor reads and saves a record as the worker's file holds it (break20).

- A file in Notepad's form (a BOM and CRLF: what `sitegen init` and `new` write on Windows, and what
  Notepad saves) was read with a CR at the end of every value, and no save passed ("an invisible control
  character U+000D"). It now reads as the LF file does, and a save keeps the file's form.
- A value `check` reads was shown otherwise: `party_member: “党员”` or `1` unticked (a save wrote false),
  `draft: “是”` not a draft (a save removed the line, and the next build published it), `progress: 80%`
  and `value: 1,200.50` in number boxes that show nothing of them (a save removed the field). Each is now
  shown as `check` reads it, and a save that does not touch it keeps the worker's own spelling.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import scaffold
from sitegen.edit import store
from sitegen.i18n.messages import Messages
from tests.conftest import SITE_YAML, write_files

ZH = Messages("zh-Hans")
BOM = b"\xef\xbb\xbf"
WISH = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"
CLAIMED = {"status": "claimed", "claimed_by": "社区党员志愿服务队", "claimed_on": "2026-10-20"}

# the file's bytes as saved by… → (starts with a BOM, CRLF line ends) after an editor save
FORMS = [
    ("Notepad (BOM and CRLF)", BOM + WISH.replace("\n", "\r\n").encode(), (True, True)),
    ("CRLF without a BOM", WISH.replace("\n", "\r\n").encode(), (True, True)),
    ("a BOM and LF", BOM + WISH.encode(), (True, False)),
    ("LF (as elsewhere)", WISH.encode(), (False, False)),
]


@pytest.mark.parametrize(("data", "form"), [r[1:] for r in FORMS], ids=[r[0] for r in FORMS])
def test_a_record_in_any_line_ending_form_is_read_and_saved_in_its_form(tmp_path: Path, data: bytes,
                                                                        form: tuple[bool, bool]) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML})
    (tmp_path / "wishes").mkdir()
    (tmp_path / "wishes" / "w.yaml").write_bytes(data)
    record = store.read_record(tmp_path, "wishes/w.yaml")
    assert record["fields"]["wisher"] == "周桂芳"  # no CR at the end
    saved = store.save_record(tmp_path, "wishes", "wishes/w.yaml", record["version"],
                              dict(record["fields"], **CLAIMED), "", ZH)
    assert saved.written and not saved.errors, saved
    written = (tmp_path / "wishes" / "w.yaml").read_bytes()
    assert (written.startswith(BOM), b"\r\n" in written) == form
    assert form[1] is False or written.count(b"\n") == written.count(b"\r\n")  # CRLF: every line
    assert "claimed_by: 社区党员志愿服务队" in written.decode("utf-8-sig")


@pytest.mark.parametrize("windows", [True, False])
def test_a_new_record_is_written_as_sitegen_new_writes_one_here(tmp_path: Path, windows: bool,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scaffold, "NOTEPAD", windows)
    write_files(tmp_path, {"site.yaml": SITE_YAML})
    values = {"wish": "助行器", "wisher": "周桂芳", "posted_on": "2026-10-18", "status": "open"}
    saved = store.save_record(tmp_path, "wishes", None, None, values, "", ZH)
    assert saved.written and not saved.errors, saved
    written = (tmp_path / saved.path).read_bytes()
    assert (written.startswith(BOM), b"\r\n" in written) == (windows, windows)


def _shown_and_saved(root: Path, kind: str, text: str, name: str,
                     changes: dict[str, object]) -> tuple[object, str]:
    """Write `text` as a record of `kind`, read it as the form does, save it with `changes` made to the form's
    fields; what the form showed for `name`, and the file's text after the save (which must pass)."""
    rel = f"{kind}/r.yaml"
    write_files(root, {"site.yaml": SITE_YAML, rel: text})
    record = store.read_record(root, rel)
    saved = store.save_record(root, kind, rel, record["version"], dict(record["fields"], **changes), "", ZH)
    assert saved.written and not saved.errors, saved
    return record["fields"][name], (root / rel).read_text("utf-8")


# kind, the record's file, the field, what the form shows, the field it changes, its new value
VALUES = [
    ("disclosures", "name: 张建国\nrole: 单元长\nparty_member: “党员”\n", "party_member", True, "role", "楼栋长"),
    ("disclosures", "name: 张建国\nrole: 单元长\nparty_member: 「党员」\n", "party_member", True, "role", "楼栋长"),
    ("disclosures", "name: 张建国\nrole: 单元长\nparty_member: 1\n", "party_member", True, "role", "楼栋长"),
    ("disclosures", "name: 张建国\nrole: 单元长\nparty_member: 0\n", "party_member", False, "role", "楼栋长"),
    ("wishes", WISH + "draft: “是”\n", "draft", True, "wish", "轮椅"),
    ("deliberations", "title: 加装电梯\nraised_on: 2025-03-18\nstatus: implementing\ndecision: 试点\nprogress: 80%\n",
     "progress", 80, "title", "加装电梯（一期）"),
    ("wishes", WISH + "value: 1,200.50\n", "value", 1200.5, "wish", "轮椅"),
    ("wishes", WISH + "value: 300元\n", "value", 300.0, "wish", "轮椅"),
    ("activities", "title: 义诊\ndate: 2026-11-20 09:00\nparticipants: “120”\n", "participants", 120, "title", "社区义诊"),
]


@pytest.mark.parametrize(("kind", "text", "name", "shown", "other", "value"), VALUES,
                         ids=[f"{r[2]}: {r[1].splitlines()[-1].split(': ', 1)[1]}" for r in VALUES])
def test_a_value_is_shown_as_check_reads_it_and_kept_as_typed(tmp_path: Path, kind: str, text: str, name: str,
                                                               shown: object, other: str, value: str) -> None:
    changes: dict[str, object] = {other: value, **({"draft": True} if name == "draft" else {})}  # the draft box as shown
    read, written = _shown_and_saved(tmp_path, kind, text, name, changes)
    assert read == shown and type(read) is type(shown)
    assert text.splitlines()[-1] + "\n" in written  # the worker's own spelling



# break20b. kind, the file, the field, what the form shows; a save of another field keeps the file's line
CHOICES = [
    # a select shown nothing for a word was saved without the field: the hidden phone was published
    ("disclosures", "name: 张建国\nrole: 单元长\nphone: '13800001234'\nshow_phone: 不显示\n", "show_phone", "none"),
    ("disclosures", "name: 张建国\nrole: 单元长\nphone: '13800001234'\nshow_phone: 完整公开\n", "show_phone", "full"),
    ("disclosures", "name: 张建国\nrole: 单元长\nphone: '13800001234'\nshow_phone: “仅海报完整”\n", "show_phone", "poster"),
    ("wishes", WISH.replace("status: open", "status: 已认领") + "claimed_by: 志愿队\nclaimed_on: 2026-10-20\n",
     "status", "claimed"),
    ("deliberations", "title: 加装电梯\nraised_on: 2025-03-18\nstatus: 实施中\ndecision: 试点\n", "status", "implementing"),
]


@pytest.mark.parametrize(("kind", "text", "name", "shown"), CHOICES, ids=[f"{r[2]}-{r[3]}" for r in CHOICES])
def test_a_choice_word_is_shown_as_its_value_and_kept(tmp_path: Path, kind: str, text: str, name: str, shown: str) -> None:
    read, written = _shown_and_saved(tmp_path, kind, text, name, {})
    assert read == shown
    assert next(line for line in text.splitlines() if line.startswith(name + ":")) + "\n" in written


# a number typed in the form's text box: one that may be read two ways is kept as typed, for check to name
TYPED = [("value", "1.000", False, "value: '1.000'"), ("value", "2.500", False, "value: '2.500'"),
         ("value", "12.5", True, "value: 12.5"), ("value", "1,200.50", True, "value: 1,200.50")]


@pytest.mark.parametrize(("name", "typed", "passes", "written"), TYPED, ids=[r[1] for r in TYPED])
def test_a_number_typed_in_the_form_is_read_as_check_reads_it(tmp_path: Path, name: str, typed: str, passes: bool,
                                                             written: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, "wishes/w.yaml": WISH})
    record = store.read_record(tmp_path, "wishes/w.yaml")
    saved = store.save_record(tmp_path, "wishes", "wishes/w.yaml", record["version"],
                              dict(record["fields"], **{name: typed}), "", ZH)
    assert saved.written is passes, saved
    if passes:
        assert written in (tmp_path / "wishes" / "w.yaml").read_text("utf-8")
    else:
        assert "1000" in str(saved.errors) or "2500" in str(saved.errors), saved.errors


def test_a_file_with_lone_cr_line_ends_is_read_and_saved(tmp_path: Path) -> None:
    """Classic Mac OS line ends (a lone CR), which the check reads: every save was refused (break20b)."""
    write_files(tmp_path, {"site.yaml": SITE_YAML})
    (tmp_path / "wishes").mkdir()
    (tmp_path / "wishes" / "w.yaml").write_bytes(WISH.replace("\n", "\r").encode())
    record = store.read_record(tmp_path, "wishes/w.yaml")
    assert record["fields"]["wisher"] == "周桂芳"
    saved = store.save_record(tmp_path, "wishes", "wishes/w.yaml", record["version"],
                              dict(record["fields"], **CLAIMED), "", ZH)
    assert saved.written and not saved.errors, saved


# break20b: the page's date and time boxes show nothing of a spelling check reads otherwise, and a save of
# another field wrote the date without its time. kind, the file, the field, what the form shows
DATES = [
    ("activities", "title: 义诊\ndate: 2026-10-01 9:00\nend: 2026-10-01 9:30\n", "date", "2026-10-01 09:00"),
    ("activities", "title: 义诊\ndate: 2026-10-01T09:00\n", "date", "2026-10-01 09:00"),
    ("activities", "title: 义诊\ndate: 2026-10-01 09:00\nend: 2026-10-01 9:30\n", "end", "2026-10-01 09:30"),
    ("wishes", WISH.replace("status: open", "status: claimed") + "claimed_by: 志愿队\nclaimed_on: 2026-11-2\n",
     "claimed_on", "2026-11-02"),
]


@pytest.mark.parametrize(("kind", "text", "name", "shown"), DATES, ids=[f"{r[2]}-{r[3]}" for r in DATES])
def test_a_date_is_shown_as_check_reads_it_and_kept(tmp_path: Path, kind: str, text: str, name: str, shown: str) -> None:
    read, written = _shown_and_saved(tmp_path, kind, text, name, {"title" if kind == "activities" else "wish": "改过的"})
    assert read == shown
    typed = next(line for line in text.splitlines() if line.startswith(name + ":"))
    assert typed + "\n" in written or f"{name}: {shown}\n" in written, written  # kept, or the same moment

