"""What every template sees besides its page's data: links, assets, labels, dates, the variant."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any, Final

from markupsafe import Markup

from sitegen.addresses import shown_url
from sitegen.model.records import Site
from sitegen.render.fit import clip
from sitegen.render.images import Photo
from sitegen.render.markdown import render_markdown
from sitegen.render.qr import Codes
from sitegen.render.urls import absolute
from sitegen.validate.placeholder import is_placeholder_url

CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")


@lru_cache(maxsize=512)
def markdown_filter(text: str) -> Markup:
    return render_markdown(text)


def _whole(text: str) -> Markup:
    """Text that must not wrap (a date, a time), its leading space left outside as a break point."""
    body = text.lstrip()
    if not body:
        return Markup.escape(text)
    return Markup.escape(text[:len(text) - len(body)]) + Markup('<span class="nowrap">{}</span>').format(body)


class Formats:
    """Dates and numbers in the interface language, from the theme's labels."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.t = labels

    def day_parts(self, value: date | None, weekday: bool = False) -> list[str]:
        """The pieces of a shown date that must each stay on one line: the date, the weekday, the time."""
        if value is None:
            return []
        months = self.t["months"].split(",")
        parts = [self.t["date_format"].format(y=value.year, m=value.month, d=value.day, mon=months[value.month - 1])]
        if weekday:
            parts.append(self.t["weekday_format"].format(w=self.t["weekdays"].split(",")[value.weekday()]))
        if isinstance(value, datetime):
            parts.append(f" {value:%H:%M}")
        return parts

    def day(self, value: date | None, weekday: bool = False) -> str:
        return "".join(self.day_parts(value, weekday))

    def day_html(self, value: date | None, weekday: bool = False) -> Markup:
        """The date for a page: 2026年12月21日 never breaks inside (a narrow elder-mode screen would
        split it as 2026 / 年12月21日); a line may break only between the date, weekday and time."""
        return Markup("").join(_whole(part) for part in self.day_parts(value, weekday))

    def span(self, start: date, end: date | None) -> str:
        """2026年12月21日（周一） 15:00 – 17:30: the day once when an activity starts and ends on it."""
        return str(self._span(start, end, lambda value, weekday: self.day(value, weekday), str))

    def span_html(self, start: date, end: date | None) -> Markup:
        """span() with every date and time kept whole, as day_html()."""
        return Markup(self._span(start, end, self.day_html, _whole))

    def _span(self, start: date, end: date | None, day: Any, whole: Any) -> object:
        if end is None:
            return day(start, True)
        template = self.t["time_range"] if whole is str else Markup.escape(self.t["time_range"])
        if isinstance(start, datetime) and isinstance(end, datetime) and start.date() == end.date():
            return template.format(start=day(start, True), end=whole(f"{end:%H:%M}"))
        return template.format(start=day(start, True), end=day(end, True))

    def stamp(self, value: datetime | None) -> str:
        """2026-08-20 14:05; a date known only to the day (model/dates.py: 00:00) prints as the day alone."""
        if not value:
            return ""
        return f"{value:%Y-%m-%d}" if (value.hour, value.minute) == (0, 0) else f"{value:%Y-%m-%d %H:%M}"

    def stamp_html(self, value: datetime | None) -> Markup:
        return _whole(self.stamp(value)) if value else Markup("")

    def money(self, value: float | None) -> str:
        if value is None:
            return ""
        number = f"{value:.0f}" if value == int(value) else f"{value:.2f}"
        return self.t["money_format"].format(n=number)


def template_globals(site: Site, labels: Mapping[str, str], photos: Mapping[PurePosixPath, Photo],
                     assets: Mapping[str, str], codes: Codes) -> dict[str, Any]:
    formats = Formats(labels)
    return {
        "site": site,
        "t": labels,
        "csp": CSP,
        "fmt": formats,
        "photos": photos,
        "asset_urls": assets,
        "qr_for": lambda target, label="", symbol_mm=None: codes.svg(absolute(site.base_url, target), label, symbol_mm),
        "absolute": lambda target: absolute(site.base_url, target),
        # The address printed under a QR code, readable (望湖.中国/望湖社区/…); the code holds the ASCII form.
        "shown_url": lambda target: shown_url(absolute(site.base_url, target)),
        # example.org or this computer: every QR code says on the sheet that it opens nothing
        "address_placeholder": is_placeholder_url(site.base_url),
    }


def template_filters(labels: Mapping[str, str]) -> dict[str, Any]:
    formats = Formats(labels)
    return {
        "markdown": markdown_filter,
        "day": formats.day_html,
        "span": formats.span_html,
        "stamp": formats.stamp_html,
        "money": formats.money,
        "format_with": lambda text, **kw: str(text).format(**kw),
        "clip": clip,
    }
