"""YAML is loaded safely: no implicit typing, no aliases, no deep nesting, a line for everything."""

from __future__ import annotations

import time
from pathlib import PurePosixPath

import pytest

from sitegen.load.yamlfile import parse_yaml
from tests.conftest import MakeSite, error_lines, run

P = PurePosixPath("wishes/x.yaml")


def parse(text: str, first_line: int = 1) -> tuple[object, list[tuple[int | None, str]]]:
    located, problems = parse_yaml(text, P, first_line)
    return (located.data if located else None), [(p.line, p.key) for p in problems]


def test_yaml_1_1_guesses_do_not_bite() -> None:
    data, problems = parse("time: 12:30\nzip: 0571\nanswer: no\nphone: 13812345678\nday: 2024-13-10\nmoney: 1e3\n")
    assert problems == []
    assert data == {"time": "12:30", "zip": "0571", "answer": "no", "phone": "13812345678",
                    "day": "2024-13-10", "money": "1e3"}


def test_null_stays_null() -> None:
    data, _ = parse("a:\nb: ~\nc: null\n")
    assert data == {"a": None, "b": None, "c": None}


def test_lines_of_nested_keys_counted_from_first_line() -> None:
    located, _ = parse_yaml("title: x\nmeeting:\n  date: 2024-01-01\ntimeline:\n  - date: 2024-01-02\n    note: n\n", P, 2)
    assert located is not None
    assert located.lines[("title",)] == 2
    assert located.lines[("meeting", "date")] == 4
    assert located.lines[("timeline", 0, "note")] == 7


def test_duplicate_key_is_an_error_on_the_second_line() -> None:
    _, problems = parse("title: a\nplace: b\ntitle: c\n")
    assert problems == [(3, "yaml.duplicate_key")]


def test_alias_bomb_is_refused_quickly_with_its_line() -> None:
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        levels.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(levels) + "\n"
    assert len(bomb) < 400
    started = time.perf_counter()
    data, problems = parse(bomb)
    assert time.perf_counter() - started < 1.0
    assert data is None and problems == [(1, "yaml.alias")]


def test_a_lone_anchor_is_refused_too() -> None:
    _, problems = parse("title: x\nplace: &p 福桂苑\nother: *p\n")
    assert problems == [(2, "yaml.alias")]


def test_star_in_quoted_text_is_fine() -> None:
    data, problems = parse('wisher_alias: "王**"\n')
    assert problems == [] and data == {"wisher_alias": "王**"}


@pytest.mark.parametrize("depth", [40, 1000, 200_000])
def test_deep_nesting_is_refused_not_crashed(depth: int) -> None:
    """PyYAML 6.0.3 composes 1000 levels and we refuse them; 6.0.4's libyaml stops at its own limit first."""
    _, problems = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert problems == [(1, "yaml.too_deep")]


@pytest.mark.parametrize("depth", [40, 2000])
def test_deep_block_nesting_is_refused_at_a_line_of_the_file(depth: int) -> None:
    text = "".join(" " * level + "a:\n" for level in range(depth))
    _, problems = parse(text, first_line=2)
    assert [key for _, key in problems] == ["yaml.too_deep"]
    assert 2 <= problems[0][0] <= depth + 1  # never past the end of the file


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_deep_nesting_message_is_ours_and_exits_1(make_site: MakeSite, language: str) -> None:
    content = make_site({"activities/a.md": "---\ntitle: x\ndate: 2019-08-06\nplace: " + "[" * 5000 + "]" * 5000 + "\n---\n"})
    result = run("--lang", language, "check", "--content", str(content))
    assert result.exit_code == 1
    first = error_lines(result)[0]
    assert first.startswith("activities/a.md:4: ")
    assert {"zh-Hans": "嵌套超过 32 层", "zh-Hant": "嵌套超過 32 層", "en": "nested more than 32 levels"}[language] in first
    assert "nesting depth" not in result.stderr


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system ['echo hi']\n", "a: !!int 3\n", "a: !custom x\n"])
def test_tags_are_refused(text: str) -> None:
    _, problems = parse(text)
    assert [key for _, key in problems] == ["yaml.tag"]


def test_syntax_error_names_the_line() -> None:
    _, problems = parse("title: ok\nplace: [unclosed\nnext: 1\n", first_line=2)
    assert problems == [(3, "yaml.unclosed_bracket")]  # where the bracket opens


def test_tab_indentation_error_has_a_line() -> None:
    _, problems = parse("title: ok\nmeeting:\n\tdate: 2024-01-01\n")
    assert problems == [(3, "slip.indent_tab")]


@pytest.mark.parametrize("text", ["title: ok\nplace: 福桂苑\nnext: [a\n\n\n", "title: ok\nplace: 福桂苑\nnext: {a: 1", "title: ok\nplace: 福桂苑\nnext\n\n",
                                  "title: ok\nplace: 福桂苑\nnext: 'x\n", "title: ok\nplace: 福桂苑\n\u3000\n\n"])
def test_a_problem_is_never_past_the_last_line(text: str) -> None:
    _, problems = parse(text, first_line=2)
    assert problems and all(2 <= (line or 0) <= 4 for line, _ in problems), problems
