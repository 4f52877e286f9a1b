"""Keep Python-Markdown's link parsing linear: escape the brackets that can never close a link.

Python-Markdown looks for the `]` of every `[`, and for the `)` of every `](`, by scanning the rest
of the text; `[` typed 20,000 times made a body take 98 s (issue 12). One pass here pairs the
brackets of each paragraph with a stack and hides every opener that has no partner, or sits
deeper than a link can nest, behind a control character the content check refuses in any file
(so it cannot come from a user); `restore_brackets` puts `[` and `(` back into the HTML. A
backslash escape would do the same but costs Python-Markdown one placeholder (a copy of the
whole paragraph) per bracket: quadratic again.
"""

from __future__ import annotations

import re
from typing import Final

MAX_FOOTNOTE_MARKS: Final = 200  # Python-Markdown numbers repeated references to one note in O(n²)
MAX_DEPTH: Final = 4  # a link inside an image inside a link is depth 3: nothing real goes deeper
_FENCE: Final = re.compile(r"[ \t]*(`{3,}|~{3,})")
_BACKTICKS: Final = re.compile(r"`+")
_HIDDEN: Final = {"[": "\x0e", "(": "\x0f"}  # SO, SI: never in content (load refuses C0 controls)


def _code_spans(text: str) -> dict[int, int]:
    """Start → end of every `code span` (a run of backticks closed by the next run of the same length)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    cursor = dict.fromkeys(by_length, 0)  # per length, the next run not yet used
    spans: dict[int, int] = {}
    position = 0
    for index, (start, end) in enumerate(runs):
        if start < position or (start > 0 and text[start - 1] == "\\"):
            continue
        same = by_length[end - start]
        while cursor[end - start] < len(same) and same[cursor[end - start]] <= index:
            cursor[end - start] += 1
        if cursor[end - start] < len(same):
            closing = runs[same[cursor[end - start]]]
            spans[start] = closing[1]
            position = closing[1]
    return spans


class _Open:
    """The brackets of one paragraph still open while it is scanned, and the positions to hide."""

    __slots__ = ("escape", "footnotes", "rounds", "squares", "text")

    def __init__(self, text: str, footnotes: list[int]) -> None:
        self.text = text
        self.footnotes = footnotes  # [count of `[^` so far in the body], shared by its paragraphs
        self.escape: list[int] = []
        self.squares: list[int] = []
        self.rounds: list[tuple[int, bool]] = []  # (position, opens a link target)

    def square(self, index: int, ch: str) -> None:
        if ch == "]":
            if self.squares:
                self.squares.pop()
            return
        footnote = self.text.startswith("[^", index)
        self.footnotes[0] += footnote
        if len(self.squares) >= MAX_DEPTH or (footnote and self.footnotes[0] > MAX_FOOTNOTE_MARKS):
            self.escape.append(index)
        else:
            self.squares.append(index)

    def round(self, index: int, ch: str) -> None:
        if ch == ")":
            if self.rounds:
                start, link = self.rounds.pop()
                if link and _unclosed_title(self.text, start, index):
                    self.escape.append(start)
            return
        link = index > 0 and self.text[index - 1] == "]"
        if link and len(self.rounds) >= MAX_DEPTH:
            self.escape.append(index)
        else:
            self.rounds.append((index, link))

    def hidden(self) -> list[int]:
        """Every position to hide: refused openers, then `[` and link `(` never closed."""
        return self.escape + self.squares + [position for position, link in self.rounds if link]


def _defuse_paragraph(text: str, footnotes: list[int]) -> str:
    """Hide each `[` without a `]` and each link `(` without a `)` in one paragraph, in one pass."""
    if "[" not in text:
        return text
    spans = _code_spans(text) if "`" in text else {}
    found = _Open(text, footnotes)
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "\\":
            index += 2
            continue
        if index in spans:
            index = spans[index]
            continue
        if ch in "[]":
            found.square(index, ch)
        elif ch in "()":
            found.round(index, ch)
        index += 1
    escape = found.hidden()
    if not escape:
        return text
    chars = list(text)
    for position in escape:
        chars[position] = _HIDDEN[chars[position]]
    return "".join(chars)


def _unclosed_title(text: str, start: int, end: int) -> bool:
    """A link target holding a quote that does not end just before its `)`: Python-Markdown would
    take the quote for an unclosed title and scan to the end of the paragraph."""
    target = text[start + 1:end]
    return ('"' in target or "'" in target) and not target.rstrip().endswith(('"', "'"))


def defuse_brackets(text: str) -> str:
    """Hide every bracket of the body that cannot open a link; fenced code is left as typed."""
    # str.replace, not str.translate: translate looks up every character of a body (a tenth of its render)
    for hidden in _HIDDEN.values():
        if hidden in text:
            text = text.replace(hidden, "")
    if "[" not in text:
        return text
    out: list[str] = []
    paragraph: list[str] = []
    fence: str | None = None
    footnotes = [0]  # `[^` seen so far in the body
    for line in text.split("\n"):
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening or not line.strip():
            if paragraph:
                out.append(_defuse_paragraph("\n".join(paragraph), footnotes))
                paragraph = []
            out.append(line)
            fence = opening.group(1) if opening else None
            continue
        paragraph.append(line)
    if paragraph:
        out.append(_defuse_paragraph("\n".join(paragraph), footnotes))
    return "\n".join(out)


def restore_brackets(html: str) -> str:
    """Show the brackets `defuse_brackets` hid, as the `[` and `(` that were typed."""
    for shown, hidden in _HIDDEN.items():
        if hidden in html:
            html = html.replace(hidden, shown)
    return html
