"""A street's 繁體 pages keep every name any of its communities knows, exactly as typed (breaker s21).

4bab61c made a community's 繁體 pages keep the names its records show (model.names) wherever they
stand; the street's own pages (street index, wish wall) are made from the communities' summaries with a
model of no records, so they knew no names: the activity 范志发带队巡逻 of a community that discloses
范志发 showed 範志髮帶隊巡邏 on the street's 繁體 index, a wish 小钱同学想要新书包 by 小钱同学 小錢同學想要新書包.
Each summary now carries its community's names (CommunitySummary.names), and the street pages keep
all of them, whichever community a text is of; the words around a name are converted as before.

Rows: every 繁體 street page (and its 长辈版 copy) that shows a record's title with a name in it; names
known by the same community and by the other one; the pages with no 繁體 copy (posters, feed) as typed;
a rebuild in which the other community adds the name equals a cold build; shards assembled equal one machine.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from sitegen.options import Options
from sitegen.street.build import assemble_street, build_street
from sitegen.street.shard import Shard
from tests.conftest import NOW, tree_bytes, write_files

S2TW = opencc.OpenCC("s2tw")
STREET = "name: 包河街道\nbase_url: https://street.example.org/\n"
NAMES = ("范志发", "于丽华", "台里发", "小钱同学", "范**")  # every one changes under OpenCC

WANGHU = {
    "wanghu/site.yaml": "name: 望湖社区\n",
    "wanghu/disclosures/fan.yaml": "name: 范志发\nrole: 楼栋长\nplace: 福桂苑/1栋\nsince: 2026-01-01\n",
    "wanghu/activities/xunluo.md": "---\ntitle: 范志发带队巡逻\ndate: 2026-11-01\n---\n一起巡逻。\n",
    "wanghu/deliberations/tingche.yaml": "title: 台里发反映电动车停放\nraised_on: 2026-09-01\nraised_by: 台里发\n"
                                         "status: implementing\ndecision: 建车棚\n",
    "wanghu/wishes/shubao.yaml": "wish: 小钱同学想要新书包\nwisher: 钱文华\nwisher_alias: 小钱同学\n"
                                 "posted_on: 2026-10-20\nstatus: open\n",
    "wanghu/wishes/taideng.yaml": "wish: 范**家里的台灯坏了\nwisher: 范秀英\nposted_on: 2026-10-21\nstatus: open\n",
}
MEIHU = {
    "meihu/site.yaml": "name: 梅湖社区\n",
    # 于丽华 is known to wanghu only (a disclosure there, below); her activity is meihu's
    "meihu/activities/jiaozi.md": "---\ntitle: 于丽华教包饺子\ndate: 2026-11-02\n---\n一起包饺子。\n",
}
SPOUSE = {"wanghu/disclosures/yu.yaml": "name: 于丽华\nrole: 单元长\nplace: 福桂苑/2栋\nsince: 2026-01-01\n"}

# (row id, the street file, what it must show as typed)
WHERE = [
    ("index: an activity, its community's name", "zh-hant/index.html", "范志发帶隊巡邏"),
    ("index: an activity, the other community's name", "zh-hant/index.html", "于丽华教包餃子"),
    ("index: a deliberation, its raiser", "zh-hant/index.html", "台里发反映電動車停放"),
    ("index: a wish, its alias", "zh-hant/index.html", "小钱同学想要新書包"),
    ("index: a wish, its masked name", "zh-hant/index.html", "范**家裡的檯燈壞了"),
    ("index 长辈版: an activity", "zh-hant/care/index.html", "范志发帶隊巡邏"),
    ("index 长辈版: the other community's name", "zh-hant/care/index.html", "于丽华教包餃子"),
    ("wish wall: a title with the alias", "zh-hant/wishes/index.html", "小钱同学想要新書包"),
    ("wish wall: a title with the masked name", "zh-hant/wishes/index.html", "范**家裡的檯燈壞了"),
    ("wish wall 长辈版: a title with the alias", "zh-hant/care/wishes/index.html", "小钱同学想要新書包"),
    # no 繁體 copy of these: the typed text, and no zh-hant/ file beside them (guards)
    ("posters index: simplified only", "posters/index.html", "望湖社区"),
    ("wish wall poster: simplified only", "posters/wishes/index.html", "小钱同学想要新书包"),
    ("feed: simplified only", "feed.xml", "范志发带队巡逻"),
]


def _street(root: Path, files: dict[str, str]) -> Path:
    folder = root / "street"
    write_files(folder, {"street.yaml": STREET, **files})
    return folder


def _options() -> Options:
    return Options(now=NOW, jobs=1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("street-names")
    build_street(_street(root, {**WANGHU, **SPOUSE, **MEIHU}), root / "out", _options())
    return root / "out"


@pytest.mark.parametrize(("path", "shown"), [w[1:] for w in WHERE], ids=[w[0] for w in WHERE])
def test_a_known_name_on_a_street_page_is_as_typed(built: Path, path: str, shown: str) -> None:
    text = (built / path).read_text("utf-8")
    assert shown in text, path
    for name in NAMES:
        assert S2TW.convert(name) not in text, (name, path)


def test_the_posters_and_the_feed_have_no_traditional_copy(built: Path) -> None:
    assert not (built / "zh-hant" / "posters").exists() and not (built / "zh-hant" / "feed.xml").exists()


def test_the_words_around_the_names_are_still_converted(built: Path) -> None:
    body = (built / "zh-hant" / "index.html").read_text("utf-8").split("<body", 1)[1]
    assert "帶隊巡邏" in body and "带队巡逻" not in body and "新書包" in body and "新书包" not in body


def test_a_name_the_other_community_adds_remakes_the_street_pages(tmp_path: Path) -> None:
    """meihu's title 于丽华教包饺子 is kept once wanghu discloses 于丽华: meihu did not change, its summary is
    kept, and the street pages are made again from wanghu's new one; the same bytes as a cold build."""
    folder = _street(tmp_path, {**WANGHU, **MEIHU})
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build_street(folder, warm, _options())
    assert "於麗華教包餃子" in (warm / "zh-hant" / "index.html").read_text("utf-8")  # no one is named 于丽华 yet
    write_files(folder, SPOUSE)
    build_street(folder, warm, _options())
    build_street(folder, cold, _options())
    assert "于丽华教包餃子" in (warm / "zh-hant" / "index.html").read_text("utf-8")
    assert tree_bytes(warm) == tree_bytes(cold)


def test_shards_assembled_keep_the_names_as_one_machine_does(built: Path, tmp_path: Path) -> None:
    folder = _street(tmp_path, {**WANGHU, **SPOUSE, **MEIHU})
    parts = [tmp_path / f"part{k}" / "out" for k in (1, 2)]
    for k, part in enumerate(parts, 1):
        build_street(folder, part, _options(), shard=Shard(k, 2))
    assemble_street(folder, tmp_path / "all", parts, _options())
    assert "于丽华教包餃子" in (tmp_path / "all" / "zh-hant" / "index.html").read_text("utf-8")
    assert tree_bytes(tmp_path / "all") == tree_bytes(built)
