"""Print-ready PDFs of the posters with WeasyPrint, a real paged-media renderer.

Each poster is laid out once into its own PDF; one combined file per paper size (what a copy
shop accepts) is put together from those with pypdf. CJK fonts are embedded (subset) by WeasyPrint.
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


def _weasyprint() -> object:
    try:
        import weasyprint
    except (ImportError, OSError) as e:  # OSError: WeasyPrint installed but Pango missing
        raise UsageProblem("cli.pdf_missing") from e
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def render_pdf(stage: Path, poster_url: str) -> bytes:
    """One poster, laid out from its staged HTML (which passed the leak scan)."""
    weasyprint = _weasyprint()
    return weasyprint.HTML(filename=str(stage / poster_url / "index.html")).write_pdf()  # type: ignore[attr-defined,no-any-return]


def combine(files: Iterable[Path]) -> bytes:
    """One PDF of many posters, for the copy shop: pages copied, nothing laid out again."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for path in files:
        writer.append(str(path))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
