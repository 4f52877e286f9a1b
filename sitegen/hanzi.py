"""Simplified ↔ Traditional Chinese with OpenCC: each converter is built once per process.

Building one loads its dictionaries (about 44 MB and a tenth of a second for s2tw), so the
website's 繁體 copies (render/site.py), the search index (render/search.py, search_text.py), the
wishers' names (validate/privacy.py) and the catalogues (i18n/make_hant.py) all take theirs from
here. The configurations are OpenCC's own (https://github.com/BYVoid/OpenCC, data/config): s2tw
gives Taiwan-standard characters without changing phrases, which is what the 繁體 pages use.

A caller that knows a converter will be wanted soon may `open_early` it: OpenCC's constructor
(C++) lets go of Python's interpreter lock while it reads its dictionaries, so a thread builds it on
another core while this one goes on (a street checks the community that changed meanwhile,
street/build.py). `converter` then waits for that thread instead of building a second one. Whoever
forks a process after `open_early` calls `converter` first (the thread is then finished): a child
forked while the thread runs would not have it, and would build its own.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from typing import Final

TO_TRADITIONAL: Final = "s2tw"  # the website's 繁體 copies and the zh-Hant catalogues
# Words OpenCC converts character by character, or by the words around it, where a Traditional reader's
# screen says otherwise; applied after s2tw to the zh-Hant catalogues (i18n/make_hant.py) and to the
# 繁體 pages' text (render/script.py, never to a name), so that a page says what its catalogue says.
# The iPhone's own menu path, as Taiwan's iOS names it (the seed pages use Taiwan's characters).
PHRASES: Final = {"設置 → 相機 → 格式 → 兼容性最佳": "設定 → 相機 → 格式 → 最相容",
                  # OpenCC gives 發布 or 發佈 by the words around it (发布日期 → 發佈日期, 重新发布 → 重新發布);
                  # one line said both (newcomer20), a page 發佈日期 beside the catalogue's 發布 (session 21)
                  "發佈": "發布"}


def with_phrases(text: str) -> str:
    """`text` (converted by s2tw already) with each of PHRASES as the catalogues say it."""
    for converted, said in PHRASES.items():
        text = text.replace(converted, said)
    return text


# Characters that are Traditional characters themselves where a place or a family is named, which s2tw
# turns into another word's character by the words around it: 里 of a lane or a neighbourhood (幸福里 →
# 幸福裡, 长安里 → 長安裡, where 平安里 and 锦绣里 stay 里), and the family names 于, 干 and 余 (于家村 →
# 於家村, 余庆里 → 餘慶裡). In a place's name they stay as typed (Taiwan's own 里 are 里).
NAME_CHARACTERS: Final = frozenset("里于干余")


_PLACE_AFTER_LI: Final = frozenset("小社街居弄号巷路栋楼村东西南北新甲乙丙丁第一二三四五六七八九十（(")


def place_units(words: Iterable[str]) -> tuple[str, ...]:
    """The short names inside place names that hold one of NAME_CHARACTERS (what keep_place_characters
    looks for), as a text names that place again:

    - a 里 ending a name or standing before a digit or a place's word (小区, 社区, 街道, 弄, 号, 路 …),
      with the two characters before it: 长安里街道 → 长安里, 幸福里小区 → 幸福里, 春晓里 → 春晓里 (a
      body says 长安里 alone); not 小区里的广场, where 里 is "inside";
    - a 于, 干 or 余 beginning a name, a family's (于家村, 余庆里), with the two after it: 于家村文化广场
      → 于家村; not 位于社区服务中心 or 军区干休所, where it is a word's (breaker helper-120: 关于社区
      was kept 關于社區 on every page of a site whose office was 位于社区…).

    Sorted, each once; a unit of one character is none."""
    units: set[str] = set()
    for word in words:
        if word[:1] in "于干余":
            units.add(word[:3])
        for at, character in enumerate(word):
            if character == "里" and at and (at == len(word) - 1 or word[at + 1] in _PLACE_AFTER_LI
                                               or word[at + 1].isdigit()):
                units.add(word[max(0, at - 2):at + 1])
    return tuple(sorted(unit for unit in units if len(unit) > 1))


def keep_place_characters(source: str, converted: str, spans: Iterable[tuple[int, int]]) -> str:
    """`converted` (s2tw of `source`, before PHRASES: one character for each) with the NAME_CHARACTERS
    of `source` put back in each of `spans` ((start, end) where a place name of place_units stands in
    `source`: a NameFinder of them) : 幸福里小区 → 幸福裡小區 → 幸福里小區, 在于家堡 → 在於家堡 → 在于家堡,
    余庆里社区 → 餘慶里社區 → 余慶里社區. By position, so whatever OpenCC made of the name among its
    neighbours, its characters come back; every other character stays converted. `converted` itself
    when the lengths differ (not expected: s2tw maps character to character) or there is no span.

    Applied to a page's converted text (render/script.py keep_names_and_urls) before PHRASES.
    """
    return _put_back(source, converted, (at for start, end in spans for at in range(start, end)
                                         if source[at] in NAME_CHARACTERS))


def _put_back(source: str, converted: str, positions: Iterable[int]) -> str:
    """`converted` with `source`'s character at each of `positions`; itself when there is none, or
    when the lengths differ (not expected: s2tw maps character to character)."""
    if len(converted) != len(source):
        return converted
    characters: list[str] | None = None
    for at in positions:
        if characters is None:
            characters = list(converted)
        characters[at] = source[at]
    return converted if characters is None else "".join(characters)


# Family names that are Traditional characters themselves, which s2tw turns into another word's character
# wherever it finds them (于 → 於, 余 → 餘, 范 → 範, 党 → 黨, 郁 → 鬱, 朴 → 樸): a body's 于师傅 came out
# 於師傅 (breaker helper-123). Kept as typed where one plainly names a person: before a form of address
# (师傅, 阿姨, 书记, 副主任 …), and after no Chinese character or after one that leads to a person: a verb
# or a word joining people (和于阿姨, 请范老师, 看望于大爷), or a word naming what they are (志愿者于师傅,
# 邻居于阿姨, 党员于师傅, 楼长于大哥, 居委会于副主任; breaker helper-126). After any other character it may end
# a word (由于阿姨…, 其余老人, 模范党员); 由 leads to a person for all but 于 (由范主任牵头, 由于…), and 希望于,
# 期望于 are "hope in", 已经于, 曾经于 "already/once at". A name no form of address follows (居民于秀兰) is
# the records' to keep (model/names.py).
SURNAMES_CONVERTED: Final = "于余范党郁朴"
_ADDRESSED: Final = ("师傅", "师父", "阿姨", "大爷", "大妈", "大娘", "大姐", "大哥", "大叔", "大伯", "奶奶", "爷爷", "叔叔",
                     "阿婆", "婆婆", "伯伯", "阿公", "阿伯", "老伯", "老太", "老师", "书记", "主任", "医生", "大夫",
                     "警官", "同志", "女士", "先生", "小姐", "经理", "站长", "队长", "组长", "会长", "楼长",
                     "委员", "校长", "院长", "部长", "科长", "所长", "护士", "民警", "教授", "会计", "老板", "厂长",
                     "社工", "姐", "哥", "叔", "婶", "嫂")
_LEADING: Final = "的和与跟同及找请给向是让叫被把为帮陪谢望访问扬贺者居员长生会民经友工士人家于系询知区主师户业所日、"
# A form of address that begins a place's name is no one's (社工站, 委员会, 书记处): 居民于社工站签到 is "at".
_PLACE_AFTER: Final = "站会室处部办院厅局"
_BEFORE_ADDRESS: Final = re.compile(rf"[{SURNAMES_CONVERTED}](?=副?(?:{'|'.join(_ADDRESSED)})(?![{_PLACE_AFTER}]))")
_NOT_LEADING: Final = ("希望", "期望", "已经", "曾经")


def _addressed(source: str, at: int) -> bool:
    """Whether the family name at `at` (before a form of address) is led to as a person's: see above.
    Checked here for each candidate the pattern finds: as lookbehinds in the pattern, every position
    of every page was tried (0.6 ms a page)."""
    before = source[at - 1] if at else ""
    if not ("\u3400" <= before <= "\u9fff"):
        return True
    if source[max(0, at - 2):at] in _NOT_LEADING:
        return False
    return before in _LEADING or (before == "由" and source[at] != "于")


def keep_surnames(source: str, converted: str) -> str:
    """`converted` (s2tw of `source`, before PHRASES: one character for each) with each family name of
    SURNAMES_CONVERTED that `source` addresses a person by put back: 请于师傅 → 請於師傅 → 請于師傅, while
    由于阿姨 → 由於阿姨 stays. `converted` itself when the lengths differ (not expected) or none is found.

    Applied to a page's converted text (render/script.py keep_names_and_urls) before PHRASES."""
    return _put_back(source, converted, (found.start() for found in _BEFORE_ADDRESS.finditer(source)
                                         if _addressed(source, found.start())))


