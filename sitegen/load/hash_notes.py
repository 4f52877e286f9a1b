"""A note after a value behind a mark YAML does not take for a comment: `place: 社区活动室 ＃王姐说可能换地方`.

A Chinese input method types `＃` (U+FF03) for `#`. A worker who writes ` ＃待定` after a value means a
comment, as ` # 待定` is one; YAML's comment mark is the ASCII `#` after an ASCII space or tab only, so
the note was read as part of the value and published on every page that shows it (session 21): a worker's
private note, sometimes a name, reaching residents. So is an ASCII `#` after a full-width or no-break
space (`敬老活动　#待定`). The file is refused at that line, as a `#` that swallowed words is
(load/slips.py comment_slips): the worker says which was meant, an ASCII `#` for a note, quotes for text.

Only a mark after a blank that follows the value's own text on that line, to the line's end, in a plain
(unquoted) value: `福桂苑＃3楼`, `第＃期` and a value that starts with ＃ (`＃邻里节`, a tag) stay text; so
do a mark before a short place token and nothing else (`福桂苑 ＃3楼`, `＃B座`, `＃三号楼`: PLACE), a WeChat
topic written with full-width marks, whatever follows it (`重阳节 ＃敬老＃`, `欢迎参加 ＃敬老月＃。`), and
anything in quotes or in a `|`/`>` block. A mark before a number with more words after it is a note
(`社区活动室 ＃10点前问王姐`, `＃3楼还是4楼待定`, breaker s21). A line that continues a plain value (indented under it)
and starts with the mark is such a note too: YAML folds it into the value with a space
(`place: 社区活动室` then `  ＃王姐说可能换地方` reads `社区活动室 ＃王姐说可能换地方`, session 21), and it
is said as a line's note (`slip.hash_note_line`: write `# 王姐说…` there, an ASCII `#` after the
indentation, which YAML takes for a comment line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Final

import yaml

from sitegen.errors import Problem
from sitegen.load.slips import ODD_SPACES, yaml_quoted

NUMBER_SIGNS: Final = "＃﹟♯"  # what a Chinese input method or a font gives for #
_WIDE_BLANKS: Final = "".join(sorted(ODD_SPACES - {"\t"}))
BLANKS: Final = " \t" + _WIDE_BLANKS  # the ASCII blanks and those YAML does not take for blanks
# the mark and what follows it to the segment's end, after the value's own text and a blank
_NOTE: Final = re.compile(rf"(?<=[^ \t{_WIDE_BLANKS}])(?:[ \t{_WIDE_BLANKS}]+(?P<m1>[{NUMBER_SIGNS}])"
                          rf"|[{_WIDE_BLANKS}]+(?P<m2>#))(?P<note>.*)$")
# the same at the start of a line that continues a plain value, after its indentation: YAML joins the
# line to the one before with a space, so the mark follows the value's text and a blank as above
_LINE_NOTE: Final = re.compile(rf"[ \t]*(?:[{_WIDE_BLANKS}]*(?P<m1>[{NUMBER_SIGNS}])|[{_WIDE_BLANKS}]+(?P<m2>#))"
                               rf"(?P<note>.*)$")
# a topic (`＃敬老＃`, as WeChat writes one), whatever follows it (`＃敬老月＃。`, `＃我为群众办实事＃实践活动`): text
_TOPIC: Final = re.compile(rf"[#{NUMBER_SIGNS}][^#{NUMBER_SIGNS}\s]+[#{NUMBER_SIGNS}]")
# a number sign's own use: a short place token and nothing after it (`＃3楼`, `＃B座`, `＃三号楼`, `＃302`,
# `＃3号楼 2单元`): text. `＃10点前问王姐`, `＃3楼还是4楼待定`, `＃3号楼先开始` are notes (breaker s21).
_PLACE_PART: Final = r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ一二三四五六七八九十百零〇两-]+(?:号楼|號樓|单元|單元|[楼樓号號栋棟座室层層幢])?"
PLACE: Final = re.compile(rf"{_PLACE_PART}(?:[{BLANKS}·]*{_PLACE_PART})*")


# "not decided yet" words: a topic made of one of them is a note (Simplified, Traditional, ASCII)
UNDECIDED: Final = ("待定", "未定", "暂定", "暫定", "待确认", "待確認", "未确认", "未確認", "不确定", "不確定",
                    "待核实", "待核實", "待补", "待補", "待问", "待問", "再定", "再议", "再議", "备注", "備註",
                    "todo", "tbd")
# words a note to oneself has and a value's text behind a ＃ has not
NOTE_WORDS: Final = (*UNDECIDED, "确认", "確認", "说", "說", "问", "問", "可能", "也许", "也許", "大概",
                     "记得", "記得", "别忘", "別忘", "提醒", "还没", "還沒", "没定", "沒定", "改到", "改成",
                     "换到", "換到", "换成", "換成", "换地方", "換地方", "先不", "别发", "別發", "勿发", "勿發",
                     "不公开", "不公開", "保密", "删", "刪", "?", "？", "联系", "聯繫", "聯系", "内部", "內部",
                     "外传", "外傳", "不要", "待", "再定", "再确", "再確")
MOBILE: Final = re.compile(r"1[3-9][0-9]{9}")
# a note's words behind a place token; 待 alone is 接待室's too
_PLACE_NOTES: Final = tuple(word for word in NOTE_WORDS if word != "待")


def hash_notes(text: str, path: PurePosixPath, first_line: int, loader: type) -> list[Problem]:
    """Every line of `text` (YAML, parsed already; its first line is `first_line`) where a plain value
    ends with a note behind a full-width number sign (`＃`, `﹟`, `♯`) after a blank, or behind an ASCII
    `#` after a blank YAML does not take for one (U+3000, U+00A0…): one error `slip.hash_note` per line,
    naming the mark, the note and the value in quotes; `slip.hash_note_line` where such a mark starts a
    line that continues the value (the value is then the text of the line before). `loader`: the YAML
    loader whose scanner gives the values' places (load/yamlfile.py ContentLoader). Keys are not looked at."""
    if not any(sign in text for sign in NUMBER_SIGNS) and "#" not in text:
        return []
    problems: dict[int, Problem] = {}
    for token, segments in plain_values(text, loader):
        before = ""
        for index, segment in segments:
            found = _note(segment, continued=index > token.start_mark.line)
            if found is not None and index not in problems:
                problems[index] = _problem(path, first_line + index, found, before, str(token.value))
            before = segment.strip(BLANKS) or before
    return [problems[index] for index in sorted(problems)]


