"""微心愿 (SPEC §3 wish): a small wish a neighbour can claim; the wisher's full name is never published."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.common import COMMON_COLUMNS, PLACE_PARTS
from sitegen.kinds.shape import Column, Field, Kind

STATUS_WORDS: Final = {
    "open": ("待认领", "未认领", "开放", "待認領", "未認領", "開放"),
    "claimed": ("已认领", "进行中", "认领中", "已認領", "進行中", "認領中"),
    "fulfilled": ("已实现", "已完成", "已圆梦", "已實現", "已圓夢"),
    "withdrawn": ("已撤回", "已取消", "已撤销", "撤回", "已撤銷"),
}

WISHES: Final = Kind(
    folder="wishes", singular="wish", label_key="kind_wishes",
    doc="微心愿: a small wish a neighbour can claim; the wisher's full name is never published.",
    fields=(
        Field("wish", "OneLine", required=True),
        Field("wisher", "Name", required=True),
        Field("wisher_alias", "OneLine"),
        Field("place", "OneLine"),
        Field("category", "OneLine"),
        Field("value", "Money"),
        Field("posted_on", "Day", required=True),
        Field("status", "choice", required=True, words=STATUS_WORDS),
        Field("claimed_by", "OneLine"),
        Field("claimed_on", "Day"),
        Field("fulfilled_on", "Day"),
        Field("thanks", "Text"),
    ),
    title_field="wish", date_field="posted_on", suffix=".yaml", dated=True,
    names=("wish", "wishes", "微心愿", "心愿", "心願", "微心願"),
    model="Wish",
    rules=("wish_claim_fields", "wish_dates_in_order", "wish_alias_hides_name", "wish_address_hides_name"),
    sheet_title="微心愿",
    columns=(
        Column("wish", "line", ("心愿", "心愿内容", "微心愿", "愿望", "wish"), True, "想要一个助行器"),
        Column("wisher", "line", ("心愿人", "许愿人", "姓名", "wisher"), True, "李秀兰"),
        Column("wisher_alias", "line", ("化名", "称呼", "显示名", "wisher_alias")),
        Column("place", "place", ("位置", "住址", "地址", "place")),
        *PLACE_PARTS,
        Column("category", "line", ("类别", "类型", "分类", "category"), example="助老"),
        Column("value", "money", ("价值", "金额", "预估金额", "value"), example="200"),
        Column("posted_on", "date", ("发布日期", "登记日期", "许愿日期", "posted_on"), True, "2026-10-18"),
        Column("status", "status", ("状态", "认领状态", "status"), True, "待认领"),
        Column("claimed_by", "line", ("认领人", "认领单位", "认领人或单位", "claimed_by")),
        Column("claimed_on", "date", ("认领日期", "claimed_on")),
        Column("fulfilled_on", "date", ("实现日期", "完成日期", "fulfilled_on")),
        Column("thanks", "text", ("感谢", "感言", "答谢", "thanks")),
        Column("photos", "list", ("照片", "图片", "photos")),
        *COMMON_COLUMNS,
    ),
)
