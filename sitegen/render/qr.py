"""QR codes as inline SVG: always a full QR (never Micro QR), level M or better, 4-module quiet zone.

zxing-cpp's encoder is used for the matrix: it measured 0.14 ms a code against segno's 3.4 ms,
and a 10,000-record street builds over 10,000 codes. The SVG is one path, black on white.

Every matrix is decoded back before it is used (0.07 ms a code with zxing-cpp's reader, against
about 0.9 ms to encode one at the three levels tried): a matrix from the build cache that reads
as another address (a damaged or mixed-up entry) is made again, and a fresh one that does not
read as its own text stops the build (QRMismatch) rather than print a poster that opens the
wrong page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping
from typing import Final

from markupsafe import Markup, escape

QUIET_ZONE: Final = 4
SVGS_KEPT: Final = 512  # drawn codes a process remembers (Codes.svg)
_BOOSTS: Final = ("Q", "H")  # tried in turn while the code keeps the size level M gives


class QRMismatch(Exception):
    """A freshly encoded QR matrix did not decode to its own text (never content's doing)."""


def _decodes(text: str, size: int, modules: bytes) -> bool:
    """True when the matrix, with its quiet zone, reads back as exactly `text`."""
    import zxingcpp

    if size <= 0 or len(modules) != size * size:
        return False
    found = zxingcpp.read_barcode(_with_quiet_zone(size, modules),
                                  formats=zxingcpp.BarcodeFormat.QRCode,  # type: ignore[arg-type]
                                  try_rotate=False,
                                  try_downscale=False, binarizer=zxingcpp.Binarizer.BoolCast)
    return found is not None and found.valid and found.text == text


def _with_quiet_zone(size: int, modules: bytes) -> memoryview:
    """The matrix as a grey image (one byte a pixel, rows × columns) inside its white quiet zone, in the
    buffer shape zxing-cpp reads (its read_barcode docstring): no imaging library loaded to check a code."""
    side = size + 2 * QUIET_ZONE
    margin, blank = b"\xff" * QUIET_ZONE, b"\xff" * (side * QUIET_ZONE)
    rows = (margin + modules[row:row + size] + margin for row in range(0, size * size, size))
    return memoryview(b"".join((blank, *rows, blank))).cast("B", (side, side))


def _matrix(text: str, level: str) -> tuple[int, bytes]:
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    image = code.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[0]
    return size, bytes(memoryview(image))  # type: ignore[arg-type]  # zxingcpp.Image has the buffer protocol


def qr_modules(text: str) -> tuple[int, bytes]:
    """The module matrix (0 = dark) at the highest error level that keeps the size of level M.

    Raises QRMismatch when the matrix made does not read back as `text`.
    """
    size_m, modules_m = _matrix(text, "M")
    found = (size_m, modules_m)
    for level in _BOOSTS:  # if Q does not fit in M's size, H will not either
        size, modules = _matrix(text, level)
        if size != size_m:
            break
        found = (size, modules)
    if not _decodes(text, *found):
        raise QRMismatch(text)
    return found


class Codes:
    """The QR matrices of one build (text → (size, modules)), kept by the build cache (pipeline/cache.py):
    an unchanged code is never encoded twice.

    A matrix taken from the cache is decoded back before its first use in this process (`checked`);
    one that reads as something else is made again. `made` lists the texts encoded since the last
    take_made(), so a render worker hands its new matrices back with its results. Only `known` is
    pickled.
    """

    def __init__(self, known: Mapping[str, tuple[int, bytes]] | None = None) -> None:
        self.known: dict[str, tuple[int, bytes]] = dict(known or {})
        self.checked: set[str] = set()
        self.made: list[str] = []
        # The last SVGS_KEPT drawings (a record's poster and the board listing it show the same code):
        # bounded, as a worker renders thousands of posters (4 KB each, 120 MB at 10,000 records unbounded).
        self.svgs: OrderedDict[tuple[str, str, float | None], Markup] = OrderedDict()

    def __reduce__(self) -> tuple[type[Codes], tuple[dict[str, tuple[int, bytes]]]]:
        return (Codes, (self.known,))

    def add(self, codes: Mapping[str, tuple[int, bytes]]) -> None:
        """Take matrices made elsewhere (a worker, the cache); each is decoded back before its first use."""
        for text, code in codes.items():
            if self.known.get(text) != code:
                self.checked.discard(text)
                self.known[text] = code

    def take_made(self) -> dict[str, tuple[int, bytes]]:
        """The matrices made since the last call, for the parent's cache; the list starts again."""
        made = {text: self.known[text] for text in self.made}
        self.made.clear()
        return made

    def keep(self, texts: Collection[str]) -> None:
        """Forget the codes for any other text (pages that are gone)."""
        self.known = {text: code for text, code in self.known.items() if text in texts}

    def modules(self, text: str) -> tuple[int, bytes]:
        """qr_modules(text), remembered and checked as the class says."""
        found = self.known.get(text)
        if found is not None:
            if text in self.checked or _decodes(text, *found):
                self.checked.add(text)
                return found
            del self.known[text]  # a cached matrix that reads as something else: make it again
        found = self.known[text] = qr_modules(text)
        self.checked.add(text)
        self.made.append(text)
        return found

    def svg(self, url: str, label: str = "", symbol_mm: float | None = None) -> Markup:
        """qr_svg with this build's matrices, remembered (a page and its poster show the same code)."""
        key = (url, label, symbol_mm)
        found = self.svgs.get(key)
        if found is not None:
            self.svgs.move_to_end(key)
            return found
        found = self.svgs[key] = qr_svg(url, label, symbol_mm, self.modules)
        if len(self.svgs) > SVGS_KEPT:
            self.svgs.popitem(last=False)
        return found


def _path(size: int, modules: bytes) -> str:
    """Runs of dark modules per row as `M x y h w v 1 h -w z`: small, crisp at any print size."""
    parts = []
    for y in range(size):
        row = modules[y * size : (y + 1) * size]
        x = 0
        while x < size:
            if row[x] == 0:
                start = x
                while x < size and row[x] == 0:
                    x += 1
                parts.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return "".join(parts)


# Bytes a level-M code holds in byte mode, by version (ISO/IEC 18004 table 7): enough to size a
# code for layout without encoding it; boosting the level never changes the version.
_CAPACITY_M: Final = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666)


