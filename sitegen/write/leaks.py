"""The last gate before publishing: no file may hold a wisher's full name or a hidden phone number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sitegen.model.privacy import mask_name
from sitegen.model.records import Secrets
from sitegen.validate.privacy import build_matcher

_TEXT_SUFFIXES: Final = (".html", ".xml", ".ics", ".txt", ".js", ".css", ".json", ".svg", ".webmanifest")
_DIGIT_RUN: Final = re.compile(r"\d(?:[\d \-\u00a0]*\d)?")


@dataclass(frozen=True, slots=True)
class Leak:
    path: str
    what: str  # already masked: safe to print


class LeakScanner:
    """Scan every file about to be published; posters may show what show_phone allows on paper."""

    def __init__(self, secrets: Secrets) -> None:
        self.names = build_matcher(secrets.names)
        self.web_phones = secrets.web_hidden_phones
        self.poster_phones = secrets.poster_hidden_phones
        self.lengths = sorted({len(p) for p in secrets.web_hidden_phones | secrets.poster_hidden_phones})

    def scan(self, path: str, data: bytes) -> Leak | None:
        lowered = path.lower()
        for part in path.split("/"):
            leak = self._in_text(path, part, self.web_phones)
            if leak:
                return leak
        if not lowered.endswith(_TEXT_SUFFIXES):
            return None
        text = data.decode("utf-8", errors="replace")
        phones = self.poster_phones if path.startswith("posters/") else self.web_phones
        return self._in_text(path, text, phones)

    def _in_text(self, path: str, text: str, phones: frozenset[str]) -> Leak | None:
        if self.names is not None:
            for _, name in self.names.iter(text):
                return Leak(path, mask_name(name))
        if phones:
            for run in _DIGIT_RUN.findall(text):
                digits = re.sub(r"\D", "", run)
                for size in self.lengths:
                    for start in range(len(digits) - size + 1):
                        phone = digits[start : start + size]
                        if phone in phones:
                            return Leak(path, phone[:3] + "****" + phone[-4:])
        return None
