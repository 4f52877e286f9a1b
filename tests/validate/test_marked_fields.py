"""A field name behind a mark YAML reads as part of the name, and a field commented out inside a list
item or a nested mapping, are each said once, at their line (session 20).

`＃　claimed_by: 志愿队` (a full-width ＃, as a Chinese input method types #) is no YAML comment: YAML
reads the key `＃　claimed_by`. It was told both "unknown field “＃　claimed_by”" and "this line starts
with #, which makes it a comment". It is now told that the field name has a mark before it, to delete.
A `# date: …` line inside a timeline entry was told only "timeline[1].date is required: add a line";
it is now told to delete the #, as a top-level field's is (tests/validate/test_commented_fields.py).

Each row: the files, the file whose messages are looked at, and every message said about it (English,
or `language`), whole, with its file:line.
"""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\n"
L = "title: 广场舞噪音\nraised_on: 2020-04-07\n"
ITEM = "  " + W.replace("\n", "\n  ")  # the wish's fields as a list item's, after `- id: …`

WISH_MARKED = ("wishes/w.yaml:5: a wish with status claimed needs “claimed_by”: on this line its name has “{mark}” "
               "before it, so the line is read as a field sitegen does not know; delete the “{mark}” (with the "
               "space after it, if any) so that the line reads “claimed_by: …”, and check that the value after "
               "the colon is the one to publish.")
COMMENTED = ("the field “{field}” is required: this line starts with “#”, which makes it a comment that is not read; "
             "delete the “#” (with the space after it, if any), and check that the value after the colon is the "
             "one to publish.")


def claimed(line: str) -> dict[str, str]:
    """A claimed wish whose line 5 is `line` (its claimed_by, as the worker typed it)."""
    return {"wishes/w.yaml": W + "status: claimed\n" + line + "\nclaimed_on: 2026-10-20\n"}


