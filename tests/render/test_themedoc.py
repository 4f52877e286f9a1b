"""docs/theme.md is what `python -m sitegen.themedoc` writes from the view classes now: the community's and the street's."""

from __future__ import annotations

import dataclasses

import pytest

from sitegen import themedoc
from tests.conftest import ROOT


def test_docs_theme_md_is_current() -> None:
    written = (ROOT / "docs" / "theme.md").read_text("utf-8")
    assert written == themedoc.document(), "run: .venv/bin/python -m sitegen.themedoc > docs/theme.md"


def _field_rows_are_documented(cls: type, document: str) -> None:
    for field in dataclasses.fields(cls):
        meaning = themedoc._meaning(cls, field.name)
        assert meaning, f"{cls.__name__}.{field.name} has no comment"
        assert f"| `{field.name}` | `{str(field.type).replace('|', chr(92) + '|')}` | {meaning} |" in document


# Every template's view, the street's included (street/index.html, street/wishes.html, street/posters.html,
# street/poster_wall.html): its heading, and a row with a meaning for every field.
@pytest.mark.parametrize("view", themedoc.VIEWS, ids=lambda v: v.TEMPLATE)
def test_every_field_of_every_view_is_documented(view: type) -> None:
    document = themedoc.document()
    assert f"### `{view.TEMPLATE}` ({view.__name__})" in document
    _field_rows_are_documented(view, document)


STREET_TEMPLATES = ROOT / "themes" / "default" / "templates" / "street"


# Every page template of the street (all but the base it extends) has a view documented.
@pytest.mark.parametrize("template", sorted(f"street/{p.name}" for p in STREET_TEMPLATES.glob("*.html") if p.name != "base.html"))
def test_every_street_template_has_a_documented_view(template: str) -> None:
    assert template in {view.TEMPLATE for view in themedoc.VIEWS}


@pytest.mark.parametrize("part", themedoc.STREET_PARTS, ids=lambda p: p.__name__)
def test_every_field_of_the_street_parts_is_documented(part: type) -> None:
    document = themedoc.document()
    assert f"#### `{part.__name__}`" in document
    _field_rows_are_documented(part, document)


@pytest.mark.parametrize("block", sorted(themedoc.BLOCKS))
def test_every_block_of_base_is_documented(block: str) -> None:
    assert f"- `{block}`: {themedoc.BLOCKS[block]}" in themedoc.document()
