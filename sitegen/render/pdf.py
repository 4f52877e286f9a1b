"""Print-ready PDFs of the posters with WeasyPrint, a real paged-media renderer.

Each poster is laid out once; its pages go into its own PDF and into one combined file per
paper size, which is what a copy shop accepts. CJK fonts are embedded (subset) by WeasyPrint.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from sitegen.errors import UsageProblem


def pdf_name(poster_url: str) -> str:
    """posters/places/fuguiyuan/9dong/ → posters/pdf/places-fuguiyuan-9dong.pdf"""
    inner = poster_url.removeprefix("posters/").strip("/") or "index"
    return f"posters/pdf/{inner.replace('/', '-')}.pdf"


def render_pdfs(stage: Path, posters: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """(poster URL, paper) pairs, read from the staged HTML → PDF files by output path."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: WeasyPrint installed but Pango missing
        raise UsageProblem("cli.pdf_missing") from e
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    files: dict[str, bytes] = {}
    by_paper: dict[str, list[object]] = {}
    for url, paper in posters:
        document = HTML(filename=str(stage / url / "index.html")).render()
        files[pdf_name(url)] = document.write_pdf()
        by_paper.setdefault(paper, []).append(document)
    for paper, documents in sorted(by_paper.items()):
        pages = [page for document in documents for page in document.pages]  # type: ignore[attr-defined]
        files[f"posters/pdf/all-{paper}.pdf"] = documents[0].copy(pages).write_pdf()  # type: ignore[attr-defined]
    return files
