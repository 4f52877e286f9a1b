"""A person's name right after a word whose last character also makes a word with the name's first
(家属 + 于海 reads 属于, 物业 + 余建国 业余, 消防 + 范志强 防范, 机关 + 于海 关于) is still the person, and stays as
typed on 繁體 pages. Session 22 tried converting a name standing across such a word (关于海报 → 關於海報 with
a 于海 on the site) and altered these (breaker helper-117: 家屬於海, 物業餘建國, 消防範志強): it was reverted,
and the word stays half-converted (關于海報) rather than a name altered. Every row failed on that try.

Rows: the site's names, a paragraph, and how the 繁體 copy must show it.
"""

from __future__ import annotations

import opencc
import pytest

from sitegen.render.script import keep_names_and_urls, name_finder

S2TW = opencc.OpenCC("s2tw")

ROWS = [
    (("于海",), "志愿者家属于海也来帮忙", "志願者家屬于海也來幫忙"),
    (("余建国",), "有事请联系物业余建国", "有事請聯繫物業余建国"),
    (("范志强",), "由社区消防范志强讲解", "由社區消防范志强講解"),
    (("于海",), "街道机关于海同志", "街道機關于海同志"),
    (("于海",), "海关于海科长", "海關于海科長"),
    (("余华",), "尤其余华老师", "尤其余华老師"),
    (("于海", "海丽"), "关于海丽的心愿", "關于海丽的心願"),
    (("于海",), "她对于海说了", "她對于海說了"),
    (("范冰",), "老师范冰来了", "老師范冰來了"),
]


@pytest.mark.parametrize(("names", "text", "shown"), ROWS, ids=[text for _, text, _ in ROWS])
def test_a_name_beside_a_word_stays_as_typed(names: tuple[str, ...], text: str, shown: str) -> None:
    assert keep_names_and_urls(f"<p>{text}</p>", S2TW.convert, name_finder(names)) == f"<p>{shown}</p>"
