"""Regenerate the Traditional catalogues from the Simplified ones with OpenCC, for review before committing.

s2tw gives Taiwan-standard characters as the seed pages use (為, not 爲); s2twp would also swap
phrases (社区 → 社群), which is wrong for this domain. Run: python -m sitegen.i18n.make_hant
"""

from __future__ import annotations

from pathlib import Path

from sitegen.hanzi import PHRASES, converter, with_phrases

HERE = Path(__file__).parent
__all__ = ["PHRASES", "main"]  # PHRASES (sitegen/hanzi.py), as OpenCC's words are said here: tests/test_catalogues.py
CATALOGUES = (HERE, HERE.parent.parent / "themes" / "default" / "i18n", HERE.parent.parent / "themes" / "default" / "i18n" / "street")


def main() -> None:
    convert = converter()
    for folder in CATALOGUES:
        source = folder / "zh-Hans.yaml"
        if source.is_file():
            text = with_phrases(convert(source.read_text("utf-8")))
            (folder / "zh-Hant.yaml").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
