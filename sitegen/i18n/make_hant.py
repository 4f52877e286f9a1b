"""Regenerate the Traditional catalogues from the Simplified ones with OpenCC, for review before committing.

s2tw gives Taiwan-standard characters as the seed pages use (為, not 爲); s2twp would also swap
phrases (社区 → 社群), which is wrong for this domain. Run: python -m sitegen.i18n.make_hant
"""

from __future__ import annotations

from pathlib import Path

from sitegen.hanzi import converter

HERE = Path(__file__).parent
CATALOGUES = (HERE, HERE.parent.parent / "themes" / "default" / "i18n", HERE.parent.parent / "themes" / "default" / "i18n" / "street")


def main() -> None:
    convert = converter()
    for folder in CATALOGUES:
        source = folder / "zh-Hans.yaml"
        if source.is_file():
            (folder / "zh-Hant.yaml").write_text(convert(source.read_text("utf-8")), "utf-8")


if __name__ == "__main__":
    main()
