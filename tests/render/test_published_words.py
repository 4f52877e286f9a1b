"""No developer words on a published page (session 21): the posters index, read by residents and workers,
told its readers to run `sitegen build --pdf` and named `output-print/posters/index.html`. A worker makes a
PDF from the browser's print window; where the full-number posters are, the build says to the worker.

Each row: a sample site or street as `sitegen init` makes it, in one language, built; the visible text of
every published page (scripts and styles aside) holds no command line, file path or setting name.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import run

# a command line, an option, a file or folder of the build, a setting name
DEVELOPER: re.Pattern[str] = re.compile(r"sitegen|(?<!\S)--?[a-z]|\boutput\b|-print\b|\w\.(?:html|ya?ml|txt)\b"
                                        r"|show_phone|base_url|\bdraft\b")


class _Visible(HTMLParser):
    """The text a reader sees: the page's text and its title, alt and aria-label words."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        self.text += [value for name, value in attrs if name in ("title", "alt", "aria-label") and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def _said(folder: Path) -> list[str]:
    """Each developer word on a page of `folder`, as `page: …words around it…`."""
    found = []
    for page in sorted(folder.rglob("*.html")):
        parser = _Visible()
        parser.feed(page.read_text("utf-8"))
        text = " ".join(" ".join(parser.text).split())
        found += [f"{page.relative_to(folder)}: {text[max(m.start() - 20, 0):m.end() + 20]}" for m in DEVELOPER.finditer(text)]
    return found


ROWS = [(street, language) for street in (False, True) for language in ("zh-Hans", "zh-Hant", "en")]


@pytest.mark.parametrize(("street", "language"), ROWS, ids=[f"{'street' if s else 'site'}-{l}" for s, l in ROWS])
def test_a_published_page_says_no_command_or_path(street: bool, language: str, tmp_path: Path) -> None:
    folder = tmp_path / "社区网站"
    assert run("init", *(["--street"] if street else []), str(folder)).exit_code == 0
    settings = folder / ("street.yaml" if street else "content/site.yaml")
    text = re.sub(r"(?m)^base_url:.*$", "base_url: https://wanghu.example.cn/", settings.read_text("utf-8"))
    settings.write_text(re.sub(r"(?m)^language:.*\n", "", text) + f"language: {language}\n", "utf-8")
    out = tmp_path / "网站"
    result = run("build", "--content", str(folder if street else folder / "content"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert _said(out) == []
