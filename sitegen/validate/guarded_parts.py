"""Which guarded field an unknown key stands for, read from the words it is made of (breaker s21).

validate/guarded.py NAMES is a list, and a list keeps missing spellings: `隐藏电话`, `电话保密`,
`是否显示手机号`, `是否为草稿`, `暂不公示`, `非党员`, `网名`, `姓名保密`, and the same names quoted or
marked (`“草稿”`, `【草稿】`, `草稿(是/否)`, `草稿` with a zero-width space). A key, once `bare` (NFKC,
no quotes, brackets, zero-width or format characters, nor what follows a bracket after the name), is
read by its PARTS here, in this order: a phone word (电话, 手机, 号码) with a showing word (显示, 公开,
隐藏, 保密) is show_phone; a party word (党, 面貌, 政治) is party_member; an alias word (化名, 别名, 网名,
匿名, 姓名保密, 不显示姓名) is wisher_alias; a publishing word (草稿, 公示, 发布, 公开, 隐藏, 不发) is
draft. A key that is a sheet header of another field (`发布日期` is a wish's posted_on) is never read so.

A value can say it too, whatever the key: `状态: 草稿` or `status: draft` on an activity (which has no
status) is a draft; `身份: 群众` on a disclosure is party_member.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from sitegen.kinds import ALL_KINDS
from sitegen.kinds.disclosures import PARTY_MEMBER_WORDS
from sitegen.validate.yesno import folded as folded_word
from sitegen.validate.yesno import yes_no_table

GUARDED: Final = ("draft", "show_phone", "party_member", "wisher", "wisher_alias")
_QUOTES: Final = "“”‘’\"'「」『』＂`"
_OPEN: Final = "(（<＜〈《[【〔［"
_CLOSE: Final = ")）>＞〉》]】〕］"

# (field, parts any of which the key must hold, parts one of which it must hold as well, if any)
_PARTS: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("show_phone", ("电话", "手机", "号码", "電話", "號碼", "phone", "mobile"),
     ("显示", "公开", "隐藏", "保密", "顯示", "公開", "隱藏", "show", "hide", "display", "private")),
    ("party_member", ("党", "黨", "面貌", "政治", "party"), ()),
    ("wisher_alias", ("化名", "别名", "別名", "网名", "網名", "匿名", "姓名保密", "不显示姓名", "不顯示姓名",
                      "alias", "nickname", "anonymous"), ()),
    ("draft", ("草稿", "公示", "发布", "發布", "公开", "公開", "隐藏", "隱藏", "不发", "不發",
               "draft", "publish", "hidden", "hide"), ()),
)
# A key that says the opposite of showing: its yes means no (非党员: 是, 电话保密: 是, 不公示: 是).
NEGATIVE: Final = ("不", "非", "隐藏", "隱藏", "保密", "匿名", "草稿", "暂缓", "暫緩", "hide", "hidden", "private",
                   "draft", "un", "no")
# Values that say "a draft" under any key.
DRAFT_WORDS: Final = frozenset(folded_word(w) for w in (
    "草稿", "草稿箱", "存草稿", "未发布", "不发布", "暂不发布", "待发布", "先不发布", "未發布", "不發布", "暫不發布",
    "待發布", "不公示", "暂不公示", "暫不公示", "draft", "drafts", "unpublished", "hidden"))
_PARTY_VALUES: Final = frozenset(folded_word(w) for words in PARTY_MEMBER_WORDS.values() for w in words)
YES_NO: Final = yes_no_table()
_DATE: Final = re.compile(r"^\s*(\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号])")


def bare(key: str) -> str:
    """`key` as its words: NFKC, without quotes, brackets, zero-width or format characters, nor what follows
    a bracket after the name (`草稿(是/否)` → 草稿, `【草稿】` → 草稿, `“显示电话”` → 显示电话)."""
    text = "".join(c for c in unicodedata.normalize("NFKC", key)
                   if unicodedata.category(c) not in ("Cf", "Mn", "Me") and c not in _QUOTES).strip()
    cut = next((i for i, c in enumerate(text) if c in _OPEN and text[:i].strip()), None)
    text = text if cut is None else text[:cut]
    return "".join(c for c in text if c not in _OPEN + _CLOSE)


def _headers() -> frozenset[str]:
    """Sheet headers of fields that are not guarded, folded: keys never read by their parts."""
    return frozenset(folded_word(h) for k in ALL_KINDS for c in k.columns if c.target not in GUARDED
                     for h in c.headers)


_OTHER_HEADERS: Final = _headers()


def by_parts(key: str) -> str | None:
    """The guarded field the folded, `bare` key stands for by its parts, or None (a header of another field too)."""
    if key in _OTHER_HEADERS:
        return None
    for field, parts, also in _PARTS:
        if any(p in key for p in parts) and (not also or any(p in key for p in also)):
            return field
    return None


def by_value(value: object) -> str | None:
    """The guarded field a value alone says under any key: draft for 草稿/draft, party_member for 群众/党员."""
    said = folded_word(value) if isinstance(value, str) else ""
    if said in DRAFT_WORDS:
        return "draft"
    return "party_member" if said in _PARTY_VALUES else None


def is_date(value: object) -> bool:
    """Whether a typed value starts as a date: 2026-11-01, 2026年11月1日, 11月1日."""
    return isinstance(value, str) and _DATE.match(value) is not None


def negative(key: str) -> bool:
    """Whether the folded key says not showing, so that its yes means no (非党员, 电话保密, 不公示)."""
    return any(word in key for word in NEGATIVE if not word.isascii()) or key.startswith(("un", "no", "hide"))
