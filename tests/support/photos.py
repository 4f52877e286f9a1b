"""Make test and demo photos that carry what residents' phone photos carry: GPS, XMP, a comment, a rotation."""

from __future__ import annotations

import io
from pathlib import Path

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
