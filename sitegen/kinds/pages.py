"""Free pages (about, contact) from pages/: no poster, no sheet, listed in every page's navigation."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.shape import Field, Kind

PAGES: Final = Kind(
    folder="pages", singular="page", label_key="page_kind", doc="A free page (about, contact) from pages/.",
    fields=(
        Field("title", "OneLine", required=True),
        Field("order", "Count", default=100),
    ),
    title_field="title", date_field=None, suffix=".md", dated=False,
    names=("page", "pages", "页面", "頁面"),
    model="Page", posters=False,
)
