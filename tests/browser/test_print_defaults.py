"""Posters printed as a worker prints them: Chromium's own print with its default settings, where
页眉和页脚 (date, title, file:/// address) is ticked. Nothing of the browser's may reach the sheet."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from sitegen import pipeline
from sitegen.options import Options
from tests.browser.conftest import ARGS, CHROMIUM
from tests.conftest import NOW, write_files

pytestmark = pytest.mark.slow

A4, A3 = (595, 842), (842, 1191)
EDGE_MM = 10  # the browser's header and footer print within this distance of the paper's top and bottom


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("print")
    people = {f"disclosures/p{i:02d}.yaml": yaml.safe_dump(
        {"name": "王李张刘陈"[i % 5] + "建国秀英德明"[i % 6] + "桂兰海燕"[i % 4], "role": "单元长",
         "place": "长安苑/8栋", "phone": f"139{i:08d}", "duties": ["收集居民意见", "走访空巢老人"]},
        allow_unicode=True) for i in range(24)}
    write_files(root / "content", {
        "site.yaml": "name: 长安社区\nbase_url: https://changan.gov.cn/\nstreet: 长安街道\n"
                     "office:\n  address: 长安街道党群服务中心\n  phone: 0551-63351234\n",
        "activities/a4.yaml": "title: 冬至包饺子\ndate: 2026-12-21 15:00\nplace: 长安公园\nsummary: 邻里一起包饺子。\n",
        "activities/a3.yaml": "title: 邻里节\ndate: 2026-12-21\nposter_paper: A3\nplace: 长安公园\n",
        **{f"wishes/w{i}.yaml": f"wish: 心愿{i}\nwisher: 周桂芳\nposted_on: 2026-10-1{i}\nstatus: open\n"
           for i in range(7)},
        **people,
    })
    out = root / "output"
    pipeline.build(root / "content", out, Options(now=NOW, use_cache=False))
    return out


def default_print(page: Path, target: Path) -> bytes:
    """`chromium --print-to-pdf` as it comes: headers and footers on, margins as the page asks."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, "--headless", *ARGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    return target.read_bytes()


def edges_blank(pdf: Path, folder: Path) -> list[int]:
    """The numbers of the printed pages with ink in their top or bottom EDGE_MM."""
    dpi = 60
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / "r")], check=True)
    inked = []
    for number, path in enumerate(sorted(folder.glob("r-*.png")), start=1):
        with Image.open(path) as opened:
            image = opened.convert("L")
            edge = round(EDGE_MM / 25.4 * dpi)
            top = image.crop((0, 0, image.width, edge))
            bottom = image.crop((0, image.height - edge, image.width, image.height))
            if min(top.getextrema()[0], bottom.getextrema()[0]) < 200:
                inked.append(number)
    return inked


PRINTED = [("activities/a4", A4, 1), ("activities/a3", A3, 1), ("wishes/w1", A4, 1),
           ("places/changanyuan/8dong", A4, None), ("wishes", A4, None)]


@pytest.mark.parametrize(("rel", "paper", "sheets"), PRINTED)
def test_default_browser_print_adds_nothing(site: Path, tmp_path: Path, rel: str, paper: tuple[int, int],
                                            sheets: int | None) -> None:
    pdf = tmp_path / "p.pdf"
    reader = PdfReader(io.BytesIO(default_print(site / "posters" / rel / "index.html", pdf)))
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {paper}
    if sheets is not None:
        assert len(reader.pages) == sheets
    else:
        assert len(reader.pages) >= 2  # a long board or wall: the white edge holds on every sheet, not just the first
    text = "".join(page.extract_text() for page in reader.pages)
    assert "file:" not in text and "index.html" not in text and "/" + str(len(reader.pages)) not in text.replace(" ", "")
    assert edges_blank(pdf, tmp_path) == []
