"""Photos as they come from phones and cameras (issue 10 §5): every pixel mode and colour profile comes
out looking as it did, as 8-bit sRGB JPEG without any metadata; damaged files are content errors."""

from __future__ import annotations

import io
import struct
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from PIL import Image

from sitegen.render.images import make_variants, plan_photo
from tests.conftest import MakeSite, error_lines, run
from tests.support.photos import (
    ADOBE_GAMMA,
    ADOBE_RGB,
    COMMENT,
    DISPLAY_P3,
    XMP,
    expected_srgb,
    matrix_profile,
    save_with_metadata,
)

P3_ICC = matrix_profile(DISPLAY_P3, None, "Display P3")
ADOBE_ICC = matrix_profile(ADOBE_RGB, ADOBE_GAMMA, "Adobe RGB (1998)")
SIZE = (64, 48)


def _saved(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _flat(mode: str, colour: object) -> Image.Image:
    return Image.new(mode, SIZE, colour)  # type: ignore[arg-type]


def _palette(transparent: bool) -> bytes:
    image = Image.new("P", SIZE, 1)
    image.putpalette([0, 0, 0, 200, 50, 50] + [0] * 762)
    return _saved(image, "PNG", **({"transparency": 1} if transparent else {}))


def _gray16(value: int) -> bytes:
    return _saved(Image.new("I;16", SIZE, value), "PNG")


def _rgb16_png(rgb16: tuple[int, int, int]) -> bytes:
    """A 16-bit-per-channel RGB PNG (colour type 2, depth 16), written by hand: Pillow saves only 8 bits."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" + struct.pack(">3H", *rgb16) * SIZE[0]
    header = struct.pack(">IIBBBBB", SIZE[0], SIZE[1], 16, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * SIZE[1]))
            + chunk(b"IEND", b""))


def _rgb_with_key_colour() -> bytes:
    return _saved(_flat("RGB", (0, 0, 0)), "PNG", transparency=(0, 0, 0))


# (case, file name, bytes, expected sRGB of the centre pixel, tolerance)
CASES: list[tuple[str, str, Callable[[], bytes], tuple[int, int, int], int]] = [
    ("srgb_untagged_jpeg", "a.jpg", lambda: _saved(_flat("RGB", (200, 50, 50)), "JPEG", quality=95), (200, 50, 50), 3),
    ("display_p3_jpeg", "a.jpg", lambda: _saved(_flat("RGB", (60, 180, 90)), "JPEG", quality=95, icc_profile=P3_ICC),
     expected_srgb((60, 180, 90), DISPLAY_P3, None), 3),
    ("display_p3_pure_red", "a.jpg", lambda: _saved(_flat("RGB", (255, 0, 0)), "JPEG", quality=95, icc_profile=P3_ICC),
     (255, 0, 0), 4),
    ("display_p3_pink_png", "a.png", lambda: _saved(_flat("RGB", (255, 128, 128)), "PNG", icc_profile=P3_ICC),
     expected_srgb((255, 128, 128), DISPLAY_P3, None), 2),
    ("adobe_rgb_jpeg", "a.jpg", lambda: _saved(_flat("RGB", (100, 200, 100)), "JPEG", quality=95, icc_profile=ADOBE_ICC),
     expected_srgb((100, 200, 100), ADOBE_RGB, ADOBE_GAMMA), 3),
    ("adobe_rgb_webp", "a.webp", lambda: _saved(_flat("RGB", (100, 200, 100)), "WEBP", lossless=True, icc_profile=ADOBE_ICC),
     expected_srgb((100, 200, 100), ADOBE_RGB, ADOBE_GAMMA), 2),
    ("cmyk_jpeg_adobe_inverted", "a.jpg", lambda: _saved(_flat("CMYK", (0, 128, 255, 0)), "JPEG", quality=95), (255, 127, 0), 4),
    ("cmyk_jpeg_black", "a.jpg", lambda: _saved(_flat("CMYK", (0, 0, 0, 255)), "JPEG", quality=95), (0, 0, 0), 4),
    ("grey_jpeg", "a.jpg", lambda: _saved(_flat("L", 77), "JPEG", quality=95), (77, 77, 77), 2),
    ("grey_16_bit_png_mid", "a.png", lambda: _gray16(32896), (128, 128, 128), 1),
    ("grey_16_bit_png_dark", "a.png", lambda: _gray16(5140), (20, 20, 20), 1),
    ("rgb_16_bit_png", "a.png", lambda: _rgb16_png((0xC8C8, 0x3232, 0x8080)), (200, 50, 128), 1),
    ("one_bit_png", "a.png", lambda: _saved(_flat("1", 1), "PNG"), (255, 255, 255), 0),
    ("palette_png", "a.png", lambda: _palette(False), (200, 50, 50), 2),
    ("palette_png_transparent_on_white", "a.png", lambda: _palette(True), (255, 255, 255), 1),
    ("rgba_png_half_red_on_white", "a.png", lambda: _saved(_flat("RGBA", (255, 0, 0, 128)), "PNG"), (255, 127, 127), 2),
    ("rgba_png_opaque", "a.png", lambda: _saved(_flat("RGBA", (10, 120, 200, 255)), "PNG"), (10, 120, 200), 2),
    ("la_png_transparent_on_white", "a.png", lambda: _saved(_flat("LA", (0, 0)), "PNG"), (255, 255, 255), 1),
    ("la_png_opaque_grey", "a.png", lambda: _saved(_flat("LA", (90, 255)), "PNG"), (90, 90, 90), 1),
    ("rgb_png_key_colour_transparent", "a.png", _rgb_with_key_colour, (255, 255, 255), 1),
    ("rgba_webp_on_white", "a.webp", lambda: _saved(_flat("RGBA", (0, 0, 255, 0)), "WEBP", lossless=True), (255, 255, 255), 1),
    ("broken_profile_ignored", "a.jpg", lambda: _saved(_flat("RGB", (200, 50, 50)), "JPEG", quality=95, icc_profile=b"junk" * 40),
     (200, 50, 50), 3),
    ("rgb_profile_on_grey_ignored", "a.png", lambda: _saved(_flat("L", 77), "PNG", icc_profile=P3_ICC), (77, 77, 77), 1),
]


def _publish(tmp_path: Path, name: str, data: bytes) -> Image.Image:
    (tmp_path / "media").mkdir(exist_ok=True)
    (tmp_path / "media" / name).write_bytes(data)
    photo = plan_photo(tmp_path, PurePosixPath("media", name))
    made = make_variants(tmp_path, photo)
    published = Image.open(io.BytesIO(made[photo.largest.url]))
    assert published.format == "JPEG" and published.mode == "RGB"
    assert not published.info.get("icc_profile") and not published.info.get("exif") and "comment" not in published.info
    assert "xmp" not in published.info and not published.getexif()
    return published


@pytest.mark.parametrize(("case", "name", "make", "expected", "tolerance"), CASES, ids=[c[0] for c in CASES])
def test_every_mode_and_profile_looks_as_it_did(tmp_path: Path, case: str, name: str, make: Callable[[], bytes],
                                               expected: tuple[int, int, int], tolerance: int) -> None:
    published = _publish(tmp_path, name, make())
    pixel = published.getpixel((SIZE[0] // 2, SIZE[1] // 2))
    assert isinstance(pixel, tuple)
    assert all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True)), f"{pixel} != {expected}"


def test_wide_gamut_really_changes_the_numbers() -> None:
    """The P3 and Adobe cases would fail without conversion: the sRGB values differ from the stored ones."""
    assert max(abs(a - b) for a, b in zip(expected_srgb((60, 180, 90), DISPLAY_P3, None), (60, 180, 90))) > 20
    assert max(abs(a - b) for a, b in zip(expected_srgb((100, 200, 100), ADOBE_RGB, ADOBE_GAMMA), (100, 200, 100))) > 20


def test_cmyk_test_file_is_an_inverted_adobe_jpeg() -> None:
    with Image.open(io.BytesIO(_saved(_flat("CMYK", (0, 128, 255, 0)), "JPEG"))) as image:
        assert image.mode == "CMYK" and "adobe" in image.info


def test_phone_metadata_is_gone_from_a_p3_photo(tmp_path: Path) -> None:
    source = tmp_path / "src.jpg"
    save_with_metadata(_flat("RGB", (60, 180, 90)), source)
    with Image.open(source) as image:
        tagged = _saved(image, "JPEG", exif=image.info["exif"], comment=COMMENT, xmp=XMP, icc_profile=P3_ICC)
    published = _publish(tmp_path, "phone.jpg", tagged)
    assert published.getpixel((32, 24)) != (60, 180, 90)
    raw = (tmp_path / "media" / "phone.jpg").read_bytes()
    assert b"resident phone" in raw and COMMENT in raw


# --- damaged files and file names in another normalisation form -------------------------------------------

def _activity(photo: str) -> str:
    return f"---\ntitle: 七夕\ndate: 2019-08-06\nphotos:\n  - {photo}\n---\n"


def _big_jpeg() -> bytes:
    from tests.support.photos import scene

    return _saved(scene(800, 600, "合影", (120, 160, 220)), "JPEG", quality=90)


def _cut(data: bytes, keep: int) -> bytes:
    return data[:keep]


def _noise(fmt: str) -> bytes:
    return _saved(Image.effect_noise((300, 200), 60).convert("RGB"), fmt)


DAMAGED = [
    ("jpeg_cut_in_half", "a.jpg", lambda: _cut(_big_jpeg(), len(_big_jpeg()) // 2)),
    ("jpeg_cut_near_the_end", "a.jpg", lambda: _big_jpeg()[:-400]),
    ("jpeg_data_overwritten", "a.jpg", lambda: _big_jpeg()[:600] + b"\xff" * (len(_big_jpeg()) - 600)),
    ("png_cut_in_half", "a.png", lambda: _cut(_noise("PNG"), len(_noise("PNG")) // 2)),
    ("webp_cut_in_half", "a.webp", lambda: _cut(_noise("WEBP"), len(_noise("WEBP")) // 2)),
]


@pytest.mark.parametrize(("case", "name", "make"), DAMAGED, ids=[c[0] for c in DAMAGED])
def test_damaged_photo_is_a_content_error_at_its_line(make_site: MakeSite, tmp_path: Path, case: str, name: str,
                                                      make: Callable[[], bytes]) -> None:
    content = make_site({"activities/a.md": _activity(f"media/{name}"), f"media/{name}": make()})
    for command in (("check", "--content", str(content)), ("build", "--content", str(content), "--out", str(tmp_path / "out"))):
        result = run(*command)
        assert result.exit_code == 1, result.output
        lines = error_lines(result)
        assert any(x.startswith("activities/a.md:5: ") and ("damaged" in x or "cannot be read" in x) for x in lines), lines
    zh = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert "已损坏" in zh.stderr or "无法作为图片读取" in zh.stderr
    assert not (tmp_path / "out").exists()


NAMES = [  # each name changes under NFD (Han characters do not: 照片 is the same in both forms)
    ("hangul_typed_nfc_stored_nfd", "media/가족사진.jpg", "NFD"),
    ("kana_dakuten_typed_nfc_stored_nfd", "media/合影/パーティー.jpg", "NFD"),
    ("typed_nfd_stored_nfc", unicodedata.normalize("NFD", "media/Café/été.jpg"), "NFC"),
    ("accented_folder_nfd", "media/Café/été.jpg", "NFD"),
]


@pytest.mark.parametrize(("case", "typed", "stored_form"), NAMES, ids=[c[0] for c in NAMES])
def test_photo_name_in_another_normalisation_form_is_found(make_site: MakeSite, tmp_path: Path, case: str, typed: str,
                                                           stored_form: str) -> None:
    stored = unicodedata.normalize(stored_form, typed)  # type: ignore[arg-type]
    assert stored != typed or stored_form == "NFC"
    content = make_site({"activities/a.md": _activity(typed), stored: _saved(_flat("RGB", (200, 50, 50)), "JPEG")})
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert list((tmp_path / "out" / "media").glob("*.jpg"))


def test_photo_failing_only_at_build_is_a_content_error(make_site: MakeSite, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A photo the check passed but whose full decode fails while its widths are made: exit 1 at the record,
    the previous output untouched (it was exit 70, 内部出错)."""
    content = make_site({"activities/a.md": _activity("media/a.jpg"), "media/a.jpg": _saved(_flat("RGB", (1, 2, 3)), "JPEG")})
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    (content / "media" / "a.jpg").write_bytes(_saved(_flat("RGB", (9, 8, 7)), "JPEG"))

    def broken(*args: object) -> dict[str, bytes]:
        raise OSError("image file is truncated (12 bytes not processed)")

    monkeypatch.setattr("sitegen.pipeline.workers.make_variants", broken)
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1, result.output
    # at the photos line (left16: it was said at the record's first line)
    assert [x for x in error_lines(result) if x.startswith("activities/a.md:5: ")], result.stderr
    assert "damaged" in result.stderr and "Traceback" not in result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == before


@pytest.mark.parametrize(("case", "name", "make"), DAMAGED, ids=[c[0] for c in DAMAGED])
def test_a_damaged_photo_is_refused_after_a_library_loosened_pillow(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch,
                                                                    case: str, name: str, make: Callable[[], bytes]) -> None:
    """WeasyPrint 70 sets PIL.ImageFile.LOAD_TRUNCATED_IMAGES = True when imported (a `--pdf` build, or any
    earlier import in the process): a photo cut short must still be refused, and the switch left as found."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    content = make_site({"activities/a.md": _activity(f"media/{name}"), f"media/{name}": make()})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert any(x.startswith("activities/a.md:5: ") for x in error_lines(result))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


def test_variants_refuse_a_cut_photo_whatever_the_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import ImageFile

    from sitegen.render.images import make_variants, plan_photo

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.jpg").write_bytes(_cut(_big_jpeg(), len(_big_jpeg()) // 2))
    photo = plan_photo(tmp_path, PurePosixPath("media/a.jpg"))
    with pytest.raises(OSError):
        make_variants(tmp_path, photo)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
