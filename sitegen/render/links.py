"""Root-relative links typed in a body (`[通知](/activities/2026-linli-jie/)`), rebased into the page's tree.

Every link the site writes is relative and names `index.html`, so it works under a sub-path
`base_url`, from a plain file:// open, and inside the elder (`care/`) and 繁體 (`zh-hant/`)
trees. A worker types links the way a browser shows them, from the site's root; this turns
each `href="/…"` of a rendered page into the same kind of link, through the page's own Linker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape
from typing import Final
from urllib.parse import quote, unquote

from sitegen.addresses import site_path

_TAIL_SAFE: Final = "?#=&%/+-._~:@!$'()*,;"
_ROOT_HREF: Final = re.compile(r'\bhref="(/(?!/)[^"]*)"')


def rebase_root_links(html: str, link: Callable[[str], str], base_path: str) -> str:
    """Every `href="/path?query#part"` → `link(path)?query#part`; `base_path` (/wanghu/) may lead the path.

    `link` is the page's Linker: relative for a page, absolute for the 404 page.
    """
    if 'href="/' not in html:
        return html

    def rebase(match: re.Match[str]) -> str:
        target = site_path(unescape(match.group(1)), base_path)
        path, sep, rest = target.partition("#")
        path, qsep, query = path.partition("?")
        tail = (qsep + query if qsep else "") + (sep + rest if sep else "")
        return f'href="{escape(link(unquote(path)) + quote(tail, safe=_TAIL_SAFE))}"'

    return _ROOT_HREF.sub(rebase, html)
