"""The street-wide wish wall poster as the copy shop prints it: A4 sheets, every QR code readable."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from pypdf import PdfReader

from sitegen import pipeline
from sitegen.options import Options
from sitegen.street.config import Office, Street
from sitegen.street.pages import render_street
from sitegen.street.summary import summarise
from tests.browser.test_posters import A4, chromium_pdf, rasterise, sizes
from tests.conftest import NOW, write_files

pytestmark = pytest.mark.slow

BASE = "https://baohe.example.org/"


@pytest.fixture(scope="module")
def wall(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    root = tmp_path_factory.mktemp("street-wall")
    summaries = []
    for slug, name in (("wanghu", "望湖社区"), ("meihu", "梅湖社区")):
        files = {"site.yaml": f"name: {name}\nbase_url: {BASE}{slug}/\noffice:\n  phone: 0551-62001234\n"}
        for i in range(9):  # long wishes, two communities: the wall runs over several sheets
            files[f"wishes/w{i}.yaml"] = (f"wish: 第{i}个心愿，想要一把结实的雨伞和一双冬天穿的防滑棉鞋\nwisher: 欧阳明月\n"
                                          f"posted_on: 2026-10-{i + 1:02d}\nstatus: open\ncategory: 生活\n")
        write_files(root / slug, files)
        checked = pipeline.check(root / slug, Options(now=NOW))
        summaries.append(summarise(checked.model, f"{BASE}{slug}/", slug, NOW))
    street = Street(folder=root, name="包河街道", base_url=BASE, office=Office("包河大道1号", "0551-63000000", ""))
    out = root / "OUT"
    for rel, data in render_street(street, summaries, NOW).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out / "posters/wishes/index.html", {w.url for s in summaries for w in s.wishes}


def test_wall_prints_on_a4_sheets_and_every_code_opens_its_wish(browser: Any, wall: tuple[Path, set[str]],
                                                               tmp_path: Path) -> None:
    html, urls = wall
    pdf = chromium_pdf(browser, html)
    assert set(sizes(pdf)) == {A4}
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1  # continued onto further sheets, not squeezed or cut
    decoded = [r.text for image in rasterise(pdf, tmp_path) for r in zxingcpp.read_barcodes(image)]
    assert sorted(decoded) == sorted(urls) and len(urls) == 18
