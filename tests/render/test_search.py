"""The search index builder: keys (bigrams), folding (繁/简, width, case), masking, drafts, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render.search import GLOBAL, plain
from sitegen.render.search_gaps import decode as _decode
from sitegen.render.search_text import Folder, fold_query, keys
from tests.conftest import NOW, MakeSite
from tests.support.edits import save_edit

KEYS = [  # folded text → the keys it is indexed under
    ("电梯", ["电梯"]),
    ("加装电梯", ["加装", "装电", "电梯"]),
    ("某", ["某"]),  # a run of one character is its own key
    ("9栋2单元", ["9", "栋", "2", "单元"]),
    ("wifi密码", ["wifi", "密码"]),
    ("138****5678", ["138", "5678"]),  # a masked phone: both ends can be searched
    ("滨湖春天，12栋", ["滨湖", "湖春", "春天", "12", "栋"]),  # punctuation splits runs
    ("a_b", ["a", "b"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), KEYS)
def test_keys(text: str, expected: list[str]) -> None:
    assert list(keys(text)) == expected


FOLDS = [  # what the site says, what a resident types → the same search form
    ("电梯", "電梯"),
    ("后来", "後來"),
    ("里面", "裡面"),  # Taiwan form
    ("里面", "裏面"),  # Hong Kong form
    ("党员中心户", "黨員中心戶"),
    ("abc12", "ＡＢＣ１２"),  # full-width
    ("wifi", "WiFi"),
]


@pytest.mark.parametrize(("site_text", "typed"), FOLDS)
def test_a_query_in_either_script_folds_to_the_site_text(site_text: str, typed: str) -> None:
    folder = Folder()
    folder.learn([site_text])  # the build learns only what the site holds, and its Traditional forms
    assert fold_query(folder, typed) == folder.fold(site_text)


def test_folding_keeps_every_offset() -> None:
    """search.js highlights in the text it shows at offsets found in the folded text."""
    text = "後來在福桂苑9棟加裝了電梯，ＡＢ，𠀀字"
    folder = Folder()
    folder.learn([text])
    assert len(folder.fold(text)) == len(text)
    assert all(len(k) == 1 and len(v) == 1 and ord(v) < 0x10000 for k, v in folder.map.items())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="电梯加装停车位福桂苑9栋单元微心愿党员abc，。 ", min_size=2, max_size=40), st.data())
def test_any_substring_of_two_or_more_finds_its_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 2, len(text)))
    folder = Folder()
    folder.learn([text])
    whole = set(keys(folder.fold(text)))
    part = set(keys(folder.fold(text[start:end])))
    assert {k for k in part if not k.isascii() and len(k) == 2} <= whole
    # one character alone, or a cut inside an ASCII word: search.js looks for it inside the keys
    assert all(any(k in w for w in whole) for k in part if len(k) == 1)
    assert all(any(k in w for w in whole if w.isascii()) for k in part if k.isascii())


PLAIN = [
    ("## 标题\n\n**加粗**和[链接](https://x.org/)", "标题 加粗和链接"),
    ("![照片](media/a.jpg)正文", "正文"),
    ("- 第一\n- 第二", "第一 第二"),
    ("<b>标签</b>文字", "标签文字"),  # inline marks never split a word
    ("一段\n\n二段", "一段 二段"),
]


@pytest.mark.parametrize(("markdown", "expected"), PLAIN)
def test_plain_text_of_a_body(markdown: str, expected: str) -> None:
    assert plain(markdown) == expected


def index_of(out: Path, hant: bool = False) -> dict:  # type: ignore[type-arg]
    name = "search-index-hant.*.js" if hant else "search-index.*.js"
    [path] = (out / "static").glob(name)
    text = path.read_text("utf-8")
    prefix = f"window.{GLOBAL}="
    return json.loads(text[text.index(prefix) + len(prefix):].rstrip().rstrip(";"))


FILES = {
    "wishes/w.yaml": "wish: 想要一台助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n",
    "wishes/v.yaml": "wish: 想学用智能手机\nwisher: 李长青\nwisher_alias: 李奶奶\nposted_on: 2026-10-19\nstatus: open\n",
    "disclosures/d.yaml": "name: 王德明\nrole: 楼栋长\nphone: '13956781234'\nplace: 福桂苑/9栋\n",
    "disclosures/e.yaml": "name: 陈红\nrole: 网格员\nphone: '13805515678'\nshow_phone: full\n",
    "activities/a.md": "---\ntitle: 加装电梯说明会\ndate: 2026-10-01\nplace: 党群服务中心\n---\n"
                       "说明会上，居民讨论了加装电梯的补贴办法和分摊比例。\n",
    "activities/draft.md": "---\ntitle: 草稿里的活动\ndate: 2026-10-02\ndraft: true\n---\n草稿正文\n",
}


@pytest.fixture
def built(make_site: MakeSite, tmp_path: Path) -> Path:
    out = tmp_path / "output"
    pipeline.build(make_site(FILES), out, Options(now=NOW, use_cache=False))
    return out


def test_the_index_holds_only_what_the_web_shows(built: Path) -> None:
    for hant in (False, True):
        raw = next((built / "static").glob("search-index-hant.*.js" if hant else "search-index.*.js")).read_text()
        assert "周桂芳" not in raw and "李长青" not in raw  # wishers' full names: never
        assert "13956781234" not in re.sub(r"\D", "", raw)  # show_phone: poster → masked on the web
    docs = {d[0]: d for d in index_of(built)["docs"]}
    assert "周**" in docs["wishes/w/"][5] and "李奶奶" in docs["wishes/v/"][5]
    assert "139****1234" in docs["disclosures/d/"][5]
    assert "13805515678" in docs["disclosures/e/"][5]  # show_phone: full is shown, so it is searchable


def test_the_index_lists_every_published_record_and_no_draft(built: Path, make_site: MakeSite, tmp_path: Path) -> None:
    urls = {d[0] for d in index_of(built)["docs"]}
    assert urls == {"wishes/w/", "wishes/v/", "disclosures/d/", "disclosures/e/", "activities/a/"}
    out = tmp_path / "drafts"
    pipeline.build(tmp_path / "content", out, Options(now=NOW, use_cache=False, drafts=True))
    assert "activities/draft/" in {d[0] for d in index_of(out)["docs"]}


def test_a_body_is_indexed_whole_and_the_kind_by_its_name(built: Path) -> None:
    data = index_of(built)
    docs = [d[0] for d in data["docs"]]

    def holders(key: str) -> set[str]:
        postings = data["keys"].get(key, "")
        return {docs[number] for number in _decode(postings)} if postings else set()

    assert holders("分摊") == {"activities/a/"}  # from the middle of the body
    assert holders("心愿") >= {"wishes/w/", "wishes/v/"}  # 微心愿, the kind's name
    # digits: search.js looks inside the word keys, as a resident types the end of a number
    assert set().union(*(holders(k) for k in data["keys"] if "5678" in k)) == {"disclosures/e/"}
    assert holders("1234") == {"disclosures/d/"}  # 139****1234: the shown ends


def test_the_traditional_index_shows_traditional_text_and_shares_the_keys(built: Path) -> None:
    hans, hant = index_of(built), index_of(built, hant=True)
    assert hans["keys"] == hant["keys"] and hans["fold"] == hant["fold"]
    assert any("加裝電梯" in d[2] for d in hant["docs"])
    assert hans["fold"]["裝"] == "装"


def test_the_search_page_loads_its_index_only_there(built: Path) -> None:
    [hans] = (built / "static").glob("search-index.*.js")
    [hant] = (built / "static").glob("search-index-hant.*.js")
    for tree in ("", "care/", "zh-hant/", "zh-hant/care/"):
        up = "../" * (tree.count("/") + 1)
        page = (built / tree / "search" / "index.html").read_text("utf-8")
        assert f'data-index="{up}static/{hans.name}"' in page and f'data-index-hant="{up}static/{hant.name}"' in page
        assert "search." in page and "<script>" not in page
        assert 'action="index.html" method="get"' in page and 'name="q"' in page
        home = (built / tree / "index.html").read_text("utf-8")
        assert 'href="search/index.html"' in home
        assert "search-index" not in home and "static/search." not in home


def test_same_content_same_index_bytes(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(FILES)
    first, second = tmp_path / "one", tmp_path / "two"
    pipeline.build(content, first, Options(now=NOW, use_cache=False))
    pipeline.build(content, second, Options(now=NOW, use_cache=False, jobs=1))
    files = sorted(p.name for p in (first / "static").glob("search-index*"))
    assert files == sorted(p.name for p in (second / "static").glob("search-index*")) and len(files) == 2
    for name in files:
        assert (first / "static" / name).read_bytes() == (second / "static" / name).read_bytes()


def test_a_changed_record_changes_the_index_and_its_name(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(FILES)
    out = tmp_path / "output"
    pipeline.build(content, out, Options(now=NOW))
    [before] = (out / "static").glob("search-index.*.js")
    pipeline.build(content, out, Options(now=NOW))
    assert [p.name for p in (out / "static").glob("search-index.*.js")] == [before.name]
    page = content / "activities" / "a.md"
    page.write_text(page.read_text("utf-8").replace("分摊比例", "分摊比例和施工时间"), encoding="utf-8")
    pipeline.build(content, out, Options(now=NOW))
    [after] = (out / "static").glob("search-index.*.js")
    assert after.name != before.name and "施工时间" in after.read_text("utf-8")
    assert after.name in (out / "search" / "index.html").read_text("utf-8")


def test_a_memo_of_unchanged_records_gives_the_same_bytes(make_site: MakeSite) -> None:
    from sitegen.render.search import make_files
    from sitegen.render.theme import Theme

    content = make_site(FILES)
    model = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    labels = Theme.load(model.site.language).labels
    memo: dict = {}  # type: ignore[type-arg]
    cold = make_files(model, labels, memo)
    assert len(memo) == 5 and make_files(model, labels, memo) == cold
    page = content / "activities" / "a.md"
    page.write_text(page.read_text("utf-8").replace("分摊比例", "施工时间"), encoding="utf-8")
    changed = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    assert make_files(changed, labels, memo) == make_files(changed, labels)
    assert len(memo) == 5  # the old form of the changed record is gone


# (keys of each record before, after): the postings kept between builds (search.Keys) equal ones made whole
REKEY_CASES = {
    "unchanged": (["a\nb", "b\nc"], ["a\nb", "b\nc"]),
    "a key gone": (["a\nb", "b\nc"], ["a", "b\nc"]),
    "a key new to the site": (["a\nb", "b\nc"], ["a\nb\nz", "b\nc"]),
    "a key new before the others": (["b\nc", "c"], ["b\nc", "0\nc"]),
    "a key's last holder loses it": (["a\nb", "b\nc"], ["a\nb", "b"]),
    "a record loses every key": (["a\nb", "b\nc", "c"], ["a\nb", "", "c"]),
    "a record without keys gets some": (["a", "", "c"], ["a", "a\nc", "c"]),
    "a record added": (["a", "b"], ["a", "b", "a\nb"]),
    "a record removed": (["a", "b", "c"], ["a", "c"]),
}


@pytest.mark.parametrize(("before", "after"), list(REKEY_CASES.values()), ids=list(REKEY_CASES))
def test_postings_kept_between_builds_equal_postings_made_whole(before: list[str], after: list[str]) -> None:
    from sitegen.render.search import Keys, _postings, _rekey

    keys = Keys()
    names = [f"r{i}\x1fv0" for i in range(len(before))]
    _rekey(keys, names, before)
    assert keys.encoded == _postings(before)
    # a record whose keys changed has a new digest at the same address; added or removed ones move the rest
    later = [f"r{i}\x1f" + ("v0" if i < len(before) and before[i] == keys_ else "v1") for i, keys_ in enumerate(after)]
    _rekey(keys, later, after)
    assert keys.encoded == _postings(after)
    assert list(keys.encoded) == sorted(keys.encoded)  # written in key order, as a whole build writes them


def test_a_site_edited_record_by_record_keeps_postings_equal_to_a_whole_build(make_site: MakeSite) -> None:
    from sitegen.render.search import Keys, make_files
    from sitegen.render.theme import Theme

    content = make_site(FILES)
    model = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    labels = Theme.load(model.site.language).labels
    memo: dict = {}  # type: ignore[type-arg]
    keys = Keys()
    assert make_files(model, labels, memo, keys) == make_files(model, labels)
    page = content / "activities" / "a.md"
    for old, new in (("分摊比例", "施工时间"), ("施工时间", "业主大会 电梯")):
        page.write_text(page.read_text("utf-8").replace(old, new), encoding="utf-8")
        changed = pipeline.check(content, Options(now=NOW, use_cache=False)).model
        assert make_files(changed, labels, memo, keys) == make_files(changed, labels)


# (file, text replaced, its replacement; "" deletes the file, a new file name adds it): every kind of edit
# a worker saves under `serve`, each followed by the index made from the memo (繁體 rows kept) and made whole
MEMO_EDITS = {
    "a body": ("activities/a.md", "分摊比例", "头发理发和发展"),  # 发 is 髮 or 發 by the phrase around it
    "a title with quotes": ("activities/a.md", "title: 加装电梯说明会", 'title: \'"里面", [后来]\''),
    "a record's date moves it": ("activities/a.md", "date: 2026-10-01", "date: 2026-09-01"),
    "a wish's status": ("wishes/w.yaml", "status: open", "status: claimed\nclaimed_by: 志愿者\nclaimed_on: 2026-10-20"),
    "a record added": ("activities/b.md", "", "---\ntitle: 理发服务\ndate: 2026-10-03\n---\n为老人理发。\n"),
    "a record removed": ("disclosures/e.yaml", "", ""),
}


@pytest.mark.parametrize(("path", "old", "new"), list(MEMO_EDITS.values()), ids=list(MEMO_EDITS))
def test_the_traditional_rows_kept_between_builds_equal_rows_made_whole(make_site: MakeSite, path: str, old: str,
                                                                        new: str) -> None:
    from sitegen.render.search import Keys, make_files
    from sitegen.render.search_text import FoldMemo
    from sitegen.render.theme import Theme

    content = make_site(FILES)
    model = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    labels = Theme.load(model.site.language).labels
    memo: dict = {}  # type: ignore[type-arg]
    keys, folds = Keys(), FoldMemo()
    assert len(make_files(model, labels, memo, keys, folds)) == 2  # the main index and the 繁體 mirror's
    assert folds.forms and folds.targets  # each character's forms are kept
    assert all(entry[3] is not None for entry in memo.values())  # the 繁體 rows are kept
    save_edit(content, path, old, new)
    changed = pipeline.check(content, Options(now=NOW, use_cache=False)).model
    assert make_files(changed, labels, memo, keys, folds) == make_files(changed, labels)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="头发理发展里面后来干面条台风臺灣电梯電ＡＢab１2 ", max_size=8), min_size=1, max_size=5),
       st.lists(st.text(alphabet="头发后臺台风颱電电系係繫Ｚz", max_size=8), max_size=4))
def test_folds_kept_across_builds_equal_folds_learned_afresh(earlier: list[str], texts: list[str]) -> None:
    """A Folder that takes each character's forms from an earlier build's memo maps as a fresh one."""
    from sitegen.render.search_text import Folder, FoldMemo

    memo = FoldMemo()
    Folder(memo).learn(earlier)  # what an earlier build converted
    kept, fresh = Folder(memo), Folder()
    for part in (texts[:1], texts[1:]):  # learned in two calls, as make_files does
        kept.learn(part)
        fresh.learn(part)
    assert kept.map == fresh.map
    assert [kept.fold(t) for t in texts] == [fresh.fold(t) for t in texts]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(alphabet='头发理发展里面后来干面条"[],\\ 电梯台风', max_size=12), min_size=1, max_size=4),
                min_size=1, max_size=6), st.data())
def test_rows_converted_apart_equal_rows_converted_together(rows: list[list[str]], data: st.DataObject) -> None:
    """The segmentation argument of search._traditional: a row converts the same alone as in the list."""
    from sitegen.hanzi import converter
    from sitegen.render.search import _traditional

    names = [f"r{i}" for i in range(len(rows))]
    together = json.loads(converter()(json.dumps(rows, ensure_ascii=False)))
    memo: dict = {name: (row, "", "", None) for name, row in zip(names, rows, strict=True)}  # type: ignore[type-arg]
    for name in data.draw(st.lists(st.sampled_from(names), unique=True)):  # some rows converted earlier, alone
        memo[name] = (*memo[name][:3], _traditional([memo[name][0]], [name], {}, {})[0][0])
    assert _traditional(rows, names, memo, {})[0] == together


def _postings_from_holders(keyed: list[str]) -> dict[str, str]:
    """The postings as they were first made: key → its record numbers as ints, then the gaps in base 36."""
    from sitegen.render.search_gaps import gap_text as _gap_text

    holders: dict[str, list[int]] = {}
    for number, joined in enumerate(keyed):
        for key in joined.split("\n") if joined else []:
            holders.setdefault(key, []).append(number)
    return {key: ",".join(_gap_text(b - a - 1) for a, b in zip([-1, *numbers], numbers)) for key, numbers in
            sorted(holders.items())}


# each record's keys → the postings: made from shared gap strings, equal to the ones made from ints
POSTINGS_CASES = {
    "one record": ["a\nb"],
    "a gap of 36 and more": ["a"] + [""] * 40 + ["a\nb"] + ["b"] * 3 + [""] * 1300 + ["a"],
    "records without keys": ["", "", "z"],
    "every record": [f"k{n % 7}\nall" for n in range(500)],
    "none": [],
}


@pytest.mark.parametrize("keyed", list(POSTINGS_CASES.values()), ids=list(POSTINGS_CASES))
def test_postings_equal_the_ones_made_from_record_numbers(keyed: list[str]) -> None:
    from sitegen.render.search import _postings

    made = _postings(keyed)
    assert made == _postings_from_holders(keyed) and list(made) == sorted(made)
    for key, postings in made.items():  # what a rebuild reads back of a touched key
        assert _decode(postings) == [n for n, joined in enumerate(keyed) if key in joined.split("\n")]
