"""render/urls.relative gives what it gave before its unquoted shortcut (issue 15): a table of links."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from sitegen.render.urls import file_of, relative

# (from page, to page or file): ASCII slugs, pinyin, Chinese, spaces, queries and fragments, root files
LINKS = [
    ("", "activities/"), ("activities/act-1/", "activities/"), ("activities/act-1/", "places/wanghu/binhu/"),
    ("places/a/b/c/", "places/a/"), ("places/a/", "places/a/b/c/"), ("tags/", "tags/环境/"),
    ("tags/环境/", "activities/x/"), ("activities/x/", "static/style.3f2a.css"), ("search/", "feed.xml"),
    ("browse/wishes/2026/", "wishes/w 1/"), ("a/", "b/?q=1&r=2#top"), ("a/", "b/%20/"), ("a/b/", "a/b/"),
    ("", ""), ("x/", "media/照片-1.jpg"), ("x/", "posters/a+b/"), ("x/", "y/'\"<>/"), ("x/", "~u/_v.w-/"),
]


def _quoted(from_url: str, to_url: str) -> str:
    """relative as it was: the same path, always through quote."""
    source = file_of(from_url).split("/")[:-1]
    target = file_of(to_url).split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return quote("../" * (len(source) - common) + "/".join(target[common:]), safe="/#?=&.-_~")


@pytest.mark.parametrize(("from_url", "to_url"), LINKS)
def test_relative_link_as_quote_made_it(from_url: str, to_url: str) -> None:
    assert relative.__wrapped__(from_url, to_url) == _quoted(from_url, to_url)
