"""A place's name keeps its 里, 于, 干 and 余 on 繁體 pages (hanzi.keep_place_characters).

OpenCC's s2tw turns 里 into 裡 by the words around it: 幸福里 became 幸福裡 and 长安里 長安裡 while 平安里
and 锦绣里 stayed 里; a lane or a neighbourhood named 里 is 里 in Traditional script too (Taiwan's own 里
are), and a resident reading 幸福裡 reads "inside happiness". Family names in village names went the same
way: 于家村 → 於家村, 余庆里 → 餘慶裡. The rest of the name is converted (小区 → 小區, 长 → 長), and so is
every word that is not a place's (这里 → 這裡).

Rows: the site.yaml lines, a record (path, text), the words its 繁體 page must show and must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.hanzi import converter, keep_place_characters, place_units
from sitegen.model.names import name_finder
from tests.conftest import MakeSite, run, write_files
from tests.pipeline.test_hands import _entries
from tests.pipeline.test_incremental import build

SITE = "name: 仁和里社区\nbase_url: https://renhe.example.org/\n"
BODY = "居民们在{where}一起清理楼道。这里的面包里有虫。"
ACTIVITY = "---\ntitle: 楼道清理\ndate: 2026-10-01\nplace: {place}\n---\n" + BODY + "\n"

ROWS = [
    # a disclosure's place (the places tree) named again in an activity's body
    ("", {"disclosures/a.yaml": "name: 王建国\nrole: 楼栋长\nplace: 幸福里小区/3栋\n",
          "activities/a.md": ACTIVITY.format(place="活动室", where="幸福里小区")},
     ["幸福里小區", "仁和里社區", "這裡", "麵包裡"], ["幸福裡", "仁和裡"]),
    # the street's name, and 长 converted beside the 里 kept
    ("street: 长安里街道\n", {"activities/a.md": ACTIVITY.format(place="活动室", where="长安里")},
     ["長安里"], ["長安裡", "长安里"]),
    # an activity's own place, typed: a family name before 家村
    ("", {"activities/a.md": ACTIVITY.format(place="于家村文化广场", where="于家村")},
     ["于家村文化廣場", "于家村一起"], ["於家村"]),
    ("", {"activities/a.md": ACTIVITY.format(place="余庆里活动室", where="余庆里")},
     ["余慶里"], ["餘慶", "慶裡"]),
    # an office 位于社区… names no place 于社区: 关于社区 on the page is 關於社區 (was 關于社區 on every page)
    ("office:\n  address: 幸福路88号（位于社区党群服务中心一楼）\n",
     {"activities/a.md": ACTIVITY.format(place="活动室", where="关于社区的广场")}, ["關於社區"], ["關于"]),
    # a name OpenCC already keeps stays as it was
    ("", {"activities/a.md": ACTIVITY.format(place="平安里", where="平安里")}, ["平安里"], ["平安裡"]),
    # no place of the site holds the word: converted as before
    ("", {"activities/a.md": ACTIVITY.format(place="活动室", where="石板里")}, ["石板裡"], []),
    # OpenCC converts by the words around: 余庆里 alone is 餘慶裡, 余庆里社区 餘慶里社區 (breaker helper-120)
    ("", {"activities/a.md": ACTIVITY.format(place="余庆里社区活动室", where="余庆里社区")}, ["余慶里社區"], ["餘慶"]),
    # 于家堡 alone stays 于家堡, but 在于家堡 was 在於家堡 (OpenCC's 在于)
    ("", {"activities/a.md": ACTIVITY.format(place="于家堡", where="于家堡")}, ["在于家堡"], ["於家堡"]),
]


@pytest.mark.parametrize(("site", "files", "shown", "never"), ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_a_place_keeps_its_name_on_the_hant_page(make_site: MakeSite, tmp_path: Path, site: str,
                                                 files: dict[str, str], shown: list[str], never: list[str]) -> None:
    content = make_site(files, site=SITE + site)
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    [page] = (out / "zh-hant" / "activities").glob("*/index.html")
    text = page.read_text("utf-8")
    for words in shown:
        assert words in text, words
    for words in never:
        assert words not in text, words
    [index] = (out / "static").glob("search-index-hant.*.js")
    searched = index.read_text("utf-8")
    assert all(words not in searched for words in never if "裡" in words or "於" in words or "餘" in words)


UNITS = [
    (("幸福里小区", "3栋"), ("幸福里",)),
    (("长安里街道",), ("长安里",)),
    (("于家村文化广场",), ("于家村",)),
    (("余庆里",), ("余庆里",)),
    (("里仁社区",), ()),  # a 里 with nothing before it: one character is no name
    (("活动室",), ()),
    (("幸福路88号（位于社区党群服务中心一楼）",), ()),  # 位于: a word's 于, not a family's (breaker helper-120)
    (("军区干休所",), ()),
    (("小区里的广场",), ()),  # 里 "inside", not a lane's
    (("余庆里",), ("余庆里",)),
]


@pytest.mark.parametrize(("words", "units"), UNITS, ids=[words[0] for words, _ in UNITS])
def test_the_short_names_inside_place_names(words: tuple[str, ...], units: tuple[str, ...]) -> None:
    assert place_units(words) == units


@pytest.mark.parametrize(("text", "units", "shown"), [
    ("幸福里小区和平安里", ("幸福里", "平安里"), "幸福里小區和平安里"),
    ("长安里街道", ("长安里",), "長安里街道"),  # the other characters converted
    ("这里的面包里", ("幸福里",), "這裡的麵包裡"),  # no place's name stands here: nothing kept
    ("在于家堡", ("于家堡",), "在于家堡"),
])
def test_the_characters_are_kept_where_the_name_stands(text: str, units: tuple[str, ...], shown: str) -> None:
    finder = name_finder(units)
    assert finder is not None
    assert keep_place_characters(text, converter()(text), finder.spans(text)) == shown


def test_a_place_added_later_changes_the_pages_that_name_it(tmp_path: Path) -> None:
    """The activity names 长安里 before any record is placed there: its 繁體 page says 長安裡; a disclosure
    placed at 长安里 makes it 長安里, in the warm build as in a cold one (the activity's digest holds
    which place names its text holds, model/build.py _named)."""
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    write_files(content, {"site.yaml": SITE, "activities/a.md": ACTIVITY.format(place="活动室", where="长安里")})
    build(content, warm, cache=True, jobs=1)
    [page] = (warm / "zh-hant" / "activities").glob("*/index.html")
    assert "長安裡" in page.read_text("utf-8")
    write_files(content, {"disclosures/b.yaml": "name: 李秀英\nrole: 楼栋长\nplace: 长安里/2栋\n"})
    build(content, warm, cache=True, jobs=1)
    build(content, cold, cache=False, jobs=1)
    assert "長安里" in page.read_text("utf-8") and "長安裡" not in page.read_text("utf-8")
    assert _entries(warm) == _entries(cold)
