"""The last gate before publishing: no file may hold a wisher's full name or a hidden phone number.

Every published file is searched in every view a reader or a program could see it in (as written,
its markup's text, unfolded calendar lines, decoded escapes; `disguise.views`), each folded so that
zero-width characters, full-width digits and separators between digits hide nothing (`disguise.fold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sitegen.errors import printable
from sitegen.model.privacy import mask_name
from sitegen.model.records import Secrets
from sitegen.validate.disguise import fold, fold_name, phone_digits, views
from sitegen.validate.privacy import build_matcher

if TYPE_CHECKING:
    from sitegen.i18n.messages import Messages

_TEXT_SUFFIXES: Final = (".html", ".htm", ".xml", ".ics", ".txt", ".js", ".mjs", ".css", ".json", ".svg",
                         ".webmanifest", ".map", ".csv", ".md")


@dataclass(frozen=True, slots=True)
class Leak:
    path: str
    what: str  # already masked: safe to print
    source: str = ""  # PATH:LINE of the wish or disclosure the name or number belongs to, when known

    def render(self, messages: Messages) -> str:
        """The line the CLI and serve print: the output file, the masked secret, and whose it is."""
        if self.source:
            return messages.text("cli.leak_source", path=printable(self.path), what=self.what, source=self.source)
        return messages.text("cli.leak", path=printable(self.path), what=self.what)


def _masked(word: str) -> str:
    return word[:3] + "****" + word[-4:] if word.isdigit() else mask_name(word)


class LeakScanner:
    """Scan every file about to be published (Aho-Corasick over folded names and phone digits).

    Every file of the published output folder, posters included, follows the web rule (SPEC §3);
    `printed=True` scans the print folder, which may hold what show_phone allows on paper.
    """

    def __init__(self, secrets: Secrets, printed: bool = False) -> None:
        self.printed = printed
        self.table = str.maketrans(dict(secrets.script_chars))
        self.script = _ScriptFold(dict(secrets.script_chars))
        names = {fold_name(name).translate(self.table) for name in secrets.names} - {""}
        web = {phone_digits(p) for p in secrets.web_hidden_phones} - {""}
        poster = {phone_digits(p) for p in secrets.poster_hidden_phones} - {""}
        self.web = build_matcher(names | web)
        self.poster = build_matcher(names | poster)
        self.sources: dict[str, str] = {}  # folded name or digits → PATH:LINE of the record it belongs to
        for word, where in secrets.sources.items():
            key = phone_digits(word) if word.isdigit() else fold_name(word).translate(self.table)
            self.sources.setdefault(key, where)

    def scan(self, path: str, data: bytes) -> Leak | None:
        """The first leak in the file's name or its text (any text suffix), else None."""
        leak = self.find(path, path)
        if leak is not None or not path.lower().endswith(_TEXT_SUFFIXES):
            return leak
        return self.find(path, data.decode("utf-8", errors="replace"))

    def find(self, path: str, text: str) -> Leak | None:
        matcher = self.poster if self.printed else self.web
        if matcher is None:
            return None
        for view in views(path, text):
            folded = self.script(fold(view))
            for _, word in matcher.iter(folded):
                return Leak(path, _masked(word), self.sources.get(word, ""))
        return None


class _ScriptFold:
    """Maps the characters of a name's other scripts onto one (劉→刘, 曉→晓), as str.translate with
    that table would, but touching only the characters that occur: a page of Chinese text holds few
    of them, and translate looks up every character (a tenth of a cold build's time, in cProfile)."""

    def __init__(self, chars: dict[str, str]) -> None:
        self.chars = chars
        self.pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return self.chars[match.group()]
