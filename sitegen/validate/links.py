"""Links typed in bodies that lead nowhere on the site: a warning at the body line that holds each one.

A root-relative link (`[通知](/activities/2026-linli-jie/)`) is rebased into the page's tree
when rendered (render/links.py); here it is checked against the records and pages there are.
Only what the content decides is checked: `/<kind>/<slug>/` and the first folder of the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final
from urllib.parse import unquote

from sitegen.addresses import base_path, site_path
from sitegen.errors import Problem
from sitegen.kinds import ALL_KINDS
from sitegen.load.records import RawRecord

RECORD_FOLDERS: Final = frozenset(k.folder for k in ALL_KINDS)
# Top folders and files of SPEC §4 and the site's own trees, besides the record folders.
SITE_FOLDERS: Final = frozenset({"", "places", "tags", "browse", "posters", "search", "static", "media", "care",
                                 "zh-hant", "feed.xml", "sitemap.xml", "activities.ics", "robots.txt", "404.html",
                                 "index.html"})
# [text](/path …) inline, and [label]: /path reference definitions.
_INLINE: Final = re.compile(r"\]\(\s*<?(/(?!/)[^)\s>]*)")
_REFERENCE: Final = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(/(?!/)[^\s>]*)")


def missing_target(href: str, base: str, known: frozenset[tuple[str, str]]) -> bool:
    """True when a root-relative `href` names a record, page or top folder the site does not have."""
    path = unquote(site_path(href, base).partition("#")[0].partition("?")[0])
    parts = [p for p in path.split("/") if p]
    if not parts:
        return False
    if parts[0] in ("care", "zh-hant") and len(parts) > 1:  # a link into another tree names the same page
        parts = parts[2:] if parts[0] == "zh-hant" and parts[1:2] == ["care"] else parts[1:]
        if not parts:
            return False
    if parts[0] in RECORD_FOLDERS:
        return len(parts) > 1 and parts[1] not in ("page", "index.html") and (parts[0], parts[1]) not in known
    return parts[0] not in SITE_FOLDERS


def dead_body_links(records: Iterable[tuple[RawRecord, str]], base_url: str) -> Iterator[Problem]:
    """A warning per root-relative body link to a missing record or page; `records` are (raw, slug)."""
    pairs = list(records)
    known = frozenset((raw.kind, slug) for raw, slug in pairs)
    base = base_path(base_url)
    for raw, _ in pairs:
        if not raw.body or "/" not in raw.body:
            continue
        for number, line in enumerate(raw.body.split("\n")):
            for pattern in (_INLINE, _REFERENCE):
                for match in pattern.finditer(line):
                    href = match.group(1)
                    if missing_target(href, base, known):
                        yield Problem(raw.path, (raw.body_line or 1) + number, "body.link_missing",
                                      {"href": href}, True)
