"""A message about a photo names the field it is written in, as every other field message does (left16:
内容文件夹中没有照片“media/x.jpg” said neither 照片 nor photos): 照片（photos）, 照片第 2 项（photos[2]）
when the list has more than one, 照片（photo） for a disclosure's own. One row per photo message key."""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
from PIL import Image

from sitegen.i18n.messages import Messages
from sitegen.load import load_content
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from tests.conftest import SITE_YAML, write_files

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)


def _image(size: tuple[int, int], kind: str = "JPEG", noise: bool = False) -> bytes:
    buffer = io.BytesIO()
    image = Image.effect_noise(size, 60).convert("RGB") if noise else Image.new("RGB", size, (200, 50, 50))
    image.save(buffer, kind)
    return buffer.getvalue()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    return buffer.getvalue()


MEDIA = {
    "media/ok.jpg": _image((40, 30)), "media/Upper.JPG": _image((40, 30)), "media/fake.jpg": b"<svg/>",
    "media/iphone.heic": HEIC, "media/head.jpg": _image((40, 30))[:20], "media/strip.jpg": _image((10, 300)),
    "media/cut.jpg": _image((200, 150), noise=True)[:6000], "media/bomb.png": _bomb(), "media/活动/合影.jpg": _image((40, 30)),
}


def _activity(*photos: str) -> str:
    return "---\ntitle: 七夕\ndate: 2019-08-06\nphotos:\n" + "".join(f'  - "{p}"\n' for p in photos) + "---\n"


ROWS = [
    # (key, record file, its text, the field the message starts with)
    ("photo.bad_path", "activities/a.md", _activity("media/a\\0.jpg"), "照片（photos）"),  # a NUL typed as YAML's escape
    ("photo.url", "activities/a.md", _activity("https://example.org/a.jpg"), "照片（photos）"),
    ("photo.absolute", "activities/a.md", _activity("media/ok.jpg", "/etc/passwd"), "照片第 2 项（photos[2]）"),
    ("photo.outside", "activities/a.md", _activity("../x.jpg"), "照片（photos）"),
    ("photo.case", "activities/a.md", _activity("media/upper.jpg"), "照片（photos）"),
    ("photo.missing", "activities/a.md", _activity("media/ok.jpg", "media/ok.jpg", "media/新年.jpg"), "照片第 3 项（photos[3]）"),
    ("photo.missing_hint", "activities/a.md", _activity("media/ok1.jpg"), "照片（photos）"),
    ("photo.in_media", "activities/a.md", _activity("ok.jpg"), "照片（photos）"),  # media/ left out (newcomer16)
    ("photo.folder", "activities/a.md", _activity("media/活动"), "照片（photos）"),
    ("photo.heic", "activities/a.md", _activity("media/iphone.heic"), "照片（photos）"),
    ("photo.unreadable", "activities/a.md", _activity("media/head.jpg"), "照片（photos）"),
    ("photo.not_a_photo", "activities/a.md", _activity("media/fake.jpg"), "照片（photos）"),
    ("photo.too_large", "activities/a.md", _activity("media/bomb.png"), "照片（photos）"),
    ("photo.damaged", "activities/a.md", _activity("media/cut.jpg"), "照片（photos）"),
    ("photo.aspect", "activities/a.md", _activity("media/strip.jpg"), "照片（photos）"),
    ("photo.missing", "disclosures/d.yaml", "name: 张建国\nrole: 楼栋长\nphoto: media/张建国.jpg\n", "照片（photo）"),
    ("photo.heic", "wishes/w.yaml", "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"
                                    "photos:\n  - media/iphone.heic\n", "照片（photos）"),
]


@pytest.mark.parametrize(("key", "path", "text", "field"), ROWS, ids=[f"{r[0]}-{r[3]}" for r in ROWS])
def test_a_photo_message_names_its_field(tmp_path: Path, key: str, path: str, text: str, field: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, path: text, **MEDIA})
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    found = [p for p in validated.problems if str(p.path) == path]
    assert [p.key for p in found] == [key], found
    said = found[0].render(Messages("zh-Hans")).split(": ", 1)[1]
    assert said.startswith(field + "："), said
    assert "{" not in found[0].render(Messages("en")) and "{" not in found[0].render(Messages("zh-Hant"))