# A field name behind a mark that YAML reads as part of the name: what YAML reads is a key
# (`＃ claimed_by`), never a comment.
MARKED = [
    ("full_width_mark_and_full_width_space", claimed("＃\u3000claimed_by: 志愿队"), "wishes/w.yaml",
     [WISH_MARKED.format(mark="＃")]),
    ("full_width_mark_and_a_space", claimed("＃ claimed_by: 志愿队"), "wishes/w.yaml", [WISH_MARKED.format(mark="＃")]),
    ("full_width_mark_alone", claimed("＃claimed_by: 志愿队"), "wishes/w.yaml", [WISH_MARKED.format(mark="＃")]),
    ("full_width_mark_and_a_tab", claimed("＃\tclaimed_by: 志愿队"), "wishes/w.yaml", [WISH_MARKED.format(mark="＃")]),
    ("full_width_mark_twice", claimed("＃＃ claimed_by: 志愿队"), "wishes/w.yaml", [WISH_MARKED.format(mark="＃＃")]),
    ("small_number_sign", claimed("﹟ claimed_by: 志愿队"), "wishes/w.yaml", [WISH_MARKED.format(mark="﹟")]),
    # an ASCII # after a blank YAML does not take for one is no comment either (the blank goes too)
    ("hash_after_a_full_width_space", claimed("\u3000# claimed_by: 志愿队"), "wishes/w.yaml",
     [WISH_MARKED.format(mark="\u3000#")]),
    ("hash_after_a_no_break_space", claimed("\u00a0# claimed_by: 志愿队"), "wishes/w.yaml",
     [WISH_MARKED.format(mark="\u00a0#")]),
    ("decision", {"deliberations/d.yaml": L + "status: decided\n＃　decision: 同意加装\n"}, "deliberations/d.yaml",
     ["deliberations/d.yaml:4: a deliberation with status decided needs a “decision”: on this line its name has “＃” "
      "before it, so the line is read as a field sitegen does not know; delete the “＃” (with the space after it, "
      "if any) so that the line reads “decision: …”, and check that what follows the colon is what was decided."]),
    ("required_field_in_markdown", {"activities/a.md": "---\n＃ title: 七夕\ndate: 2019-08-06\n---\n"}, "activities/a.md",
     ["activities/a.md:2: the field “title” is required: on this line its name has “＃” before it, so the line is "
      "read as a field sitegen does not know; delete the “＃” (with the space after it, if any) so that the line "
      "reads “title: …”, and check that the value after the colon is the one to publish."]),
    ("second_item_of_a_list_file", {"wishes/l.yaml": "- id: a\n" + ITEM + "status: open\n- id: b\n" + ITEM
                                    + "status: claimed\n  ＃ claimed_by: 队\n  claimed_on: 2026-10-20\n"}, "wishes/l.yaml",
     [WISH_MARKED.format(mark="＃").replace("w.yaml:5", "l.yaml:11")]),
    # not asked for (the wish is open): the same words, as the warning an unknown field had
    ("not_required_yet", {"wishes/w.yaml": W + "status: open\n＃　claimed_by: 志愿队\n"}, "wishes/w.yaml",
     ["wishes/w.yaml:5: warning: the field name “claimed_by” has “＃” before it, so this line is read as a field "
      "sitegen does not know, and ignored; delete the “＃” (with the space after it, if any) so that the line "
      "reads “claimed_by: …”, and check that the value after the colon is the one to publish."]),
    # inside a timeline entry and the meeting: named as the check names them, at the line
    ("timeline_entry", {"deliberations/d.yaml": L + "status: proposed\ntimeline:\n  - note: 两委审事。\n"
                        "    ＃ date: 2020-05-01\n"}, "deliberations/d.yaml",
     ["deliberations/d.yaml:6: the field “timeline[1].date” is required: on this line its name has “＃” before it, "
      "so the line is read as a field sitegen does not know; delete the “＃” (with the space after it, if any) so "
      "that the line reads “date: …”, and check that the value after the colon is the one to publish."]),
    ("meeting", {"deliberations/d.yaml": L + "status: proposed\nmeeting:\n  date: 2020-05-01\n  ＃host: 王主任\n"},
     "deliberations/d.yaml",
     ["deliberations/d.yaml:6: warning: the field name “meeting.host” has “＃” before it, so this line is read as a "
      "field sitegen does not know, and ignored; delete the “＃” (with the space after it, if any) so that the "
      "line reads “host: …”, and check that the value after the colon is the one to publish."]),
    # and a colon YAML does not take after the name as well: the line is refused, said once
    ("full_width_colon_too", claimed("＃ claimed_by： 志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: the field name “claimed_by” has “＃” before it, and “：” after it is not a plain colon and "
      "a space: delete the “＃” and write “claimed_by: 志愿队”."]),
    ("no_space_after_the_colon_too", claimed("＃claimed_by:志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: the field name “claimed_by” has “＃” before it, and “:” after it is not a plain colon and "
      "a space: delete the “＃” and write “claimed_by: 志愿队”."]),
    ("after_a_full_width_space_with_a_full_width_colon", claimed("\u3000# claimed_by：志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: the field name “claimed_by” has “\u3000#” before it, and “：” after it is not a plain colon "
      "and a space: delete the “\u3000#” and write “claimed_by: 志愿队”."]),
    # a real comment (ASCII #) with no space after its colon was not found as a commented field
    ("comment_with_no_space_after_the_colon", claimed("# claimed_by:志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: a wish with status claimed needs “claimed_by”: this line starts with “#”, which makes it a "
      "comment that is not read; delete the “#” (with the space after it, if any), and check that the value after "
      "the colon is the one to publish."]),
]

# A required field of a timeline entry left as a comment (`# date: …` at the entry's key column).
NESTED = [
    ("timeline_date", {"deliberations/d.yaml": L + "status: proposed\ntimeline:\n  - note: 两委审事。\n"
                       "    # date: 2020-05-01\n  - date: 2020-05-02\n    note: 议事会\n"}, "deliberations/d.yaml",
     ["deliberations/d.yaml:6: " + COMMENTED.format(field="timeline[1].date")]),
    ("timeline_note_of_the_second_entry", {"deliberations/d.yaml": L + "status: proposed\ntimeline:\n"
                                           "  - date: 2020-05-01\n    note: 两委审事。\n  - date: 2020-05-02\n"
                                           "    # note: 议事会\n"}, "deliberations/d.yaml",
     ["deliberations/d.yaml:8: " + COMMENTED.format(field="timeline[2].note")]),
    ("markdown_list_at_the_first_column", {"deliberations/d.md": "---\n" + L + "status: proposed\ntimeline:\n"
                                           "- note: 两委审事。\n  #date: 2020-05-01\n---\n背景\n"}, "deliberations/d.md",
     ["deliberations/d.md:7: " + COMMENTED.format(field="timeline[1].date")]),
    ("in_a_list_file", {"deliberations/l.yaml": "- id: a\n  " + L.replace("\n", "\n  ") + "status: proposed\n"
                        "- id: b\n  " + L.replace("\n", "\n  ") + "status: proposed\n  timeline:\n"
                        "    - note: 两委审事。\n      # date: 2020-05-01\n"}, "deliberations/l.yaml",
     ["deliberations/l.yaml:11: " + COMMENTED.format(field="timeline[1].date")]),
]


