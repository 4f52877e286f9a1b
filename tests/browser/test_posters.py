"""Posters as the copy shop prints them: Chromium's print and WeasyPrint's PDF, to pixels, QR decoded."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from sitegen import pipeline
from sitegen.render.pdf import pdf_name, render_pdf
from sitegen.options import Options
from tests.conftest import NOW, write_files

pytestmark = pytest.mark.slow

BASE = "https://posters.example.org/"
A4 = (595, 842)
A3 = (842, 1191)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英德明桂兰海燕志强丽华玉梅文军晓东春花"


def people(count: int) -> dict[str, str]:
    files = {}
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 3) % len(GIVEN)] + GIVEN[(i * 7 + 1) % len(GIVEN)]
        unit = f"{i % 3 + 1}单元"
        person = {"name": name, "role": ["单元长", "楼栋党小组长", "党员中心户"][i % 3], "place": f"长安苑/8栋/{unit}",
                  "phone": f"139{i:08d}", "duties": ["收集居民意见", "走访空巢老人"][: 1 + i % 2]}
        files[f"disclosures/p{i:02d}.yaml"] = yaml.safe_dump(person, allow_unicode=True)
    return files


@pytest.fixture(scope="module")
def poster_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("posters")
    long_word = "x" * 300
    files = {
        "site.yaml": f"name: 长安社区\nbase_url: {BASE}\nstreet: 长安街道\nposter_paper: A4\n"
                     "office:\n  address: 长安街道党群服务中心\n  phone: 0551-63351234\n",
        "activities/long.yaml": yaml.safe_dump({"title": "连续字符测试 " + long_word, "date": "2026-12-21 15:00",
                                                "summary": long_word + " 𠀀𪚥 陶𫖮 " + "很长的说明。" * 80,
                                                "signup": "致电 0551-63351234"}, allow_unicode=True),
        "activities/a3.yaml": yaml.safe_dump({"title": "邻里节", "date": "2026-12-21", "poster_paper": "A3",
                                              "place": "长安公园"}, allow_unicode=True),
        "wishes/w1.yaml": "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n",
        "wishes/w2.yaml": "wish: 老花镜\nwisher: 钱文华\nposted_on: 2026-10-19\nstatus: open\n",
        "wishes/w3.yaml": "wish: 修冰箱\nwisher: 何美玲\nposted_on: 2026-10-20\nstatus: open\n",
        "deliberations/d.yaml": "title: 加装电梯\nraised_on: 2025-03-18\nstatus: decided\ndecision: 试点加装\n",
        **people(60),
    }
    write_files(root / "content", files)
    out = root / "output"
    pipeline.build(root / "content", out, Options(now=NOW, use_cache=False))
    for url in PDFS:  # laid out as `build --pdf` does (pipeline/workers.py; built so in test_print_pdfs.py)
        path = out / pdf_name(f"posters/{url}/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_pdf(out, f"posters/{url}/"))
    return out


# The posters whose PDFs the tests read. Laid out with `pdf=True`, the 54 people's posters no test reads
# were laid out too: 46 s, the suite's slowest setup.
PDFS = ("activities/long", "activities/a3", "wishes/w1", "wishes/w2", "wishes/w3", "deliberations/d", "wishes",
        "places/changanyuan", "places/changanyuan/8dong", "places/changanyuan/8dong/1danyuan")


# Chromium's PDFs map some glyphs to radical code points in their ToUnicode tables (a Skia quirk):
# NFKC undoes the Kangxi radicals; these CJK Radicals Supplement ones, from Unicode's
# EquivalentUnifiedIdeograph.txt, NFKC leaves alone.
RADICALS = str.maketrans("⺠⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳⺟⺫⺬⺮⺶⺷⻊⻏⻖",
                         "民见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟母罒示竹羊羊足邑阜")


def pdf_text(page: Any) -> str:
    return unicodedata.normalize("NFKC", page.extract_text()).translate(RADICALS).replace(" ", "").replace("\n", "")


def chromium_pdf(browser: Any, page_file: Path) -> bytes:
    page = browser.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    return data


def rasterise(pdf: bytes, tmp_path: Path, dpi: int = 150) -> list[Image.Image]:
    source = tmp_path / "p.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "r")], check=True)
    images = []
    for path in sorted(tmp_path.glob("r-*.png")):
        with Image.open(path) as image:
            images.append(image.copy())
    return images


def sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(io.BytesIO(pdf)).pages]


def expected_urls(html: Path) -> list[str]:
    return re.findall(r'data-qr-url="([^"]+)"', html.read_text("utf-8"))


POSTERS = ["activities/long", "activities/a3", "wishes/w1", "deliberations/d", "places/changanyuan/8dong/1danyuan"]


@pytest.mark.parametrize("rel", POSTERS)
def test_chromium_print_decodes_to_the_page_url(browser: Any, poster_site: Path, tmp_path: Path, rel: str) -> None:
    html = poster_site / "posters" / rel / "index.html"
    pdf = chromium_pdf(browser, html)
    paper = A3 if rel == "activities/a3" else A4
    assert set(sizes(pdf)) == {paper}
    images = rasterise(pdf, tmp_path)
    decoded = [r.text for image in images[:1] for r in zxingcpp.read_barcodes(image)]
    assert decoded == expected_urls(html)[:1] == [BASE + rel + "/"]


@pytest.mark.parametrize("rel", POSTERS)
def test_weasyprint_pdf_decodes_and_has_the_paper_size(poster_site: Path, tmp_path: Path, artifacts: Path,
                                                       rel: str) -> None:
    name = rel.replace("/", "-")
    pdf = (poster_site / "posters" / "pdf" / f"{name}.pdf").read_bytes()
    paper = A3 if rel == "activities/a3" else A4
    assert set(sizes(pdf)) == {paper}
    images = rasterise(pdf, tmp_path)
    for number, image in enumerate(images, start=1):  # what the copy shop prints, to look at
        image.save(artifacts / f"poster-{name}-{number}.png")
    assert [r.text for r in zxingcpp.read_barcodes(images[0])] == [BASE + rel + "/"]


def test_qr_code_is_printed_large_enough(poster_site: Path, tmp_path: Path) -> None:
    """The symbol (finder edge to finder edge) is >= 50 mm on A4 records, >= 80 mm on A3, >= 30 mm on the wish wall."""
    dpi = 100
    for rel, minimum in (("activities-long", 50), ("activities-a3", 80), ("places-changanyuan", 50), ("wishes", 30)):
        pdf = (poster_site / "posters" / "pdf" / f"{rel}.pdf").read_bytes()
        folder = tmp_path / rel
        folder.mkdir()
        results = zxingcpp.read_barcodes(rasterise(pdf, folder, dpi)[0])
        assert results, rel
        for result in results:
            box = result.position
            width_px = max(box.top_right.x, box.bottom_right.x) - min(box.top_left.x, box.bottom_left.x)
            assert width_px / dpi * 25.4 >= minimum - 1, (rel, width_px / dpi * 25.4)


# The people's posters differ in role (i % 3) and number of duties (i % 2): p00–p05 are every pairing;
# the other 54 repeat them, and printing each in Chromium made this the suite's slowest test (105 s).
ONE_OF_EACH_PERSON = {f"p{i:02d}" for i in range(6)}


def test_single_record_posters_are_one_sheet(browser: Any, poster_site: Path) -> None:
    printed = []
    for html in sorted((poster_site / "posters").glob("*/*/index.html")):
        if "/places/" in html.as_posix() or ("/disclosures/" in html.as_posix()
                                              and html.parent.name not in ONE_OF_EACH_PERSON):
            continue
        assert len(PdfReader(io.BytesIO(chromium_pdf(browser, html))).pages) == 1, html
        printed.append(html.parent.name)
    assert ONE_OF_EACH_PERSON < set(printed) and {"long", "a3", "w1", "d"} < set(printed)
    for pdf in sorted((poster_site / "posters" / "pdf").glob("*.pdf")):
        if pdf.name.startswith(("activities-", "wishes-w", "deliberations-")):
            assert len(PdfReader(pdf).pages) == 1, pdf.name


def test_sixty_person_board_spans_sheets_with_every_name(browser: Any, poster_site: Path) -> None:
    html = poster_site / "posters/places/changanyuan/8dong/index.html"
    names = re.findall(r'<p class="p-name">(\S+) ', html.read_text("utf-8"))
    assert len(names) == 60
    for pdf in (chromium_pdf(browser, html), (poster_site / "posters/pdf/places-changanyuan-8dong.pdf").read_bytes()):
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) >= 5
        texts = [pdf_text(page) for page in reader.pages]
        assert all("亮身份公示" in text for text in texts)  # the heading repeats on every sheet
        joined = "".join(texts)
        assert [name for name in names if name not in joined] == []
        for name in names:  # nobody is split across two sheets
            assert sum(name in text for text in texts) == 1, name


def test_long_unbroken_text_wraps_inside_the_page(browser: Any, poster_site: Path) -> None:
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.goto((poster_site / "posters/activities/long/index.html").as_uri())
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('.sheet *')].map(e => e.getBoundingClientRect().right))")
    page.close()
    assert widest <= 794


def _rare_character_font() -> bool:
    """HanaMin (Debian's fonts-hanazono) or BabelStone Han: the fonts that hold CJK Extension B and later."""
    try:
        families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return False
    return "HanaMin" in families or "BabelStone" in families


@pytest.mark.skipif(not _rare_character_font(),
                    reason="no font with CJK Extension B installed: apt-get install fonts-hanazono (fc-list finds no HanaMin)")
def test_rare_characters_print_with_a_font_that_has_them(poster_site: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(poster_site / "posters/pdf/activities-long.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert "HanaMin" in fonts or "BabelStone" in fonts, fonts
    assert "Noto-Sans-CJK" in fonts