@pytest.mark.parametrize(("kind", "field"), [("activities", "照片（photos）"), ("disclosures", "照片（photo）")])
def test_a_photo_found_damaged_at_build_names_its_field(kind: str, field: str) -> None:
    """pipeline/photos.py: a photo whose pixels fail when its variants are made, at the record showing it."""
    from sitegen.pipeline.photos import damaged_photos

    path = PurePosixPath("media/cut.jpg")
    record = SimpleNamespace(kind=kind, photos=(path,), source=SimpleNamespace(path=PurePosixPath(f"{kind}/a.md"), line=1))
    model = SimpleNamespace(records=lambda: (record,), pages=())
    problems = damaged_photos(model, [path])  # type: ignore[arg-type]
    said = problems[0].render(Messages("zh-Hans")).split(": ", 1)[1]
    assert said.startswith(field + "："), said


# (the record's file, the line its record starts at, the damaged photo, the line named): the line that
# names the photo, from the record's own on (left16: always the record's first line)
DAMAGED_AT = {
    "photos as a list": ("---\ntitle: 七夕\ndate: 2019-08-06\nphotos:\n  - media/ok.jpg\n  - media/cut.jpg\n---\n",
                         1, "media/cut.jpg", 6),
    "the second record of a list file": ("- id: a\n  title: 甲\n  photos: [media/cut.jpg]\n- id: b\n  title: 乙\n"
                                         "  photos: [media/cut.jpg]\n", 4, "media/cut.jpg", 6),
    "typed without media/": ("---\ntitle: 七夕\nphotos: cut.jpg\n---\n", 1, "media/cut.jpg", 3),
    # break19c: a name found inside another name or another folder's path was said at that line
    "its name the end of another's": ("---\ntitle: 七夕\nphotos:\n  - big-cut.jpg\n  - cut.jpg\n---\n",
                                      1, "media/cut.jpg", 5),
    "another folder's photo of that name": ("---\ntitle: 七夕\nphotos:\n  - 2024/cut.jpg\n  - cut.jpg\n---\n",
                                            1, "media/cut.jpg", 5),
    "its name the start of another's": ("---\ntitle: 七夕\nphotos:\n  - cut.jpg.jpg\n  - cut.jpg\n---\n",
                                        1, "media/cut.jpg", 5),
    "in a folder, typed without media/": ("---\ntitle: 七夕\nphotos:\n  - 2024/cut.jpg\n  - 2025/cut.jpg\n---\n",
                                          1, "media/2025/cut.jpg", 5),
    "CRLF, a BOM, typed in NFD": ("\ufeff---\r\ntitle: 七夕\r\nphotos:\r\n  - ok.jpg\r\n  - " + "\u4e03\u5915\u0301.jpg"
                                  + "\r\n---\r\n", 1, "media/\u4e03\u5915\u0301.jpg", 5),
    "not named in the file (the record's first line)": ("---\ntitle: 七夕\n---\n", 1, "media/cut.jpg", 1),
}


@pytest.mark.parametrize("name", DAMAGED_AT)
def test_a_photo_found_damaged_at_build_is_said_at_its_line(tmp_path: Path, name: str) -> None:
    from sitegen.pipeline.photos import damaged_photos

    text, first, photo, line = DAMAGED_AT[name]
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "a.md").write_text(text, encoding="utf-8")
    path = PurePosixPath(photo)
    record = SimpleNamespace(kind="activities", photos=(path,),
                             source=SimpleNamespace(path=PurePosixPath("activities/a.md"), line=first))
    model = SimpleNamespace(records=lambda: (record,), pages=())
    assert [p.line for p in damaged_photos(model, [path], tmp_path)] == [line]  # type: ignore[arg-type]
