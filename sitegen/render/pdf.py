"""Print-ready PDFs of the posters with WeasyPrint, a real paged-media renderer.

Each poster is laid out once into its own PDF; one combined file per paper size (what a copy
shop accepts) is put together from those with pypdf. CJK fonts are embedded (subset) by WeasyPrint.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote

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


# WeasyPrint names each image after the MD5 of its URL: read from the real folder, the same poster
# gave other bytes in every build folder and on every machine. The stage is served under one fixed
# address instead, by a fetcher that reads only files inside the stage (nothing from the network).
_ROOT: Final = "https://stage.sitegen.invalid/"


def _read(stage: Path, url: str) -> tuple[bytes, str]:
    """A staged file by its address under _ROOT; ValueError for anything else."""
    if not url.startswith(_ROOT):
        raise ValueError(f"not a staged file: {url}")
    rel = unquote(url.removeprefix(_ROOT).split("?")[0].split("#")[0])
    path = (stage / rel).resolve()
    if not path.is_relative_to(stage.resolve()) or not path.is_file():
        raise ValueError(f"not a staged file: {url}")
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _fetcher(weasyprint: Any, stage: Path) -> Any:
    """The staged-files fetcher in the form this WeasyPrint takes: a URLFetcher (70+) or a function."""
    base = getattr(weasyprint, "URLFetcher", None)
    if base is not None and hasattr(base, "fetch"):
        from weasyprint.urls import URLFetcherResponse

        class Staged(base):  # type: ignore[misc,valid-type]
            def fetch(self, url: str, headers: object = None) -> Any:
                data, mime = _read(stage, url)
                return URLFetcherResponse(url, data, {"Content-Type": mime})

        return Staged()

    def fetch(url: str) -> dict[str, object]:
        data, mime = _read(stage, url)
        return {"string": data, "mime_type": mime, "redirected_url": url}

    return fetch


def render_pdf(stage: Path, poster_url: str) -> bytes:
    """One poster, laid out from its staged HTML (which passed the leak scan); the same bytes in any folder."""
    weasyprint = _weasyprint()
    html = (stage / poster_url / "index.html").read_text("utf-8")
    document = weasyprint.HTML(string=html, base_url=_ROOT + poster_url,  # type: ignore[attr-defined]
                               url_fetcher=_fetcher(weasyprint, stage))
    return document.write_pdf()  # type: ignore[no-any-return]


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
