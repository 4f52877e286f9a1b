"""The check's prefilter for hidden numbers (validate/numberless.py) never hides one: every run of
digits the full reading (phones.numbers_as_published) shows is among the digits it sees."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.options import Options
from sitegen.validate import numberless
from sitegen.validate.disguise import COUNTED_DIGITS
from sitegen.validate.numberless import digits_seen
from sitegen.validate.phones import numbers_as_published
from tests.conftest import MakeSite

# (case, text) → what the prefilter sees: the stretches' digits, or None (the full reading decides)
SEEN = [
    ("dates apart", "2024-06-01 至 2024-06-03", "20240601x20240603"),
    ("date and time", "2025-12-27 09:30", "202512270930"),
    ("numerals alone", "七夕两委", "7x2"),
    ("numerals mixed with digits", "电话 138零五五一5678", "13805515678"),
    ("receipt capitals", "壹叁捌零伍伍壹伍陆柒捌", "13805515678"),
    ("O and o as zero", "138O551o678", "13805510678"),
    ("a letter apart", "138a0551a5678", "138x0551x5678"),
    ("markdown marks between", "138**0551**_5678_", "13805515678"),
    ("CJK punctuation between", "138，0551。5678【】", "13805515678"),
    ("full-width punctuation between", "138（0551）5678", "13805515678"),
    ("ideographic space between", "138\u30000551\u30005678", "13805515678"),
    ("no digits", "儿童文明社区，停车中秋慰问。", ""),
    ("full-width digits", "１３８０５５１５６７８", None),
    ("dingbat digits", "❶❸❽", None),
    ("circled number", "㉑", None),
    ("other scripts' digits", "١٣٨", None),
    ("an entity", "&#49;3805515678", None),
    ("a tag", "138<b>0551</b>5678", None),
    ("a link target", "[138](0551)5678", None),
    ("full-width ampersand", "138＆0551", None),
    ("zero-width space", "138\u200b0551", None),
    ("an emoji", "谢谢🎉", None),
    ("a fence's info string (not shown)", "139\n```abc\n56781234\n```", None),
    ("a tilde fence's info string", "139\n~~~abc\n56781234\n~~~", None),
    ("an ordered list's number (not shown)", "139\n\n1. 56781234", "139156781234x13956781234"),
    ("a quoted list's number", "139\n> 2) 56781234", "139256781234x13956781234"),
    ("a list's number as typed on a phone", "139\n2、5678 1234", "139256781234x13956781234"),
]


@pytest.mark.parametrize(("text", "seen"), [c[1:] for c in SEEN], ids=[c[0] for c in SEEN])
def test_what_the_prefilter_sees(text: str, seen: str | None) -> None:
    assert digits_seen(text) == seen
    if seen is not None:
        assert all(run in seen for run in re.findall("[0-9]+", numbers_as_published(text)))


def _counted(text: str) -> bool:
    return any(c in COUNTED_DIGITS or unicodedata.category(c).startswith("N") for c in text)


def test_no_inert_or_breaking_character_reads_as_a_digit() -> None:
    """The classes as the module docstring proves with them, over every code point they hold."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if numberless._UNKNOWN.fullmatch(c) or c in COUNTED_DIGITS:
            continue
        assert not _counted(unicodedata.normalize("NFKC", c)), hex(code)
        if numberless._INERT_ONE.fullmatch(c):
            assert code in numberless._SEEN and numberless._SEEN[code] is None, hex(code)
        else:  # a breaker: a word character the reading keeps as it is
            assert re.fullmatch(r"\w", c) and unicodedata.normalize("NFKC", c) == c, hex(code)
            assert unicodedata.category(c) not in ("Cf", "Mn", "Mc", "Me"), hex(code)
            assert code not in numberless._SEEN, hex(code)


ALPHABET = "0123456789Oo一三八零五两七壹捌幺〇 -.,:*_[()（）【】，。、·\u3000\n|a夕委电话x"


@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_every_number_read_is_among_the_digits_seen(text: str) -> None:
    seen = digits_seen(text)
    assert seen is not None
    assert all(run in seen for run in re.findall("[0-9]+", numbers_as_published(text)))


ZHANG = "name: 张建国\nrole: 楼栋长\nphone: 13956781234\nshow_phone: masked\n"
A = "---\ntitle: 七夕\ndate: 2019-08-06 09:30\n---\n正文\n{body}\n"

# (case, body line of an activity) → refused at activities/a.md:6, or None: passes
CHECKS = [
    ("exactly the number", "报名 13956781234", "activities/a.md:6"),
    ("one digit short", "报名 1395678123", None),
    ("one digit short, numerals", "报名 一三九五六七八一二三", None),
    ("numerals mixed with digits", "报名 139五六七八1234", "activities/a.md:6"),
    ("full-width digits", "报名 １３９５６７８１２３４", "activities/a.md:6"),
    ("dingbat digits", "报名 ❶❸❾❺❻❼❽❶❷❸❹", "activities/a.md:6"),
    ("split by a tag", "报名 139<b>5678</b>1234", "activities/a.md:6"),
    ("an entity", "报名 &#49;3956781234", "activities/a.md:6"),
    ("split by a letter", "报名 139a5678a1234", None),
    ("dates and numerals only", "2019-08-06 至 2019-08-07，七夕两委", None),
]


@pytest.mark.parametrize(("body", "where"), [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS])
def test_a_hidden_number_at_the_threshold_is_refused_at_its_line(make_site: MakeSite, body: str,
                                                                  where: str | None) -> None:
    content = make_site({"disclosures/zhang.yaml": ZHANG, "activities/a.md": A.format(body=body)})
    try:
        pipeline.check(content, Options())
        found = []
    except ContentInvalid as e:
        found = [f"{p.path}:{p.line}" for p in e.problems if p.key == "privacy.hidden_phone"]
    assert found == ([where] if where else [])
