"""A number the web must not show is not on the web, posters included; the print folder has it, for paper."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import zxingcpp

from sitegen import pipeline
from sitegen.options import Options
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, SITE_YAML, MakeSite, run, tree_bytes
from tests.render.test_site import rasterise

BASE = "https://test.example.org/"
TEXT = (".html", ".xml", ".ics", ".txt", ".js", ".css", ".json", ".svg", ".sha256")

# show_phone → (phone, what the published tree shows, what the print folder's posters show)
CASES = {
    "poster": ("13805515678", "138****5678", "13805515678"),
    "full": ("13705519876", "13705519876", "13705519876"),
    "masked": ("13612345678", "136****5678", "136****5678"),
    "none": ("13512348888", None, None),
    "default": ("13956781234", "139****1234", "13956781234"),  # show_phone not written: poster
}


def _people() -> dict[str, str]:
    files = {}
    for show, (phone, _, _) in CASES.items():
        line = "" if show == "default" else f"show_phone: {show}\n"
        files[f"disclosures/{show}.yaml"] = (f"name: 张{show}\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '{phone}'\n"
                                             + line)
    return files


def _digits(text: str) -> str:
    return re.sub(r"[\s\-\u00a0\u2009\u3000]", "", text)


@pytest.fixture
def built(make_site: MakeSite, tmp_path: Path) -> Path:
    content = make_site(_people())
    out = tmp_path / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    return out


def test_the_print_folder_sits_beside_the_output_and_is_not_in_its_manifest(built: Path) -> None:
    folder = print_folder(built)
    assert folder == built.parent / "output-print" and folder.is_dir()
    manifest = (built / "manifest.sha256").read_text("utf-8")
    assert "-print" not in manifest and not any("-print" in p.name for p in built.rglob("*"))
    assert (folder / "posters/index.html").is_file() and not (folder / "manifest.sha256").exists()


@pytest.mark.parametrize("show", CASES)
def test_no_published_file_shows_a_number_the_web_hides(built: Path, show: str) -> None:
    phone, web, _ = CASES[show]
    for rel, data in tree_bytes(built).items():
        if rel.endswith(TEXT) and web != phone:
            assert phone not in _digits(data.decode("utf-8")), f"{phone} in {rel}"
    poster = (built / f"posters/disclosures/{show}/index.html").read_text("utf-8")
    board = (built / "posters/places/fuguiyuan/9dong/index.html").read_text("utf-8")
    for page in (poster, board):
        assert (web is not None and f"☎ {web}" in page) or (web is None and f"张{show}" in page and phone[-4:] not in page)


@pytest.mark.parametrize("show", CASES)
def test_the_print_folder_posters_show_what_paper_may(built: Path, show: str) -> None:
    phone, _, paper = CASES[show]
    folder = print_folder(built)
    poster = (folder / f"posters/disclosures/{show}/index.html").read_text("utf-8")
    board = (folder / "posters/places/fuguiyuan/9dong/index.html").read_text("utf-8")
    for page in (poster, board):
        if paper is None:
            assert phone[-4:] not in page
        else:
            assert f"☎ {paper}" in page
        if paper != phone:
            assert phone not in _digits(page)


def test_print_folder_qr_codes_decode_to_their_pages_and_links_stay_inside(built: Path) -> None:
    folder = print_folder(built)
    count = 0
    for page in sorted(folder.rglob("index.html")):
        rel = page.relative_to(folder).as_posix()
        html = page.read_text("utf-8")
        for svg in re.findall(r"<svg class=\"qr\".*?</svg>", html, re.S):
            url = re.search(r'data-qr-url="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
            assert [d.text for d in zxingcpp.read_barcodes(rasterise(svg))] == [url]
            assert (built / url.removeprefix(BASE) / "index.html").is_file(), url  # a published page
            count += 1
        for href in re.findall(r'(?:src|href)="([^"#?]+)"', html):
            if href.startswith(("http://", "https://", "tel:", "mailto:", "data:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            assert not target.startswith(".."), f"{rel} → {href} leaves the print folder"
            assert (folder / target).is_file(), f"{rel} → {href}"
    assert count >= 2 + len(CASES)  # the boards and every person's poster


def test_the_posters_index_says_where_the_full_numbers_are_without_linking_there(built: Path) -> None:
    index = (built / "posters/index.html").read_text("utf-8")
    # in the worker's words, not a path (session 21: output-print/posters/index.html on a resident's page)
    assert "从生成网站时提示的打印文件夹里打印" in index and "output-print" not in index
    assert not re.search(r'href="[^"]*-print', index)
    printed = (print_folder(built) / "posters/index.html").read_text("utf-8")
    assert "show_phone" in printed and f'href="{BASE}"' in printed


@pytest.mark.parametrize(("lang", "words"), [("zh-Hans", "不要上传"), ("en", "never upload")])
def test_the_note_reads_in_the_site_language(make_site: MakeSite, tmp_path: Path, lang: str, words: str) -> None:
    content = make_site(_people(), site=SITE_YAML + f"language: {lang}\n")
    out = tmp_path / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    assert words in (out / "posters/index.html").read_text("utf-8")


def test_the_cli_says_where_the_print_folder_is(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(_people())
    result = run("build", "--content", str(content), "--out", str(tmp_path / "site"))
    assert result.exit_code == 0
    assert str(tmp_path / "site-print") in result.stdout


def test_a_warm_build_of_the_print_folder_equals_a_cold_one(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site(_people())
    warm = tmp_path / "warm" / "output"
    pipeline.build(content, warm, Options(now=NOW))
    edited = content / "disclosures/poster.yaml"
    edited.write_text(edited.read_text("utf-8") + "pledge: 随叫随到\n", encoding="utf-8")
    (content / "disclosures/full.yaml").write_text(
        (content / "disclosures/full.yaml").read_text("utf-8").replace("show_phone: full", "show_phone: poster"),
        encoding="utf-8")
    pipeline.build(content, warm, Options(now=NOW))
    cold = tmp_path / "cold" / "output"
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    assert tree_bytes(warm) == tree_bytes(cold)
    assert tree_bytes(print_folder(warm)) == tree_bytes(print_folder(cold))
    full = (print_folder(warm) / "posters/disclosures/full/index.html").read_text("utf-8")
    assert "☎ 13705519876" in full
    assert "☎ 137****9876" in (warm / "posters/disclosures/full/index.html").read_text("utf-8")


@pytest.mark.parametrize(("lang", "words"), [("en", "print folder"), ("zh-Hans", "打印文件夹")])
def test_a_print_folder_holding_the_content_is_refused(tmp_path: Path, lang: str, words: str) -> None:
    from tests.conftest import write_files

    content = tmp_path / "site-print" / "content"
    write_files(content, {"site.yaml": SITE_YAML})
    result = run("build", "--content", str(content), "--out", str(tmp_path / "site"), env={"SITEGEN_LANG": lang})
    assert result.exit_code == 2 and words in result.stderr
    assert (content / "site.yaml").is_file()
