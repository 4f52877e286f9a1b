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
from typing import Final, SupportsIndex

from markupsafe import Markup, escape

_SECRET: Final = secrets.token_hex(8)
NAME_OPEN: Final = f"\x02sgname{_SECRET}\x03"  # ASCII: OpenCC passes it through untouched
NAME_CLOSE: Final = f"\x02/sgname{_SECRET}\x03"

# Words that end the name of a group or a post rather than a person: 福桂苑党支部, 社区居委会,
# 红十字会, 某某公司, 楼栋长, 社区书记, 居民代表, 负责人.
_GROUP_ENDINGS: Final = ("会", "部", "委", "站", "队", "社", "司", "院", "校", "处", "局", "所", "组", "厂",
                         "店", "馆", "团", "室", "办", "户", "们", "员", "者", "区", "班", "群", "长", "记",
                         "任", "表", "人")
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
    """A `Name` when `who` reads as one person (2-5 Han characters, no group word at its end); else as is.

    Used for fields that may hold a person or a group (`organizer`, `claimed_by`, `raised_by`,
    a meeting's `host`): 于海 is kept as typed, 福桂苑党支部 is converted like any other text.
    """
    if who is None:
        return None
    if _PERSON.fullmatch(who) and not who.endswith(_GROUP_ENDINGS):
        return Name(who)
    return who


def unmark(text: str) -> str:
    """The text with every name marker removed (the main tree, posters, and after conversion)."""
    return text.replace(NAME_OPEN, "").replace(NAME_CLOSE, "")
