"""PhotoChecker.check on its own: each photo value → (path on disk, message key, message arguments).

One case per way out of the check (sitegen/validate/photos.py), split into helpers by issue 13.
"""

from __future__ import annotations

import io
import os
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import pytest
from PIL import Image

from sitegen.validate import photos
from sitegen.validate.photos import PhotoChecker

NFD_NAME = unicodedata.normalize("NFD", "café.jpg")
# The first bytes of an iPhone photo (ISO/IEC 23008-12): a `ftyp` box of brand heic, compatible mif1.
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)


def _jpeg(noise: bool = False) -> bytes:
    buffer = io.BytesIO()
    image = Image.effect_noise((200, 150), 60).convert("RGB") if noise else Image.new("RGB", (40, 30), (200, 50, 50))
    image.save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    media = tmp_path / "media"
    (media / "活动").mkdir(parents=True)
    (media / "ok.jpg").write_bytes(_jpeg())
    (media / "活动" / "合影.jpg").write_bytes(_jpeg())
    (media / NFD_NAME).write_bytes(_jpeg())
    (media / "Upper.JPG").write_bytes(_jpeg())
    (media / "fake.jpg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    (media / "cut.jpg").write_bytes(_jpeg(noise=True)[:6000])  # a good header, data stopping half way
    (media / "head.jpg").write_bytes(_jpeg()[:20])  # not even a whole header
    (media / "iphone.heic").write_bytes(HEIC)
    (media / "iphone-renamed.jpg").write_bytes(HEIC)  # named .jpg by a phone's share sheet
    (media / "空的").mkdir()
    (media / "活动" / "._合影.jpg").write_bytes(b"\x00\x05\x16\x07" + bytes(80))  # a Mac's AppleDouble, copied along
    (media / "通知.pdf").write_bytes(b"%PDF-1.4\n")
    return tmp_path


CASES: list[tuple[str, str, PurePosixPath | None, str | None, dict[str, object]]] = [
    ("plain", "media/ok.jpg", PurePosixPath("media/ok.jpg"), None, {}),
    ("dots_and_backslashes", "./media\\活动/合影.jpg", PurePosixPath("media/活动/合影.jpg"), None, {}),
    ("up_and_back_in", "media/活动/../活动/合影.jpg", PurePosixPath("media/活动/合影.jpg"), None, {}),
    ("up_to_the_top_and_in", "media/../media/ok.jpg", PurePosixPath("media/ok.jpg"), None, {}),
    ("typed_nfc_stored_nfd", "media/café.jpg", PurePosixPath("media", NFD_NAME), None, {}),
    ("empty", "  ", None, "photo.bad_path", {"path": "  "}),
    ("nul", "media/ok.jpg\x00", None, "photo.bad_path", {"path": "media/ok.jpg\x00"}),
    ("web_address", "https://example.org/a.jpg", None, "photo.url", {"path": "https://example.org/a.jpg"}),
    ("data_url", "data:image/png;base64,AAAA", None, "photo.url", {"path": "data:image/png;base64,AAAA"}),
    ("absolute", "/etc/passwd", None, "photo.absolute", {"path": "/etc/passwd"}),
    ("drive", "C:\\a.jpg", None, "photo.absolute", {"path": "C:\\a.jpg"}),
    ("up", "media/../../x.jpg", None, "photo.outside", {"path": "media/../../x.jpg"}),
    ("only_dots", "./.", None, "photo.outside", {"path": "./."}),
    ("missing", "media/none.jpg", None, "photo.missing", {"path": "media/none.jpg"}),
    ("case", "media/upper.jpg", None, "photo.case", {"path": "media/upper.jpg", "actual": "Upper.JPG"}),
    ("folder_case", "MEDIA/ok.jpg", None, "photo.case", {"path": "MEDIA/ok.jpg", "actual": "media"}),
    ("a_folder", "media/活动", None, "photo.folder", {"path": "media/活动", "example": "media/活动/合影.jpg"}),
    ("an_empty_folder", "media/空的/", None, "photo.folder", {"path": "media/空的/", "example": "media/空的/照片.jpg"}),
    ("a_letter_off", "media/ok1.jpg", None, "photo.missing_hint", {"path": "media/ok1.jpg", "suggestion": "media/ok.jpg"}),
    ("another_extension", "media/ok.jpeg", None, "photo.missing_hint", {"path": "media/ok.jpeg", "suggestion": "media/ok.jpg"}),
    ("folder_misspelt", "meida/活动/合影.jpg", None, "photo.missing_hint",
     {"path": "meida/活动/合影.jpg", "suggestion": "media/活动/合影.jpg"}),
    ("nothing_close", "media/新年联欢.jpg", None, "photo.missing", {"path": "media/新年联欢.jpg"}),
    # A suggestion is a photo that is there: never a document, a folder, a file that is not a photo,
    # nor a path whose other parts are missing too (then the suggestion's own suggestion, when it has one).
    ("hint_never_a_document", "media/通知.jpg", None, "photo.missing", {"path": "media/通知.jpg"}),
    ("hint_never_a_folder", "media/活动.jpg", None, "photo.missing", {"path": "media/活动.jpg"}),
    ("hint_never_a_fake", "media/fake.jpeg", None, "photo.missing", {"path": "media/fake.jpeg"}),
    ("hint_never_a_heic", "media/iphone.jpg", None, "photo.missing", {"path": "media/iphone.jpg"}),
    ("hint_never_a_missing_file", "meida/新年联欢.jpg", None, "photo.missing", {"path": "meida/新年联欢.jpg"}),
    ("hint_two_parts_off", "meida/ok1.jpg", None, "photo.missing_hint", {"path": "meida/ok1.jpg", "suggestion": "media/ok.jpg"}),
    ("hint_never_an_appledouble", "media/活动/._合影.png", None, "photo.missing", {"path": "media/活动/._合影.png"}),
    ("heic", "media/iphone.heic", None, "photo.heic", {"path": "media/iphone.heic"}),
    ("heic_named_jpg", "media/iphone-renamed.jpg", None, "photo.heic", {"path": "media/iphone-renamed.jpg"}),
    ("not_a_photo", "media/fake.jpg", None, "photo.not_a_photo", {"path": "media/fake.jpg"}),
    ("cut_short", "media/cut.jpg", None, "photo.damaged", {"path": "media/cut.jpg"}),
    ("header_cut", "media/head.jpg", None, "photo.unreadable", {"path": "media/head.jpg"}),
]


@pytest.mark.parametrize(("value", "path", "key", "args"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check(content: Path, value: str, path: PurePosixPath | None, key: str | None,
               args: dict[str, object]) -> None:
    checker = PhotoChecker(content)
    assert checker.check(value) == (path, key, args)
    assert checker.check(value) == (path, key, args)  # the second time from the memo


def test_a_known_header_is_not_opened_again(content: Path) -> None:
    known: dict[str, tuple[int, int, str | None]] = {}
    PhotoChecker(content, known).check("media/ok.jpg")
    stat = (content / "media" / "ok.jpg").stat()
    assert known == {str(content / "media" / "ok.jpg"): (stat.st_size, stat.st_mtime_ns, None)}
    known[str(content / "media" / "ok.jpg")] = (stat.st_size, stat.st_mtime_ns, "photo.aspect")  # as if remembered
    assert PhotoChecker(content, known).check("media/ok.jpg") == (None, "photo.aspect", {"path": "media/ok.jpg"})


def test_a_link_out_of_the_content_is_outside(content: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "x.jpg"
    elsewhere.write_bytes(_jpeg())
    (content / "media" / "link.jpg").symlink_to(elsewhere)
    assert PhotoChecker(content).check("media/link.jpg") == (None, "photo.outside", {"path": "media/link.jpg"})


def _remembered(content: Path) -> dict[str, tuple[int, int, str | None]]:
    """What a build remembers of media/ok.jpg once it checked it (BuildCache.photo_checks)."""
    known: dict[str, tuple[int, int, str | None]] = {}
    assert PhotoChecker(content, known).check("media/ok.jpg") == (PurePosixPath("media/ok.jpg"), None, {})
    return known


def _same_size_svg(photo: Path) -> None:
    """Another file's bytes, the photo's size and modification time given back (`touch -r`)."""
    before = photo.stat()
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    photo.write_bytes(svg + b" " * (before.st_size - len(svg)))
    os.utime(photo, ns=(before.st_atime_ns, before.st_mtime_ns))


def _link_out(photo: Path, elsewhere: Path) -> None:
    (elsewhere / "ok.jpg").write_bytes(photo.read_bytes())
    photo.unlink()
    photo.symlink_to(elsewhere / "ok.jpg")


def _folder_in_place(photo: Path, elsewhere: Path) -> None:
    photo.unlink()
    photo.mkdir()
    (photo / "a.jpg").write_bytes(_jpeg())


def _deleted(photo: Path, elsewhere: Path) -> None:
    photo.unlink()


# What changed since a build checked media/ok.jpg → what the next build says: an unchanged photo is
# answered from what was remembered (one lstat), anything else is looked at whole.
CHANGED = [
    ("bytes_changed_time_given_back", lambda photo, elsewhere: _same_size_svg(photo), "photo.not_a_photo"),
    ("a_link_out_in_its_place", _link_out, "photo.outside"),
    ("a_folder_in_its_place", _folder_in_place, "photo.folder"),
    ("deleted", _deleted, "photo.missing"),
]


@pytest.mark.parametrize(("change", "key"), [c[1:] for c in CHANGED], ids=[c[0] for c in CHANGED])
def test_a_changed_photo_is_looked_at_again(content: Path, tmp_path_factory: pytest.TempPathFactory,
                                            change: Callable[[Path, Path], None], key: str) -> None:
    known = _remembered(content)
    change(content / "media" / "ok.jpg", tmp_path_factory.mktemp("elsewhere"))
    assert PhotoChecker(content, known).check("media/ok.jpg")[1] == key


def test_an_unchanged_photo_is_not_opened(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    known = _remembered(content)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged photo was opened")

    monkeypatch.setattr(photos, "open", refuse, raising=False)
    assert PhotoChecker(content, known).check("media/ok.jpg") == (PurePosixPath("media/ok.jpg"), None, {})


def test_a_remembered_photo_through_a_folder_leading_out_is_outside(
        content: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A folder of the content replaced by a link to a folder outside it, holding a file with the very
    size and times remembered (`known` written as if so): the photo is outside, never taken as known."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "合影.jpg").write_bytes(_jpeg())
    shutil.rmtree(content / "media" / "活动")
    (content / "media" / "活动").symlink_to(elsewhere, target_is_directory=True)
    found = (elsewhere / "合影.jpg").stat()
    known = {str(content / "media" / "活动" / "合影.jpg"): (found.st_size, max(found.st_mtime_ns, found.st_ctime_ns), None)}
    assert PhotoChecker(content, known).check("media/活动/合影.jpg")[1] == "photo.outside"