# A memo of pure functions (the same text always converts the same way), not build state: config → convert.
# Plain dict operations, atomic under the interpreter lock: no lock a fork could copy while held.
_BUILT: dict[str, Callable[[str], str]] = {}
_OPENING: dict[str, threading.Thread] = {}  # config → the thread `open_early` started for it


class OpenCCBroken(Exception):
    """OpenCC cannot build a converter: not installed, its dictionaries missing or damaged, or a
    configuration it does not ship (the cause says which). The CLI says `KEY` in the user's language
    (cli/errors.py, exit 2); hanzi sits below sitegen.errors, so this is no UsageProblem."""

    KEY: Final = "cli.opencc_broken"


def converter(config: str = TO_TRADITIONAL) -> Callable[[str], str]:
    """OpenCC's `convert` for one configuration ("s2tw", "t2s", "s2hk" …), built on first use (or
    taken from the thread `open_early` started, once it is done).

    Raises OpenCCBroken when OpenCC cannot build it (not installed, its
    dictionaries missing or damaged, a configuration it does not ship).
    """
    found = _BUILT.get(config)
    if found is not None:
        return found
    opening = _OPENING.pop(config, None)
    if opening is not None:
        opening.join()  # in a forked child the thread is not running: join returns at once
        found = _BUILT.get(config)
    return found if found is not None else _build(config)


