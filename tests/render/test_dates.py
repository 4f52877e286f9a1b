"""A shown date never wraps inside itself (issue 19: "2026 / 年11月20日" in elder mode), in any tree."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from sitegen.render.context import Formats
from tests.conftest import ROOT

LABELS = ROOT / "themes" / "default" / "i18n"
W = '<span class="nowrap">{}</span>'
CASES = [
    ("zh-Hans", "day", (date(2026, 11, 20),), W.format("2026年11月20日")),
    ("zh-Hant", "day", (date(2026, 11, 20),), W.format("2026年11月20日")),
    ("en", "day", (date(2026, 11, 20),), W.format("20 Nov 2026")),
    ("zh-Hans", "span", (datetime(2026, 12, 21, 15), datetime(2026, 12, 21, 17, 30)),
     W.format("2026年12月21日") + W.format("（周一）") + " " + W.format("15:00") + " – " + W.format("17:30")),
    ("en", "span", (date(2026, 12, 21), date(2026, 12, 23)),
     W.format("21 Dec 2026") + " " + W.format("(Mon)") + " – " + W.format("23 Dec 2026") + " " + W.format("(Wed)")),
    ("zh-Hans", "span", (date(2026, 12, 21), None), W.format("2026年12月21日") + W.format("（周一）")),
    ("zh-Hans", "stamp", (datetime(2026, 11, 24, 12, 5),), W.format("2026-11-24 12:05")),
]


@pytest.mark.parametrize(("lang", "filter_name", "args", "expected"), CASES)
def test_dates_are_kept_whole(lang: str, filter_name: str, args: tuple[object, ...], expected: str) -> None:
    formats = Formats(yaml.safe_load((LABELS / f"{lang}.yaml").read_text("utf-8")))
    assert str(getattr(formats, f"{filter_name}_html")(*args)) == expected
    plain = re.sub(r"<[^>]+>", "", expected)
    assert getattr(formats, filter_name)(*args) == plain  # the text form (feeds, calendars) is unchanged


DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"
                  r"|\d{4}-\d\d-\d\d \d\d:\d\d")


def test_every_date_on_every_page_of_every_tree_is_whole(demo_out: Path) -> None:
    trees = {"": 0, "care/": 0, "zh-hant/": 0, "posters/": 0}
    broken = []
    for page in sorted(demo_out.rglob("*.html")):
        rel = page.relative_to(demo_out).as_posix()
        text = page.read_text("utf-8")
        for found in DATE.finditer(text):
            tree = next((t for t in ("care/", "zh-hant/", "posters/") if rel.startswith(t)), "")
            trees[tree] += 1
            if not (text[:found.start()].endswith('<span class="nowrap">') and text[found.end():].startswith("</span>")):
                broken.append(f"{rel}: {found.group()}")
    assert broken == []
    assert all(trees.values()), trees  # each tree shows dates: the check above looked at them
