"""Properties that must hold for any input, not just the examples we thought of."""

from __future__ import annotations

import posixpath
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.model.privacy import mask_phone
from sitegen.render.urls import file_of, relative
from sitegen.slugs import level_slug, slugify
from sitegen.validate.fields import SLUG_RE, parse_phone
from sitegen.validate.privacy import mask_name

names = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=6)


@given(names)
def test_masked_name_keeps_surname_and_hides_the_rest(name: str) -> None:
    masked = mask_name(name)
    assert masked[0] == name[0] and len(masked) == len(name)
    assert set(masked[1:]) == {"*"}


@given(st.text(min_size=0, max_size=40))
@settings(max_examples=200, deadline=None)  # the first call loads jieba's and pypinyin's dictionaries (0.5 s)
def test_slugify_always_gives_a_valid_slug_or_nothing(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG_RE.fullmatch(slug)
    level = level_slug(text)
    assert level == "" or (SLUG_RE.fullmatch(level) and "-" not in level)


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mobile_numbers_mask_the_middle_four(number: str) -> None:
    masked = mask_phone(parse_phone(number))
    assert masked == number[:3] + "****" + number[-4:]
    assert number not in masked


segment = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
url = st.lists(segment, min_size=0, max_size=4).map(lambda parts: "/".join(parts) + "/" if parts else "")


@given(url, url)
def test_relative_links_point_where_posixpath_says(source: str, target: str) -> None:
    base = posixpath.dirname(file_of(source)) or "."
    assert relative(source, target) == posixpath.relpath(file_of(target), base)
