"""The editor's checkbox shows a yes-or-no field as `check` reads it (break20): it ticked only true and yes,
so `party_member: 党员` (or 是, √) showed unticked, and a save of any other field wrote false."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.edit import store
from sitegen.i18n.messages import Messages
from tests.conftest import SITE_YAML, write_files

ZH = Messages("zh-Hans")

# (the word in the file, the checkbox)
ROWS = [("党员", True), ("中共党员", True), ("是", True), ("√", True), ("群众", False), ("否", False), ("×", False)]


@pytest.mark.parametrize(("typed", "ticked"), ROWS)
def test_a_checkbox_shows_the_word_as_check_reads_it_and_a_save_keeps_it(tmp_path: Path, typed: str,
                                                                          ticked: bool) -> None:
    rel = "disclosures/d.yaml"
    write_files(tmp_path, {"site.yaml": SITE_YAML, rel: f"name: 张建国\nrole: 单元长\nparty_member: {typed}\n"})
    record = store.read_record(tmp_path, rel)
    assert record["fields"]["party_member"] is ticked
    saved = store.save_record(tmp_path, "disclosures", rel, record["version"], dict(record["fields"], role="楼栋长"),
                              "", ZH)
    assert saved.written and not saved.errors, saved
    assert f"party_member: {typed}\n" in (tmp_path / rel).read_text("utf-8")  # the worker's own word, untouched


def test_a_draft_word_marks_the_list_row_a_draft(tmp_path: Path) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, "disclosures/d.yaml": "name: 张建国\nrole: 单元长\ndraft: 是\n"})
    assert [row["draft"] for row in store.list_records(tmp_path, "disclosures")] == [True]
