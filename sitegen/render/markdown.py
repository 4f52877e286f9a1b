"""Markdown bodies → sanitised HTML: python-markdown renders, nh3 keeps only an allow-list."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

import markdown
import nh3
from markupsafe import Markup, escape

from sitegen.render.brackets import defuse_brackets, restore_brackets
from sitegen.render.markdown_inline import SkippingInlineProcessor, skipping_fits
from sitegen.render.typed import as_typed
from sitegen.validate.body import over_limits

ALLOWED_TAGS: Final = frozenset({
    "p", "br", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
    "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "hr", "a", "code", "pre",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd", "abbr",
})
ALLOWED_ATTRIBUTES: Final = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"},
                             "ol": {"start"}, "sup": {"id"}, "li": {"id"}}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
# Bodies whose HTML is remembered: a community's records all fit (1,000 bodies of 1,500 characters
# hold about 9 MB); at 10,000 records the last thousand summarised are rendered once, the rest twice.
RENDERED: Final = 1024
INLINE_PRIORITY: Final = 20  # Python-Markdown's own for its "inline" tree processor (core.py build_treeprocessors)


@cache
def _converter() -> markdown.Markdown:
    # nl2br: workers type one line per sentence and expect it kept; toc shifts # to <h2> under the page's <h1>.
    # footnotes: 注[^1] … [^1]: 说明, with ids fn-1 / fnref-1 (one body per page, so unique there) and
    # a back-link title without English words.
    converter = markdown.Markdown(
        extensions=["tables", "sane_lists", "nl2br", "fenced_code", "footnotes"],
        extension_configs={"footnotes": {"SEPARATOR": "-", "BACKLINK_TITLE": "↩ {}", "UNIQUE_IDS": False}},
        output_format="html",
    )
    # Raw HTML in a body is shown as the text it is, never passed on: a stray <style> pasted from
    # a WeChat article must not swallow the paragraphs after it (Hugo's `unsafe = false`, in effect).
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    # the same inline pass, passing over the patterns a text cannot match (markdown_inline.py), on
    # the Python-Markdown releases whose loop it copies; any other keeps Python-Markdown's own
    if skipping_fits():
        converter.treeprocessors.register(SkippingInlineProcessor(converter), "inline", INLINE_PRIORITY)
    return converter


_FOOTNOTE_ID: Final = re.compile(r"fn(?:ref\d*)?-[^\s\"'<>&]{1,80}")


def _folder_links(tag: str, attribute: str, value: str) -> str | None:
    """A relative link to a folder names its index.html, as every link of the site does (file://).

    The only ids kept are the footnotes' own (fn-…, fnref-…): no id typed by a user can clobber the
    theme's (DOM clobbering), and one body per page keeps them unique.
    """
    if attribute == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    if tag == "a" and attribute == "href" and value.endswith("/") and "://" not in value and not value.startswith(("/", "#")):
        return value + "index.html"
    return value


def sanitise(html: str) -> str:
    """Allow-list clean: no script, style, iframe, event attribute, javascript: or data: URL survives."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
        attribute_filter=_folder_links,
    )


_HEADING = re.compile(r"<(/?)h([1-6])([ >])")


def _headings_from_h2(html: str) -> str:
    """The page's title is the <h1>: the body's top heading becomes <h2>, whether typed # or ##."""
    levels = [int(level) for _, level, _ in _HEADING.findall(html)]
    if not levels:
        return html
    shift = 2 - min(levels)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}{m.group(3)}", html)


def _as_plain_text(text: str) -> Markup:
    """A body past the limits `check` refuses, for a caller that skipped it: escaped text, in linear time."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("\n".join("<p>" + "<br>\n".join(escape(line) for line in p.split("\n")) + "</p>"
                             for p in paragraphs))


@lru_cache(maxsize=RENDERED)
def render_markdown(text: str) -> Markup:
    """The body as safe HTML; content is data, never a template ({{ 7*7 }} stays as typed).

    Remembered for the last RENDERED bodies: a cold build renders each body for its summary while
    it plans (render/summary.py), and its page's render, in a worker forked after that, finds it
    here instead of rendering it again. The uncached function is `render_markdown.__wrapped__`."""
    if not text.strip():
        return Markup("")
    if over_limits(text) is not None:
        return _as_plain_text(text)
    converter = _converter()
    converter.reset()
    html = converter.convert(defuse_brackets(as_typed(text)))
    return Markup(sanitise(_headings_from_h2(restore_brackets(html))))  # noqa: S704 - sanitised by nh3 just above
