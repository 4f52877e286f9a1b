"""model/names.py: which fields hold one person's name (kept as typed in every script), and the markers."""

from __future__ import annotations

import pytest

from sitegen.model.names import NAME_CLOSE, NAME_OPEN, Name, NamedText, person_or_group, unmark

CASES = [  # typed → a Name (a person, kept as typed) or plain text (converted like any other)
    ("于海", True),
    ("欧阳娜娜", True),
    ("俞**", True),  # a masked wisher is still one person
    ("范阿姨", True),
    ("福桂苑党支部", False),
    ("社区居委会", False),
    ("楼栋长", False),
    ("居民代表", False),
    ("张建国（9栋党小组长）", False),
    ("青年志愿者协会", False),
    ("于", False),  # one character: not a name on its own
    ("司马相如光", True),  # five characters: the longest a name may be
    ("司马相如光明", False),  # six: longer than a name
    ("Li Lei", False),
]


@pytest.mark.parametrize(("who", "person"), CASES)
def test_person_or_group(who: str, person: bool) -> None:
    found = person_or_group(who)
    assert found == who and isinstance(found, Name) is person


def test_no_one_is_no_one() -> None:
    assert person_or_group(None) is None


HTML_CASES = [  # a template prints → the markup, markers around names only, each part escaped
    (Name("于海"), f"{NAME_OPEN}于海{NAME_CLOSE}"),
    (Name("<b>"), f"{NAME_OPEN}&lt;b&gt;{NAME_CLOSE}"),
    (NamedText(Name("于海"), " · ", "楼栋长"), f"{NAME_OPEN}于海{NAME_CLOSE} · 楼栋长"),
    (NamedText(Name("于海"), " & ", "<i>"), f"{NAME_OPEN}于海{NAME_CLOSE} &amp; &lt;i&gt;"),
]


@pytest.mark.parametrize(("value", "html"), HTML_CASES, ids=[str(v) for v, _ in HTML_CASES])  # the markers hold a per-process nonce: not in ids
def test_html_marks_names(value: Name | NamedText, html: str) -> None:
    assert str(value.__html__()) == html
    assert unmark(str(value.__html__())) == unmark(html)


def test_a_name_sliced_is_still_a_name() -> None:
    assert isinstance(Name("于海")[0], Name) and Name("于海")[0] == "于"
