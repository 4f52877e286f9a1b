"""Plain-text summaries (feed.xml, activities.ics, meta description, og:description) from the rendered body.

The body is rendered and sanitised as on its page, then its text is taken: every character a
reader sees is kept (9:00-11:30, 0551-62001234, a_b), and Markdown syntax is gone because the
renderer consumed it, not because punctuation was deleted.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from html.parser import HTMLParser
from typing import Final

from sitegen.render.kept import Kept
from sitegen.render.markdown import render_markdown

SUMMARY_CHARS: Final = 90
# Bodies whose summaries are remembered: each record's is asked for by its page, the lists, the feed
# and the calendar, and `serve` asks again on every rebuild; a summary is at most 91 characters.
REMEMBERED: Final = 65_536
# A word break between blocks and cells: "<p>一</p><p>二</p>" reads "一 二", not "一二".
_BREAKS: Final = frozenset({"p", "br", "li", "ul", "ol", "blockquote", "h2", "h3", "h4", "h5", "h6", "hr",
                            "pre", "table", "tr", "th", "td", "caption", "dl", "dt", "dd"})


class _Text(HTMLParser):
    """Collects the text of sanitised HTML; character references are decoded by the parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown: str) -> str:
    """The text a reader sees in a Markdown body, whitespace collapsed to single spaces."""
    parser = _Text()
    parser.feed(str(render_markdown(markdown)))
    parser.close()
    return " ".join("".join(parser.parts).split())


@lru_cache(maxsize=REMEMBERED)
def summarize(markdown: str, limit: int = SUMMARY_CHARS) -> str:
    """At most `limit` characters of the body's text, with … when it was cut.

    Remembered by body (a pure function of it): the Markdown is rendered once per body per process
    instead of once per page that shows the summary, and once per `serve` session.
    """
    text = plain_text(markdown)
    return text[:limit] + ("…" if len(text) > limit else "")


class Summaries(Kept[bytes, str]):
    """The build cache's memo of summaries (pipeline/cache.py): body → `summarize(body)`.

    Every page's share card, the feed and the calendar show a record's summary, so a build asks for
    all of them, and each is a Markdown render (≈ 1 ms): a CLI rebuild after one change would
    render every body again. Kept by the blake2b-128 digest of the body (16 bytes a record, not the
    body); `settled()` keeps only what this build asked for, so the memo never outgrows the site.
    """

    def of(self, body: str) -> str:
        """summarize(body), remembered."""
        key = hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()
        return self._remember(key, lambda: summarize(body))
