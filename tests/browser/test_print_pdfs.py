"""--pdf: the published PDFs carry the web's masked numbers; the print folder's carry paper's, and decode."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, write_files

pytestmark = pytest.mark.slow

BASE = "https://print.example.org/"
PEOPLE = {  # slug → (show_phone, phone, the form the print folder's PDF shows or None)
    "a": ("poster", "13805515678", "13805515678"),
    "b": ("masked", "13612345678", None),
    "c": ("full", "13705519876", "13705519876"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("print")
    files = {"site.yaml": f"name: 长安社区\nbase_url: {BASE}\n"}
    for slug, (show, phone, _) in PEOPLE.items():
        files[f"disclosures/{slug}.yaml"] = f"name: 王{slug}\nrole: 单元长\nplace: 长安苑/8栋\nphone: '{phone}'\nshow_phone: {show}\n"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (200, 60, 60)).save(buffer, "JPEG")
    files["media/a.jpg"] = buffer.getvalue()
    files["disclosures/a.yaml"] += "photos: [media/a.jpg]\n"
    files["activities/a3.yaml"] = "title: 邻里节\ndate: 2026-12-21\nposter_paper: A3\nplace: 长安公园\n"  # all-A3.pdf
    write_files(root / "content", files)
    pipeline.build(root / "content", root / "output", Options(now=NOW, use_cache=False, pdf=True))
    return root


def _text(path: Path) -> str:
    return re.sub(r"\s", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_published_pdfs_show_no_number_the_web_hides(site: Path) -> None:
    pdfs = sorted((site / "output/posters/pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = _text(pdf)
        for show, phone, _ in PEOPLE.values():
            if show != "full":
                assert phone not in text, (pdf.name, phone)
    board = _text(site / "output/posters/pdf/places-changanyuan-8dong.pdf")
    assert "13705519876" in board and "138****5678" in board  # full where chosen, masked as on the web


def test_print_folder_pdfs_show_paper_numbers_and_decode(site: Path, tmp_path: Path) -> None:
    folder = site / "output-print/posters/pdf"
    board = _text(folder / "places-changanyuan-8dong.pdf")
    for show, phone, paper in PEOPLE.values():
        assert (phone in board) == (paper is not None), (show, phone)
    assert (folder / "all-A4.pdf").is_file()
    a4 = [p for p in folder.glob("*.pdf") if not p.name.startswith("all-") and p.name != "activities-a3.pdf"]
    assert len(PdfReader(folder / "all-A4.pdf").pages) >= len(a4)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(folder / "disclosures-a.pdf"),
                    str(tmp_path / "a")], check=True)
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "a.png"))]
    assert decoded == [BASE + "disclosures/a/"]


def test_pdfs_are_the_same_bytes_from_any_build_folder(site: Path, tmp_path: Path) -> None:
    """WeasyPrint names images after their URL: the stage is read under one fixed address (render/pdf.py)."""
    from tests.conftest import tree_bytes

    elsewhere = tmp_path / "another" / "folder" / "output"
    pipeline.build(site / "content", elsewhere, Options(now=NOW, use_cache=False, pdf=True))
    assert tree_bytes(elsewhere) == tree_bytes(site / "output")
    assert tree_bytes(elsewhere.parent / "output-print") == tree_bytes(site / "output-print")


def test_combined_pdfs_per_paper(site: Path) -> None:
    """One PDF of every poster of each paper size, for the copy shop (pipeline/published.py combined_products)."""
    folder = site / "output/posters/pdf"
    a4, a3 = PdfReader(folder / "all-A4.pdf"), PdfReader(folder / "all-A3.pdf")
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in a4.pages} == {A4}
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in a3.pages} == {A3}
    singles = [p for p in folder.glob("*.pdf") if not p.name.startswith("all-") and p.name != "activities-a3.pdf"]
    assert len(a3.pages) == 1 and len(a4.pages) >= len(singles) > 3


A4, A3 = (595, 842), (842, 1191)  # points
