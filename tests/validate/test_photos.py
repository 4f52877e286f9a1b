"""Photo paths stay inside the content folder, match case exactly, and are really photos."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from tests.conftest import MakeSite, error_lines, run


def jpeg(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 50, 50)).save(buffer, "JPEG")
    return buffer.getvalue()


def activity_with(photo: str) -> str:
    return f"---\ntitle: 七夕\ndate: 2019-08-06\nphotos:\n  - {photo}\n---\n"


@pytest.mark.parametrize(("photo", "word"), [
    ("../outside.jpg", "outside"),
    ("media/../../outside.jpg", "outside"),
    ("media\\..\\..\\outside.jpg", "outside"),
    ("/etc/passwd", "absolute"),
    ("C:\\Windows\\win.ini", "absolute"),
    ("'\\\\server\\share\\x.jpg'", "absolute"),
    ("https://example.org/x.jpg", "web address"),
    ("file:///etc/passwd", "web address"),
    ("media/missing.jpg", "does not exist"),
    ("media/OK.JPG", "upper and lower case"),
    ("media/fake.jpg", "not a JPEG"),
    ("media/evil.svg", "not a JPEG"),
])
def test_bad_photo_paths_are_refused_with_their_line(make_site: MakeSite, photo: str, word: str) -> None:
    content = make_site({"activities/a.md": activity_with(photo), "media/ok.jpg": jpeg(),
                         "media/fake.jpg": b"<svg onload=alert(1)></svg>", "media/evil.svg": b"<svg/>"})
    (content.parent / "outside.jpg").write_bytes(jpeg())
    result = run("check", "--content", str(content))
    lines = error_lines(result)
    assert result.exit_code == 1
    assert lines[0].startswith("activities/a.md:5: ") and word in lines[0], lines


def test_symlink_that_leads_outside_is_refused(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": activity_with("media/link.jpg")})
    secret = content.parent / "secret.jpg"
    secret.write_bytes(jpeg())
    (content / "media").mkdir()
    os.symlink(secret, content / "media" / "link.jpg")
    result = run("check", "--content", str(content))
    assert result.exit_code == 1 and error_lines(result)[0].startswith("activities/a.md:5: ")


def test_decompression_bomb_is_refused(make_site: MakeSite) -> None:
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    assert len(buffer.getvalue()) < 200_000
    content = make_site({"activities/a.md": activity_with("media/bomb.png"), "media/bomb.png": buffer.getvalue()})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1 and "too large" in error_lines(result)[0]


def test_truncated_photo_is_refused(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": activity_with("media/cut.jpg"), "media/cut.jpg": jpeg()[:30]})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1 and error_lines(result)[0].startswith("activities/a.md:5: ")


def test_good_photo_and_disclosure_photo_pass(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": activity_with("media/ok.jpg"), "media/ok.jpg": jpeg(),
                         "disclosures/d.yaml": "name: 张\nrole: 组长\nphoto: media/ok.jpg\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0, result.stderr


# One photo written on the key's own line (docs/spec.md §1): the same record as a list of that one, and
# the same checks on it; what is not a path still gets the list's message.
ONE_LINE = [
    ("one_path", "photos: media/ok.jpg", ("media/ok.jpg",), ""),
    ("one_path_quoted", "photos: 'media/ok.jpg'", ("media/ok.jpg",), ""),
    ("one_path_missing", "photos: media/gone.jpg", None, "does not exist"),
    ("one_path_outside", "photos: ../outside.jpg", None, "outside"),
    ("a_list_still", "photos:\n  - media/ok.jpg", ("media/ok.jpg",), ""),
    ("left_empty", "photos:", (), ""),
    ("a_comma_in_a_name", "photos: media/o,k.jpg", ("media/o,k.jpg",), ""),
    ("two_with_a_comma", "photos: media/ok.jpg, media/ok2.jpg", None, "is 2 photos: write photos: [media/ok.jpg, media/ok2.jpg]"),
    ("two_with_a_space", "photos: media/ok.jpg media/ok2.jpg", None, "is 2 photos"),
    ("two_with_dunhao", "photos: media/ok.jpg、media/ok2.jpg", None, "is 2 photos"),
    # newcomer17: with one of them missing, the line was told to be one missing name
    ("two_one_missing", "photos: media/ok.jpg, media/gone.jpg", None, "is 2 photos: write photos: [media/ok.jpg, media/gone.jpg]"),
    ("two_both_missing", "photos: media/x.jpg，media/y.jpg", None, "is 2 photos"),
    # left17: a name with a space, or a web address among them, made the line one missing name
    ("two_one_with_a_space", "photos: media/活动 1.jpg media/ok.jpg", None,
     "is 2 photos: write photos: [media/活动 1.jpg, media/ok.jpg]"),
    ("two_with_a_space_and_a_comma", "photos: media/ok.jpg，media/活动 1.jpg", None,
     "is 2 photos: write photos: [media/ok.jpg, media/活动 1.jpg]"),
    ("a_web_address_among_them", "photos: media/ok.jpg https://example.org/a.jpg", None,
     "is 2 photos: write photos: [media/ok.jpg, https://example.org/a.jpg]"),
    ("one_name_with_spaces", "photos: media/活动 1.jpg", ("media/活动 1.jpg",), ""),
    # break19b: a name YAML's flow list would misread is suggested in quotes
    ("a_name_starting_with_a_star", "photos: media/ok.jpg, *ok.jpg", None, "write photos: [media/ok.jpg, '*ok.jpg']"),
    ("media_left_out", "photos: ok.jpg", None, "it is in the media folder: write “media/ok.jpg”"),
    ("media_left_out_not_there", "photos: gone.jpg", None, "does not exist in the content folder; put"),
    ("a_mapping_refused", "photos:\n  cover: media/ok.jpg", None, "list"),
]


@pytest.mark.parametrize(("line", "photos", "word"), [c[1:] for c in ONE_LINE], ids=[c[0] for c in ONE_LINE])
def test_one_photo_on_the_key_line(make_site: MakeSite, line: str, photos: tuple[str, ...] | None, word: str) -> None:
    from sitegen import pipeline
    from sitegen.errors import ContentInvalid
    from sitegen.i18n.messages import Messages
    from sitegen.options import Options

    content = make_site({"activities/a.md": f"---\ntitle: 七夕\ndate: 2019-08-06\n{line}\n---\n", "media/ok.jpg": jpeg(),
                         "media/ok2.jpg": jpeg(), "media/o,k.jpg": jpeg(), "media/活动 1.jpg": jpeg()})
    if photos is None:
        with pytest.raises(ContentInvalid) as refused:
            pipeline.check(content, Options())
        said = [p.render(Messages("en")) for p in refused.value.problems if not p.warning]
        assert len(said) == 1 and said[0].startswith("activities/a.md:4:") and word in said[0]
        return
    model = pipeline.check(content, Options()).model
    assert tuple(str(p) for p in model.activities[0].photos) == photos


# A record whose other fields are refused still has its photos looked at: one run names every problem.
BESIDE = [
    ("missing", "photos: media/gone.jpg", 5, "does not exist"),
    ("second_outside", "photos:\n  - media/ok.jpg\n  - ../x.jpg", 7, "outside"),
    ("disclosure_photo", None, 5, "does not exist"),
]


@pytest.mark.parametrize(("line", "at", "word"), [c[1:] for c in BESIDE], ids=[c[0] for c in BESIDE])
def test_photo_problems_are_named_beside_another_fields(make_site: MakeSite, line: str | None, at: int, word: str) -> None:
    from sitegen import pipeline
    from sitegen.errors import ContentInvalid
    from sitegen.i18n.messages import Messages
    from sitegen.options import Options

    record = ("disclosures/a.md", "---\nname: 王建国\nrole: 楼栋长\nphone: 1234\nphoto: media/gone.jpg\n---\n") if line is None \
        else ("activities/a.md", f"---\ntitle: 七夕\ndate: 2019-08-06\nparticipants: 很多\n{line}\n---\n")
    content = make_site({record[0]: record[1], "media/ok.jpg": jpeg()})
    with pytest.raises(ContentInvalid) as refused:
        pipeline.check(content, Options())
    said = [p.render(Messages("en")) for p in refused.value.problems if not p.warning]
    assert len(said) == 2, said
    assert said[1].startswith(f"{record[0]}:{at}:") and word in said[1]


@pytest.mark.parametrize("names", [["#1.jpg", "b.jpg"], ["a: b.jpg", "c.jpg"], ["*a.jpg", "@b.jpg", "&c.jpg"],
                                   ["media/活动 1.jpg", "it's.jpg", "'q'.jpg"], ["x.jpg:", "- y.jpg"]])
def test_a_suggested_photo_list_reads_back_as_its_names(names: list[str]) -> None:
    """break19b: `photos: [#1.jpg, b.jpg]` is a YAML error, `[a: b.jpg, c.jpg]` a mapping."""
    import yaml

    from sitegen.validate.photos import _in_flow

    assert yaml.safe_load("photos: [" + ", ".join(_in_flow(n) for n in names) + "]")["photos"] == names
