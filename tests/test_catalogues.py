"""Every message and label exists in every language, with the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

FOLDERS = [ROOT / "sitegen" / "i18n", ROOT / "themes" / "default" / "i18n", ROOT / "themes" / "default" / "i18n" / "street"]


def load(path: Path) -> dict[str, str]:
    return {str(k): str(v) for k, v in yaml.safe_load(path.read_text("utf-8")).items()}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("folder", FOLDERS, ids=["messages", "labels", "street labels"])
def test_catalogues_agree(folder: Path) -> None:
    catalogues = {p.stem: load(p) for p in folder.glob("*.yaml")}
    assert set(catalogues) == {"en", "zh-Hans", "zh-Hant"}
    keys = set(catalogues["zh-Hans"])
    for language, texts in catalogues.items():
        assert set(texts) == keys, (language, sorted(set(texts) ^ keys))
        for key in keys:
            offered = fields(catalogues["zh-Hans"][key]) | ({"mon"} if key == "date_format" else set())
            if language == "en":  # English readers may get the library's own words as an addition
                offered |= {"detail"}
            assert fields(texts[key]) <= offered, (language, key)


# A bug report, not a content message: the exception is what the maintainers need to see.
LIBRARY_TEXT_ALLOWED = {"cli.internal_error", "cli.internal_error_street", "cli.internal_error_site"}


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_no_library_english_reaches_chinese_readers(language: str) -> None:
    """{detail} carries PyYAML's, pydantic's or the OS's English: Chinese messages never show it."""
    texts = load(ROOT / "sitegen" / "i18n" / f"{language}.yaml")
    assert sorted(key for key, text in texts.items() if "detail" in fields(text)) == sorted(LIBRARY_TEXT_ALLOWED)


def test_traditional_is_generated_from_simplified() -> None:
    import opencc

    from sitegen.i18n.make_hant import PHRASES

    converter = opencc.OpenCC("s2tw")
    for folder in FOLDERS:
        expected = converter.convert((folder / "zh-Hans.yaml").read_text("utf-8"))
        for converted, said in PHRASES.items():  # the iPhone's menu as Taiwan's iOS names it
            expected = expected.replace(converted, said)
        assert (folder / "zh-Hant.yaml").read_text("utf-8") == expected, folder


# Errors a worker meets that once only said what was wrong: each now says what to do about it (a
# request, 请…, or the likely fix, 是不是…). A message is tested in Simplified Chinese, the
# language the others are made from (sitegen/i18n/make_hant.py) and checked against above.
HOW_TO_FIX = [
    "cli.not_a_folder", "cli.out_inside_content", "file.empty", "yaml.too_deep", "yaml.complex_key",
    "activity.end_before_start", "deliberation.before_raised", "photo.bad_path", "photo.case", "photo.missing",
    "photo.missing_hint", "photo.folder", "photo.heic", "photo.unreadable", "photo.not_a_photo", "photo.damaged",
    "site.theme_missing", "slug.file_name_hint", "yaml.indicator", "yaml.hash_comment", "import.cell.date_only", "import.missing_column", "import.no_rows", "import.unknown_format",
    "import.no_sheet", "import.not_found", "edit.heic",
]


@pytest.mark.parametrize("key", HOW_TO_FIX)
def test_an_error_says_how_to_fix_it(key: str) -> None:
    text = load(ROOT / "sitegen" / "i18n" / "zh-Hans.yaml")[key]
    assert "请" in text or "是不是" in text, text


# A Markdown backtick is shown as it is, in a terminal and on serve's overlay (left16: 在 `---` 之间,
# `{key}` 后面是中文冒号): a name or what to type is quoted as the catalogue quotes, “…”. The one
# exception names the mark itself, among the Markdown marks that make a body slow.
BACKTICK_ALLOWED = {"body.too_dense"}


@pytest.mark.parametrize("folder", FOLDERS, ids=["messages", "labels", "street labels"])
@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_no_message_quotes_with_backticks(folder: Path, language: str) -> None:
    texts = load(folder / f"{language}.yaml")
    assert sorted(key for key, text in texts.items() if "`" in text and key not in BACKTICK_ALLOWED) == []


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("key", ["claimed_by", "colour", "timeline[2].date", "a-b"])
def test_a_field_name_is_never_in_backticks(language: str, key: str) -> None:
    """Messages.field_name: a field with a label, an unknown one, and English (which names every field as typed)."""
    from sitegen.i18n.messages import Messages

    said = Messages(language).field_name(key)
    assert "`" not in said and key in said, said


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_no_space_follows_a_field_name(language: str) -> None:
    """A field's name ends in its key in brackets, 发布日期（posted_on）, and what follows it is written on,
    as Chinese is: “早于发布日期（posted_on） 2026-12-02” had a space (the newcomer of session 18)."""
    import re

    texts = load(ROOT / "sitegen" / "i18n" / f"{language}.yaml")
    spaced = re.compile(r"_name\} |（[a-z_.\[\]0-9]+） ")
    assert sorted(key for key, text in texts.items() if spaced.search(text)) == []
