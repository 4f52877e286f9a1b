"""Which sheet column fills which record field: the headers workers write, in Chinese and English.

A column has a *target* (a field, a nested field such as `meeting.date`, a part of a place, the
activity's time, or the Markdown body) and a *cell type* saying how its cells are read
(`sitegen/sheets/cells.py`). The first header of each column is the one `--template` and
`export` write; every header is matched after `header_key` folds width, case, spaces, a
required mark (`*`, 必填) and a unit in brackets (价值（元） → 价值).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from sitegen.validate.words import DELIBERATION_STATUS_WORDS, WISH_STATUS_WORDS
from sitegen.validate.words import SHOW_PHONE_WORDS as PHONE_WORDS


@dataclass(frozen=True, slots=True)
class Column:
    """One field a sheet may carry: where it goes, how its cells read, which headers name it."""

    target: str  # field name, "meeting.date", "place.compound|building|unit", "time" or "body"
    cell: str  # text, line, date, when, time, phone, bool, count, money, percent, list, status, show_phone, timeline
    headers: tuple[str, ...]  # the first is written by --template and export
    required: bool = False
    example: str = ""


_COMMON: Final = (
    Column("id", "slug", ("网址名", "id", "slug")),
    Column("tags", "list", ("标签", "tags")),
    Column("summary", "line", ("摘要", "summary")),
    Column("draft", "bool", ("草稿", "draft")),
)

_PLACE_PARTS: Final = (
    Column("place.compound", "line", ("小区", "所在小区", "compound"), example="示例小区"),
    Column("place.building", "line", ("楼栋", "楼号", "栋", "building"), example="1栋"),
    Column("place.unit", "line", ("单元", "unit"), example="2单元"),
)

COLUMNS: Final[dict[str, tuple[Column, ...]]] = {
    "disclosures": (
        Column("name", "line", ("姓名", "名字", "name"), True, "王建国"),
        Column("role", "line", ("职务", "角色", "岗位", "身份", "role"), True, "楼栋党小组长"),
        Column("place", "place", ("位置", "负责区域", "所在位置", "place")),
        *_PLACE_PARTS,
        Column("party_member", "bool", ("是否党员", "党员", "政治面貌", "party_member"), example="是"),
        Column("phone", "phone", ("电话", "手机", "联系电话", "手机号", "手机号码", "电话号码", "phone"),
               example="13800001234"),
        Column("show_phone", "show_phone", ("电话公开方式", "电话显示", "show_phone"), example="仅海报完整"),
        Column("duties", "list", ("职责", "工作职责", "duties"), example="收集楼栋居民意见、走访独居老人"),
        Column("pledge", "text", ("承诺", "服务承诺", "pledge"), example="有事您找我。"),
        Column("since", "date", ("任职日期", "上岗日期", "起始日期", "since")),
        Column("photo", "line", ("照片", "头像", "photo")),
        *_COMMON,
    ),
    "wishes": (
        Column("wish", "line", ("心愿", "心愿内容", "微心愿", "愿望", "wish"), True, "想要一个助行器"),
        Column("wisher", "line", ("心愿人", "许愿人", "姓名", "wisher"), True, "李秀兰"),
        Column("wisher_alias", "line", ("化名", "称呼", "显示名", "wisher_alias")),
        Column("place", "place", ("位置", "住址", "地址", "place")),
        *_PLACE_PARTS,
        Column("category", "line", ("类别", "类型", "分类", "category"), example="助老"),
        Column("value", "money", ("价值", "金额", "预估金额", "value"), example="200"),
        Column("posted_on", "date", ("发布日期", "登记日期", "许愿日期", "posted_on"), True, "2026-10-18"),
        Column("status", "status", ("状态", "认领状态", "status"), True, "待认领"),
        Column("claimed_by", "line", ("认领人", "认领单位", "认领人或单位", "claimed_by")),
        Column("claimed_on", "date", ("认领日期", "claimed_on")),
        Column("fulfilled_on", "date", ("实现日期", "完成日期", "fulfilled_on")),
        Column("thanks", "text", ("感谢", "感言", "答谢", "thanks")),
        Column("photos", "list", ("照片", "图片", "photos")),
        *_COMMON,
    ),
    "activities": (
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
        *_COMMON,
    ),
    "deliberations": (
        Column("title", "line", ("议题", "标题", "事项", "title"), True, "电动车充电难"),
        Column("raised_on", "date", ("提出日期", "提出时间", "raised_on"), True, "2026-03-02"),
        Column("raised_by", "line", ("提出人", "提出者", "raised_by"), example="3栋居民"),
        Column("channel", "line", ("议事形式", "议事方式", "渠道", "channel"), example="议事会"),
        Column("meeting.date", "date", ("会议日期", "议事日期", "meeting_date")),
        Column("meeting.place", "line", ("会议地点", "议事地点", "meeting_place")),
        Column("meeting.host", "line", ("主持人", "主持", "meeting_host")),
        Column("meeting.attendees", "count", ("参会人数", "出席人数", "meeting_attendees")),
        Column("decision", "text", ("决定", "议事结果", "决议", "结果", "decision")),
        Column("votes.for", "count", ("赞成", "赞成票", "votes_for")),
        Column("votes.against", "count", ("反对", "反对票", "votes_against")),
        Column("votes.abstain", "count", ("弃权", "弃权票", "votes_abstain")),
        Column("progress", "percent", ("进度", "完成进度", "progress")),
        Column("status", "status", ("状态", "办理状态", "status"), True, "居民提事"),
        Column("timeline", "timeline", ("进展", "进展记录", "时间线", "timeline")),
        Column("body", "text", ("内容", "背景", "情况说明", "正文", "body")),
        *_COMMON,
    ),
}

# The words a cell may hold for an enumeration are `check`'s own (validate/words.py), so a sheet and
# a record file accept the same; the first word of each value, which export and the template's
# drop-down lists write, is the website's label for it (居民提事, 已办结 …) where that differs.
_LABELS: Final = {
    "deliberations": {"proposed": "居民提事", "reviewing": "两委审事", "deliberating": "协商议事", "decided": "已议定",
                      "implementing": "实施中", "completed": "已办结", "rejected": "未通过"},
    "show_phone": {"poster": "仅海报完整", "full": "完整公开", "masked": "打码", "none": "不显示"},
}


def _labelled(words: dict[str, tuple[str, ...]], labels: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """value → (label, every spelling, the value itself): the words a cell may hold, label first."""
    return {value: tuple(dict.fromkeys((labels.get(value, spellings[0]), *spellings, value)))
            for value, spellings in words.items()}


STATUS_WORDS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "wishes": _labelled(WISH_STATUS_WORDS, {}),
    "deliberations": _labelled(DELIBERATION_STATUS_WORDS, _LABELS["deliberations"]),
}
SHOW_PHONE_WORDS: Final = _labelled(PHONE_WORDS, _LABELS["show_phone"])
BOOL_WORDS: Final[dict[bool, tuple[str, ...]]] = {
    True: ("是", "党员", "中共党员", "预备党员", "y", "yes", "true", "1", "√", "✓", "✔", "☑", "✅", "对"),
    False: ("否", "群众", "非党员", "n", "no", "false", "0", "×", "✗", "✘", "✕", "✖", "❌", "☐", "□", "不是",
            "共青团员", "团员", "无党派", "无党派人士", "民主党派"),  # 政治面貌 values that are not 党员
}

_BRACKETS: Final = re.compile(r"[(\[【〔〖][^)\]】〕〗]*[)\]】〕〗]")  # a unit: (元) [元] 【元】 〔元〕 after NFKC
_MARKS: Final = re.compile(r"[\s*：:＊]|必填|选填")


def header_key(text: str) -> str:
    """Fold a header as written (`价值（元）*`, ` 姓 名 `, `Name`) to the form headers are matched in."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return _MARKS.sub("", _BRACKETS.sub("", folded))


def word_key(text: str) -> str:
    """Fold a cell's enumeration word (` 已认领 `, `OPEN`) for matching."""
    return re.sub(r"[\s\ufe0f]+", "", unicodedata.normalize("NFKC", text)).lower()  # ✔️ is ✔ + a variation mark


# Columns sheets carry that are no field: a row number. They are skipped without a warning.
ROW_NUMBER_HEADERS: Final = frozenset({"序号", "编号", "no", "no.", "#", "行号"})


def column_for(kind: str, header: str) -> Column | None:
    """The column a header names for this kind, or None."""
    key = header_key(header)
    if not key:
        return None
    for column in COLUMNS[kind]:
        if key in (header_key(h) for h in column.headers):
            return column
    return None
