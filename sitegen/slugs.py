"""ASCII slugs from Chinese text via pinyin, by phrase so that 多音字 come out right (重庆 → chongqing)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
MAX_SLUG: Final = 80


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore", v_to_u=False))


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
    key = f"\0{max_length}\0{text}"
    found = _LEVELS.get(key)
    if found is None:
        found = _LEVELS[key] = _slugify(text, max_length)
    return found


def _slugify(text: str, max_length: int) -> str:
    parts = []
    for word in _words(unicodedata.normalize("NFKC", text)):
        parts.append(_word_pinyin(word) if _is_han(word[0]) else _ascii(word))
    slug = _NOT_SLUG.sub("-", "-".join(parts).lower()).strip("-")
    return slug[:max_length].rstrip("-")


# Slugs computed so far (place levels, tags), seeded from the build cache: pypinyin's dictionaries
# take 0.3 s and 50 MB to load, which a rebuild whose places and tags are all known need not pay.
_LEVELS: dict[str, str] = {}


def seed_levels(known: dict[str, str]) -> None:
    _LEVELS.update(known)


def known_levels() -> dict[str, str]:
    return dict(_LEVELS)


def level_slug(level: str) -> str:
    """One place level, pinyin of the whole phrase, no dashes: 福桂苑 → fuguiyuan, 9栋 → 9dong."""
    found = _LEVELS.get(level)
    if found is None:
        found = _LEVELS[level] = _level_slug(level)
    return found


def _level_slug(level: str) -> str:
    text = unicodedata.normalize("NFKC", level)
    parts = [_word_pinyin(run) if _is_han(run[0]) else _ascii(run)
             for run in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text) if run]
    return _NOT_SLUG.sub("", "".join(parts).lower())[:MAX_SLUG]
