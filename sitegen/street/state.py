"""Where a street build keeps what is not published: community caches, print folders, summaries.

Everything lives beside OUT, never inside it (OUT is what gets uploaded):
`.OUT.sitegen-cache/communities/<slug>/` (each community's build cache and shadow copy),
`.OUT.sitegen-cache/summaries/<slug>.summary` (the last summary, for communities not rebuilt),
`.OUT.sitegen-cache/street.json` (what the street pages were made from), `codes.json` (the QR
matrices the street pages were drawn with), `street-read.json` (street/kept.py), `OUT-print/<slug>/`
(posters for the copy shop), and for a shard build `OUT.summaries/<slug>.json`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.paths import community_cache
from sitegen.write.files import replace_file


def summary_digest(text: str) -> str:
    """32 hex digits (BLAKE2b) of a community summary's JSON: what the street pages' fingerprint counts it by."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def summary_year(now: datetime, timezone: str) -> int:
    """The year a summary's figures count in ("activities this year"): `now` in the street's zone."""
    return now.astimezone(ZoneInfo(timezone)).year


@dataclass(frozen=True, slots=True)
class StreetFolders:
    """The street's cache folder and print folder, and the paths of each community's in them."""

    cache: Path
    printing: Path

    def community_cache(self, slug: str) -> Path:
        return community_cache(self.cache, slug)

    def community_print(self, slug: str) -> Path:
        return self.printing / slug

    def _summary_file(self, slug: str) -> Path:
        return self.cache / "summaries" / f"{slug}.summary"

    def save_summary(self, slug: str, text: str, year: int) -> None:
        """Keep a community's summary (CommunitySummary JSON) with the year its figures count in and
        its digest (`summary_digest`), on a first line of their own: "<year> <digest>"."""
        replace_file(self._summary_file(slug), f"{year} {summary_digest(text)}\n{text}")

    def _head(self, slug: str) -> list[str]:
        """The kept summary's first line, split: [year, digest]; [] when there is none to read."""
        try:
            with self._summary_file(slug).open(encoding="utf-8") as handle:
                return handle.readline().split()
        except (OSError, UnicodeDecodeError):
            return []

    def has_summary(self, slug: str, year: int) -> bool:
        head = self._head(slug)
        return len(head) == 2 and head[0] == str(year)

    def summary_digest(self, slug: str) -> str:
        """The kept summary's digest, without reading the summary (a district's are tens of megabytes);
        raises OSError when there is none (has_summary says first)."""
        head = self._head(slug)
        if len(head) != 2:
            raise FileNotFoundError(self._summary_file(slug))
        return head[1]

    def summary(self, slug: str) -> str:
        """The kept summary's JSON; raises OSError when there is none (has_summary says first) or when
        it is not the text its first line's digest was taken of (changed by hand): never published."""
        head, _, text = self._summary_file(slug).read_text("utf-8").partition("\n")
        if head.split()[1:] != [summary_digest(text)]:
            raise FileNotFoundError(self._summary_file(slug))
        return text

    def _codes_file(self) -> Path:
        return self.cache / "codes.json"

    def codes(self) -> dict[str, tuple[int, bytes]]:
        """The QR matrices the street's own pages were last drawn with (text → (size, modules), as
        render/qr.py Codes holds them); {} when none were kept or the file is not as sitegen wrote it."""
        try:
            kept = json.loads(self._codes_file().read_text("utf-8"))
            return {str(text): (int(size), bytes.fromhex(modules)) for text, (size, modules) in kept.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def save_codes(self, codes: Mapping[str, tuple[int, bytes]]) -> None:
        """Keep the street pages' QR matrices for the next time they are drawn (outside OUT)."""
        replace_file(self._codes_file(), json.dumps({text: [size, modules.hex()] for text, (size, modules)
                                                     in sorted(codes.items())}))

    def _secrets_file(self, slug: str) -> Path:
        return self.cache / "secrets" / f"{slug}.json"

    def save_secrets(self, slug: str, secrets: list[tuple[str, str, str]]) -> None:
        """Keep a community's own secrets (pipeline/streetsecrets.py community_secrets), outside OUT."""
        replace_file(self._secrets_file(slug), json.dumps(sorted(secrets), ensure_ascii=False))

    def secrets(self, slug: str) -> list[tuple[str, str, str]]:
        """The community's secrets as its last check found them; [] when none were kept."""
        try:
            return [(str(k), str(v), str(s)) for k, v, s in json.loads(self._secrets_file(slug).read_text("utf-8"))]
        except (OSError, ValueError, TypeError):
            return []

    def forget(self, slug: str) -> None:
        """A community that left the street: its summary goes (its folders are removed by the writer)."""
        self._summary_file(slug).unlink(missing_ok=True)

    @staticmethod
    def shard_summaries(out: Path) -> Path:
        """Where a shard build leaves its communities' summaries: `<out>.summaries/`, beside its output."""
        return out.parent / f"{out.name}.summaries"

    @classmethod
    def shard_summary(cls, out: Path, slug: str) -> Path:
        return cls.shard_summaries(out) / f"{slug}.json"

    def write_summaries(self, out: Path, summaries: dict[str, str]) -> None:
        """Write a shard's summaries beside its output (exactly these: older ones are removed)."""
        folder = self.shard_summaries(out)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.json"):
            if old.stem not in summaries:
                old.unlink()
        for slug, text in summaries.items():
            target = folder / f"{slug}.json"
            if not target.is_file() or target.read_text("utf-8") != text:
                replace_file(target, text)
