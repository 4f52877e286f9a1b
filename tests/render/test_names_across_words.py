"""A known name standing across a word its first character makes with the character before it is not the
person (breaker s21, Left: 关于海报 showed as 關于海報 on 繁體 pages because a disclosed 于海 stood in it): the
text cannot hold both with one character, so the word is converted (model/names.py _WORD_BEFORE). Where the
character before may be a word of its own before a name (对 "to", 在 "at", 一位 "a", 老师 "teacher"), or the
word follows the name (范志发 + 现场), the name is kept as typed, as every other name is.

Rows: the site's names, a paragraph, and how the 繁體 copy must show it.
"""

from __future__ import annotations

import opencc
import pytest

from sitegen.render.script import keep_names_and_urls, name_finder

S2TW = opencc.OpenCC("s2tw")

ROWS = [
    # the word, converted
    (("于海",), "关于海报", "關於海報"),
    (("于海",), "终于海边的路修好了", "終於海邊的路修好了"),
    (("余生",), "其余生活用品", "其餘生活用品"),
    (("余生",), "业余生活丰富", "業餘生活豐富"),
    (("后明",), "以后明天再说", "以後明天再說"),
    (("范冰",), "防范冰雹", "防範冰雹"),
    (("志明",), "杂志明年停刊", "雜誌明年停刊"),
    (("发明",), "理发明天停业", "理髮明天停業"),
    # the person, kept as typed
    (("于海",), "于海说", "于海說"),
    (("于海",), "她对于海说了", "她對于海說了"),
    (("于海",), "在于海家开会", "在于海家開會"),
    (("于海",), "一位于海先生", "一位于海先生"),
    (("范冰",), "老师范冰来了", "老師范冰來了"),
    (("范志发",), "范志发现场指挥", "范志发現場指揮"),
    (("余生",), "余生负责", "余生負責"),
]


@pytest.mark.parametrize(("names", "text", "shown"), ROWS, ids=[text for _, text, _ in ROWS])
def test_a_name_across_a_word_is_the_word_and_elsewhere_the_person(names: tuple[str, ...], text: str,
                                                                  shown: str) -> None:
    assert keep_names_and_urls(f"<p>{text}</p>", S2TW.convert, name_finder(names)) == f"<p>{shown}</p>"
