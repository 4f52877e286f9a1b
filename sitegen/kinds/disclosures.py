"""亮身份 (SPEC §3 disclosure): a party member or volunteer shows neighbours whom to call."""

from __future__ import annotations

from typing import Final

from sitegen.kinds.common import COMMON_COLUMNS, PLACE_PARTS
from sitegen.kinds.shape import Column, Field, Kind

# show_phone: where the number appears (SPEC §3); the Traditional spellings beside the Simplified ones
SHOW_PHONE_WORDS: Final = {
    "poster": ("仅海报", "海报", "仅海报完整", "僅海報", "海報", "僅海報完整"),
    "full": ("完整", "公开", "全部显示", "完整公开", "公開", "全部顯示", "完整公開"),
    "masked": ("打码", "部分隐藏", "隐藏中间", "打碼", "部分隱藏", "隱藏中間"),
    "none": ("不显示", "不公开", "隐藏", "不顯示", "不公開", "隱藏"),
}

# party_member: what a 政治面貌 column or a worker writes for it besides 是 and 否 (kinds/common.py
# YES_NO_WORDS): the short names and GB/T 4762's, Traditional beside Simplified. A file and a sheet
# read them alike (validate/yesno.py); no other yes-or-no field takes them (草稿: 党员 is no answer).
PARTY_MEMBER_WORDS: Final = {
    "true": ("党员", "中共党员", "预备党员", "中共预备党员", "共产党员", "中国共产党党员", "中国共产党预备党员",
             "黨員", "中共黨員", "預備黨員", "中共預備黨員", "共產黨員", "中國共產黨黨員", "中國共產黨預備黨員"),
    "false": ("群众", "非党员", "共青团员", "团员", "中国共产主义青年团团员", "无党派", "无党派人士", "民主党派",
              "群眾", "非黨員", "共青團員", "團員", "中國共產主義青年團團員", "無黨派", "無黨派人士", "民主黨派"),
}

DISCLOSURES: Final = Kind(
    folder="disclosures", singular="disclosure", label_key="kind_disclosures",
    doc="亮身份: a party member or volunteer shows neighbours whom to call.",
    fields=(
        Field("name", "Name", required=True),
        Field("role", "OneLine", required=True),
        Field("place", "PlacePath"),
        Field("party_member", "Bool", default=True, words=PARTY_MEMBER_WORDS),
        Field("phone", "PhoneNumber"),
        Field("photo", "RelPath"),
        Field("duties", "StrList", default=()),
        Field("pledge", "Text"),
        Field("since", "Day"),
        Field("show_phone", "choice", default="poster", words=SHOW_PHONE_WORDS,
              sheet_labels={"poster": "仅海报完整", "full": "完整公开", "masked": "打码", "none": "不显示"}),
    ),
    title_field="name", date_field="since", suffix=".yaml", dated=False,
    names=("disclosure", "disclosures", "亮身份", "身份"),
    model="Disclosure", sheet_title="亮身份", photo_field="photo",
    columns=(
        Column("name", "line", ("姓名", "名字", "name"), True, "王建国"),
        Column("role", "line", ("职务", "角色", "岗位", "身份", "role"), True, "楼栋党小组长"),
        Column("place", "place", ("位置", "负责区域", "所在位置", "place")),
        *PLACE_PARTS,
        Column("party_member", "bool", ("是否党员", "党员", "政治面貌", "party_member"), example="是", must_say=True),
        Column("phone", "phone", ("电话", "手机", "联系电话", "手机号", "手机号码", "电话号码", "联系方式", "移动电话", "phone"),
               example="13800001234"),
        Column("show_phone", "show_phone", ("电话公开方式", "电话显示", "show_phone"), example="仅海报完整"),
        Column("duties", "list", ("职责", "工作职责", "duties"), example="收集楼栋居民意见、走访独居老人"),
        Column("pledge", "text", ("承诺", "服务承诺", "pledge"), example="有事您找我。"),
        Column("since", "date", ("任职日期", "上岗日期", "起始日期", "since")),
        Column("photo", "line", ("照片", "头像", "photo")),
        *COMMON_COLUMNS,
    ),
)
