"""Addresses every reader and scanner takes the same way: ASCII in files and QR codes, body links rebased."""

from __future__ import annotations

import re
from pathlib import Path

import icalendar
import pytest
import zxingcpp

from sitegen import pipeline
from sitegen.addresses import BadAddress, ascii_url, shown_url
from sitegen.options import Options
from tests.conftest import NOW, MakeSite, error_lines, run, write_files
from tests.render.test_site import rasterise

ASCII_CASES = [
    # (base_url as typed, its ASCII form, the readable form printed under a QR code)
    ("https://example.org/望湖社区/", "https://example.org/%E6%9C%9B%E6%B9%96%E7%A4%BE%E5%8C%BA/",
     "https://example.org/望湖社区/"),
    ("https://望湖.中国/", "https://xn--rpvw4n.xn--fiqs8s/", "https://望湖.中国/"),
    ("https://望湖.中国/望湖社区/", "https://xn--rpvw4n.xn--fiqs8s/%E6%9C%9B%E6%B9%96%E7%A4%BE%E5%8C%BA/",
     "https://望湖.中国/望湖社区/"),
    ("https://WangHu.Example.org:8443/a b/", "https://wanghu.example.org:8443/a%20b/",
     "https://wanghu.example.org:8443/a%20b/"),
    ("https://example.org/%E6%9C%9B/", "https://example.org/%E6%9C%9B/", "https://example.org/望/"),
    ("https://example.org/a%2Fb/", "https://example.org/a%2Fb/", "https://example.org/a%2Fb/"),
    ("http://例子.测试/路径/", "http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84/", "http://例子.测试/路径/"),
    ("https://wanghu.example.org/", "https://wanghu.example.org/", "https://wanghu.example.org/"),
]


@pytest.mark.parametrize(("typed", "expected", "shown"), ASCII_CASES)
def test_ascii_url(typed: str, expected: str, shown: str) -> None:
    assert ascii_url(typed) == expected
    assert ascii_url(expected) == expected
    assert shown_url(expected) == shown
    assert ascii_url(shown) == expected


def test_bad_host_is_refused() -> None:
    with pytest.raises(BadAddress):
        ascii_url("https://望 湖.中国/")