def open_early(config: str = TO_TRADITIONAL) -> None:
    """Start building `config`'s converter on a daemon thread and return at once; nothing when it is
    built or being built. A configuration OpenCC lacks fails in `converter`, not here."""
    if config in _BUILT or config in _OPENING:
        return
    thread = threading.Thread(target=_build_quietly, args=(config,), name=f"opencc-{config}", daemon=True)
    _OPENING[config] = thread
    thread.start()


def finish_opening() -> None:
    """Wait until every thread `open_early` started has ended; call it before forking a process."""
    for thread in list(_OPENING.values()):
        thread.join()


def _build(config: str) -> Callable[[str], str]:
    """OpenCC's converter for `config`; OpenCCBroken when OpenCC cannot be imported or cannot read
    its dictionaries (its own error is English and names no remedy)."""
    try:
        import opencc

        convert: Callable[[str], str] = opencc.OpenCC(config).convert
    except Exception as e:  # noqa: BLE001 - whatever OpenCC raises (ImportError, RuntimeError …): one remedy
        raise OpenCCBroken(config) from e
    return _BUILT.setdefault(config, convert)


def _build_quietly(config: str) -> None:
    try:
        _build(config)
    except Exception:  # noqa: BLE001 - `converter` builds it again on its own thread and raises the error there
        pass
