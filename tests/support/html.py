"""Read built HTML the way a checker would: every element, attribute and link."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]


@dataclass
class Page(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _stack: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def links(self) -> list[str]:
        found = []
        for e in self.elements:
            for name in ("href", "src"):
                if e.attrs.get(name):
                    found.append(e.attrs[name] or "")
            if e.attrs.get("srcset"):
                found += [part.strip().split(" ")[0] for part in (e.attrs["srcset"] or "").split(",")]
        return found


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def resolve(out: Path, page: Path, href: str) -> Path | None:
    """The file a relative link points at, or None for external, fragment and tel/mailto links."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith(("#", "//")):
        return None
    if not parts.path:
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    if href.endswith("/"):
        target = target / "index.html"
    return target


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))
