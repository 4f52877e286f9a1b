"""What a build depends on besides the content folder: flags, clock, parallelism."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path


def _now() -> datetime:
    """The build clock: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Inputs of a build other than content; passed down, never read from globals."""

    base_url: str | None = None  # overrides site.yaml
    drafts: bool = False
    now: datetime = field(default_factory=_now)  # aware; "upcoming" is judged in the site's zone
    language: str | None = None  # overrides site.yaml for messages (--lang, SITEGEN_LANG)
    jobs: int = 0  # worker processes; 0 = one per core
    pdf: bool = False
    use_cache: bool = True
    theme: Path | None = None  # --theme DIR: a theme folder the user chose, wherever it is
    pages_only: bool = False  # the benchmark's like-for-like run: main-tree HTML pages only (what Hugo builds)
    lock_wait: float = 120.0  # seconds to wait while another build holds the output folder (write/lock.py)
    # A street's community (sitegen/street/): the fields it inherits unless its site.yaml sets them,
    # and where its build cache and print folder go instead of beside its output (inside the street's).
    site_defaults: dict[str, object] | None = None
    # What the street's other communities must not publish either (street/build.py street_secrets):
    # (kind "name" or "phone", the name or digits, the street-relative PATH:LINE it comes from).
    street_secrets: tuple[tuple[str, str, str], ...] = ()
    # Their digest (pipeline/streetsecrets.py secrets_digest), made once per street build: a district
    # holds tens of thousands of secrets, and each community's "nothing to do?" compares it.
    street_secrets_digest: str = ""
    street_community: str = ""  # a street's community: its folder name (its own secrets are its own check's)
    cache_folder: Path | None = None
    print_to: Path | None = None

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)
