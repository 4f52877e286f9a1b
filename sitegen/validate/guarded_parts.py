"""Which guarded field an unknown key stands for, read from the words it is made of (breaker s21).

validate/guarded.py NAMES is a list, and a list keeps missing spellings: `隐藏电话`, `电话保密`,
`是否显示手机号`, `是否为草稿`, `暂不公示`, `非党员`, `网名`, `姓名保密`, and the same names quoted or
marked (`“草稿”`, `【草稿】`, `草稿(是/否)`, `草稿` with a zero-width space). A key, once `bare` (NFKC,
no quotes, brackets, zero-width or format characters, nor what follows a bracket after the name), is
read by its PARTS here, in this order: a draft word (草稿, 不发布, 不公示, 是否发布, 是否公示, 发布状态)
is draft; a phone word (电话, 手机, 号码) with a showing word (显示, 公开, 隐藏, 保密), and not a house,
plate or WeChat number, is show_phone; a membership word (党员, 面貌, 政治身份) not about a post, an
activity or a date is party_member; an alias word (化名, 别名, 网名, 匿名, 姓名保密, 不显示姓名) not about
the claimer or a donor is wisher_alias. A key that is a sheet header of another field (`发布日期` is a
wish's posted_on) is never read so. Words that only touch these matters (公开, 发布, 隐藏, 党, 政治) are
not read as them (break21c: `公开课: 是`, `党建活动: 是`, `服务对象: 群众` were refused).

A value can say it under a key that asks for it: `状态: 草稿` or `status: draft` on an activity (which
has no status) is a draft; `身份: 群众` on a disclosure is party_member.
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

# (field, parts any of which the key must hold, parts one of which it must hold as well, if any, parts
# none of which it may hold). Only parts that name the field itself: a key that merely holds 公开, 发布,
# 隐藏, 党 or 政治 (公开课, 公众号发布, 隐藏菜单, 公示日期, 党建活动, 政治学习, 服务对象) is another matter,
# warned as unknown (break21c: refusing those blocked ordinary records with advice that changed them).
_PARTS: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]] = (
    ("draft", ("草稿", "不发布", "不發布", "不公示", "是否发布", "是否發布", "是否公示", "发布状态", "發布狀態",
               "draft", "unpublish"), (), ()),
    ("show_phone", ("电话", "手机", "号码", "電話", "號碼", "phone", "mobile"),
     ("显示", "公开", "隐藏", "保密", "顯示", "公開", "隱藏", "show", "hide", "display", "private"),
     ("门牌", "門牌", "微信", "车牌", "車牌", "房", "身份证", "身份證", "账号", "賬號", "qq", "wechat")),
    ("party_member", ("党员", "黨員", "面貌", "政治身份", "party"), (),
     ("先锋", "先鋒", "中心户", "中心戶", "示范", "示範", "岗", "崗", "活动", "活動", "学习", "學習", "组织",
      "組織", "党建", "黨建", "小组", "小組", "支部", "龄", "齡", "时间", "時間", "日期", "人数", "人數", "对象",
      "對象", "联系", "聯繫", "发展", "發展", "积极", "積極", "志愿", "志願")),
    ("wisher_alias", ("化名", "别名", "別名", "网名", "網名", "匿名", "姓名保密", "不显示姓名", "不顯示姓名",
                      "alias", "nickname", "anonymous"), (),
     ("认领", "認領", "捐", "志愿", "志願", "claim", "donor", "donat")),
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
    for field, parts, also, not_these in _PARTS:
        if any(p in key for p in parts) and (not also or any(p in key for p in also)) \
                and not any(p in key for p in not_these):
            return field
    return None


_STATUS: Final = ("状态", "狀態", "status", "state")
_STANDING: Final = ("身份",)


def by_value(value: object, key: str = "") -> str | None:
    """The guarded field a value says under an unknown folded `key` that asks for it: draft for 草稿/draft under
    a status (`状态: 草稿`, `status: draft` on an activity, which has no status), party_member for 群众/党员
    under a standing (`身份: 群众`). Under any other key (新闻稿: 草稿, 服务对象: 群众) the value is its text."""
    said = folded_word(value) if isinstance(value, str) else ""
    if said in DRAFT_WORDS and any(word in key for word in _STATUS):
        return "draft"
    return "party_member" if said in _PARTY_VALUES and any(word in key for word in _STANDING) else None


def is_date(value: object) -> bool:
    """Whether a typed value starts as a date: 2026-11-01, 2026年11月1日, 11月1日."""
    return isinstance(value, str) and _DATE.match(value) is not None


def negative(key: str) -> bool:
    """Whether the folded key says not showing, so that its yes means no (非党员, 电话保密, 不公示)."""
    return any(word in key for word in NEGATIVE if not word.isascii()) or key.startswith(("un", "no", "hide"))
