"""Site URLs: folder URLs as in SPEC §4, files as `…/index.html`, links relative so file:// works."""

from __future__ import annotations

import posixpath
from typing import Final
from urllib.parse import quote

VARIANTS: Final = ("", "care/", "zh-hant/", "zh-hant/care/")  # main tree, elder mode, 繁體, 繁體 elder mode


def file_of(url: str) -> str:
    """The file that serves a URL: `activities/x/` → `activities/x/index.html`, `` → `index.html`."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative(from_url: str, to_url: str) -> str:
    """A link from one page to another that works on any host and from a plain file:// open."""
    source_dir = posixpath.dirname(file_of(from_url)) or "."
    target = file_of(to_url)
    rel = posixpath.relpath(target, source_dir)
    return quote(rel, safe="/#?=&.-_~")


def absolute(base_url: str, url: str) -> str:
    """base_url + path, as every QR code and feed entry carries (folder URLs end with /)."""
    return base_url + quote(url, safe="/#.-_~")


def in_variant(variant: str, url: str) -> str:
    return variant + url
