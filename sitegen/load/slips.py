"""Typing slips in YAML, named at their own line: look-alike and invisible characters a worker cannot see.

Chinese input methods, WPS and text pasted from WeChat or web pages put full-width colons (：),
full-width spaces (U+3000), tabs, non-breaking spaces, em dashes and stray BOMs where YAML wants
`key: value`, spaces and `- `. PyYAML then reports the next line it cannot read, in English, or
silently reads the wrong structure. This module reads the lines first and says which character
is wrong and what to type instead; `syntax_problem` puts PyYAML's own errors into our words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

import yaml

from sitegen.errors import Problem

# Characters that look like (or hide as) blanks: a YAML indentation may hold ASCII spaces only.
INVISIBLE: Final = frozenset("\ufeff\u200b\u200c\u200d\u2060\u180e")
ODD_SPACES: Final = frozenset("\t\u00a0\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                              "\u2009\u200a\u202f\u205f") | INVISIBLE
# Look-alikes of the list dash `-`: full-width hyphen, em/en dash, minus sign, hyphens, small hyphen.
DASHES: Final = frozenset("－—–−‐‑﹣⁃")
COLONS: Final = frozenset("：﹕∶")
_KEY: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_]*|[\u3400-\u9fff]{1,8})")
_BLOCK_SCALAR: Final = re.compile(r"[|>][-+0-9]*\s*(#.*)?$")
# Blanks YAML does not take for blanks: before a `#` they make it no comment (`　# claimed_by: 志愿队`).
_NOT_BLANK: Final = "".join(sorted(ODD_SPACES - {"\t"}))
# A field name behind a mark YAML reads as part of the name, not as a comment: a full-width or small
# number sign (`＃ claimed_by:`, as a Chinese input method types #), or a `#` after a full-width or
# invisible blank. YAML reads the line as a key `＃ claimed_by` (validate/marked.py says so), or, with
# a colon it does not take, refuses it (`_unmarked`). A tab before the `#` is YAML's error instead.
# MARK finds it before a key YAML read, _MARKED_LINE before a line's field name and its colon.
MARK: Final = re.compile(rf"(?:[{_NOT_BLANK}]+#|[{_NOT_BLANK}]*[＃﹟♯])[#＃﹟♯ \t{_NOT_BLANK}]*(?=[A-Za-z_])")
_MARKED_LINE: Final = re.compile(MARK.pattern + r"(?=[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：﹕∶])")


def code_of(char: str) -> str:
    """U+3000 style, for messages: the worker can search for it in any editor."""
    return f"U+{ord(char):04X}"


@dataclass(slots=True)
class _Context:
    """Where the scan is: lines deeper than `indent` continue a value (text), not the structure."""

    indent: int = -1
    value_open: bool = False  # the last structural line had its value on it (text may continue)
    block: bool = False  # the last structural line opened a | or > block


def indent_problem(path: PurePosixPath, line: int, char: str) -> Problem:
    """A line started by `char`, a blank YAML does not take for one (a tab, U+3000, an invisible one)."""
    if char == "\t":
        return Problem(path, line, "slip.indent_tab")
    if char == "\u3000":
        return Problem(path, line, "slip.indent_fullwidth")
    if char in INVISIBLE:
        return Problem(path, line, "slip.invisible", {"code": code_of(char)})
    return Problem(path, line, "slip.indent_space", {"code": code_of(char)})


def find_slips(text: str, path: PurePosixPath, first_line: int = 1) -> list[Problem]:
    """Every look-alike or invisible character where YAML expects its own, one problem per line."""
    return list(_scan(text, path, first_line))


def _scan(text: str, path: PurePosixPath, first_line: int) -> Iterator[Problem]:
    context = _Context()
    for number, line in enumerate(text.split("\n")):
        at = first_line + number
        spaces = len(line) - len(line.lstrip(" "))
        rest = line[spaces:]
        if not rest.strip(" \t"):
            continue
        if spaces > context.indent and (context.value_open or context.block):
            continue  # text of the value above: any character is the worker's to write
        odd = next((ch for ch in rest if ch not in ODD_SPACES), "")
        lead = rest[: rest.index(odd)] if odd else rest
        if not odd:  # a blank line holding full-width or invisible blanks
            if any(ch != "\t" for ch in lead):
                yield indent_problem(path, at, next(ch for ch in lead if ch != "\t"))
            continue
        if lead and ("\t" in lead or _MARKED_LINE.match(rest) is None):
            yield indent_problem(path, at, lead[0])
            continue
        if rest.startswith("#") or rest.rstrip() in ("---", "..."):
            continue
        problem = _structure_slip(rest, path, at, spaces, context)
        if problem is not None:
            yield problem


def _structure_slip(rest: str, path: PurePosixPath, at: int, spaces: int, context: _Context) -> Problem | None:
    """Look at one structural line (`key: value` or `- item`) and remember what follows it."""
    if rest[0] in DASHES:
        if all(ch in DASHES or ch in "-" for ch in rest.rstrip()):
            return Problem(path, at, "slip.separator", {"typed": rest.rstrip(), "code": code_of(rest[0])})
        return Problem(path, at, "slip.dash", {"dash": rest[0], "code": code_of(rest[0])})
    indent, item = spaces, False
    while rest.startswith("- ") or rest == "-":
        rest = rest[2:].lstrip(" ")
        indent, item = indent + 2, True
    # a ＃ line where a sibling key would stand: no list item, nor deeper than the key above (a value's text there)
    rest, marked = _unmarked(rest, path, at, not item and spaces <= max(context.indent, 0))
    if marked is not None:
        return marked
    key = _KEY.match(rest)
    after = rest[key.end():] if key else ""
    if key is not None and after.lstrip(" ")[:1] in COLONS and not (item and not key.group(1).isascii()):
        colon = after.lstrip(" ")[0]
        value = after.lstrip(" ")[1:].strip()
        return Problem(path, at, "slip.colon_fullwidth", {"key": key.group(1), "colon": colon,
                                                           "value": value[:40]})
    if key is not None and after.startswith(":") and len(after) > 1 and after[1] != " " and key.group(1).isascii():
        nxt = after[1]
        if nxt in ODD_SPACES and nxt != "\t":
            return Problem(path, at, "slip.space_after_colon", {"key": key.group(1), "code": code_of(nxt)})
        if nxt not in "/:\t" and not item:  # `- mailto:x` may be an item's text
            return Problem(path, at, "slip.colon_no_space", {"key": key.group(1), "value": after[1:41].strip()})
    if key is not None and after.startswith(":"):
        value = after[1:].strip()
        context.indent = indent
        context.block = bool(_BLOCK_SCALAR.match(value))
        context.value_open = bool(value) and not value.startswith("#") and not context.block
    else:
        context.indent, context.block, context.value_open = indent, False, True
    return None


_BLANKS: Final = " \t" + _NOT_BLANK
_NUMBER_SIGNS: Final = "＃﹟♯"  # what a Chinese input method (or a font) gives for #: no YAML comment mark
# What stands between a field name and its value when it is not a plain colon and a blank.
_ODD_COLON: Final = re.compile(rf"[ \t]*(?:[：﹕∶][ \t{_NOT_BLANK}]*|:(?=[^ \t])[{_NOT_BLANK}]*)")


def _unmarked(rest: str, path: PurePosixPath, at: int, keyed: bool = True) -> tuple[str, Problem | None]:
    """A structural line's text from its field name on, past a mark YAML reads as part of the name
    (`＃ claimed_by: 志愿队`: a key, told in validate/marked.py), and the problem when the colon after the
    name is one YAML does not take either (a full-width one, none, or a full-width blank after a plain
    one: `＃ claimed_by：志愿队`, refused, said once at the line). `keyed`: the line stands where a key of the
    mapping above would (not a list's item, nor deeper than that key), so a ＃ there that starts no field is
    a would-be comment (`＃ 认领后填写：`); an item `- ＃邻里节` or a value's text `  ＃感谢…` is content (break20b)."""
    mark = _MARKED_LINE.match(rest)
    if mark is None and keyed and rest and rest[0] in _NUMBER_SIGNS and ": " not in rest and not rest.rstrip().endswith(":"):
        # `＃ 认领后填写：`, the templates' comment typed with a Chinese input method: no YAML comment, and
        # no field either; YAML's "expected ':'" told to add a colon, which made it an unknown field (break20)
        return rest, Problem(path, at, "slip.fullwidth_hash", {"mark": rest[0], "text": rest[1:].strip()[:40]})
    if mark is None:
        return rest, None
    rest = rest[mark.end():]
    key = _KEY.match(rest)
    between = _ODD_COLON.match(rest, key.end()) if key is not None else None
    if key is None or between is None:
        return rest, None
    return rest, Problem(path, at, "slip.marked_colon", {
        "key": key.group(), "mark": mark.group().rstrip(_BLANKS), "between": between.group().strip(),
        "value": rest[between.end():].strip()[:40]})


_KINDS: Final = (
    ("mapping values are not allowed", "yaml.value_colon", False),
    ("could not find expected ':'", "yaml.expected_colon", True),  # the line being read as a key
    ("quoted scalar", "yaml.unclosed_quote", True),
    ("flow sequence", "yaml.unclosed_bracket", True),
    ("flow mapping", "yaml.unclosed_bracket", True),
    ("expected key", "yaml.indent", False),
    ("expected '-' indicator", "yaml.indent", False),
    ("violates indentation", "slip.indent_tab", False),
)


def syntax_problem(path: PurePosixPath, first_line: int, line: int,
                   error: yaml.MarkedYAMLError, text: str = "") -> Problem:
    """A PyYAML error in our words; its English goes along only as `detail`, which English texts may show.

    `text` is the parsed YAML (its first line is `first_line`): a line without a colon followed by a
    field at the same indent (`place 滨湖春天` then `category: 生活`) reads to PyYAML as one key over
    two lines, refused at the second line's colon; it is named at the first, as a missing colon.
    """
    said = f"{error.context or ''} {error.problem or ''}"
    detail = " ".join(x for x in (error.context, error.problem) if x)
    marked = error.problem_mark or error.context_mark
    if marked is not None and (value := _indicator_first(text, marked.line)) is not None:
        return Problem(path, first_line + marked.line, "yaml.indicator",
                       {"char": value[0], "value": value, "quoted": yaml_quoted(value), "detail": detail})
    if "mapping values are not allowed" in said and (missing := _colon_missing_above(text, error)) is not None:
        return Problem(path, first_line + missing, "yaml.expected_colon", {"detail": detail})
    for words, key, at_start in _KINDS:
        if words in said:
            if at_start and error.context_mark is not None:
                line = first_line + error.context_mark.line
            return Problem(path, line, key, {"detail": detail})
    return Problem(path, line, "yaml.syntax", {"detail": detail})


def _colon_missing_above(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The 0-based line above the error's line that lacks its colon, when the error's line is a
    `name: value` field and the nearest non-blank line above it, at the same indent, has no colon."""
    mark = error.problem_mark
    if mark is None or not text:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines) or not _FIELD.match(lines[mark.line]):
        return None
    above = next((n for n in range(mark.line - 1, -1, -1) if lines[n].strip()), None)
    if above is None:
        return None
    prior, here = lines[above], lines[mark.line]
    indent = len(here) - len(here.lstrip(" "))
    if len(prior) - len(prior.lstrip(" ")) != indent or ":" in prior or prior.lstrip().startswith(("#", "-")):
        return None
    return above


_FIELD: Final = re.compile(r" *[A-Za-z_][A-Za-z0-9_]*: ")
# A line's value: after `name: ` or `- ` (or both), to the end of the line.
_VALUE: Final = re.compile(r" *(?:- +)?(?:[A-Za-z_\u3400-\u9fff][^:#\n]*: +)?(?P<value>\S.*?) *$")
# What YAML reads as syntax at the start of a plain value: an alias (*), anchor (&), tag (!),
# directive (%), reserved (@ `) or a block scalar (| >) with text on its own line.
_INDICATORS: Final = frozenset("*&!%@`|>")
_CLOSING: Final = {"[": "]", "{": "}"}


def _indicator_first(text: str, index: int) -> str | None:
    """The value on 0-based line `index` of `text` when it starts with a character YAML reads as
    syntax (`@全体居民`, `*重要*`, `[通知]明天停水`: a bracket closed and then more text), else None."""
    lines = text.split("\n")
    if index >= len(lines) or (match := _VALUE.fullmatch(lines[index])) is None:
        return None
    value = match["value"]
    first = value[0]
    if first in _INDICATORS:
        return value
    close = _CLOSING.get(first)
    if close is not None and close in value and value[value.index(close) + 1:].strip():
        return value
    return None


def yaml_quoted(value: str) -> str:
    """`value` in the YAML quotes that keep it as typed: double, or single when it holds a double."""
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def comment_slips(text: str, path: PurePosixPath, first_line: int, loader: type) -> list[Problem]:
    """Text YAML took for a comment after a value: `#` after a space and followed by a character,
    as in a WeChat topic (`title: #邻里节#活动回顾`, `tags: 邻里节 #七夕`), which was silently lost.

    A comment written as the templates write one (`date: 2026-05-01   # 活动日期`, a space after
    `#`) and a line that is wholly a comment are left alone. `text` has been parsed already; its
    tokens (PyYAML's scanner, with `loader`) say where each line's last value ends.
    """
    if "#" not in text:
        return []
    ends: dict[int, int] = {}
    for token in yaml.scan(text, Loader=loader):
        mark = token.end_mark
        if mark is not None and mark.column > ends.get(mark.line, -1):
            ends[mark.line] = mark.column
    problems = []
    for index, line in enumerate(text.split("\n")):
        end = ends.get(index)
        if end is None or end == 0:
            continue
        rest = line[end:]
        after = rest.lstrip(" ")
        if len(after) > 1 and after[0] == "#" and rest[:1] == " " and not after[1].isspace():
            match = _VALUE.fullmatch(line)
            value = match["value"] if match is not None else after
            if value[:1] in _CLOSING:  # a list or mapping on one line: the lost words as an item of their own
                value = after.strip()
            quoted = yaml_quoted(value)
            if line.lstrip().startswith("tags:") and value.startswith("#"):
                # `tags: #邻里节 #七夕`, hashtags: the tags themselves, as a list ("#邻里节" would be a new tag)
                quoted = "[" + ", ".join(t for t in re.split(r"[#\s]+", value) if t) + "]"
            problems.append(Problem(path, first_line + index, "yaml.hash_comment",
                                    {"comment": after[1:].strip(), "quoted": quoted}))
    return problems
