"""Any photo as phones and cameras save it → 8-bit sRGB pixels that look as the photo did.

The published JPEG carries no colour profile (no metadata at all), so its pixels must already be
sRGB, the space every browser assumes for an untagged image. An iPhone saves Display P3, a camera
may save Adobe RGB, a print shop's file is CMYK (Adobe's JPEGs store it inverted; Pillow undoes
that on reading): each is converted through its embedded ICC profile with LittleCMS (Pillow's
ImageCms). Transparent pixels are laid on white (the page's colour) and 16-bit grey is scaled, not
clipped, to 8 bits.
"""

from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PIL import Image, ImageCms

_ALPHA_MODES: Final = frozenset({"RGBA", "RGBa", "LA", "La", "PA", "P"})
_SIXTEEN_BIT: Final = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})
_PROFILE_MODES: Final = {"RGB ": "RGB", "CMYK": "CMYK", "GRAY": "L"}  # ICC colour space → the mode it describes


def flatten(image: Image.Image) -> Image.Image:
    """The image as L, RGB or CMYK: alpha laid on white, palette expanded, 16-bit grey scaled to 8."""
    from PIL import Image

    if image.mode in _SIXTEEN_BIT:
        return image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode == "1":
        return image.convert("L")
    if image.mode in _ALPHA_MODES or "transparency" in image.info:
        rgba = image.convert("RGBA")
        if rgba.getchannel("A").getextrema() == (255, 255):
            return rgba.convert("RGB")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("L", "RGB", "CMYK"):
        return image
    return image.convert("RGB")


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB pixels in sRGB: through the embedded profile where it fits the image, else as they are.

    `image` is L, RGB or CMYK (see `flatten`); a broken profile, or one for another colour space,
    is ignored as browsers ignore it.
    """
    from PIL import ImageCms

    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if _PROFILE_MODES.get(source.profile.xcolor_space) == image.mode:
                converted = ImageCms.profileToProfile(image, source, _srgb(), outputMode="RGB",
                                                      renderingIntent=ImageCms.Intent.PERCEPTUAL)
                if converted is not None:
                    return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    return image if image.mode == "RGB" else image.convert("RGB")
