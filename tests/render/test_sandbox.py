"""The sandbox's remembered answers are Jinja's answers (sitegen/render/sandbox.py)."""

from __future__ import annotations

import types
from collections import deque

import jinja2
import jinja2.sandbox
import pytest

from sitegen.render.sandbox import Sandbox


def _function() -> None:
    pass


class _Record:
    title = "标题"

    def url(self) -> str:
        return "/a/"


# (an object, an attribute a template might read): safe and unsafe pairs of the same types side by side
PAIRS = [
    ({}, "get"), ({}, "items"), ({}, "update"), ({}, "clear"), ({}, "__class__"),
    ([], "index"), ([], "append"), ([], "pop"), (deque(), "append"), (set(), "add"), (set(), "union"),
    ("文字", "upper"), ("文字", "format"), ("文字", "__class__"), ("文字", "_private"),
    (_function, "__globals__"), (_function, "__name__"), (_function, "__code__"),
    (_Record().url, "__func__"), (_Record().url, "__self__"),
    (_Record(), "title"), (_Record(), "url"), (_Record(), "_hidden"), (_Record(), "__init__"),
    (str, "mro"), (str, "upper"), ((x for x in ()), "gi_frame"), ((x for x in ()), "send"),
    (types.SimpleNamespace(a=1), "a"), (types.SimpleNamespace(a=1), "__dict__"),
]


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_every_answer_is_jinjas_whatever_was_asked_before(order: str) -> None:
    jinja = jinja2.sandbox.ImmutableSandboxedEnvironment()
    ours = Sandbox()
    pairs = PAIRS if order == "as listed" else PAIRS[::-1]
    for _ in range(2):  # the second round answers from the memo
        for obj, attr in pairs:
            value = getattr(obj, attr, None)
            assert ours.is_safe_attribute(obj, attr, value) == jinja.is_safe_attribute(obj, attr, value), (obj, attr)
    assert any(not jinja.is_safe_attribute(o, a, None) for o, a in PAIRS)  # the table holds refusals


@pytest.mark.parametrize("unsafe", [
    "{{ t.update({'a': 'b'}) }}", "{{ t.clear() }}", "{{ t.__class__ }}", "{{ r.__init__.__globals__ }}",
    "{{ r.url.__func__ }}",
])
def test_a_refusal_holds_after_safe_reads_of_the_same_type(unsafe: str) -> None:
    env = Sandbox(undefined=jinja2.StrictUndefined)
    values = {"t": {"a": "一"}, "r": _Record()}
    assert env.from_string("{{ t.get('a') }}{{ t.items() | list | length }}{{ r.title }}{{ r.url() }}").render(values) == "一1标题/a/"
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string(unsafe).render(values)
