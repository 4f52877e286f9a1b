"""YAML is loaded safely: no implicit typing, no aliases, no deep nesting, a line for everything."""

from __future__ import annotations

import time
from pathlib import PurePosixPath

import pytest

from sitegen.load.yamlfile import parse_yaml

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


@pytest.mark.parametrize("depth", [40, 200_000])
def test_deep_nesting_is_refused_not_crashed(depth: int) -> None:
    _, problems = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert [key for _, key in problems] == ["yaml.too_deep"]


@pytest.mark.parametrize("text", ["a: !!python/object/apply:os.system ['echo hi']\n", "a: !!int 3\n", "a: !custom x\n"])
def test_tags_are_refused(text: str) -> None:
    _, problems = parse(text)
    assert [key for _, key in problems] == ["yaml.tag"]


def test_syntax_error_names_the_line() -> None:
    _, problems = parse("title: ok\nplace: [unclosed\nnext: 1\n", first_line=2)
    assert problems and problems[0][1] == "yaml.syntax" and problems[0][0] in (3, 4, 5)


def test_tab_indentation_error_has_a_line() -> None:
    _, problems = parse("title: ok\nmeeting:\n\tdate: 2024-01-01\n")
    assert problems[0] == (3, "yaml.syntax")
