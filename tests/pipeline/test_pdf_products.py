"""--pdf through the product engine: a warm rebuild lays out only the PDFs whose poster changed,
links the rest, and writes the same bytes a cold build does (output and print folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, tree_bytes, write_files

pytestmark = pytest.mark.slow

PEOPLE = {"a": "poster", "b": "masked", "c": "full"}  # slug → show_phone
# file after the rebuild (b's role changed) → kept (the same file as before, hard-linked) or made again
CASES = [
    ("output/posters/pdf/disclosures-a.pdf", True),
    ("output/posters/pdf/disclosures-c.pdf", True),
    ("output/posters/pdf/disclosures-b.pdf", False),
    ("output/posters/pdf/places-changanyuan-8dong.pdf", False),  # the board lists b
    ("output/posters/pdf/all-A4.pdf", False),
    ("output-print/posters/pdf/disclosures-a.pdf", True),  # paper shows a's number: kept from the last print folder
    ("output-print/posters/pdf/disclosures-b.pdf", False),
]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], dict[str, int]]:
    root = tmp_path_factory.mktemp("pdfs")
    files = {"site.yaml": "name: 长安社区\nbase_url: https://print.example.org/\n"}
    for n, (slug, show) in enumerate(PEOPLE.items()):
        files[f"disclosures/{slug}.yaml"] = (f"name: 王{slug}\nrole: 单元长\nplace: 长安苑/8栋\n"
                                             f"phone: '1380551{n}678'\nshow_phone: {show}\n")
    write_files(root / "content", files)
    options = Options(now=NOW, pdf=True, jobs=1)
    pipeline.build(root / "content", root / "output", options)
    before = {rel: (root / rel).stat().st_ino for rel, _ in CASES}
    b = root / "content/disclosures/b.yaml"
    b.write_text(b.read_text("utf-8").replace("单元长", "楼栋长"), encoding="utf-8")
    report = pipeline.build(root / "content", root / "output", options)
    assert 0 < report.rendered < report.pages + report.posters
    after = {rel: (root / rel).stat().st_ino for rel, _ in CASES}
    return root, before, after


@pytest.mark.parametrize(("rel", "kept"), CASES)
def test_only_changed_posters_are_laid_out_again(rebuilt: tuple[Path, dict[str, int], dict[str, int]], rel: str,
                                                 kept: bool) -> None:
    _, before, after = rebuilt
    assert (before[rel] == after[rel]) is kept


def test_warm_pdfs_equal_cold_ones(rebuilt: tuple[Path, dict[str, int], dict[str, int]]) -> None:
    root = rebuilt[0]
    cold = root / "cold" / "output"
    pipeline.build(root / "content", cold, Options(now=NOW, pdf=True, use_cache=False, jobs=1))
    assert tree_bytes(root / "output") == tree_bytes(cold)
    assert tree_bytes(root / "output-print") == tree_bytes(cold.parent / "output-print")
