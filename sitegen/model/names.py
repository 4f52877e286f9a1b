"""People's names, kept exactly as typed in every script (于海 stays 于海 in the 繁體 tree).

于, 余, 范, 郁, 干, 后, 钟, 朴, 台, 叶 … are surnames in Traditional Chinese too, and OpenCC's
s2tw turns them into other words (于海 → 於海, 范冰 → 範冰). A name in the model is a `Name`;
when a template prints it (autoescape calls `__html__`), it comes out between two markers
holding a per-process secret, which the renderer's script conversion skips and then removes.
Content cannot forge a marker: it does not know the secret.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from functools import lru_cache
from typing import Final, SupportsIndex

from markupsafe import Markup, escape

from sitegen.validate.privacy import build_matcher

_SECRET: Final = secrets.token_hex(8)
NAME_OPEN: Final = f"\x02sgname{_SECRET}\x03"  # ASCII: OpenCC passes it through untouched
NAME_CLOSE: Final = f"\x02/sgname{_SECRET}\x03"

# Words that end the name of a group or a post rather than a person: 福桂苑党支部, 社区居委会,
# 红十字会, 某某公司, 楼栋长, 社区书记, 居民代表, 负责人.
_GROUP_ENDINGS: Final = ("会", "部", "委", "站", "队", "社", "司", "院", "校", "处", "局", "所", "组", "厂",
                         "店", "馆", "团", "室", "办", "户", "们", "员", "者", "区", "班", "群", "长", "记",
                         "任", "表", "人")
# Two-character words ending an organisation's name whose last character ends people's names too
# (张建业, 王中心 are people; 福桂苑物业, 党群服务中心 are not): a 共建单位 is most often one of these.
_GROUP_WORDS: Final = ("物业", "企业", "中心", "银行", "超市", "药房", "商贸", "餐饮", "医药", "科技")
# Words naming a role, a post or a kind of people, never one person: typed alone (raised_by: 业主, claimed_by:
# 群众, host: 社区民警) or after two or more characters (热心群众, 福桂苑业主, 全体党员) they are no one's name,
# and the 繁體 mirror converts them as any word (業主, 群眾). After one character (范民警, 王业主) they may
# stand for a person by surname, and stay as typed.
_ROLE_WORDS: Final = frozenset((
    "业主", "群众", "居民", "村民", "住户", "租户", "商户", "志愿者", "义工", "党员", "团员", "少先队员", "共建单位",
    "单位", "爱心人士", "热心人士", "人士", "红马甲", "红袖章", "社区民警", "民警", "片警", "辅警", "交警", "网格员",
    "网格长", "楼长", "楼栋长", "单元长", "物业", "居委会", "业委会", "村委会", "社工", "街坊", "邻居", "大家",
    "全体", "匿名", "保安", "保洁", "门卫", "城管", "环卫工人", "退休职工", "老党员", "老年人", "残疾人", "热心人",
    "街道", "市民", "学生", "老师", "小朋友", "医生", "护士", "消防", "红十字"))
# Words ending the name of an organisation (望湖小学, 阳光幼儿园, 青松药业, 惠民商行, 社区食堂, 中国移动) whose
# last character ends people's names too (王志学, 李园, 张建业, 张志行, 李玉堂, 李玉楼): one is a group only after
# two or more characters, so a 2–3 character name (王小学, 李家园, 张家政) stays a person.
_ORG_WORDS: Final = ("小学", "中学", "大学", "学校", "幼儿园", "托儿所", "家园", "花园", "公园", "乐园", "药业",
                     "商业", "实业", "置业", "农业", "工业", "集团", "商行", "车行", "分行", "支行", "人士", "女士",
                     "马甲", "民警", "交警", "派出所", "警务站", "卫生站", "诊所", "药店", "商店", "书店", "餐厅",
                     "酒楼", "食堂", "书屋", "工作坊", "家政", "快递", "移动", "电信", "联通")
_PERSON: Final = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff·*＊]{1,4}")


class Name(str):
    """A person's name as typed: printed by a template, it is marked so no script conversion touches it."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return Markup(NAME_OPEN + escape(str(self)) + NAME_CLOSE)  # noqa: S704 - escaped just here

    def __getitem__(self, key: SupportsIndex | slice) -> Name:  # the avatar's initial is the surname
        return Name(str.__getitem__(self, key))


class NamedText(str):
    """Text made of names and words (a disclosure's title `于海 · 楼栋长`): only the names are kept as typed."""

    def __new__(cls, *parts: str) -> NamedText:
        text = super().__new__(cls, "".join(parts))
        text.parts = parts
        return text

    parts: tuple[str, ...]

    def __html__(self) -> Markup:
        return Markup("".join(escape(p) for p in self.parts))  # noqa: S704 - each part escaped


def person_or_group(who: str | None) -> str | None:
    """A `Name` when `who` reads as one person (2-5 Han characters, no group word at its end, not a role
    word such as 业主, 群众, 共建单位, nor an organisation such as 望湖小学, 青松药业); else as is.

    Used for fields that may hold a person or a group (`organizer`, `partners`, `claimed_by`, `raised_by`,
    a meeting's `host`): 于海 is kept as typed, 福桂苑党支部 is converted like any other text.
    """
    if who is None:
        return None
    if _PERSON.fullmatch(who) and not who.endswith(_GROUP_ENDINGS + _GROUP_WORDS) and not _is_role(who):
        return Name(who)
    return who


def _is_role(who: str) -> bool:
    """`who` is a role or an organisation (_ROLE_WORDS, _ORG_WORDS): the word itself, or two or more
    characters before it; after one character it may be a person called by surname (范民警)."""
    if who in _ROLE_WORDS:
        return True
    ends = [w for w in (*_ROLE_WORDS, *_ORG_WORDS) if who.endswith(w)]
    return any(len(who) - len(w) >= 2 for w in ends)