@pytest.mark.parametrize(("base", "ascii_base"), [c[:2] for c in ASCII_CASES if not c[0].isascii()])
def test_every_file_and_qr_code_carries_the_ascii_address(tmp_path: Path, base: str, ascii_base: str) -> None:
    write_files(tmp_path / "content", {
        "site.yaml": f"name: 望湖社区\nbase_url: {base}\n",
        "activities/a.md": "---\ntitle: 邻里节\ndate: 2026-12-05 09:00\n---\n正文\n",
        "wishes/w.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n",
        "disclosures/d.yaml": "name: 张建国\nrole: 楼栋长\nplace: 福桂苑/9栋\n"})
    out = tmp_path / "out"
    pipeline.build(tmp_path / "content", out, Options(now=NOW, use_cache=False))
    host = ascii_base.split("/")[2]
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locs and all(loc.startswith(ascii_base) and loc.isascii() for loc in locs)
    robots = (out / "robots.txt").read_text("utf-8")
    assert robots.isascii() and f"Sitemap: {ascii_base}sitemap.xml" in robots
    feed = (out / "feed.xml").read_text("utf-8")
    assert all(u.isascii() for u in re.findall(r'(?:href="|<id>)([^"<]*)', feed))
    calendar = icalendar.Calendar.from_ical((out / "activities.ics").read_bytes())
    event = calendar.walk("VEVENT")[0]
    assert str(event["url"]) == ascii_base + "activities/a/" and str(event["uid"]) == f"a@{host}"
    for tree in ("", "care/", "zh-hant/", "zh-hant/care/"):
        page = (out / tree / "activities/a/index.html").read_text("utf-8")
        assert f'<link rel="canonical" href="{ascii_base}activities/a/">' in page
        assert f'<meta property="og:url" content="{ascii_base}activities/a/">' in page
    codes = 0
    for poster in (out / "posters").rglob("index.html"):
        html = poster.read_text("utf-8")
        for svg in re.findall(r"<svg class=\"qr\".*?</svg>", html, re.S):
            url = re.search(r'data-qr-url="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
            assert url.isascii() and url.startswith(ascii_base)
            assert [d.text for d in zxingcpp.read_barcodes(rasterise(svg))] == [url]
            codes += 1
        for printed in re.findall(r'<span class="p-url">([^<]*)</span>', html):
            assert printed == shown_url(ascii_url(printed)) and printed.startswith(shown_url(ascii_base))
    assert codes >= 4


# (link typed in the body of activities/a, the tree, the href written)
REBASE_CASES = [
    ("/activities/b/", "", "../b/index.html"),
    ("/activities/b/", "care/", "../b/index.html"),
    ("/activities/b/", "zh-hant/", "../b/index.html"),
    ("/", "zh-hant/care/", "../../index.html"),
    ("/wanghu/deliberations/l/#votes", "", "../../deliberations/l/index.html#votes"),
    ("/deliberations/", "care/", "../../deliberations/index.html"),
    ("/posters/activities/b/", "", "../../posters/activities/b/index.html"),
    ("/posters/activities/b/", "zh-hant/care/", "../../../../posters/activities/b/index.html"),
    ("/feed.xml", "care/", "../../../feed.xml"),
    ("/tags/?q=邻里", "", "../../tags/index.html?q=%E9%82%BB%E9%87%8C"),
    ("https://other.example.org/x/", "zh-hant/", "https://other.example.org/x/"),
    ("../b/", "", "../b/index.html"),
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("links")
    body = "\n\n".join(f"[链接{i}]({href})" for i, (href, _, _) in enumerate(REBASE_CASES))
    write_files(root / "content", {
        "site.yaml": "name: 望湖社区\nbase_url: https://example.org/wanghu/\n",
        "activities/a.md": f"---\ntitle: 邻里节\ndate: 2026-06-01\n---\n{body}\n",
        "activities/b.md": "---\ntitle: 包饺子\ndate: 2026-05-01\n---\n正文\n",
        "deliberations/l.yaml": "title: 广场舞噪音\nraised_on: 2026-04-07\nstatus: proposed\n"})
    pipeline.build(root / "content", root / "out", Options(now=NOW, use_cache=False))
    return root / "out"


@pytest.mark.parametrize(("index", "tree", "expected"), [(i, c[1], c[2]) for i, c in enumerate(REBASE_CASES)],
                         ids=[f"{c[0]}@{c[1] or 'main'}" for c in REBASE_CASES])
def test_root_relative_body_link_is_rebased_into_its_tree(linked: Path, index: int, tree: str, expected: str) -> None:
    page = linked / tree / "activities/a/index.html"
    html = page.read_text("utf-8")
    label = f"链接{index}" if not tree.startswith("zh-hant") else f"鏈接{index}"
    href = re.search(rf'<a href="([^"]*)"[^>]*>{label}</a>', html).group(1)  # type: ignore[union-attr]
    assert href.replace("&amp;", "&") == expected
    if not href.startswith("http"):
        assert (page.parent / href.partition("?")[0].partition("#")[0]).resolve().is_file(), href


# (body line, the line reported or None when the link is fine)
DEAD_CASES = [
    ("[通知](/activities/2026-linli-jie/)", None),
    ("[通知](/activities/2026-linli-jie)", None),
    ("见[旧通知](/activities/2025-no-such/)。", 5),
    ("[议事](/deliberations/gone/#a)", 5),
    ("[关于](/pages/about/)", None),
    ("[联系](/pages/contact/)", 5),
    ("[列表](/wishes/)", None),
    ("[第二页](/browse/activities/page/2/)", None),
    ("[长辈版](/care/activities/2026-linli-jie/)", None),
    ("[繁體](/zh-hant/care/wishes/nope/)", 5),
    ("[带前缀](/wanghu/activities/2026-linli-jie/)", None),
    ("[错栏目](/activity/2026-linli-jie/)", 5),
    ("[外站](https://example.org/activities/none/)", None),
    ("[参考]\n\n[参考]: /disclosures/nobody/", 7),
]


@pytest.mark.parametrize(("line", "reported"), DEAD_CASES, ids=[c[0] for c in DEAD_CASES])
def test_body_link_to_a_missing_record_is_a_warning_at_its_line(make_site: MakeSite, line: str,
                                                                 reported: int | None) -> None:
    content = make_site({
        "activities/2026-linli-jie.md": "---\ntitle: 邻里节\ndate: 2026-06-01\n---\n正文\n",
        "pages/about.md": "---\ntitle: 关于\n---\n正文\n",
        "activities/a.md": f"---\ntitle: 通知\ndate: 2026-06-02\n---\n{line}\n"},
        site="name: 望湖社区\nbase_url: https://example.org/wanghu/\n")
    for lang, word in (("en", "does not have"), ("zh-Hans", "不存在")):
        result = run("check", "--content", str(content), env={"SITEGEN_LANG": lang})
        assert result.exit_code == 0, result.output
        found = [x for x in error_lines(result) if x.startswith("activities/a.md:")]
        if reported is None:
            assert found == []
        else:
            assert len(found) == 1 and found[0].startswith(f"activities/a.md:{reported}: ") and word in found[0], found


@pytest.mark.parametrize(("base", "lang", "word"), [("https://望_湖.中国/", "en", "host name"),
                                                    ("https://望_湖.中国/", "zh-Hans", "域名"),
                                                    # a login in the address would be on every page and QR code
                                                    ("https://admin:secret@example.org/", "en", "password"),
                                                    ("https://admin:secret@example.org/", "zh-Hans", "密码"),
                                                    ("https://admin@example.org/wanghu/", "en", "user name"),
                                                    ("https://admin@example.org/wanghu/", "zh-Hans", "用户名")])
def test_bad_base_url_host_is_an_error_at_its_line(make_site: MakeSite, base: str, lang: str, word: str) -> None:
    content = make_site({}, site=f"name: 社区\nbase_url: {base}\n")
    result = run("check", "--content", str(content), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 1
    assert any(x.startswith("site.yaml:2: ") and word in x for x in error_lines(result)), result.stderr
    assert "Traceback" not in result.output and "IDNA" not in result.output and "Codepoint" not in result.output


def test_base_url_option_is_checked_and_encoded(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 邻里节\ndate: 2026-06-01\n---\n正文\n"})
    assert run("build", "--content", str(content), "--out", str(tmp_path / "bad"), "--base-url", "https://望_湖.中国/").exit_code == 2
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--base-url", "https://望湖.中国/社区/")
    assert result.exit_code == 0, result.output
    assert "<loc>https://xn--rpvw4n.xn--fiqs8s/%E7%A4%BE%E5%8C%BA/activities/a/</loc>" in (tmp_path / "out/sitemap.xml").read_text("utf-8")
