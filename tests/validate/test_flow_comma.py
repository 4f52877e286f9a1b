"""A number with a thousands comma inside a YAML flow mapping (`votes: {for: 1,200, against: 3}`, the
deliberation template's form) is an error at its line, not a count of 1 published with an unknown
field's warning (break17: the site showed 1 vote for)."""

from __future__ import annotations

import pytest

from tests.conftest import MakeSite, error_lines, run

L = "title: 广场舞噪音\nraised_on: 2020-04-07\nstatus: decided\ndecision: 同意\n"

CASES = [
    ("votes", L + "votes: {for: 1,200, against: 3, abstain: 0}\n", "deliberations/l.yaml:5", "“votes.for”"),
    ("attendees", L + "meeting: {date: 2020-04-08, attendees: 1,050}\n", "deliberations/l.yaml:5", "“meeting.attendees”"),
    ("millions", L + "votes: {for: 1,200,000, against: 3}\n", "deliberations/l.yaml:5", "only 1 is read"),
]
TAKEN = [
    ("no_comma", L + "votes: {for: 1200, against: 3}\n"),
    ("block", L + "votes:\n  for: 1200\n  against: 3\n"),
]


@pytest.mark.parametrize(("case", "text", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_comma_in_a_number_in_braces_is_an_error(make_site: MakeSite, case: str, text: str, where: str,
                                                    words: str) -> None:
    result = run("check", "--content", str(make_site({"deliberations/l.yaml": text})))
    assert result.exit_code == 1
    assert any(line.startswith(where + ": ") and words in line and "warning" not in line
               for line in error_lines(result)), error_lines(result)


@pytest.mark.parametrize(("case", "text"), TAKEN, ids=[c[0] for c in TAKEN])
def test_a_number_without_a_comma_is_taken(make_site: MakeSite, case: str, text: str) -> None:
    result = run("check", "--content", str(make_site({"deliberations/l.yaml": text})))
    assert result.exit_code == 0, result.output
