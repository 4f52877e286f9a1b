"""社区活动 (SPEC §3 activity): something that happened or will happen."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.common import COMMON_COLUMNS
from sitegen.kinds.shape import Column, Field, Kind

ACTIVITIES: Final = Kind(
    folder="activities", singular="activity", label_key="kind_activities",
    doc="社区活动: something that happened or will happen.",
    fields=(
        Field("title", "OneLine", required=True),
        Field("date", "DayOrTime", required=True),
        Field("end", "DayOrTime"),
        Field("place", "OneLine"),
        Field("organizer", "OneLine"),
        Field("partners", "StrList", default=()),
        Field("project", "OneLine"),
        Field("participants", "Count"),
        Field("signup", "Text"),
    ),
    title_field="title", date_field="date", suffix=".md", dated=True,
    names=("activity", "activities", "活动", "社区活动"),
    model="Activity", rules=("activity_ends_after_start",),
    sheet_title="活动",
    columns=(
        Column("title", "line", ("标题", "活动名称", "活动主题", "活动标题", "title"), True, "第十三届邻里节"),
        Column("date", "when", ("日期", "活动日期", "开始日期", "date"), True, "2026-05-20"),
        Column("time", "time", ("时间", "活动时间", "开始时间", "time"), example="09:00-11:30"),
        Column("end", "when", ("结束", "结束日期", "结束时间", "end")),
        Column("place", "line", ("地点", "活动地点", "place"), example="社区广场"),
        Column("organizer", "line", ("主办", "主办单位", "组织者", "组织单位", "organizer"), example="社区党委"),
        Column("partners", "list", ("协办", "协办单位", "共建单位", "合作单位", "partners")),
        Column("project", "line", ("项目", "服务项目", "所属项目", "project")),
        Column("participants", "count", ("参与人数", "参加人数", "人数", "participants"), example="120"),
        Column("signup", "text", ("报名方式", "报名", "如何报名", "signup")),
        Column("body", "text", ("内容", "活动内容", "简介", "活动简介", "正文", "body"), example="邻里节上，居民们……"),
        Column("photos", "list", ("照片", "图片", "photos")),
        *COMMON_COLUMNS,
    ),
)
