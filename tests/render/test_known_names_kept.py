"""Every name the site knows is kept as typed wherever a 繁體 page or search row shows it (breaker s21).

A disclosure `name: 范志发` stayed 范志发 where a template printed the name, but the 繁體 home page showed
the activity title 范志发带队巡逻 as 範志髮帶隊巡邏 (髮: hair), the body 範志發 and 於麗華, the pledge
範志發承諾, and the 繁體 search rows 王建國: OpenCC converted every name that was not printed as a `Name`.
The model now lists the names it shows (model.names: disclosures, organizers, partners, hosts,
raisers, claimers, wishers' shown names), and render/script.py keeps each wherever it stands.

Rows: names OpenCC converts (范→範, 发→發 or 髮 by the words around it, 于→於, 台→臺, 里→裡, 国→國) in a
title, a body, a pledge, a timeline note, a thank-you and a search row; the text around them converted
still; the longest name wins; a name inside a longer word is kept; and a rebuild that adds a name equals
a cold build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import opencc
import pytest

from sitegen import pipeline
from sitegen.hanzi import converter
from sitegen.model.names import NAME_CLOSE, NAME_OPEN, Name, person_or_group
from sitegen.options import Options
from sitegen.render.script import keep_names_and_urls, name_finder
from tests.conftest import NOW, tree_bytes, write_files

S2TW = opencc.OpenCC("s2tw")

# (row id, the site's names, html, as the 繁體 copy must show it)
TEXTS = [
    ("title", ("范志发",), "<h2>范志发带队巡逻</h2>", "<h2>范志发帶隊巡邏</h2>"),
    ("body", ("范志发", "于丽华"), "<p>范志发和于丽华一起巡逻</p>", "<p>范志发和于丽华一起巡邏</p>"),
    ("pledge", ("范志发",), "<p>范志发承诺随叫随到</p>", "<p>范志发承諾隨叫隨到</p>"),
    ("three changes in one name", ("台里发",), "<p>台里发住在里面</p>", "<p>台里发住在裡面</p>"),
    ("the longest name wins", ("范志", "范志发"), "<p>范志发的头发</p>", "<p>范志发的頭髮</p>"),
    ("inside a longer word: kept", ("于海",), "<p>关于海洋</p>", "<p>關于海洋</p>"),
    ("a marked name and a known one", ("于丽华",), f"<p>{NAME_OPEN}于丽华{NAME_CLOSE}说于丽华</p>", "<p>于丽华說于丽华</p>"),
    ("in an attribute", ("范志发",), '<img alt="范志发带队" src="a.jpg">', '<img alt="范志发帶隊" src="a.jpg">'),
    ("in an address: kept once", ("范志发",), '<a href="https://x.cn/范志发/里">范志发里</a>', '<a href="https://x.cn/范志发/里">范志发裡</a>'),
    ("no names", (), "<p>范志发</p>", "<p>範志發</p>"),
]


@pytest.mark.parametrize(("names", "html", "shown"), [t[1:] for t in TEXTS], ids=[t[0] for t in TEXTS])
def test_a_known_name_is_kept_wherever_it_stands(names: tuple[str, ...], html: str, shown: str) -> None:
    assert keep_names_and_urls(html, converter(), name_finder(names)) == shown


SITE = "name: 望湖社区\nbase_url: https://wanghu.example.cn/\n"
FILES = {
    "disclosures/fan.yaml": "name: 范志发\nrole: 楼栋长\nplace: 福桂苑/1栋\nsince: 2026-01-01\n"
                            "pledge: 范志发承诺随叫随到\n",
    "disclosures/yu.yaml": "name: 于丽华\nrole: 单元长\nplace: 福桂苑/2栋\nsince: 2026-01-01\n",
    "activities/xunluo.md": "---\ntitle: 范志发带队巡逻\ndate: 2026-11-01\norganizer: 福桂苑网格党支部\n"
                            "partners: [台里发]\n---\n范志发和于丽华带着台里发巡逻了一圈，王建国也来了。\n",
    "deliberations/tingche.yaml": "title: 电动车停放\nraised_on: 2026-09-01\nraised_by: 台里发\nstatus: implementing\ndecision: 建车棚\n"
                                  "meeting:\n  date: 2026-09-05\n  host: 于丽华\n"
                                  "timeline:\n  - date: 2026-09-20\n    note: 于丽华和范志发验收了车棚\n",
    "wishes/zhuxingqi.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: claimed\nclaimed_by: 王建国\n"
                             "claimed_on: 2026-10-20\nthanks: 谢谢王建国和范志发\n",
}
# (row id, the 繁體 file, a name it must show as typed)
WHERE = [
    ("home: an activity's title", "zh-hant/index.html", "范志发帶隊巡邏"),
    ("activity: title", "zh-hant/activities/xunluo/index.html", "范志发帶隊"),
    ("activity: body", "zh-hant/activities/xunluo/index.html", "范志发和于丽华"),
    ("activity: a partner", "zh-hant/activities/xunluo/index.html", "台里发"),
    ("activity: a name in the body only", "zh-hant/activities/xunluo/index.html", "王建国也"),
    ("activity: the 长辈版 copy", "zh-hant/care/activities/xunluo/index.html", "范志发和于丽华"),
    ("disclosure: pledge", "zh-hant/disclosures/fan/index.html", "范志发承諾"),
    ("deliberation: raised by", "zh-hant/deliberations/tingche/index.html", "台里发"),
    ("deliberation: timeline note", "zh-hant/deliberations/tingche/index.html", "于丽华和范志发驗收"),
    ("wish: thanks", "zh-hant/wishes/zhuxingqi/index.html", "謝謝王建国和范志发"),
    ("activities list", "zh-hant/activities/index.html", "范志发帶隊巡邏"),
    ("search row: title", "static/search-index-hant.*.js", "范志发帶隊巡邏"),
    ("search row: body", "static/search-index-hant.*.js", "范志发和于丽华"),
    ("search row: claimed by", "static/search-index-hant.*.js", "王建国"),
    ("search row: pledge", "static/search-index-hant.*.js", "范志发承諾"),
    ("search row: timeline note", "static/search-index-hant.*.js", "于丽华和范志发驗收"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("known-names")
    write_files(root / "content", {"site.yaml": SITE, **FILES})
    pipeline.build(root / "content", root / "out", Options(now=NOW, use_cache=False))
    return root / "out"


def _file(out: Path, pattern: str) -> str:
    return next(out.glob(pattern)).read_text("utf-8")


@pytest.mark.parametrize(("path", "shown"), [w[1:] for w in WHERE], ids=[w[0] for w in WHERE])
def test_a_known_name_on_a_traditional_page_is_as_typed(built: Path, path: str, shown: str) -> None:
    text = _file(built, path)
    assert shown in text, path
    for name in ("范志发", "于丽华", "台里发", "王建国"):
        assert S2TW.convert(name) not in text, (name, path)


def test_the_words_around_the_names_are_still_converted(built: Path) -> None:
    page = _file(built, "zh-hant/activities/xunluo/index.html")
    assert "巡邏了一圈" in page and "福桂苑網格黨支部" in page and "巡逻" not in page.split("<body", 1)[1]


def test_a_rebuild_that_adds_a_name_equals_a_cold_build(tmp_path: Path) -> None:
    content, warm, cold = tmp_path / "content", tmp_path / "warm", tmp_path / "cold"
    write_files(content, {"site.yaml": SITE, "activities/xunluo.md": FILES["activities/xunluo.md"]})
    pipeline.build(content, warm, Options(now=NOW, use_cache=True))
    assert "範志髮" in _file(warm, "zh-hant/activities/xunluo/index.html")  # no one is named 范志发 yet
    write_files(content, {"disclosures/fan.yaml": FILES["disclosures/fan.yaml"]})
    pipeline.build(content, warm, Options(now=NOW, use_cache=True))
    shutil.rmtree(cold, ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    assert "范志发帶隊" in _file(warm, "zh-hant/activities/xunluo/index.html")
    assert tree_bytes(warm) == tree_bytes(cold)


# A partner (共建单位) is kept as typed when it reads as a person; an organisation is converted, as an
# organizer always was. 物业 and the like end organisations' names, while 业 ends people's (张建业).
PARTNERS = [("台里发", True), ("张建业", True), ("福桂苑物业", False), ("万科物业", False), ("社区中心", False),
            ("福桂苑网格党支部", False)]


@pytest.mark.parametrize(("who", "person"), PARTNERS, ids=[p[0] for p in PARTNERS])
def test_a_partner_is_a_name_when_it_reads_as_a_person(who: str, person: bool) -> None:
    assert isinstance(person_or_group(who), Name) is person
