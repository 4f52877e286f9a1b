"""ASCII slugs from Chinese text via pinyin, by phrase so that 多音字 come out right (重庆 → chongqing)."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import ModuleType
from typing import Final

_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
MAX_SLUG: Final = 80


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore", v_to_u=False))


def forget_pinyin() -> None:
    """Free pypinyin's dictionaries (about 50 MB whatever the site's size) until a slug needs them again.

    Its modules leave sys.modules and their namespaces are cleared: a module and its functions are
    a reference cycle, which only the collector frees, and a build pauses it (sitegen/runtime.py);
    cleared, the tables go at once. Nothing else holds pypinyin's objects (it is imported in
    `_word_pinyin` alone, whose memo keeps only the slugs), so the next unknown level or tag imports
    it afresh (0.3 s). Called before forking workers (pipeline/workers.py), which never slug.
    """
    for name in [n for n in sys.modules if n == "pypinyin" or n.startswith("pypinyin.")]:
        module = sys.modules.pop(name)
        if isinstance(module, ModuleType):
            module.__dict__.clear()


def _words(text: str) -> list[str]:
    """Split Han runs into words (七夕/手工/面点) with jieba; keep other runs whole."""
    import rjieba

    words: list[str] = []
    for chunk in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text):
        if chunk and _is_han(chunk[0]):
            words.extend(rjieba.cut(chunk))
        elif chunk:
            words.append(chunk)
    return words


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", folded)


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """Words joined by dashes: 七夕手工面点 → qixi-shougong-miandian; '' when nothing is left."""
    parts = []
    for word in _words(unicodedata.normalize("NFKC", text)):
        parts.append(_word_pinyin(word) if _is_han(word[0]) else _ascii(word))
    slug = _NOT_SLUG.sub("-", "-".join(parts).lower()).strip("-")
    return slug[:max_length].rstrip("-")


def level_slug(level: str) -> str:
    """One place level, pinyin of the whole phrase, no dashes: 福桂苑 → fuguiyuan, 9栋 → 9dong."""
    text = unicodedata.normalize("NFKC", level)
    parts = [_word_pinyin(run) if _is_han(run[0]) else _ascii(run)
             for run in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text) if run]
    return _NOT_SLUG.sub("", "".join(parts).lower())[:MAX_SLUG]


class Levels:
    """The place levels and tags slugged in one build (level → level_slug), kept by the build cache
    (pipeline/cache.py): pypinyin's dictionaries take 0.3 s and 50 MB to load, which a rebuild whose
    places and tags are all known need not pay."""

    def __init__(self, known: Mapping[str, str] | None = None) -> None:
        self.known: dict[str, str] = dict(known or {})

    def slug(self, level: str) -> str:
        """level_slug(level), remembered."""
        found = self.known.get(level)
        if found is None:
            found = self.known[level] = level_slug(level)
        return found
