"""The built demo: every URL of SPEC §4, every internal link, feeds, privacy, photos and QR codes."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import yaml
import zxingcpp
from PIL import Image, ImageDraw

from sitegen import pipeline
from sitegen.options import Options
from sitegen.slugs import level_slug
from tests.conftest import DEMO, NOW, tree_bytes
from tests.support.html import html_files, parse, resolve

KINDS = ("activities", "disclosures", "deliberations", "wishes")
BASE = "https://wanghu.example.org/"


def records(kind: str) -> list[dict[str, object]]:
    found = []
    for path in sorted((DEMO / kind).glob("*")):
        text = path.read_text("utf-8")
        if path.suffix == ".md":
            data = yaml.safe_load(text.split("---")[1])
            found.append({"slug": data.get("id") or path.stem, **data})
        else:
            data = yaml.load(text, Loader=yaml.BaseLoader)
            for item in data if isinstance(data, list) else [data]:
                found.append({"slug": item.get("id") or path.stem, **item})
    return [r for r in found if str(r.get("draft", "false")).lower() != "true"]


def test_every_spec_url_exists(demo_out: Path) -> None:
    expected = ["index.html", "posters/index.html", "posters/wishes/index.html",
                "feed.xml", "sitemap.xml", "activities.ics"]
    for kind in KINDS:
        expected.append(f"{kind}/index.html")
        for record in records(kind):
            expected += [f"{kind}/{record['slug']}/index.html", f"posters/{kind}/{record['slug']}/index.html"]
    places = {str(r["place"]) for r in records("disclosures") if r.get("place")}
    overrides = {"滨湖春天": "binhu-chuntian"}
    for place in places:
        levels = place.split("/")
        for depth in range(1, len(levels) + 1):
            slug = "/".join(overrides.get(x, level_slug(x)) for x in levels[:depth])
            expected += [f"places/{slug}/index.html", f"posters/places/{slug}/index.html"]
    missing = [p for p in expected if not (demo_out / p).is_file()]
    assert missing == []
    assert (demo_out / "places/fuguiyuan/9dong/2danyuan/index.html").is_file()


def test_drafts_are_not_built(demo_out: Path) -> None:
    assert not (demo_out / "activities/2027-zhishujie").exists()


def test_every_internal_link_resolves(demo_out: Path) -> None:
    broken = []
    for page in html_files(demo_out):
        for href in parse(page).links():
            target = resolve(demo_out, page, href)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(demo_out)} → {href}")
            if target is not None:
                assert target.is_relative_to(demo_out.resolve()), href
            if href.endswith("/") and not href.startswith(("http", "tel:", "mailto:")):
                broken.append(f"{page.relative_to(demo_out)} → {href} (folder link without index.html)")
    assert broken == []


def test_every_page_has_csp_and_only_theme_scripts(demo_out: Path) -> None:
    for page in html_files(demo_out):
        doc = parse(page)
        metas = [m for m in doc.find("meta") if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
        assert len(metas) == 1, page
        assert "script-src 'self'" in (metas[0].attrs["content"] or "")
        for script in doc.find("script"):
            root = "https://wanghu\\.example\\.org/" if page.name == "404.html" else "(\\.\\./)*"
            # search.js only on the search page: the index it loads is for that page alone
            names = "(site|search)" if page.parent.name == "search" else "site"
            assert re.fullmatch(root + rf"static/{names}\.[0-9a-f]{{16}}\.js", script.attrs.get("src") or ""), page


def test_assets_are_fingerprinted(demo_out: Path) -> None:
    names = [p.name for p in (demo_out / "static").iterdir()]
    assert all(re.fullmatch(r"[\w-]+\.[0-9a-f]{16}\.\w+", n) for n in names), names


def test_feed_sitemap_and_calendar_parse(demo_out: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(demo_out / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert entries and all(e.find(f"{atom}id").text.startswith(BASE) for e in entries)  # type: ignore[union-attr]
    sitemap = ET.parse(demo_out / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert BASE in locs and all(loc and loc.startswith(BASE) and "/posters/" not in loc for loc in locs)
    calendar = icalendar.Calendar.from_ical((demo_out / "activities.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(records("activities"))
    assert len({str(e["UID"]) for e in events}) == len(events)
    timed = [e for e in events if hasattr(e.decoded("DTSTART"), "hour")]
    assert timed and all(str(e.decoded("DTSTART").tzinfo) == "Asia/Shanghai" for e in timed)
    assert list(calendar.walk("VTIMEZONE"))


def test_no_wisher_full_name_and_no_hidden_phone_anywhere(demo_out: Path) -> None:
    import opencc

    to_hant = opencc.OpenCC("s2tw")
    names = set()
    for wish in records("wishes"):
        names |= {str(wish["wisher"]), to_hant.convert(str(wish["wisher"]))}
    web_hidden, poster_hidden = set(), set()
    for person in records("disclosures"):
        if person.get("phone"):
            digits = re.sub(r"\D", "", str(person["phone"]))
            show = person.get("show_phone", "poster")
            if show != "full":
                web_hidden.add(digits)
            if show in ("masked", "none"):
                poster_hidden.add(digits)
    for rel, data in tree_bytes(demo_out).items():
        for name in names:
            assert name not in rel
        if not rel.endswith((".html", ".xml", ".ics", ".txt", ".js", ".css", ".sha256")):
            continue
        text = data.decode("utf-8")
        for name in names:
            assert name not in text, f"{name} in {rel}"
        digits_only = re.sub(r"[\s-]", "", text)
        for phone in web_hidden:  # SPEC §3: the web rule holds for every published file, posters included
            assert phone not in digits_only, f"{phone} in {rel}"
    printed = demo_out.parent / "output-print"
    for rel, data in tree_bytes(printed).items():
        if rel.endswith(".html"):
            digits_only = re.sub(r"[\s-]", "", data.decode("utf-8"))
            for phone in poster_hidden:
                assert phone not in digits_only, f"{phone} in the print folder's {rel}"


def test_masked_forms_are_shown(demo_out: Path) -> None:
    wish = (demo_out / "wishes/2026-zhuxingqi/index.html").read_text("utf-8")
    assert "周**" in wish
    alias = (demo_out / "wishes/2026-xuexi-yongpin/index.html").read_text("utf-8")
    assert "小雨同学" in alias and "马*" not in alias
    person = (demo_out / "disclosures/zhang-jianguo/index.html").read_text("utf-8")
    assert "139****1234" in person
    poster = (demo_out / "posters/disclosures/zhang-jianguo/index.html").read_text("utf-8")
    assert "139****1234" in poster and "13956781234" not in poster
    printed = (demo_out.parent / "output-print/posters/disclosures/zhang-jianguo/index.html").read_text("utf-8")
    assert "13956781234" in printed
    full = (demo_out / "disclosures/li-xiuying/index.html").read_text("utf-8")
    assert 'href="tel:13705519876"' in full


def test_published_photos_carry_no_metadata_and_stand_upright(demo_out: Path) -> None:
    originals = {p.read_bytes() for p in (DEMO / "media").rglob("*.jpg")}
    photos = sorted((demo_out / "media").iterdir())
    assert photos
    for path in photos:
        data = path.read_bytes()
        assert data not in originals
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), path.name
        assert "xmp" not in image.info and "comment" not in image.info and b"Exif" not in data[:4096], path.name
        assert b"resident" not in data
    chunlian = (demo_out / "activities/2021-shangmen-song-chunlian/index.html").read_text("utf-8")
    width, height = map(int, re.search(r'class="photo"[^>]*width="(\d+)" height="(\d+)"', chunlian).groups())  # type: ignore[union-attr]
    assert height > width  # Orientation=6 applied: the portrait photo is upright


def rasterise(svg: str, scale: int = 8) -> Image.Image:
    """Draw our QR path (M x y h w v 1 h -w z runs) into pixels, as a browser would."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))  # type: ignore[union-attr]
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)", svg):
        x, y, w = int(x), int(y), int(w)
        draw.rectangle([x * scale, y * scale, (x + w) * scale - 1, (y + 1) * scale - 1], fill=0)
    return image


