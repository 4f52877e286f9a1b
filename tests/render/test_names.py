"""People's names and addresses stay exactly as typed in the 繁體 tree (OpenCC s2tw converts the rest)."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from sitegen import pipeline
from sitegen.model.names import Name, person_or_group
from sitegen.options import Options
from tests.conftest import NOW, write_files

# Surnames s2tw changes, each in a full name: (name, where the content puts it).
NAMES = [
    ("于海", "disclosure"), ("范冰", "disclosure"), ("郁芳", "disclosure"), ("谷雨", "disclosure"),
    ("干宝", "disclosure"), ("钟丽", "disclosure"), ("朴树", "disclosure"), ("台静农", "disclosure"),
    ("叶红", "disclosure"), ("沈从文", "disclosure"), ("万里", "disclosure"), ("岳飞", "disclosure"),
    ("后发", "claimed_by"), ("涂松", "raised_by"), ("游云", "host"), ("党志", "organizer"),
    ("余**", "wisher"), ("范阿姨", "wisher_alias"),
]
S2TW = opencc.OpenCC("s2tw")


def test_every_name_is_one_s2tw_changes() -> None:
    assert len({n[0] for n in NAMES}) >= 10
    for name, _ in NAMES:
        assert S2TW.convert(name) != name, name


def _content(root: Path) -> None:
    people = [n for n, where in NAMES if where == "disclosure"]
    files = {
        "site.yaml": "name: 望湖社区\nbase_url: https://example.org/望湖社区/\n",
        "activities/a.md": "---\ntitle: 邻里节\ndate: 2026-06-01\norganizer: 党志\npartners: [福桂苑网格党支部]\n---\n"
                           "详见[关于我们](https://example.org/关于/)，或 https://example.org/说明/ 。\n",
        "activities/b.md": "---\ntitle: 包饺子\ndate: 2026-05-01\norganizer: 福桂苑网格党支部\n---\n正文\n",
        "deliberations/l.yaml": "title: 广场舞噪音\nraised_on: 2026-04-07\nraised_by: 涂松\nstatus: deliberating\n"
                                "meeting:\n  date: 2026-04-10\n  host: 游云\n",
        "wishes/w.yaml": "wish: 助行器\nwisher: 余秋雨\nposted_on: 2026-10-18\nstatus: claimed\nclaimed_by: 后发\n"
                         "claimed_on: 2026-10-20\n",
        "wishes/v.yaml": "wish: 书包\nwisher: 范晓红\nwisher_alias: 范阿姨\nposted_on: 2026-10-19\nstatus: open\n",
    }
    for i, name in enumerate(people):
        files[f"disclosures/p{i}.yaml"] = f"name: {name}\nrole: 楼栋长\nplace: 福桂苑/{i + 1}栋\nsince: 2026-01-01\n"
    write_files(root, files)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names")
    _content(root / "content")
    pipeline.build(root / "content", root / "out", Options(now=NOW, use_cache=False))
    return root / "out"


def _text(path: Path) -> str:
    return path.read_text("utf-8")


@pytest.mark.parametrize(("name", "where"), NAMES, ids=[n for n, _ in NAMES])
def test_name_is_kept_as_typed_in_the_traditional_tree(built: Path, name: str, where: str) -> None:
    converted = S2TW.convert(name)
    hant = [p for p in (built / "zh-hant").rglob("*.html")]
    assert hant
    for path in hant:
        assert converted not in _text(path), f"{name} became {converted} in {path.relative_to(built)}"
    holders = [p.relative_to(built).as_posix() for p in hant if name in _text(p)]
    assert any(h.startswith("zh-hant/care/") for h in holders), holders  # the elder pages too
    assert any(not h.startswith("zh-hant/care/") for h in holders), holders


def test_disclosure_name_on_record_board_list_and_title(built: Path) -> None:
    record = _text(built / "zh-hant/disclosures/p0/index.html")
    assert "<h1>于海</h1>" in record
    assert "<title>于海 · 樓棟長" in record  # the role is converted, the name is not
    assert "於海" not in record and "本頁更新於" in record  # the words around it are converted
    board = _text(built / "zh-hant/places/fuguiyuan/index.html")
    assert "于海" in board and "範冰" not in board and "範" not in board
    assert "于海" in _text(built / "zh-hant/disclosures/index.html")


def test_groups_and_text_are_still_converted(built: Path) -> None:
    page = _text(built / "zh-hant/activities/b/index.html")
    assert "福桂苑網格黨支部" in page and "网格党支部" not in page
    assert "鄰里節" in _text(built / "zh-hant/activities/a/index.html")


def test_no_marker_reaches_any_file(built: Path) -> None:
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".ics", ".txt", ".json"}:
            data = path.read_bytes()
            assert b"\x02" not in data and b"\x1f" not in data and b"sgname" not in data, path


def _urls(html: str) -> list[str]:
    return sorted(re.findall(r'(?:href|src|content|data-qr-url)="((?:https?:)?//[^"]*)"', html)
                  + re.findall(r"https?://[^\s\"'<>]+", re.sub(r"<[^>]*>", " ", html)))


def test_no_url_changes_in_the_traditional_tree(built: Path) -> None:
    pages = [p for p in built.rglob("*.html") if not p.relative_to(built).as_posix().startswith(("zh-hant/", "care/"))
             and not p.relative_to(built).as_posix().startswith("posters/") and p.name != "404.html"]
    assert len(pages) > 10
    for main in pages:
        rel = main.relative_to(built)
        assert _urls(_text(built / "zh-hant" / rel)) == _urls(_text(main)), rel
    hant = _text(built / "zh-hant/activities/a/index.html")
    assert "關於我們" in hant and 'href="https://example.org/关于/"' in hant and "https://example.org/说明/" in hant


PERSON_CASES = [
    ("于海", True), ("欧阳修", True), ("范阿姨", True), ("余**", True), ("福桂苑网格党支部", False),
    ("社区居委会", False), ("望湖社区", False), ("志愿者", False), ("3栋居民", False), ("Zhang Wei", False),
    ("红十字会", False), ("某某公司", False), ("于", False), ("楼栋长", False), ("社区书记", False),
    ("网格员", False), ("居民代表", False), ("钟南山", True), ("王为民", True),
]


@pytest.mark.parametrize(("who", "person"), PERSON_CASES)
def test_who_fields_read_as_person_or_group(who: str, person: bool) -> None:
    assert isinstance(person_or_group(who), Name) is person
