"""docs/theme.md is what `python -m sitegen.render.themedoc` writes from the view classes now."""

from __future__ import annotations

import dataclasses

import pytest

from sitegen.render import themedoc
from sitegen.render.page_views import PAGE_VIEWS
from sitegen.render.poster_views import POSTER_VIEWS
from tests.conftest import ROOT


def test_docs_theme_md_is_current() -> None:
    written = (ROOT / "docs" / "theme.md").read_text("utf-8")
    assert written == themedoc.document(), "run: .venv/bin/python -m sitegen.render.themedoc > docs/theme.md"


@pytest.mark.parametrize("view", PAGE_VIEWS + POSTER_VIEWS, ids=lambda v: v.TEMPLATE)
def test_every_field_of_every_view_is_documented(view: type) -> None:
    document = themedoc.document()
    assert f"### `{view.TEMPLATE}` ({view.__name__})" in document
    for field in dataclasses.fields(view):
        meaning = themedoc._meaning(view, field.name)
        assert meaning, f"{view.__name__}.{field.name} has no comment"
        assert f"| `{field.name}` | `{str(field.type).replace('|', chr(92) + '|')}` | {meaning} |" in document


@pytest.mark.parametrize("block", sorted(themedoc.BLOCKS))
def test_every_block_of_base_is_documented(block: str) -> None:
    assert f"- `{block}`: {themedoc.BLOCKS[block]}" in themedoc.document()
