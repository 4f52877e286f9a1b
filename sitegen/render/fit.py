"""Choose how small a single-record poster prints so that it fits one sheet.

Browsers cannot shrink type to fit a page without a script, so the build estimates the height
of the text in millimetres (CJK characters are one em wide, Latin ones about half) and picks the
first density at which everything, QR code included, fits the printable area. Tests print the
results in Chromium and WeasyPrint and check for one sheet.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Final

from sitegen.model.records import Activity, Deliberation, Disclosure, Record, Wish
from sitegen.render.kept import Kept

PT_MM: Final = 0.3528
LINE: Final = 1.45
# (base size in pt, printable width and height in mm) per paper; A3 type is larger, as in print.css.
PAPER: Final = {"A4": (14.0, 186.0, 273.0), "A3": (19.0, 269.0, 392.0)}
DENSITY_SIZES: Final = {"A4": (14.0, 12.5, 11.0, 10.0), "A3": (19.0, 17.0, 15.0, 13.5)}
# Headlines keep their size at every density: they are what is read from two metres (print.css).
TITLE_PT: Final = {"A4": (48.0, 38.0, 30.0, 24.0), "A3": (66.0, 52.0, 41.0, 33.0)}
PHOTO_MM: Final = {"A4": (85.0, 55.0), "A3": (120.0, 55.0)}
SAFETY: Final = 0.95  # leave 5 % of the sheet: fonts differ between machines
UNDER: Final = 1.12  # Chromium measured 3-9 % taller than this model (spacing it does not count)
ITEM_MM: Final = 1.5  # extra space per list item and per fact row


def _ems(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def _block(text: str, scale: float, width_mm: float, base_pt: float) -> float:
    """Height in mm of a paragraph at `scale` em of the base size."""
    em = base_pt * scale * PT_MM
    per_line = max(1.0, width_mm / em)
    lines = max(1, math.ceil(_ems(text) / per_line)) if text else 0
    return lines * em * LINE


def title_class(title: str) -> int:
    """0 (largest) to 3 by length, as the poster templates size the headline."""
    n = len(title)
    return 0 if n <= 10 else 1 if n <= 20 else 2 if n <= 40 else 3


def clip(text: str | None, limit: int | None) -> str:
    """A long text cut for the poster; the QR code leads to the whole of it."""
    if not text or limit is None or len(text) <= limit:
        return text or ""
    return text[:limit].rstrip() + "…"


def _parts(record: Record, claim: str, limit: int | None = None) -> tuple[list[tuple[str, float]], int]:
    """(text, em scale) of everything below the headline, and how many headed sections there are."""
    parts: list[tuple[str, float]] = [(clip(record.summary, limit), 1.2)]
    facts: Iterable[str] = ()
    sections = 0
    if isinstance(record, Activity):
        facts = ["2026年12月21日（周一） 15:00 – 17:30", record.place or "", record.organizer or "",
                 "、".join(record.partners), clip(record.signup, limit) if record.upcoming else ""]
    elif isinstance(record, Disclosure):
        facts = [record.role, record.place.name if record.place else "", record.phone_poster or ""]
        parts += [(clip(d, limit), 1.2) for d in record.duties] + [(clip(record.pledge, limit), 1.2)]
        sections = bool(record.duties) + bool(record.pledge)
    elif isinstance(record, Deliberation):
        meeting = record.meeting
        facts = ["2024年3月2日 · " + (record.raised_by or ""), record.channel or "",
                 "2024年4月5日 · " + (meeting.place or "") if meeting and meeting.date else "",
                 "赞成 21 · 反对 1 · 弃权 2" if record.votes else ""]
        parts += [(clip(record.decision, limit), 1.5)]
        parts += [(f"2024年8月20日 {clip(e.note, limit)}", 1.2) for e in record.timeline[-4:]]
        parts.append(("状态：实施中 · 完成进度 60%", 1.4))
        sections = bool(record.decision) + bool(record.timeline)
    elif isinstance(record, Wish):
        facts = [record.shown_name, record.category or "", "200元" if record.value is not None else "",
                 "已实现 · 认领人：" + (record.claimed_by or "")]
        parts += [(clip(record.thanks, limit), 1.2), (claim if record.status == "open" else "", 1.2)]
        sections = (record.status == "open") + bool(record.thanks)
    parts += [(fact, 1.3) for fact in facts if fact]
    return parts, sections


def _fits(record: Record, claim: str, paper: str, has_photo: bool, density: int, limit: int | None,
          qr_block: float) -> bool:
    base_pt, width, height = PAPER[paper]
    size = DENSITY_SIZES[paper][density]
    parts, sections = _parts(record, claim, limit)
    text = sum(_block(text, scale, width * (0.75 if scale == 1.3 else 1.0), size) for text, scale in parts)
    title_pt = TITLE_PT[paper][title_class(record.title)]
    text = text * UNDER + ITEM_MM * len(parts) + _block(record.title, 1.0, width, title_pt) * 1.2 / LINE + 9
    headings = sections * (size * 1.3 * PT_MM * LINE + 5)
    photo = PHOTO_MM[paper][0 if density < 2 else 1] if has_photo else 0.0
    if isinstance(record, Disclosure) and has_photo:
        photo = max(0.0, 75.0 * (1 if paper == "A4" else 1.4) - 45.0)  # beside the name, not below it
    masthead = 12 * size / base_pt
    return masthead + text + headings + photo + qr_block <= height * SAFETY


def poster_fit(record: Record, paper: str, has_photo: bool, claim: str, qr_block: float) -> tuple[int, int | None]:
    """(density, limit): the first size at which the record fits one sheet (0 normal … 3 smallest),
    and, when even the smallest is too big, how many characters of each long text to print."""
    smallest = len(DENSITY_SIZES[paper]) - 1
    for density in range(smallest + 1):
        if _fits(record, claim, paper, has_photo, density, None, qr_block):
            return density, None
    low, high = 10, 2000
    while low < high:  # the longest cut that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _fits(record, claim, paper, has_photo, smallest, middle, qr_block) else (low, middle - 1)
    return smallest, low


class Fits(Kept[str, tuple[int, int | None]]):
    """The build cache's memo of `poster_fit` (pipeline/cache.py): key → (density, limit).

    Every build plans every poster, and fitting one measures its texts at up to four sizes and then
    by halves (≈ 50 µs a record, a second at 20,000 posters); the answer depends only on what its key
    holds (render/posters.py PosterPlanner.fit). `settled()` keeps what this build asked for.
    """

    def of(self, key: str, make: Callable[[], tuple[int, int | None]]) -> tuple[int, int | None]:
        """The fit kept for `key`, else `make()`."""
        return self._remember(key, make)