def planned_size(text: str) -> int:
    """Modules per side the code for `text` will have (estimated for layout only)."""
    length = len(text.encode("utf-8"))
    version = next((v for v, capacity in enumerate(_CAPACITY_M, start=1) if length <= capacity), len(_CAPACITY_M))
    return 17 + 4 * version


def printed_mm(url: str, symbol_mm: float, size: int | None = None) -> float:
    """Width of the whole printed code, quiet zone included, when the symbol itself is `symbol_mm` wide
    and `size` modules a side (planned_size(url) when not given)."""
    size = size or planned_size(url)
    return round(symbol_mm * (size + 2 * QUIET_ZONE) / size, 1)


def qr_svg(url: str, label: str = "", symbol_mm: float | None = None,
           modules: Callable[[str], tuple[int, bytes]] = qr_modules) -> Markup:
    """An inline <svg> carrying data-qr-url; the code decodes to exactly `url`, which must be ASCII.

    With `symbol_mm` the code prints at that width (finder to finder, the quiet zone added around
    it), whatever its version: the scanning-distance rule is about the symbol, not the margin.
    `modules` makes the matrix (a build passes its Codes.modules). Raises ValueError for a
    non-ASCII url, QRMismatch as qr_modules does.
    """
    if not url.isascii():  # zxing would write Shift_JIS without ECI: phones reading GBK or UTF-8 open another address
        raise ValueError(f"QR payload must be ASCII (sitegen.addresses.ascii_url): {url!r}")
    size, matrix = modules(url)
    total = size + 2 * QUIET_ZONE
    title = escape(label or url)
    dimensions = ""
    if symbol_mm:
        printed = printed_mm(url, symbol_mm, size)
        dimensions = f'width="{printed}mm" height="{printed}mm" '
    return Markup(
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} {total}" {dimensions}'
        f'shape-rendering="crispEdges" role="img" aria-label="{title}" data-qr-url="{escape(url)}">'
        f'<rect width="{total}" height="{total}" fill="#fff"/>'
        f'<path fill="#000" d="{_path(size, matrix)}"/></svg>'
    )
