"""A fingerprint covers every part of what a page shows: each kind of value by the rule of its type
(pipeline/fingerprint.py), and two values differing anywhere differ in their fingerprint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import PurePosixPath

import pytest

from sitegen.model.records import Page, SourceRef
from sitegen.pipeline.fingerprint import Fingerprinter


class Name(str):
    """A str subclass: digested as a str."""


class Colour(Enum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    label: str
    count: int


@dataclass(frozen=True)
class Outer:
    inner: Inner
    items: tuple[object, ...]
    extra: dict[str, object]


# value → the text it is digested as
PARTS: list[tuple[object, str]] = [
    ("绿化", "'绿化'"),
    (Name("绿化"), "'绿化'"),
    (3, "3"),
    (True, "True"),
    (1.5, "1.5"),
    (None, "None"),
    (date(2026, 11, 30), "datetime.date(2026, 11, 30)"),
    (datetime(2026, 11, 30, 4, 5), "datetime.datetime(2026, 11, 30, 4, 5)"),
    (PurePosixPath("media/a.jpg"), "PurePosixPath('media/a.jpg')"),
    (["a", 1], "['a'\x1e1]"),
    (("a", ("b",)), "['a'\x1e['b']]"),
    ({"b": 2, "a": [1]}, "{'a':[1]\x1e'b':2}"),
    ({"b", "a"}, "['a'\x1e'b']"),
    (frozenset({2, 1}), "[1\x1e2]"),
    (Inner("x", 2), "Inner('x'\x1e2)"),
    (Colour.RED, "<Colour.RED: 'red'>"),
    (Outer(Inner("x", 2), (None, Inner("y", 3)), {"k": "v"}), "Outer(Inner('x'\x1e2)\x1e[None\x1eInner('y'\x1e3)]\x1e{'k':'v'})"),
]


@pytest.mark.parametrize(("value", "text"), PARTS, ids=[type(v).__name__ for v, _ in PARTS])
def test_each_kind_of_value_is_digested_by_its_rule(value: object, text: str) -> None:
    assert Fingerprinter({})._part(value) == text


def _page(slug: str) -> Page:
    return Page(kind="pages", slug=slug, title="关于", source=SourceRef(PurePosixPath(f"pages/{slug}.md"), 1),
                digest="same-text", day=date(2026, 11, 30), updated=datetime(2026, 11, 30, tzinfo=UTC))


# two values a page could show, differing in one place → their fingerprints differ
DIFFERENT = [
    (Outer(Inner("x", 2), (), {}), Outer(Inner("x", 3), (), {})),
    (Outer(Inner("x", 2), (1,), {}), Outer(Inner("x", 2), (True,), {})),
    (Outer(Inner("x", 2), (), {"k": "v"}), Outer(Inner("x", 2), (), {"k": "w"})),
    (["a\x1e'b'"], ["a", "b"]),
    ({1: "x"}, {"1": "x"}),
    ([Inner("a" * 80, 1)], [Inner("a" * 80, 2)]),  # long parts are hashed: still told apart
    ([_page("about")], [_page("guanyu")]),  # a record file renamed: same text (digest), a new address
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_values_differing_anywhere_differ_in_fingerprint(one: object, other: object) -> None:
    printer = Fingerprinter({})
    assert printer.of(one) != printer.of(other)
    assert Fingerprinter({}).of(one) == printer.of(one)  # and the memo changes nothing