def unmark(text: str) -> str:
    """The text with every name marker removed (the main tree, posters, and after conversion)."""
    return text.replace(NAME_OPEN, "").replace(NAME_CLOSE, "")



def known_names(records: Iterable[object]) -> tuple[str, ...]:
    """Every person's name the records show (each `Name` of their fields, a meeting's host too), longest first.

    The 繁體 mirror keeps each of them as typed wherever it stands in converted text (render/script.py):
    范志发 in a title 范志发带队巡逻 is the same person as the disclosure's name. A name of one character
    or of ASCII alone is left out (OpenCC converts no ASCII; one character is no one's name).
    Sorted by length (longest first), then by code point: the same records give the same tuple.
    """
    found: set[str] = set()
    for record in records:
        found.update(_own_names(record))
    return _ordered(found)


def all_names(lists: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The names of every list (several sites' `known_names`: a street's communities) as one tuple, as
    `known_names` orders and filters them: the same lists in any order give the same tuple."""
    return _ordered({name for names in lists for name in names})


def _ordered(found: set[str]) -> tuple[str, ...]:
    """`found` without names of one character or of ASCII alone, longest first, then by code point."""
    return tuple(sorted((n for n in found if len(n) > 1 and not n.isascii()), key=lambda n: (-len(n), n)))


# A memo of a pure function (a record's names follow from what it shows, which its digest stands for), not
# build state: (address, digest) → its Name values. A `serve` rebuild reads again only the records that changed.
_OWN: dict[tuple[str, str], frozenset[str]] = {}
_MEMO_LIMIT: Final = 100_000


def _own_names(record: object) -> frozenset[str]:
    """The `Name` values of a record's fields (as `_values` walks them)."""
    key = (str(getattr(record, "url", "")), str(getattr(record, "digest", "")))
    found = _OWN.get(key) if key[1] else None
    if found is None:
        found = frozenset(str(v) for v in _values(record) if isinstance(v, Name))
        if key[1]:
            if len(_OWN) >= _MEMO_LIMIT:
                _OWN.clear()
            _OWN[key] = found
    return found


class NameFinder:
    """Where the known names stand in a text: one Aho-Corasick automaton over all of them, built once
    per set of names (`name_finder`); positions are code points."""

    def __init__(self, names: Iterable[str]) -> None:
        automaton = build_matcher(names)  # the leak check's matcher: each name its own value
        if automaton is None:
            raise ValueError("a NameFinder needs a name (name_finder gives None for none)")
        self._automaton = automaton
        self._found: dict[tuple[str, str], tuple[str, ...]] = {}  # others_in's memo, by (address, digest)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the runs of `text` that some name covers, in order, not overlapping: every
        character of every name's every occurrence, overlapping names joined (于海 and 海丽 in 关于海丽: 于海丽;
        of 范志 and 范志发, 范志发). A name inside a longer word (于海 in 关于海洋) is found too: a word half
        converted (關于海洋) is the lesser harm, a name altered never (tests/render/test_names_beside_words.py).
        Leftmost-longest alone had kept 于海 and converted 海丽's 丽 (breaker helper-117)."""
        runs: list[tuple[int, int]] = []
        for start, end in sorted((end + 1 - len(name), end + 1) for end, name in self._automaton.iter(text)):
            if runs and start <= runs[-1][1]:
                if end > runs[-1][1]:
                    runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        return runs

    def others_in(self, item: object) -> tuple[str, ...]:
        """The names standing anywhere in the text of `item`'s fields (overlapping ones too: each may
        change which one a page keeps) but its own (its `Name` fields, which are known while it is),
        sorted. What a record's 繁體 forms depend on besides the record: model/build.py puts it in its digest."""
        key = (str(getattr(item, "url", "")), str(getattr(item, "digest", "")))
        known = self._found.get(key) if key[1] else None
        if known is None:
            known = self._others(item)
            if key[1]:
                if len(self._found) >= _MEMO_LIMIT:
                    self._found.clear()
                self._found[key] = known
        return known

    def _others(self, item: object) -> tuple[str, ...]:
        values = [v for v in _values(item) if isinstance(v, str)]
        found = self.held_by("\x00".join(values)) if values else ()
        return tuple(sorted(set(found).difference(v for v in values if isinstance(v, Name))))

    def held_by(self, text: str) -> tuple[str, ...]:
        """Every name standing anywhere in `text` (overlapping ones too), sorted, each once: 范志 and 范志发
        in 范志发说. What a text's 繁體 form depends on besides the text (pipeline/published.py site_base
        takes the theme's)."""
        return tuple(sorted({name for _, name in self._automaton.iter(text)})) if text else ()


@lru_cache(maxsize=8)
def name_finder(names: tuple[str, ...]) -> NameFinder | None:
    """The finder of `names` (Model.names), None when there are none: built once per process for a set
    of names (a `serve` rebuild with the same names, and the forked workers, take the same one)."""
    return NameFinder(names) if names else None


def _values(item: object) -> Iterator[object]:
    """The values of a dataclass's fields, with those of the tuples, dicts and dataclasses (a meeting) among them."""
    for field in fields(item):  # type: ignore[arg-type]
        value = getattr(item, field.name)
        if isinstance(value, tuple | list):
            yield from value
        elif isinstance(value, dict):
            yield from value.values()
        elif is_dataclass(value) and not isinstance(value, type):
            yield from (getattr(value, inner.name) for inner in fields(value))
        else:
            yield value
