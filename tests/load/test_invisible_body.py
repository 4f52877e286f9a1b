"""A body pasted with invisible characters is shown, and searched, as it reads (load/invisible.py visible_body).

breaker helper-123: a zero-width space pasted from WeChat or Word was kept in the page (an
empty-looking `<p>\u200b</p>`), and search could not find 邻里 typed as 邻\u200b里.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.load.invisible import _FORMAT_OR_CONTROL, visible_body
from sitegen.options import Options
from tests.conftest import NOW, MakeSite

FAMILY = "👨\u200d👩\u200d👧"
PRIVATE_USE = "\ue000"  # an old font's rare character: a character of the text, kept

# body as pasted → as shown
CASES = [
    ("zero_width_space", "邻\u200b里节", "邻里节"),
    ("zero_width_space_alone_on_a_line", "邻里节\n\n\u200b\n\n文艺", "邻里节\n\n\n\n文艺"),
    ("soft_hyphen", "邻\u00ad里节", "邻里节"),
    ("word_joiner", "邻\u2060里节", "邻里节"),
    ("bom_mid_text", "邻里\ufeff节", "邻里节"),
    ("bidi_marks", "\u202a邻里节\u202c\u200e", "邻里节"),
    ("control_character", "邻里\x07节", "邻里节"),
    ("emoji_family_kept", f"邻里节{FAMILY}", f"邻里节{FAMILY}"),
    ("private_use_kept", f"王{PRIVATE_USE}华", f"王{PRIVATE_USE}华"),
    ("tabs_and_lines_kept", "邻里节\n\t文艺", "邻里节\n\t文艺"),
]


@pytest.mark.parametrize(("pasted", "shown"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_body_as_shown(pasted: str, shown: str) -> None:
    assert visible_body(pasted) == shown


def test_every_character_of_the_class_is_format_or_control() -> None:
    pattern = _FORMAT_OR_CONTROL.pattern
    found = [c for c in range(0x110000) if _FORMAT_OR_CONTROL.fullmatch(chr(c))]
    assert all(unicodedata.category(chr(c)) in ("Cf", "Cc", "Cn") for c in found), pattern
    assert chr(0x200B) in map(chr, found) and "\t" not in map(chr, found) and "\n" not in map(chr, found)


def test_the_page_and_search_read_the_body_as_shown(make_site: MakeSite, tmp_path: Path) -> None:
    body = "今天举办邻\u200b里节。\n\n\u200b\n\n大家很开\u00ad心。\n"
    content = make_site({"activities/a.md": f"---\ntitle: 活动\ndate: 2026-03-05\n---\n{body}"})
    out = tmp_path / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    page = (out / "activities" / "a" / "index.html").read_text("utf-8")
    assert "邻里节" in page and "开心" in page and "\u200b" not in page and "\u00ad" not in page
    index = next((out / "static").glob("search-index.*.js")).read_text("utf-8")
    keys = json.loads(re.search(r'"keys":(\{.*?\})', index).group(1))  # type: ignore[union-attr]
    assert "邻里" in keys
