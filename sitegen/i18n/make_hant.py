"""Regenerate zh-Hant.yaml from zh-Hans.yaml with OpenCC (s2tw: Taiwan-standard characters as the seed pages use, 為 not 爲; s2twp would also swap phrases, 社区 → 社群), for review before committing."""

from __future__ import annotations

from pathlib import Path

import opencc


def main() -> None:
    here = Path(__file__).parent
    converter = opencc.OpenCC("s2tw")
    text = (here / "zh-Hans.yaml").read_text("utf-8")
    (here / "zh-Hant.yaml").write_text(converter.convert(text), "utf-8")


if __name__ == "__main__":
    main()
