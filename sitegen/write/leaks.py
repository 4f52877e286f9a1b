"""The last gate before publishing: no file may hold a wisher's full name or a hidden phone number.

Every published file is searched in every view a reader or a program could see it in (as written,
its markup's text, unfolded calendar lines, decoded escapes; `disguise.views`), each folded so that
zero-width characters, full-width digits and separators between digits hide nothing (`disguise.fold`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sitegen.model.privacy import mask_name
from sitegen.model.records import Secrets
from sitegen.validate.disguise import fold, fold_name, phone_digits, views
from sitegen.validate.privacy import build_matcher

_TEXT_SUFFIXES: Final = (".html", ".htm", ".xml", ".ics", ".txt", ".js", ".mjs", ".css", ".json", ".svg",
                         ".webmanifest", ".map", ".csv", ".md")


@dataclass(frozen=True, slots=True)
class Leak:
    path: str
    what: str  # already masked: safe to print


def _masked(word: str) -> str:
    return word[:3] + "****" + word[-4:] if word.isdigit() else mask_name(word)


class LeakScanner:
    """Scan every file about to be published (Aho-Corasick over folded names and phone digits).

    Posters may print what show_phone allows on paper; every other file follows the web rule.
    """

    def __init__(self, secrets: Secrets) -> None:
        self.table = str.maketrans(dict(secrets.script_chars))
        names = {fold_name(name).translate(self.table) for name in secrets.names} - {""}
        web = {phone_digits(p) for p in secrets.web_hidden_phones} - {""}
        poster = {phone_digits(p) for p in secrets.poster_hidden_phones} - {""}
        self.web = build_matcher(names | web)
        self.poster = build_matcher(names | poster)

    def scan(self, path: str, data: bytes) -> Leak | None:
        """The first leak in the file's name or its text (any text suffix), else None."""
        leak = self.find(path, path)
        if leak is not None or not path.lower().endswith(_TEXT_SUFFIXES):
            return leak
        return self.find(path, data.decode("utf-8", errors="replace"))

    def find(self, path: str, text: str) -> Leak | None:
        matcher = self.poster if path.startswith("posters/") else self.web
        if matcher is None:
            return None
        for view in views(path, text):
            folded = fold(view)
            if self.table:
                folded = folded.translate(self.table)
            for _, word in matcher.iter(folded):
                return Leak(path, _masked(word))
        return None