def test_every_qr_code_decodes_to_its_page(demo_out: Path) -> None:
    count = 0
    for page in sorted((demo_out / "posters").rglob("index.html")):
        html = page.read_text("utf-8")
        for svg in re.findall(r"<svg class=\"qr\".*?</svg>", html, re.S):
            url = re.search(r'data-qr-url="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
            decoded = zxingcpp.read_barcodes(rasterise(svg))
            assert [d.text for d in decoded] == [url]
            assert decoded[0].format == zxingcpp.BarcodeFormat.QRCode
            assert url.startswith(BASE)
            target = demo_out / url.removeprefix(BASE) / "index.html"
            assert target.is_file(), url
            count += 1
    assert count > 50


def test_poster_qr_points_at_its_record(demo_out: Path) -> None:
    html = (demo_out / "posters/wishes/2026-zhuxingqi/index.html").read_text("utf-8")
    assert f'data-qr-url="{BASE}wishes/2026-zhuxingqi/"' in html
    board = (demo_out / "posters/places/fuguiyuan/9dong/index.html").read_text("utf-8")
    assert f'data-qr-url="{BASE}places/fuguiyuan/9dong/"' in board


def test_elder_and_traditional_trees_mirror_every_page(demo_out: Path) -> None:
    main = {p.relative_to(demo_out).as_posix() for p in html_files(demo_out)
            if not p.relative_to(demo_out).as_posix().startswith(("care/", "zh-hant/", "posters/", "404"))}
    for prefix in ("care/", "zh-hant/", "zh-hant/care/"):
        assert all((demo_out / prefix / rel).is_file() for rel in main), prefix
    hant = (demo_out / "zh-hant/activities/2019-qixi-shougong-miandian/index.html").read_text("utf-8")
    assert "黨小組長" in hant and 'lang="zh-Hant"' in hant
    care = (demo_out / "care/index.html").read_text("utf-8")
    assert 'class="care"' in care


def test_same_input_same_bytes(demo_out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    pipeline.build(DEMO, again, Options(now=NOW, use_cache=False))
    assert tree_bytes(again) == tree_bytes(demo_out)


def test_body_links_to_folders_name_index_html_and_robots_follow_the_base_path(tmp_path: Path) -> None:
    from tests.conftest import write_files

    write_files(tmp_path / "content", {
        "site.yaml": "name: 社区\nbase_url: https://example.org/streets/a\n",
        "activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n见[议事](../../deliberations/d/)。\n",
        "deliberations/d.yaml": "title: 议题\nraised_on: 2019-01-01\nstatus: proposed\n"})
    out = tmp_path / "out"
    pipeline.build(tmp_path / "content", out, Options(now=NOW, use_cache=False))
    assert 'href="../../deliberations/d/index.html"' in (out / "activities/a/index.html").read_text("utf-8")
    assert "Disallow: /streets/a/posters/" in (out / "robots.txt").read_text("utf-8")
