"""What every template sees besides its page's data: links, assets, labels, dates, the variant."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any, Final

from markupsafe import Markup, escape

from sitegen.addresses import shown_url
from sitegen.model.records import Page, Site
from sitegen.render.fit import clip
from sitegen.render.images import Photo
from sitegen.render.markdown import render_markdown
from sitegen.render.qr import Codes
from sitegen.render.urls import absolute
from sitegen.validate.placeholder import is_placeholder_url

CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")


def markdown_filter(text: str) -> Markup:
    """A record's Markdown body as HTML, as workers type it, passed through the allow-list sanitiser (nh3)."""
    return render_markdown(text)


def format_with(text: object, **values: object) -> str:
    """A label with its {placeholders} filled: `t.board_of | format_with(place=node.full_name)`."""
    return str(text).format(**values)


def _whole(text: str) -> Markup:
    """Text that must not wrap (a date, a time), its leading space left outside as a break point."""
    body = text.lstrip()
    if not body:
        return Markup.escape(text)
    # an f-string of escaped parts: what Markup.format gives (it escapes str arguments), a third the time
    return Markup(f'{escape(text[:len(text) - len(body)])}<span class="nowrap">{escape(body)}</span>')  # noqa: S704 - escaped parts


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
        """A date (and time) by the theme's `date_format` label, the weekday too when asked: text, not HTML."""
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
        """stamp() kept on one line; "" when there is no date."""
        return _whole(self.stamp(value)) if value else Markup("")

    def money(self, value: float | None) -> str:
        """An amount in yuan by the `money_format` label (约 120 元); whole amounts without decimals."""
        if value is None:
            return ""
        number = f"{value:.0f}" if value == int(value) else f"{value:.2f}"
        return self.t["money_format"].format(n=number)


@dataclass(frozen=True, slots=True)
class TemplateGlobals:
    """What every template receives, the same on every page of a build (Jinja globals)."""

    site: Site  # site.yaml as the model holds it: name, intro, office, language …
    t: Mapping[str, str]  # the theme's labels in the site's language: `{{ t.home }}`, `{{ t['kind_' ~ kind] }}`
    csp: str  # the Content-Security-Policy every page declares in a <meta> tag
    fmt: Formats  # dates and money as text: `fmt.day(d)`, `fmt.span(start, end)`, `fmt.money(v)`
    photos: Mapping[PurePosixPath, Photo]  # a record's photo path → its resized variants
    asset_urls: Mapping[str, str]  # a static file's name → its fingerprinted path (static/style.3f2a.css)
    qr_for: Callable[..., Markup]  # qr_for(target, label="", symbol_mm=None): the QR code of a page, as inline SVG
    absolute: Callable[[str], str]  # absolute(target): the full address of a page, from the site's base_url
    shown_url: Callable[[str], str]  # shown_url(target): that address as people read it, printed under a QR code
    address_placeholder: bool  # the base_url is example.org or this computer: a QR code opens nothing yet
    pages_nav: tuple[Page, ...]  # the site's own pages, for the footer's links


def template_globals(site: Site, labels: Mapping[str, str], photos: Mapping[PurePosixPath, Photo],
                     assets: Mapping[str, str], codes: Codes, pages: tuple[Page, ...] = ()) -> dict[str, Any]:
    """The globals as Jinja takes them: a name per field of `TemplateGlobals`."""
    values = TemplateGlobals(
        site=site,
        t=labels,
        csp=CSP,
        fmt=Formats(labels),
        photos=photos,
        asset_urls=assets,
        qr_for=lambda target, label="", symbol_mm=None: codes.svg(absolute(site.base_url, target), label, symbol_mm),
        absolute=lambda target: absolute(site.base_url, target),
        # The address printed under a QR code, readable (望湖.中国/望湖社区/…); the code holds the ASCII form.
        shown_url=lambda target: shown_url(absolute(site.base_url, target)),
        # example.org or this computer: every QR code says on the sheet that it opens nothing
        address_placeholder=is_placeholder_url(site.base_url),
        pages_nav=pages,
    )
    return {f.name: getattr(values, f.name) for f in fields(values)}


def template_filters(labels: Mapping[str, str]) -> dict[str, Callable[..., object]]:
    """sitegen's filters, beside Jinja's built-in ones; each function's docstring says what it does."""
    formats = Formats(labels)
    return {
        "markdown": markdown_filter,
        "day": formats.day_html,
        "span": formats.span_html,
        "stamp": formats.stamp_html,
        "money": formats.money,
        "format_with": format_with,
        "clip": clip,
    }
