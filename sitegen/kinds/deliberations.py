"""协商议事 (SPEC §3 deliberation): a problem raised, reviewed, decided, carried out; publishing it is the point."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.common import COMMON_COLUMNS
from sitegen.kinds.shape import Column, Field, Kind

# The lifecycle in order (SPEC §3), each with the words workers write for it; 已完成 is `completed`
# here and `fulfilled` for a wish: each table belongs to one field of one kind.
STATUS_WORDS: Final = {
    "proposed": ("提议", "已提出", "待审议", "居民提事", "提出", "待审", "提事", "提議", "待審議", "待審"),
    "reviewing": ("审议中", "审核中", "两委审事", "审事", "審議中", "審核中", "兩委審事", "審事"),
    "deliberating": ("协商中", "议事中", "协商议事", "協商中", "議事中", "協商議事"),
    "decided": ("已决定", "已议定", "已通过", "表决通过", "通过", "已決定", "已議定", "已通過", "表決通過", "通過"),
    "implementing": ("实施中", "进行中", "落实中", "办理中", "實施中", "進行中", "落實中", "辦理中"),
    "completed": ("已完成", "已办结", "已解决", "办结", "已辦結", "已解決", "辦結"),
    "rejected": ("已否决", "未通过", "不予采纳", "已否決", "未通過", "不予採納"),
}

DELIBERATIONS: Final = Kind(
    folder="deliberations", singular="deliberation", label_key="kind_deliberations",
    doc="协商议事: a problem raised, reviewed, decided, carried out; publishing it is the point.",
    fields=(
        Field("title", "OneLine", required=True),
        Field("raised_on", "Day", required=True),
        Field("raised_by", "OneLine"),
        Field("channel", "OneLine"),
        Field("meeting", "Meeting"),
        Field("status", "choice", required=True, words=STATUS_WORDS,
              sheet_labels={"proposed": "居民提事", "reviewing": "两委审事", "deliberating": "协商议事", "decided": "已议定",
                            "implementing": "实施中", "completed": "已办结", "rejected": "未通过"}),
        Field("decision", "Text"),
        Field("votes", "Votes"),
        Field("progress", "Percent"),
        Field("timeline", "Timeline", default=()),
    ),
    title_field="title", date_field="raised_on", suffix=".md", dated=True,
    names=("deliberation", "deliberations", "议事", "议事结果", "协商议事", "議事", "議事結果"),
    model="Deliberation",
    rules=("deliberation_decision_present", "deliberation_decided_before_its_status", "deliberation_completed_is_100",
           "deliberation_dates_after_raised", "deliberation_votes_within_attendance"),
    sheet_title="议事",
    columns=(
        Column("title", "line", ("议题", "标题", "事项", "title"), True, "电动车充电难"),
        Column("raised_on", "date", ("提出日期", "提出时间", "raised_on"), True, "2026-03-02"),
        Column("raised_by", "line", ("提出人", "提出者", "raised_by"), example="3栋居民"),
        Column("channel", "line", ("议事形式", "议事方式", "渠道", "channel"), example="议事会"),
        Column("meeting.date", "date", ("会议日期", "议事日期", "meeting_date")),
        Column("meeting.place", "line", ("会议地点", "议事地点", "meeting_place")),
        Column("meeting.host", "line", ("主持人", "主持", "meeting_host")),
        Column("meeting.attendees", "count", ("参会人数", "出席人数", "meeting_attendees")),
        # 议定结果: the word of the form, the messages and the 繁體 page (breaker helper-128)
        Column("decision", "text", ("决定", "议事结果", "议定结果", "决议", "结果", "decision")),
        Column("votes.for", "count", ("赞成", "赞成票", "votes_for")),
        Column("votes.against", "count", ("反对", "反对票", "votes_against")),
        Column("votes.abstain", "count", ("弃权", "弃权票", "votes_abstain")),
        Column("progress", "percent", ("进度", "完成进度", "progress")),
        Column("status", "status", ("状态", "办理状态", "status"), True, "居民提事"),
        Column("timeline", "timeline", ("进展", "进展记录", "时间线", "timeline")),
        Column("body", "text", ("内容", "背景", "情况说明", "正文", "body")),
        *COMMON_COLUMNS,
    ),
)
