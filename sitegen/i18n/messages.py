"""Message catalogues: one YAML file per interface language, texts with named placeholders."""

from __future__ import annotations

import os
import string
from functools import cache
from importlib import resources
from typing import Final

import yaml

LANGUAGES: Final = ("zh-Hans", "zh-Hant", "en")
DEFAULT_LANGUAGE: Final = "zh-Hans"
_ALIASES: Final = {
    "zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-hans": "zh-Hans", "zh_cn": "zh-Hans", "cn": "zh-Hans",
    "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-hant": "zh-Hant", "zh_tw": "zh-Hant", "tw": "zh-Hant",
    "en": "en", "en-us": "en", "en-gb": "en", "english": "en",
}


def normalise_language(value: str | None) -> str | None:
    """Map what a user types (zh-CN, zh_TW, en) to one of LANGUAGES, or None."""
    if not value:
        return None
    return _ALIASES.get(value.strip().lower().split(".")[0])


def language_from_env() -> str | None:
    """SITEGEN_LANG overrides the site's language for messages."""
    return normalise_language(os.environ.get("SITEGEN_LANG"))


@cache
def _catalogue(language: str) -> dict[str, str]:
    text = resources.files("sitegen.i18n").joinpath(f"{language}.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {str(k): str(v) for k, v in data.items()}


class _Lenient(dict[str, object]):
    """Leaves an unknown placeholder visible instead of failing: a message must never crash."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Messages:
    """Texts of one language, falling back to English, then to the key itself."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = normalise_language(language) or DEFAULT_LANGUAGE
        self._texts = _catalogue(self.language)
        self._fallback = _catalogue("en")

    def text(self, key: str, /, **args: object) -> str:
        """The message for `key` with its placeholders filled (positional-only: an argument may be called key)."""
        template = self._texts.get(key) or self._fallback.get(key)
        if template is None:
            return key + (f" {args}" if args else "")
        return string.Formatter().vformat(template, (), _Lenient(args)).strip()
