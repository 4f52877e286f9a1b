"""Make test and demo photos that carry what residents' phone photos carry: GPS, XMP, a comment, a rotation."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFont

XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>resident phone</dc:creator>'
       b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
COMMENT = b"taken at home of a resident"
GPS = {1: "N", 2: (31.0, 49.0, 12.34), 3: "E", 4: (117.0, 17.0, 45.67)}  # near Hefei


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for path in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
                 "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def scene(width: int, height: int, caption: str, hue: tuple[int, int, int], seed: int = 0) -> Image.Image:
    """A simple illustration: sky gradient, ground, a few houses, a caption."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(hue[0] * (1 - t) + 250 * t), int(hue[1] * (1 - t) + 240 * t),
                                              int(hue[2] * (1 - t) + 225 * t)))
    ground = int(height * 0.72)
    draw.rectangle([0, ground, width, height], fill=(120, 150, 95))
    step = width // 5
    for i in range(5):
        x = i * step + (seed * 37 + i * 53) % (step // 3)
        top = ground - (height // 5) - ((seed + i) * 29) % (height // 6)
        draw.rectangle([x, top, x + step * 2 // 3, ground], fill=(200 - i * 12, 190 - i * 10, 180))
        for wy in range(top + 12, ground - 20, 34):
            for wx in range(x + 10, x + step * 2 // 3 - 20, 30):
                draw.rectangle([wx, wy, wx + 14, wy + 18], fill=(90, 110, 140))
    font = _font(max(24, height // 12))
    box = draw.textbbox((0, 0), caption, font=font)
    draw.rounded_rectangle([width // 20 - 12, height - (box[3] - box[1]) - height // 12 - 12,
                            width // 20 + box[2] - box[0] + 12, height - height // 12 + 16], radius=10, fill=(255, 255, 255))
    draw.text((width // 20 - box[0], height - (box[3] - box[1]) - height // 12 - box[1]), caption, font=font, fill=(179, 18, 31))
    return image


def portrait(size: int, initial: str, hue: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", (size, size * 5 // 4), hue)
    draw = ImageDraw.Draw(image)
    w, h = image.size
    draw.ellipse([w // 4, h // 6, w * 3 // 4, h // 6 + w // 2], fill=(240, 210, 185))
    draw.rounded_rectangle([w // 8, h // 2 + h // 12, w * 7 // 8, h + 40], radius=w // 5, fill=(40, 60, 110))
    font = _font(w // 6)
    draw.text((w // 12, h // 24), initial, font=font, fill=(255, 255, 255))
    return image


def save_with_metadata(image: Image.Image, path: Path, orientation: int = 1, quality: int = 88) -> None:
    """Save a JPEG with GPS, XMP, a COM comment and an EXIF orientation, as a phone would."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x0112] = orientation
    exif[0x8825] = GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif.tobytes(), comment=COMMENT, xmp=XMP)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def rotated_for_orientation_6(image: Image.Image) -> Image.Image:
    """Pixels as a phone stores them for Orientation=6: viewers must rotate 90° clockwise to show it upright."""
    return image.transpose(Image.Transpose.ROTATE_90)


# Colorants (D50-adapted XYZ of each primary, as in the published profiles) of two wide-gamut spaces
DISPLAY_P3: Final = ((0.515102, 0.241196, -0.001053), (0.291965, 0.692236, 0.041885), (0.157153, 0.066568, 0.784073))
ADOBE_RGB: Final = ((0.60974, 0.31111, 0.01947), (0.20528, 0.62567, 0.06087), (0.14919, 0.06322, 0.74457))
SRGB: Final = ((0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141))
ADOBE_GAMMA: Final = 563 / 256


def srgb_decode(value: float) -> float:
    """The sRGB transfer curve (IEC 61966-2-1), 0..1 → linear light; Display P3 uses it too."""
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def srgb_encode(linear: float) -> float:
    linear = min(1.0, max(0.0, linear))
    return linear * 12.92 if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def matrix_profile(colorants: tuple[tuple[float, float, float], ...], gamma: float | None, name: str) -> bytes:
    """An ICC v2 RGB display profile from primaries and a tone curve (gamma, or the sRGB curve when None).

    Written byte by byte (ICC.1:2001-04 §6–7: header, tag table, XYZType, curveType, textDescriptionType)
    so tests need no profile file from the system.
    """
    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in values)

    if gamma is None:
        samples = [round(srgb_decode(i / 1023) * 65535) for i in range(1024)]
        curve = b"curv\0\0\0\0" + struct.pack(">I", len(samples)) + struct.pack(f">{len(samples)}H", *samples)
    else:
        curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    ascii_name = name.encode("ascii") + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(ascii_name)) + ascii_name + struct.pack(">II", 0, 0) + b"\0\0\0" + b"\0" * 67
    tags = [(b"desc", desc), (b"wtpt", xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", xyz(colorants[0])),
            (b"gXYZ", xyz(colorants[1])), (b"bXYZ", xyz(colorants[2])), (b"rTRC", curve), (b"gTRC", curve),
            (b"bTRC", curve), (b"cprt", b"text\0\0\0\0no copyright\0")]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 24 + struct.pack(">I", 0)
              + _s15(0.9642) + _s15(1.0) + _s15(0.8249) + b"\0" * 48)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def expected_srgb(rgb: tuple[int, int, int], colorants: tuple[tuple[float, float, float], ...],
                  gamma: float | None) -> tuple[int, int, int]:
    """What a colour-managed viewer shows: source → linear → XYZ (D50) → linear sRGB (clipped) → sRGB."""
    linear = [srgb_decode(c / 255) if gamma is None else (c / 255) ** gamma for c in rgb]
    xyz = [sum(colorants[j][i] * linear[j] for j in range(3)) for i in range(3)]
    m = [[SRGB[j][i] for j in range(3)] for i in range(3)]  # columns are the sRGB colorants
    det = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
           + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    inverse = [[(m[(c + 1) % 3][(r + 1) % 3] * m[(c + 2) % 3][(r + 2) % 3]
                 - m[(c + 1) % 3][(r + 2) % 3] * m[(c + 2) % 3][(r + 1) % 3]) / det for c in range(3)] for r in range(3)]
    out = [sum(inverse[i][k] * xyz[k] for k in range(3)) for i in range(3)]
    return (round(srgb_encode(out[0]) * 255), round(srgb_encode(out[1]) * 255), round(srgb_encode(out[2]) * 255))
