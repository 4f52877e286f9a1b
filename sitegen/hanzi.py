"""Simplified ↔ Traditional Chinese with OpenCC: each converter is built once per process.

Building one loads its dictionaries (about 44 MB and a tenth of a second for s2tw), so the
website's 繁體 copies (render/site.py), the search index (render/search.py, search_text.py), the
wishers' names (validate/privacy.py) and the catalogues (i18n/make_hant.py) all take theirs from
here. The configurations are OpenCC's own (https://github.com/BYVoid/OpenCC, data/config): s2tw
gives Taiwan-standard characters without changing phrases, which is what the 繁體 pages use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Final

TO_TRADITIONAL: Final = "s2tw"  # the website's 繁體 copies and the zh-Hant catalogues


def converter(config: str = TO_TRADITIONAL) -> Callable[[str], str]:
    """OpenCC's `convert` for one configuration ("s2tw", "t2s", "s2hk" …), built on first use.

    A memo of a pure function (the same text always converts the same way), not build state.
    Raises OpenCC's own error for a configuration it does not ship.
    """
    return _built(config)


@cache
def _built(config: str) -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert
