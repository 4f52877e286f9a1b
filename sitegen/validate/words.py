"""Chinese words workers write for the enumerations of SPEC §3, each mapped to exactly one value.

Each table belongs to one field of one kind, so a word means one thing there: 已完成 is
`fulfilled` for a wish and `completed` for a deliberation. Traditional spellings are listed
beside the Simplified ones (the 繁體 readers' workers type them). The first word of each value
is the one messages show.
"""

from __future__ import annotations

from typing import Final


def _table(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for value, spellings in words.items():
        for word in spellings:
            assert table.setdefault(word, value) == value, f"{word} means two values"
    return table


WISH_STATUS_WORDS: Final = {
    "open": ("待认领", "未认领", "开放", "待認領", "未認領", "開放"),
    "claimed": ("已认领", "进行中", "认领中", "已認領", "進行中", "認領中"),
    "fulfilled": ("已实现", "已完成", "已圆梦", "已實現", "已圓夢"),
    "withdrawn": ("已撤回", "已取消", "已撤销", "撤回", "已撤銷"),
}
DELIBERATION_STATUS_WORDS: Final = {
    "proposed": ("提议", "已提出", "待审议", "居民提事", "提出", "待审", "提議", "待審議", "待審"),
    "reviewing": ("审议中", "审核中", "两委审事", "審議中", "審核中", "兩委審事"),
    "deliberating": ("协商中", "议事中", "协商议事", "協商中", "議事中", "協商議事"),
    "decided": ("已决定", "已议定", "已決定", "已議定"),
    "implementing": ("实施中", "进行中", "落实中", "办理中", "實施中", "進行中", "落實中", "辦理中"),
    "completed": ("已完成", "已办结", "已解决", "办结", "已辦結", "已解決", "辦結"),
    "rejected": ("已否决", "未通过", "不予采纳", "已否決", "未通過", "不予採納"),
}
SHOW_PHONE_WORDS: Final = {
    "poster": ("仅海报", "海报", "仅海报完整", "僅海報", "海報", "僅海報完整"),
    "full": ("完整", "公开", "全部显示", "完整公开", "公開", "全部顯示", "完整公開"),
    "masked": ("打码", "部分隐藏", "隐藏中间", "打碼", "部分隱藏", "隱藏中間"),
    "none": ("不显示", "不公开", "隐藏", "不顯示", "不公開", "隱藏"),
}

WORD_TABLES: Final = {
    name: _table(words) for name, words in
    (("wish_status", WISH_STATUS_WORDS), ("deliberation_status", DELIBERATION_STATUS_WORDS),
     ("show_phone", SHOW_PHONE_WORDS))
}
FIRST_WORDS: Final = {
    name: {value: spellings[0] for value, spellings in words.items()} for name, words in
    (("wish_status", WISH_STATUS_WORDS), ("deliberation_status", DELIBERATION_STATUS_WORDS),
     ("show_phone", SHOW_PHONE_WORDS))
}
