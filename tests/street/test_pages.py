"""The street's own pages over three built communities: files, links, QR codes, privacy, trees, feeds."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
import zxingcpp

from sitegen.street.pages import render_street
from tests.conftest import NOW
from tests.render.test_site import rasterise
from tests.street.street_site import BASE, HIDDEN_PHONES, SECRET_NAMES, BuiltStreet, build_street
from tests.support.html import parse, resolve

PAGES = ("index.html", "wishes/index.html")
TREES = ("", "care/", "zh-hant/", "zh-hant/care/")
SLUGS = ("binhu", "meihu", "wanghu")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltStreet:
    return build_street(tmp_path_factory.mktemp("street"))


def street_html(built: BuiltStreet) -> list[Path]:
    return [built.out / rel for rel in built.files if rel.endswith(".html")]


def test_every_street_file_is_made(built: BuiltStreet) -> None:
    expected = {tree + page for tree in TREES for page in PAGES}
    expected |= {"posters/index.html", "posters/wishes/index.html", "feed.xml", "sitemap.xml", "activities.ics"}
    assert expected <= set(built.files)
    assert not any(rel.startswith(tuple(s + "/" for s in SLUGS)) for rel in built.files)  # communities are not ours
    static = [rel for rel in built.files if rel.startswith("static/")]
    assert {re.sub(r"\.[0-9a-f]{16}\.", ".", rel) for rel in static} >= {"static/style.css", "static/site.js",
                                                                        "static/print.css", "static/emblem-96.png"}


def test_every_link_resolves_within_the_street_output(built: BuiltStreet) -> None:
    broken, count = [], 0
    for page in street_html(built):
        for href in parse(page).links():
            target = resolve(built.out, page, href)
            if target is None:
                continue
            count += 1
            if not target.is_file() or not target.is_relative_to(built.out.resolve()):
                broken.append((page.relative_to(built.out).as_posix(), href))
    assert broken == []
    assert count > 100


@pytest.mark.parametrize(("tree", "into"), [
    ("", {"wanghu": "wanghu/", "binhu": "binhu/"}),
    ("care/", {"wanghu": "wanghu/care/", "binhu": "binhu/care/"}),
    ("zh-hant/", {"wanghu": "wanghu/zh-hant/", "binhu": "binhu/"}),  # binhu has no 繁體 tree
    ("zh-hant/care/", {"wanghu": "wanghu/zh-hant/care/", "binhu": "binhu/care/"}),
])
def test_each_tree_links_into_the_same_tree_of_a_community(built: BuiltStreet, tree: str, into: dict[str, str]) -> None:
    page = built.out / tree / "index.html"
    targets = {resolve(built.out, page, h) for h in parse(page).links()}
    for slug, prefix in into.items():
        assert (built.out / prefix / "index.html").resolve() in targets, (tree, slug)


def test_trees_are_marked_and_switch(built: BuiltStreet) -> None:
    for tree in TREES:
        for rel in PAGES:
            page = built.out / tree / rel
            html = page.read_text("utf-8")
            assert html.startswith("<!doctype html>")
            root = parse(page).find("html")[0].attrs
            assert root["lang"] == ("zh-Hant" if tree.startswith("zh-hant/") else "zh-Hans")
            assert (root.get("class") == "care") == tree.endswith("care/")
            assert len(parse(page).find("h1")) == 1
            assert "sg" not in re.sub(r"[^\x00-\x7f]", "", "".join(re.findall(r'href="([^"]*)"', html))).replace(
                "svg", "")  # no renderer marker left in a link
    hant = (built.out / "zh-hant/index.html").read_text("utf-8")
    assert "數據一覽" in hant and "数据一览" not in hant
    assert "于海 · 樓棟長" in hant  # the name as typed, the role in 繁體


def test_every_wall_qr_decodes_to_its_wish_page(built: BuiltStreet) -> None:
    html = (built.out / "posters/wishes/index.html").read_text("utf-8")
    svgs = re.findall(r'<svg class="qr".*?</svg>', html, re.S)
    wished = {w.url for s in built.summaries for w in s.wishes}
    assert len(wished) == 3
    found = set()
    for svg in svgs:
        url = re.search(r'data-qr-url="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
        assert [d.text for d in zxingcpp.read_barcodes(rasterise(svg))] == [url]
        assert (built.out / url.removeprefix(BASE) / "index.html").is_file(), url
        found.add(url)
    assert found == wished and len(svgs) == len(wished)
    assert "@page" in (built.out / re.search(r'href="\.\./\.\./(static/print\.[0-9a-f]+\.css)"', html).group(1)  # type: ignore[union-attr]
                       ).read_text("utf-8")


def test_no_full_name_or_hidden_phone_in_any_street_file(built: BuiltStreet) -> None:
    for rel, data in built.files.items():
        text = data.decode("utf-8", "replace")
        for secret in (*SECRET_NAMES, *HIDDEN_PHONES):
            assert secret not in text, (rel, secret)
    wall = (built.out / "wishes/index.html").read_text("utf-8")
    assert "俞**" in wall and "小钱同学" in wall and "周**" in wall


def test_index_shows_every_community_with_office_and_figures(built: BuiltStreet) -> None:
    html = (built.out / "index.html").read_text("utf-8")
    for name in ("望湖社区", "梅湖社区", "滨湖社区"):
        assert name in html
    assert html.count("党群服务中心") == 3 and html.count('href="tel:055162001234"') == 3
    text = " ".join(parse(built.out / "index.html").text)
    assert re.search(r"2026年开展活动\s*2\b", text)  # per community: two held this year, one upcoming
    assert re.search(r"心愿认领率\s*50%", text)  # 望湖: one open, one claimed
    assert re.search(r"3\s*待认领心愿", text)  # street total


def test_feed_sitemap_and_calendar(built: BuiltStreet) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom", "s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    feed = ET.fromstring(built.files["feed.xml"])
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]  # type: ignore[union-attr]
    assert links and all(link.startswith(tuple(f"{BASE}{s}/" for s in SLUGS)) for link in links)
    assert all((built.out / link.removeprefix(BASE) / "index.html").is_file() for link in links)
    index = ET.fromstring(built.files["sitemap.xml"])
    assert index.tag == f"{{{ns['s']}}}sitemapindex"
    maps = [e.text or "" for e in index.findall("s:sitemap/s:loc", ns)]
    assert set(maps) == {BASE + "sitemap-street.xml", *(f"{BASE}{s}/sitemap.xml" for s in SLUGS)}
    assert all((built.out / m.removeprefix(BASE)).is_file() for m in maps)
    own = ET.fromstring(built.files["sitemap-street.xml"])
    assert {e.text for e in own.findall("s:url/s:loc", ns)} == {BASE, BASE + "wishes/"}
    calendar = icalendar.Calendar.from_ical(built.files["activities.ics"])
    events = calendar.walk("VEVENT")
    assert len(events) == 9 and len({str(e["UID"]) for e in events}) == 9
    assert all((built.out / str(e["URL"]).removeprefix(BASE) / "index.html").is_file() for e in events)


def test_same_summaries_same_bytes(built: BuiltStreet) -> None:
    again = render_street(built.street, list(reversed(built.summaries)), NOW)
    assert again == built.files


@pytest.mark.parametrize(("language", "lang", "trees", "word"), [
    ("en", "en", ("", "care/"), "Communities"),
    ("zh-Hant", "zh-Hant", ("", "care/"), "各社區"),
    ("zh-Hans", "zh-Hans", TREES, "各社区"),
])
def test_street_language(built: BuiltStreet, language: str, lang: str, trees: tuple[str, ...], word: str) -> None:
    street = dataclasses.replace(built.street, language=language)
    files = render_street(street, built.summaries, NOW)
    made = {rel.removesuffix("index.html") for rel in files if rel.endswith("/index.html") or rel == "index.html"}
    assert made == {tree + page for tree in trees for page in ("", "wishes/")} | {"posters/", "posters/wishes/"}
    for tree in ("", "care/"):  # (the 繁體 trees are checked in test_trees_are_marked_and_switch)
        html = files[tree + "index.html"].decode("utf-8")
        assert f'<html lang="{lang}"' in html and word in html


def test_a_street_without_communities_still_has_its_pages() -> None:
    from sitegen.street.config import Street

    files = render_street(Street(folder=Path("."), name="空街道", base_url=BASE), [], NOW)
    assert {"index.html", "wishes/index.html", "posters/wishes/index.html", "feed.xml", "sitemap.xml",
            "activities.ics"} <= set(files)
    assert icalendar.Calendar.from_ical(files["activities.ics"]).walk("VEVENT") == []
    assert ET.fromstring(files["feed.xml"]).find("{http://www.w3.org/2005/Atom}entry") is None
