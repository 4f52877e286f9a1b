"""The 繁體 copy of a rendered page: OpenCC s2tw over the text, never over people's names or addresses.

Names are kept two ways. A template that printed a `Name` put it between the markers of
`sitegen.model.names`; and every name the site knows (model.names: disclosures, organizers, hosts,
wishers' shown names …) is found wherever else it stands, in a title 范志发带队巡逻, a body or a
pledge, by a `NameFinder` (model/names.py: one Aho-Corasick automaton per set of names, built once
per build; leftmost-longest, so 范志发 wins over 范志, and a name inside a longer word is still kept).
Links and addresses are found here: every href, src, srcset and data-…-url value, every id and for
(the targets an in-page link names: a footnote `#fn-办` must still find `id="fn-办"`), and every
http(s) address in the text. Those spans are left exactly as rendered, the rest is converted in one
OpenCC call (the pieces joined by a separator holding a per-process secret), its words said as the
zh-Hant catalogues say them (hanzi.PHRASES: 發布, where OpenCC gives 發佈日期), and the name markers
are then removed. The 繁體 search rows take the same (render/search.py).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Final

from sitegen.hanzi import keep_place_characters, keep_surnames, with_phrases
from sitegen.model.names import NAME_CLOSE, NAME_OPEN, NameFinder, name_finder, unmark

__all__ = ["NameFinder", "keep_names_and_urls", "name_finder"]

_SEPARATOR: Final = f"\x1fsgcut{secrets.token_hex(8)}\x1f"  # ASCII and unforgeable; OpenCC passes it through
# Every alternative starts with a literal (\x02, a space, h): the regex engine skips ahead by its
# first character, which measured 2x faster than a leading \b.
_KEEP: Final = re.compile(
    re.escape(NAME_OPEN) + ".*?" + re.escape(NAME_CLOSE)
    + r"""|\s(?:href|src|srcset|id|for|data-[a-z-]*url)="[^"]*"|https?://[^\s"'<>]+""",
    re.S,
)


def _merged(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Both lists of sorted, non-overlapping spans as one; a span of `second` overlapping one of `first` is
    dropped (a name inside an address or a marked name is kept by that span already)."""
    out: list[tuple[int, int]] = []
    i = 0
    for start, end in second:
        while i < len(first) and first[i][1] <= start:
            out.append(first[i])
            i += 1
        if i < len(first) and first[i][0] < end:
            continue
        out.append((start, end))
    out.extend(first[i:])
    return out


def keep_names_and_urls(html: str, convert: Callable[[str], str], names: NameFinder | None = None,
                        places: NameFinder | None = None) -> str:
    """`convert` applied to every part of `html` but names and URLs; name markers removed.

    `convert` is OpenCC's `convert` (s2tw); a page of any length costs one call. Its text (not the names
    nor the URLs) keeps the 里, 于, 干 and 余 of the site's place names `places` finds (name_finder of
    Model.place_names: hanzi.keep_place_characters, 幸福里 not 幸福裡) and then takes hanzi.PHRASES, as the zh-Hant catalogues
    do. `names` (name_finder of model.names) keeps every known name as typed wherever it stands, marked
    or not.
    """
    kept = [m.span() for m in _KEEP.finditer(html)]
    if names is not None:
        kept = _merged(kept, names.spans(html))
    texts: list[str] = []
    start = 0
    for begin, end in kept:
        texts.append(html[start:begin])
        start = end
    texts.append(html[start:])
    source = _SEPARATOR.join(texts)
    converted = with_phrases(_placed(source, convert(source), places)).split(_SEPARATOR)
    if len(converted) != len(texts):  # not expected: OpenCC keeps ASCII; fall back to one call a piece
        converted = [with_phrases(_placed(t, convert(t), places)) for t in texts]
    out = [converted[0]]
    for (begin, end), text in zip(kept, converted[1:], strict=True):
        out += (html[begin:end], text)
    return unmark("".join(out))


def _placed(source: str, converted: str, places: NameFinder | None) -> str:
    """hanzi.keep_place_characters where `places` finds a place name in `source` (one automaton pass),
    and hanzi.keep_surnames: a family name before a form of address (于师傅) as typed."""
    converted = keep_surnames(source, converted)
    return converted if places is None else keep_place_characters(source, converted, places.spans(source))
