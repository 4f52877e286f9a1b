"""Message catalogues: one YAML file per interface language, texts with named placeholders."""

from __future__ import annotations

import os
import re
import string
from functools import cache
from importlib import resources
from typing import Final

import yaml

LANGUAGES: Final = ("zh-Hans", "zh-Hant", "en")
DEFAULT_LANGUAGE: Final = "zh-Hans"
# Placeholders that carry a field's key as the worker types it (`claimed_by`, `timeline[2].date`): each
# also gives `{NAME_name}`, the field as the form and the 表格模板 call it (认领人或单位（claimed_by）).
FIELD_ARGS: Final = ("field", "later", "earlier", "key")
# Arguments sitegen writes itself in Simplified Chinese (a field's choices, 仅海报（poster）、完整（full）…, from the
# kind registry; the two readings of 3点, 下午3点 and 凌晨3点; a status or show_phone as the site says it, 已议定):
# in the reader's script, as the rest of the message (a value the worker typed never is).
OWN_WORDS: Final = ("words", "first_words", "second_words", "status_words", "show_words")
_FIELD_PART: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")
_UNIT: Final = re.compile(r"（[^（）]*）$")  # a form label's own note: 共建单位（每行一个）, 价值（元）
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
        """The message for `key` with its placeholders filled (positional-only: an argument may be called key);
        a field key in one of FIELD_ARGS also fills `{NAME_name}` (`field_name`) unless it is given."""
        template = self._texts.get(key) or self._fallback.get(key)
        if template is None:
            return key + (f" {args}" if args else "")
        for name in FIELD_ARGS:
            if name in args and f"{name}_name" not in args:
                args[f"{name}_name"] = self.field_name(str(args[name]))
        if self.language == "zh-Hant":
            for name in OWN_WORDS:
                if isinstance(args.get(name), str):
                    from sitegen.hanzi import converter

                    args[name] = converter()(str(args[name]))
        return string.Formatter().vformat(template, (), _Lenient(args)).strip()

    def _label(self, name: str) -> str | None:
        label = self._texts.get(f"edit.field.{name}")
        return _UNIT.sub("", label) if label else None

    def field_name(self, key: str, scope: str = "") -> str:
        """A field as a Chinese reader knows it and as it is typed: `claimed_by` → 认领人或单位（claimed_by）,
        `timeline[2].date` → 进展记录第 2 项的日期（timeline[2].date）, from the editor's labels (edit.field.*;
        `scope` "site" or "street" first looks up that file's own, edit.field.site.name = 社区名称). English,
        and a key with no label (an unknown field), is the key alone, quoted: “claimed_by” (field.typed)."""
        said, parent, indexed = "", "", False
        for part in key.split(".") if self.language != "en" else ():
            match = _FIELD_PART.fullmatch(part)
            if match is None:
                return self.text("field.typed", typed=key)
            name, index = match.groups()
            own = (self._label(f"{scope}.{name}") if scope and not said else None) or (
                self._label(f"{parent}.{name}") if parent else None)
            label = own or self._label(name)
            if label is None:
                return self.text("field.typed", typed=key)
            joined = own and said and not indexed  # 会议日期, not 议事会议的会议日期
            said = label if not said or joined else self.text("field.part", whole=said, part=label)
            if index:
                said = self.text("field.item", name=said, number=index)
            parent, indexed = name, bool(index)
        return self.text("field.named", name=said, typed=key) if said else self.text("field.typed", typed=key)
