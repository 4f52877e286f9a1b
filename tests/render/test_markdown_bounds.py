"""Pathological bodies are refused or rendered fast (issue 12 §5): no body may make the parser crawl.

The issue's three examples took 33–98 s. Each case here must finish well under a second on a quiet
machine; the bound asserted (2 s) leaves room for a slow CI box. Time is the process's CPU time: on
a box shared by many jobs wall time measures the neighbours (one run here saw 0.07 s of CPU take
0.65 s on the clock).
"""

from __future__ import annotations

import time
from pathlib import PurePosixPath

import pytest

from sitegen.load.records import RawRecord
from sitegen.render.markdown import render_markdown
from sitegen.validate.body import MAX_LINES, body_limits
from tests.conftest import MakeSite, error_lines, run

BOUND = 2.0  # seconds

# (name, one unit of the pattern): each is repeated to the largest body the limits allow
UNITS = [
    ("open_square", "["), ("link_opening", "[a]("), ("image_opening", "!["), ("footnote_opening", "[^"),
    ("footnote_reference", "[^1]"), ("unclosed_title", '[a]("x)'), ("nested_squares", "[[]]"),
    ("link", "[a](b)"), ("emphasis", "*a*"), ("strong", "**a**"), ("backslash", "\\"), ("escaped_square", "\\["),
    ("entity", "&amp;"), ("angle", "<a"), ("code_span", "`a`"), ("code_then_square", "`["), ("quote_marks", ">"),
    ("short_line", "a\n"), ("paragraph", "a\n\n"), ("item", "- a\n"), ("topic_line", "#a\n"), ("indent", "  - a\n"),
    ("table_row", "|1|2|\n"), ("chinese", "中"), ("autolink", "<http://a.b>"),
]


def _record(body: str) -> RawRecord:
    return RawRecord(kind="activities", path=PurePosixPath("activities/a.md"), line=1, fields={}, lines={},
                     stem="a", body=body, body_line=5)


def _largest_allowed(unit: str) -> str:
    """The longest repetition of `unit` that body_limits lets through (doubling, then bisection)."""
    low, high = 1, 2
    while not body_limits(_record(unit * high)):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if not body_limits(_record(unit * middle)) else (low, middle)
    return unit * low


@pytest.mark.parametrize(("name", "unit"), UNITS, ids=[u[0] for u in UNITS])
def test_largest_allowed_body_renders_fast(name: str, unit: str) -> None:
    body = _largest_allowed(unit)
    if unit.startswith("[a]") or unit == "[":
        body += "\n\n[^1]: x"
    started = time.process_time()
    render_markdown.__wrapped__(body)  # never the remembered HTML of an earlier call
    assert time.process_time() - started < BOUND, f"{name}: {len(body)} characters"


ISSUE_EXAMPLES = [
    ("square_x20000", "[" * 20_000),
    ("link_opening_x10000", "[a](" * 10_000),
    ("footnote_reference_x5000", "[^1]" * 5_000 + "\n\n[^1]: x"),
]


@pytest.mark.parametrize(("name", "body"), ISSUE_EXAMPLES, ids=[e[0] for e in ISSUE_EXAMPLES])
def test_issue_examples_are_refused_fast_and_render_fast(make_site: MakeSite, name: str, body: str) -> None:
    """`check` names the line (too much markup); the renderer alone is fast on them too."""
    content = make_site({"activities/a.md": "---\ntitle: 括号\ndate: 2024-05-01\n---\n" + body + "\n"})
    started = time.process_time()
    result = run("check", "--content", str(content))
    assert time.process_time() - started < BOUND
    assert result.exit_code == 1
    assert [x for x in error_lines(result) if x.startswith("activities/a.md")] == [
        next(x for x in error_lines(result) if x.startswith("activities/a.md:5: ") and "Markdown marks" in x)]
    started = time.process_time()
    html = str(render_markdown(body))
    assert time.process_time() - started < BOUND
    if name.startswith("square"):
        assert html.count("[") == 20_000  # shown as typed


def test_hundred_thousand_lines_are_refused_at_their_line(make_site: MakeSite) -> None:
    body = "\n".join(f"第{i}行" for i in range(100_000))
    content = make_site({"activities/a.md": "---\ntitle: 长文\ndate: 2024-05-01\n---\n" + body + "\n"})
    started = time.process_time()
    result = run("check", "--content", str(content))
    assert time.process_time() - started < BOUND
    assert result.exit_code == 1
    lines = error_lines(result)
    assert any(line.startswith(f"activities/a.md:{5 + MAX_LINES}: ") and "100000 lines" in line for line in lines), lines
    zh = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert "正文太长" in zh.stderr


LIMIT_CASES = [
    ("too_many_characters", "中" * 100_001, 5, "characters", "字符"),
    ("too_dense", "前言\n\n" + "*a*" * 10_000, 7, "Markdown marks", "Markdown 符号"),
    ("too_many_lines_after_text", "开头\n" + "a\n\n" * 3_000, 5 + MAX_LINES, "lines", "行"),
]


@pytest.mark.parametrize(("name", "body", "line", "word_en", "word_zh"), LIMIT_CASES, ids=[c[0] for c in LIMIT_CASES])
def test_body_limits_name_their_line(make_site: MakeSite, name: str, body: str, line: int, word_en: str,
                                     word_zh: str) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 长文\ndate: 2024-05-01\n---\n" + body})
    en = run("check", "--content", str(content))
    assert en.exit_code == 1
    assert any(x.startswith(f"activities/a.md:{line}: ") and word_en in x for x in error_lines(en)), en.stderr
    zh = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert word_zh in zh.stderr


def test_a_long_article_pasted_from_word_is_not_refused() -> None:
    """21,000 characters as 400 lines of one paragraph, 800 bold phrases: heavy but real, and fast."""
    article = "\n".join("这是从Word粘贴来的一段文字，**重点**在这里。" * 2 for _ in range(400))
    assert body_limits(_record(article)) == []
    started = time.process_time()
    assert str(render_markdown(article)).count("<strong>") == 800
    assert time.process_time() - started < BOUND


def test_a_body_past_the_limits_renders_as_plain_text_for_callers_that_skip_check() -> None:
    body = "\n".join(f"第{i}行 <b>*x*</b>" for i in range(100_000))
    started = time.process_time()
    html = str(render_markdown(body))
    assert time.process_time() - started < BOUND
    assert html.startswith("<p>第0行 &lt;b&gt;*x*&lt;/b&gt;<br>") and "<b>" not in html
