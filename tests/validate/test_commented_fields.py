"""A field the check asks for that the file holds only as a comment is said at that line, with the
`#` to remove (s17; session 16's leftover: `status: claimed` with the template's `# claimed_by: …`
line was told claimed_by is missing, at the status line, and the worker saw it written there).

Each row: the files, where the message must point, the words it must hold (English), and whether
it is the "commented" wording (False: the plain missing-field message stays)."""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\n"
L = "title: 广场舞噪音\nraised_on: 2020-04-07\n"

CASES = [
    # the wish template's lines, status claimed: both at their own lines
    ("wish_claimed_by", {"wishes/w.yaml": W + "status: claimed\n# claimed_by: 社区志愿队   # 认领后填写\nclaimed_on: 2026-10-20\n"},
     "wishes/w.yaml:5", "needs “claimed_by”: this line starts with “#”", True),
    ("wish_claimed_on", {"wishes/w.yaml": W + "status: claimed\nclaimed_by: 志愿队\n#claimed_on: 2026-10-20\n"},
     "wishes/w.yaml:6", "delete the “#” (with the space after it, if any)", True),
    ("wish_fulfilled_on_in_a_list", {"wishes/l.yaml": "- id: a\n  " + W.replace("\n", "\n  ")
                                     + "status: fulfilled\n  claimed_by: 队\n  claimed_on: 2026-10-20\n"
                                     "  # fulfilled_on: 2026-10-25\n"},
     "wishes/l.yaml:8", "needs “fulfilled_on”: this line starts with “#”", True),
    # a deliberation's decision, as `sitegen new` writes it
    ("decision", {"deliberations/d.yaml": L + "status: decided\n# decision: 议定的结果      # 已议定（decided）及以后必填\n"},
     "deliberations/d.yaml:4", "needs a “decision”: this line starts with “#”", True),
    # a required field of any kind, in Markdown front matter
    ("markdown_title", {"activities/a.md": "---\n# title: 七夕\ndate: 2019-08-06\n---\n"},
     "activities/a.md:2", "is required: this line starts with “#”", True),
    # nested under a commented mapping (`#   date:` under `# meeting:`): not a top-level field
    ("nested_is_not_top_level", {"activities/a.md": "---\ntitle: 七夕\n# meeting:\n#   date: 2019-08-06\n---\n"},
     "activities/a.md:1", "add a line “date: …”", False),
    # prose in a comment is no field, and another item's comment is not this one's
    ("prose_comment", {"wishes/w.yaml": W + "status: claimed\n# 认领后填写：claimed_by\nclaimed_on: 2026-10-20\n"},
     "wishes/w.yaml:4", "needs “claimed_by”.", False),
    ("other_items_comment", {"wishes/l.yaml": "- id: a\n  " + W.replace("\n", "\n  ") + "status: open\n"
                             "  # claimed_by: 队\n- id: b\n  " + W.replace("\n", "\n  ")
                             + "status: claimed\n  claimed_on: 2026-10-20\n"},
     "wishes/l.yaml:11", "needs “claimed_by”.", False),
    # break17: the field is there uncommented too, left empty: the commented line is not what to fix
    # (deleting its # would write the field twice)
    ("also_uncommented_empty", {"wishes/w.yaml": W + "status: claimed\n# claimed_by: 志愿队\nclaimed_by:\n"
                                "claimed_on: 2026-10-20\n"},
     "wishes/w.yaml:4", "needs “claimed_by”.", False),
    ("decision_also_uncommented_empty", {"deliberations/d.yaml": L + "status: decided\ndecision:\n# decision: 同意\n"},
     "deliberations/d.yaml:3", "needs a “decision”: write what was decided.", False),
    # break17: a full-width colon in the commented line, as a Chinese input method types it
    ("full_width_colon", {"wishes/w.yaml": W + "status: claimed\n# claimed_by： 志愿队\nclaimed_on: 2026-10-20\n"},
     "wishes/w.yaml:5", "needs “claimed_by”: this line starts with “#”", True),
    # break17: two spaces after the mark, a full-width space (not found before). A full-width mark
    # (`＃ claimed_by:`) is no comment but read as part of the name: tests/validate/test_marked_fields.py
    ("two_spaces_after_the_mark", {"wishes/w.yaml": W + "status: claimed\n#  claimed_by: 志愿队\nclaimed_on: 2026-10-20\n"},
     "wishes/w.yaml:5", "needs “claimed_by”: this line starts with “#”", True),
    # break19c: a `# key:` line indented past the record's keys is nested, or a line of a multi-line text:
    # no comment to uncomment (it was told to delete the “#”)
    ("in_a_block_text", {"deliberations/d.yaml": L + "status: decided\nsummary: |\n  会上讨论了方案。\n  # decision: 同意\n"},
     "deliberations/d.yaml:3", "needs a “decision”: write what was decided.", False),
    ("in_a_block_text_markdown", {"deliberations/d.md": "---\n" + L + "status: decided\nsummary: |\n  会上讨论了\n"
                                  "  # decision: 同意\n---\n正文\n"},
     "deliberations/d.md:4", "needs a “decision”: write what was decided.", False),
    ("in_a_plain_text_line", {"deliberations/d.yaml": L + "status: decided\nsummary: 会上讨论了\n  # decision: 同意\n"},
     "deliberations/d.yaml:3", "needs a “decision”: write what was decided.", False),
    ("nested_under_a_mapping", {"deliberations/d.yaml": L + "status: decided\nmeeting:\n  date: 2020-04-08\n"
                                "  # decision: 同意\n"},
     "deliberations/d.yaml:3", "needs a “decision”: write what was decided.", False),
    ("nested_in_a_list_item", {"wishes/l.yaml": "- id: a\n  " + W.replace("\n", "\n  ") + "status: claimed\n"
                               "  claimed_on: 2026-10-20\n  note: >\n    说明\n    # claimed_by: 队\n"},
     "wishes/l.yaml:5", "needs “claimed_by”.", False),
    ("a_tab_after_the_mark_in_a_second_item", {"wishes/l.yaml": "- id: a\n  " + W.replace("\n", "\n  ")
                                               + "status: open\n- id: b\n  " + W.replace("\n", "\n  ")
                                               + "status: claimed\n  #\tclaimed_by: 队\n  claimed_on: 2026-10-20\n"},
     "wishes/l.yaml:11", "needs “claimed_by”: this line starts with “#”", True),
    ("a_full_width_space", {"deliberations/d.yaml": L + "status: decided\n#\u3000decision: 同意\n"},
     "deliberations/d.yaml:4", "needs a “decision”: this line starts with “#”", True),
]


@pytest.mark.parametrize(("case", "files", "where", "words", "commented"), CASES, ids=[c[0] for c in CASES])
def test_a_field_left_commented_is_told_to_uncomment(make_site: MakeSite, case: str, files: dict[str, str],
                                                    where: str, words: str, commented: bool) -> None:
    content = make_site(files)
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    lines = [line for line in error_lines(result) if line.startswith(where + ":")]
    assert any(words in line for line in lines), error_lines(result)
    assert any("“#”" in line for line in error_lines(result)) == commented, error_lines(result)
