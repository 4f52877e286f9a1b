"""What several kinds share: the sheet columns of the fields any record may have, a place in three
parts, and the words for yes and no."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.shape import Column, Words

# Yes and no as a record file and a sheet cell write them (validate/yesno.py reads both alike): the first
# of each is what export and the sheet template's drop-down write. A yes-or-no field may add its own
# words (`Field.words`, disclosures.py PARTY_MEMBER_WORDS).
YES_NO_WORDS: Final[Words] = {
    "true": ("是", "对", "對", "true", "yes", "y", "on", "1", "√", "✓", "✔", "☑", "✅"),
    "false": ("否", "不", "不是", "false", "no", "n", "off", "0", "×", "✗", "✘", "✕", "✖", "❌", "☐", "□"),
}

COMMON_COLUMNS: Final = (
    Column("id", "slug", ("网址名", "id", "slug")),
    Column("tags", "list", ("标签", "tags")),
    Column("summary", "line", ("摘要", "summary")),
    Column("draft", "bool", ("草稿", "draft")),
)

PLACE_PARTS: Final = (
    Column("place.compound", "line", ("小区", "所在小区", "小区名称", "所属小区", "compound"), example="示例小区"),
    Column("place.building", "line", ("楼栋", "楼号", "栋", "楼栋号", "栋号", "楼幢", "幢", "building"), example="1栋"),
    Column("place.unit", "line", ("单元", "单元号", "unit"), example="2单元"),
)