def plain_values(text: str, loader: type) -> Iterator[tuple[yaml.ScalarToken, list[tuple[int, str]]]]:
    """Each plain (unquoted, not block) value of the YAML `text`, keys left out, with its text on each
    line it spans: (0-based line, the value's part of that line; a line it continues keeps its
    indentation). `loader`: the YAML loader whose scanner gives the places."""
    lines = text.split("\n")
    key_next = False
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, yaml.ScalarToken) and token.plain and not key_next:
            yield token, _segments(lines, token)
        key_next = isinstance(token, yaml.KeyToken)


def _segments(lines: list[str], token: yaml.ScalarToken) -> list[tuple[int, str]]:
    """(0-based line, the token's text on that line) for each line a plain scalar spans."""
    start, end = token.start_mark, token.end_mark
    found = []
    for index in range(start.line, end.line + 1):
        line = lines[index] if index < len(lines) else ""
        first = start.column if index == start.line else 0
        last = end.column if index == end.line else len(line)
        found.append((index, line[first:last]))
    return found


def _problem(path: PurePosixPath, line: int, found: re.Match[str], before: str, value: str) -> Problem:
    """The note `found` (_note) said at `line`; `before`: the value's text on the lines above it."""
    mark = found["m1"] or found["m2"]
    typed = found.string[:found.start("m1" if found["m1"] else "m2")].strip(BLANKS)
    key = "slip.hash_note" if typed else "slip.hash_note_line"
    return Problem(path, line, key, {"mark": mark, "note": found["note"].strip()[:40],
                                     "value": (typed or before)[:40], "quoted": yaml_quoted(value)})


def _note(segment: str, *, continued: bool) -> re.Match[str] | None:
    """The first mark in `segment` that starts a note (not a topic `＃敬老＃`) and what follows it, or None.
    `continued`: the segment is a line that continues a value, so a mark at its start (after the
    indentation) starts a note as well."""
    found = _LINE_NOTE.match(segment) if continued else None
    if found is not None and not text_after_mark(segment, found.start("note") - 1, alone=True):
        return found
    found = _NOTE.search(segment)
    while found is not None and text_after_mark(segment, found.start("note") - 1):
        found = _NOTE.search(segment, found.start("note"))
    return found


def text_after_mark(segment: str, at: int, alone: bool = False) -> bool:
    """Whether the mark at `at` in `segment` is text: it opens a topic (`＃敬老＃…`), or what follows it starts
    with a place token (PLACE: `＃3楼`, `＃B座`, `＃三号楼`) and holds none of NOTE_WORDS nor a mobile number
    (`福桂苑 ＃9栋东侧空地`, `＃3号楼 2单元门口`, `在 ＃3楼 举行` are places, break21c; `＃３楼还是４楼待定`,
    `＃10点前问王姐` are notes). `alone`: the mark starts a line that continues a value, where a place token
    with nothing after it is text and anything more a note (`  ＃3号楼先开始` under `summary:`)."""
    if _TOPIC.match(segment, at):
        return True
    rest = segment[at + 1:].strip(BLANKS)
    if alone:
        return PLACE.fullmatch(rest) is not None
    place = PLACE.match(rest)
    return place is not None and place.end() > 0 and not any(word in rest for word in _PLACE_NOTES) \
        and MOBILE.search(rest) is None
