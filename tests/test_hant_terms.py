"""The 繁體 catalogues say one word for one thing: OpenCC gave 發布 or 發佈 by the words around it, and one
line of `sitegen check` said both (newcomer20: 不會發布（刪除 draft: true 這一行即可發佈）). make_hant now
writes 發布 throughout; each row is a word and the spelling it must not take in any catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.i18n.make_hant import CATALOGUES

ROWS = [("發布", "發佈")]


@pytest.mark.parametrize(("word", "other"), ROWS)
@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda folder: Path(folder).as_posix().split("sitegen/")[-1])
def test_a_traditional_catalogue_spells_a_word_one_way(folder: Path, word: str, other: str) -> None:
    text = (folder / "zh-Hant.yaml").read_text("utf-8")
    assert other not in text
    assert word in "".join((f / "zh-Hant.yaml").read_text("utf-8") for f in CATALOGUES)  # the word is said somewhere