@pytest.mark.parametrize(("case", "files", "path", "said"), MARKED + NESTED, ids=[c[0] for c in MARKED + NESTED])
def test_a_field_written_behind_a_mark_or_commented_is_said_once_at_its_line(
        make_site: MakeSite, case: str, files: dict[str, str], path: str, said: list[str]) -> None:
    result = run("check", "--content", str(make_site(files)))
    assert [line for line in error_lines(result) if line.startswith(path + ":")] == said


# Chinese, as the worker reads it.
CHINESE = [
    ("full_width_mark", claimed("＃\u3000claimed_by: 志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: 状态为已认领（claimed）的心愿需要填写认领人或单位（claimed_by）：这一行的字段名前面多了“＃”，"
      "被当成了一个不认识的字段；请删掉“＃”（连同它后面的空格），让这一行成为“claimed_by: …”，再看一看冒号后面是不是要填的内容。"]),
    ("timeline_date", NESTED[0][1], "deliberations/d.yaml",
     ["deliberations/d.yaml:6: 缺少必填字段进展记录第 1 项的日期（timeline[1].date）：这一行的开头有“#”，整行成了注释，"
      "不会被读到；请删掉行首的“#”（连同它后面的空格），再看一看冒号后面是不是要填的内容。"]),
]


@pytest.mark.parametrize(("case", "files", "path", "said"), CHINESE, ids=[c[0] for c in CHINESE])
def test_said_in_chinese(make_site: MakeSite, case: str, files: dict[str, str], path: str, said: list[str]) -> None:
    result = run("check", "--content", str(make_site(files)), env={"SITEGEN_LANG": "zh-Hans"})
    assert [line for line in error_lines(result) if line.startswith(path + ":")] == said


# What stays as it was (these pass before the change too): a line YAML reads as nothing to uncomment.
KEPT = [
    # an unknown name behind a full-width space and #: the full-width space's error, as any line starting so
    ("unknown_name_after_a_full_width_space", {"wishes/w.yaml": W + "status: open\n\u3000# remark: 好\n"}, "wishes/w.yaml",
     ["wishes/w.yaml:5: this line starts with a full-width space (U+3000, the space of a Chinese input method), which "
      "looks like a space but is not one; delete it and indent with plain spaces."]),
    # a tab before the #: YAML's error, said as the tab
    ("tab_before_the_hash", claimed("\t# claimed_by: 志愿队"), "wishes/w.yaml",
     ["wishes/w.yaml:5: this line is indented with a Tab; only plain spaces may indent: replace the Tab with spaces "
      "lined up with the fields at the same level."]),
    # a `# date:` at the entry's dash, not its keys: deleting the # would not make it the entry's field
    ("comment_at_the_dash_column", {"deliberations/d.yaml": L + "status: proposed\ntimeline:\n  - note: 两委审事。\n"
                                    "  # date: 2020-05-01\n"}, "deliberations/d.yaml",
     ["deliberations/d.yaml:5: the field “timeline[1].date” is required: add a line “date: …” inside “timeline[1]”, "
      "lined up with that item's other fields (an item of a list starts at its “- ” and runs to the next one)."]),
]


@pytest.mark.parametrize(("case", "files", "path", "said"), KEPT, ids=[c[0] for c in KEPT])
def test_what_is_no_marked_or_commented_field_is_said_as_before(make_site: MakeSite, case: str, files: dict[str, str],
                                                                 path: str, said: list[str]) -> None:
    result = run("check", "--content", str(make_site(files)))
    assert [line for line in error_lines(result) if line.startswith(path + ":")] == said
