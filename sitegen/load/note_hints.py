"""A number sign typed straight after a value's text with a note behind it: `社区活动室＃王姐说可能换地方`.

A Chinese input method types no blank before `＃` (and many type an ASCII `#` there too): the worker's
note is then part of the value and published on every page that shows it (session 21). Unlike the note
after a blank (load/hash_notes.py, refused), a mark inside a value is often the value's own text: a
building (`3＃楼`, `福桂苑＃3楼`), an issue (`第＃期`), a WeChat topic (`＃敬老＃`), `C＃编程班`. Refusing it
would stop a build over real text, so it is a warning at its line (`slip.hash_note_maybe`, the build goes
on, `sitegen check` shows it), said only when the words behind the mark read as a note:

- a mark straight after the value's text (not after a digit or a Latin letter: `3＃楼`, `C＃编程班`; not
  before a place token and nothing else: `福桂苑＃3楼`, hash_notes.PLACE; not a topic of other words:
  `参与＃邻里说事＃活动`) followed by words a note has (待定, 确认, 说, 问, 可能, 记得, 还没, 改到, 先不, 保密,
  联系, 内部, TODO, a question mark …: NOTE_WORDS) or a mobile number, to the line's end:
  `社区活动室＃王姐说可能换地方`, `电话报名#先问王姐`, `社区活动室＃11月20日前再确认` (breaker s21);
- a topic whose words are a note's "not yet" (`敬老活动 ＃待定＃`, `重阳节＃待确认＃`: UNDECIDED), which no
  WeChat topic is.

A value that starts with the mark, quoted text and `|`/`>` blocks are never looked at; quotes are what
the warning tells a worker to write when the words are the value's own, and it then goes away. A mark
after a blank that starts a note is hash_notes' error, said before this is looked at.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Final

from sitegen.errors import Problem
from sitegen.load.hash_notes import BLANKS, MOBILE, NOTE_WORDS, NUMBER_SIGNS, PLACE, UNDECIDED, plain_values
from sitegen.load.slips import yaml_quoted

_MARK: Final = re.compile(rf"[#{NUMBER_SIGNS}]")
# a topic at the start of the words behind a mark: its words and the closing mark (`邻里说事＃`)
_TOPIC: Final = re.compile(rf"([^{BLANKS}#{NUMBER_SIGNS}]+)[#{NUMBER_SIGNS}]")
# what a file needs for a hint: a full-width mark, or an ASCII # straight after a character and before one
_CANDIDATE: Final = re.compile(rf"[{NUMBER_SIGNS}]|[^{BLANKS}\n0-9]#[^{BLANKS}\n0-9]")


def note_hints(text: str, path: PurePosixPath, first_line: int, loader: type) -> list[Problem]:
    """A warning `slip.hash_note_maybe` for each line of `text` (YAML that parsed without a problem; its
    first line is `first_line`) where a plain value holds a number sign that starts what reads as a note
    (see the module's text), naming the value before it, the mark and words as typed, the note and the
    value in quotes. `loader`: the YAML loader (load/yamlfile.py ContentLoader). Keys are not looked at."""
    if not _CANDIDATE.search(text):  # most files: no scan
        return []
    found: dict[int, Problem] = {}
    for token, segments in plain_values(text, loader):
        for index, segment in segments:
            hint = _hint(segment)
            if hint is not None and index not in found:
                value, typed, note = hint
                found[index] = Problem(path, first_line + index, "slip.hash_note_maybe", {
                    "value": value[:40], "typed": typed[:40], "note": note[:40],
                    "quoted": yaml_quoted(str(token.value))}, True)
    return [found[index] for index in sorted(found)]


def _hint(segment: str) -> tuple[str, str, str] | None:
    """(the value's text before the mark, the mark and what follows as typed, the note's words) for the
    first mark in `segment` (a plain value's part of one line) that starts a note, or None. A topic's closing
    mark starts nothing (`参与＃邻里说事＃活动`)."""
    closing = -1
    for mark in _MARK.finditer(segment):
        at = mark.start()
        value, typed = segment[:at].strip(BLANKS), segment[at:].rstrip(BLANKS)
        note = typed[1:].strip(BLANKS)
        topic = _TOPIC.match(note)
        if topic and at != closing:  # its closing mark, whatever the topic
            closing = next(_MARK.finditer(segment, at + 1)).start()
        if at == closing or _text(segment, at, value, note):
            continue
        if topic and not topic.group(1).casefold().startswith(UNDECIDED):
            continue
        if _note_like(note, after_blank=segment[at - 1] in BLANKS):
            return value, typed, note.rstrip(NUMBER_SIGNS + "#")
    return None


def _text(segment: str, at: int, value: str, note: str) -> bool:
    """Whether the mark at `at` is the text's own: the value's start (`＃邻里节`), nothing after it, a number's or a
    language's sign (`3＃楼`, `C＃编程班`), a place (`福桂苑＃3楼`, `福桂苑＃B座`), a web address's part
    (`…/page#说明`), or an ASCII # after a blank (YAML's comment, or slips.py's)."""
    before = segment[at - 1] if at else ""
    if not value or not note or before.isdecimal() or (before.isascii() and before.isalpha()):
        return True
    if PLACE.fullmatch(note) is not None:
        return True
    return segment[at] == "#" and ("://" in value or before in BLANKS)


def _note_like(note: str, *, after_blank: bool) -> bool:
    """Whether `note`, the words behind a mark (not a topic of other words), read as a note: a topic
    (`待定＃`, `待定＃…`) of UNDECIDED words; other words straight after the value (not `after_blank`, which is
    hash_notes' error or a topic) when they hold one of NOTE_WORDS or a mobile number."""
    if _TOPIC.match(note):
        return True
    words = note.casefold()
    return not after_blank and (any(word in words for word in NOTE_WORDS) or MOBILE.search(note) is not None)
