"""Regenerate the Traditional catalogues from the Simplified ones with OpenCC, for review before committing.

s2tw gives Taiwan-standard characters as the seed pages use (為, not 爲); s2twp would also swap
phrases (社区 → 社群), which is wrong for this domain. Run: python -m sitegen.i18n.make_hant
"""

from __future__ import annotations

from pathlib import Path

from sitegen.hanzi import converter

HERE = Path(__file__).parent
# Words OpenCC converts character by character where a Traditional reader's screen says otherwise:
# the iPhone's own menu path, as Taiwan's iOS names it (the seed pages use Taiwan's characters).
PHRASES = {"設置 → 相機 → 格式 → 兼容性最佳": "設定 → 相機 → 格式 → 最相容",
           # OpenCC gives 發布 or 發佈 by the words around it; one line said both (newcomer20): 發布 throughout
           "發佈": "發布"}
CATALOGUES = (HERE, HERE.parent.parent / "themes" / "default" / "i18n", HERE.parent.parent / "themes" / "default" / "i18n" / "street")


def main() -> None:
    convert = converter()
    for folder in CATALOGUES:
        source = folder / "zh-Hans.yaml"
        if source.is_file():
            text = convert(source.read_text("utf-8"))
            for converted, said in PHRASES.items():
                text = text.replace(converted, said)
            (folder / "zh-Hant.yaml").write_text(text, "utf-8")


if __name__ == "__main__":
    main()
