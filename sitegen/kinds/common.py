"""Sheet columns several kinds share: the fields any record may have, and a place in three parts."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.shape import Column

COMMON_COLUMNS: Final = (
    Column("id", "slug", ("网址名", "id", "slug")),
    Column("tags", "list", ("标签", "tags")),
    Column("summary", "line", ("摘要", "summary")),
    Column("draft", "bool", ("草稿", "draft")),
)

PLACE_PARTS: Final = (
    Column("place.compound", "line", ("小区", "所在小区", "compound"), example="示例小区"),
    Column("place.building", "line", ("楼栋", "楼号", "栋", "building"), example="1栋"),
    Column("place.unit", "line", ("单元", "unit"), example="2单元"),
)
