"""Markdown as workers type it (WeChat, WPS, Notepad) → Markdown as Python-Markdown reads it.

Python-Markdown follows the 2004 rules: a list needs a blank line above it, sub-items need four
spaces, `#word` is a heading and four leading spaces make a code block. What workers type follows
what their editors show (and GitHub): a list right under "活动安排：", sub-items indented by two
spaces or a tab, `#重阳节#` as a topic tag and a first-line indent pasted from Word. `as_typed`
rewrites the text line by line (one pass, linear) so that Python-Markdown reads it that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

MAX_LIST_DEPTH: Final = 8  # deeper items are kept at this depth: Python-Markdown recurses per level
MAX_QUOTE_DEPTH: Final = 8
_QUOTES: Final = re.compile(r"(?:>[ \t]*)+")
_INDENT_CHARS: Final = " \t\u3000"
_FENCE: Final = re.compile(r"(`{3,}|~{3,})")
_RULE: Final = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*")
# A list item as typed: -, *, +, or the bullets Word and WeChat paste (•, ●, ·, ▪, ◦); numbers
# as 1. 1) 1、 and 1.签到 (no space before Chinese text, as typed on a phone).
_ITEM: Final = re.compile(
    r"(?:(?P<bullet>[-*+•●·▪◦－])[ \t\u3000]+"
    r"|(?P<number>\d{1,9})(?:[.)．][ \t\u3000]+|[、．][ \t\u3000]*|\.(?=[\u3400-\u9fff\U00020000-\U0002ffff])))"
    r"(?P<text>\S.*)"
)
# A web address typed bare (as WeChat and GitHub show it, a link): not a [text](link) target, <…> or in a word.
_BARE_URL: Final = re.compile(r"(?<![<\[\w/\"'=:@.])(?<!\]\()https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+")
_URL_TAIL: Final = ".,;:!?'\""
_TOPIC: Final = re.compile(r"#(?=[^#\s])")  # `#重阳节#`: a heading needs `#` then a space
_FOOTNOTE_COLON: Final = re.compile(r"(\[\^[^\]\s]+\])[：:][ \t\u3000]*")  # [^1]：说明, colon typed full-width
_TABLE_RULE: Final = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")


def _indent(line: str) -> int:
    """Columns of leading white space: a tab reaches the next multiple of 4, a full-width space is 2."""
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        elif ch == "\u3000":
            width += 2
        else:
            break
    return width


def _shallow_quote(text: str) -> str:
    """`>>>>…` deeper than MAX_QUOTE_DEPTH: the rest is text (Python-Markdown re-reads the block per level)."""
    if not text.startswith(">"):
        return text
    quote = _QUOTES.match(text)
    if quote is None or quote.group().count(">") <= MAX_QUOTE_DEPTH:
        return text
    cut = [m.end() for m in re.finditer(">", quote.group())][MAX_QUOTE_DEPTH - 1]
    return text[:cut] + "\\" + text[cut:]


def _no_topic_heading(text: str) -> str:
    """`#重阳节# 今天…` is a paragraph: escape a leading `#` not followed by a space."""
    return "\\" + text if _TOPIC.match(text) else text


def _bare_link(match: re.Match[str]) -> str:
    url = match.group()
    while url and (url[-1] in _URL_TAIL or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]  # 见 https://x.org/a。 or (https://x.org/a): the stop and the bracket are the sentence's
    if match.string[:match.start()].count("`") % 2:
        return match.group()  # inside `code`
    return f"<{url}>{match.group()[len(url):]}"


def _inline(text: str) -> str:
    """The text of a line as typed: a leading topic tag stays text, a bare web address becomes a link."""
    text = _no_topic_heading(text)
    return _BARE_URL.sub(_bare_link, text) if "://" in text else text


@dataclass(slots=True)
class _State:
    out: list[str] = field(default_factory=list)
    fence: str | None = None          # the opening fence while inside fenced code
    levels: list[tuple[int, bool]] = field(default_factory=list)  # (indent, ordered) per open list level
    previous: str = "blank"            # blank | text | item | table

    def blank(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")


def _item(state: _State, indent: int, match: re.Match[str]) -> None:
    ordered = match.group("number") is not None
    if not state.levels:
        state.blank()  # a list right under a line of text
        state.levels = [(indent, ordered)]
    else:
        while len(state.levels) > 1 and indent < state.levels[-1][0]:
            state.levels.pop()
        top_indent, top_ordered = state.levels[-1]
        if indent > top_indent and len(state.levels) < MAX_LIST_DEPTH:
            state.levels.append((indent, ordered))
        elif len(state.levels) == 1 and ordered != top_ordered:
            state.blank()  # 1. then - at the top: two lists, not one swallowing the other
            state.levels = [(indent, ordered)]
        else:
            state.levels[-1] = (state.levels[-1][0], ordered)
    marker = f"{match.group('number')}." if ordered else "-"
    depth = len(state.levels) - 1
    state.out.append("    " * depth + f"{marker} {_inline(match.group('text'))}")
    state.previous = "item"


def _text(state: _State, line: str, indent: int, following: str | None) -> None:
    content = line.lstrip(_INDENT_CHARS)
    if state.levels and indent > state.levels[0][0]:
        # Indented under an item: more text of that item (a continuation, or a paragraph after a blank).
        state.out.append("    " * len(state.levels) + _inline(content))
        state.previous = "item"
        return
    if state.levels or (state.previous == "text" and "|" in content and following is not None
                        and "|" in following and _TABLE_RULE.fullmatch(following.strip(_INDENT_CHARS))):
        state.blank()  # text after a list ends it; a table right under a line of text starts one
    state.levels = []
    # Indentation outside a list is a first-line indent from Word, never a code block (fences are).
    footnote = _FOOTNOTE_COLON.match(content)
    if footnote:
        content = footnote.group(1) + ": " + content[footnote.end():]
    state.out.append(_shallow_quote(_inline(content)))
    state.previous = "text"


def as_typed(text: str) -> str:
    """Rewrite a body so lists, sub-items, topics and indents read as typed; fenced code is kept verbatim."""
    state = _State()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        if state.fence is not None:
            state.out.append(line)
            stripped = line.strip()
            if stripped.startswith(state.fence) and not stripped.strip(state.fence[0]):
                state.fence = None
            continue
        indent = _indent(line)
        content = line.lstrip(_INDENT_CHARS)
        if not content.strip():
            state.out.append("")
            state.previous = "blank"
            continue
        fence = _FENCE.match(content)
        if fence and not (state.levels and indent > state.levels[0][0]):
            state.levels = []
            state.fence = fence.group(1)
            state.out.append(content)  # Python-Markdown finds fences at the start of a line only
            state.previous = "blank"
            continue
        item = None if _RULE.fullmatch(content) else _ITEM.fullmatch(content.rstrip())
        if item is not None:
            _item(state, indent, item)
        else:
            following = lines[index + 1] if index + 1 < len(lines) else None
            _text(state, line, indent, following)
    return "\n".join(state.out)
