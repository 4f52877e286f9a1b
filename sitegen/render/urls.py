"""Site URLs: folder URLs as in SPEC §4, files as `…/index.html`, links relative so file:// works."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final
from urllib.parse import quote

def file_of(url: str) -> str:
    """The file that serves a URL: `activities/x/` → `activities/x/index.html`, `` → `index.html`."""
    return url + "index.html" if url == "" or url.endswith("/") else url


_LINK_SAFE: Final = "/#?=&.-_~"  # kept by `relative` besides letters and digits
_UNQUOTED: Final = re.compile(f"[A-Za-z0-9{re.escape(_LINK_SAFE)}]*")  # what `quote(…, safe=_LINK_SAFE)` returns as it is


@lru_cache(maxsize=4096)
def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another that works on any host and from a plain file:// open.

    Both are site paths without `..`, so this is plain string work (posixpath.relpath measured
    25 µs a call, and a 10,000-record build makes millions of links). Remembered for the links
    a page repeats: a link is mostly asked again by the page it is on, so a longer memory only
    held each render worker's links (65,536 of them: ~25 MB a worker at 10,000 records).
    """
    source = file_of(from_url).split("/")[:-1]
    target = file_of(to_url).split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    rel = "../" * (len(source) - common) + "/".join(target[common:])
    return rel if _UNQUOTED.fullmatch(rel) else quote(rel, safe=_LINK_SAFE)  # quote would change nothing: 40 % of a call


_SAFE: Final = "/#.-_~"  # kept as they are, besides the letters and digits `quote` never changes
_AS_IS: Final = re.compile(f"[A-Za-z0-9{re.escape(_SAFE)}]*")


def absolute(base_url: str, url: str) -> str:
    """base_url + path, as every QR code and feed entry carries (folder URLs end with /)."""
    return base_url + quote(url, safe=_SAFE)


def absolute_all(base_url: str, urls: list[str]) -> set[str]:
    """{absolute(base_url, url) for url in urls}. Slugs are ASCII, so one match over all of them
    usually shows quoting changes nothing (7,600 `quote` calls were 5 ms of a serve save)."""
    if _AS_IS.fullmatch("".join(urls)):
        return {base_url + url for url in urls}
    return {absolute(base_url, url) for url in urls}
