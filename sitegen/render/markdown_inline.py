"""Python-Markdown's inline pass, skipping the patterns that cannot match a text: the same tree, sooner.

Python-Markdown tries each of its inline patterns (15 with our extensions) on each text of the
tree, one regex search of the whole text each, though a body of Chinese prose holds none of the
characters they start from: that was most of a body's render time (cProfile, 1,000 records:
`InlineProcessor.__applyPattern`, 208,530 calls for 13,902 texts). Each pattern named in `NEEDS`
can only match a text holding one of its characters (read from its regex, listed beside it), so
it is passed over, exactly as when it searched and found nothing, when the text holds none. A
pattern not named there (another extension's) is always tried. The result is the tree the
unchanged processor makes (tests/render/test_markdown_inline.py compares the HTML of both).
"""

from __future__ import annotations

from typing import Final

import markdown
from markdown import util
from markdown.treeprocessors import InlineProcessor

# Pattern name → the characters one of which any match holds (Python-Markdown 3.5-3.11: inlinepatterns.py,
# extensions/footnotes.py, extensions/nl2br.py), with the regex each is read from.
NEEDS: Final[dict[str, str]] = {
    "backtick": "`\\",  # (?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)
    "escape": "\\",  # \\(.)
    "footnote": "[",  # \[\^([^\]]*)\]
    "reference": "[",  # (?<!\!)\[
    "link": "[",  # (?<!\!)\[
    "image_link": "[",  # \!\[
    "image_reference": "[",  # \!\[
    "short_reference": "[",  # (?<!\!)\[
    "short_image_ref": "[",  # \!\[
    "autolink": "<",  # <([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>
    "automail": "<",  # <([^<> !]+@[^@<> ]+)>
    "linebreak": "\n",  # "  \n"
    "entity": "&",  # (&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)
    "em_strong": "*_",  # \*|_ (em_strong2, older versions: _)
    "em_strong2": "_",
    "not_strong": "*_",  # ((^|(?<=\s))(\*{1,3}|_{1,3})(?=\s|$))
    "strong": "*_",
    "emphasis": "*_",
    "nl": "\n",  # \n (nl2br)
}
_ANY_NEEDED: Final = "".join(sorted(set("".join(NEEDS.values()))))


# The Python-Markdown releases whose `InlineProcessor.__handleInline` loop the class below copies
# (read in 3.5 and 3.11); `skipping_fits` says no for any other, and Python-Markdown's own runs.
TESTED: Final = ((3, 5), (3, 11))


def skipping_fits(version: tuple[int, ...] | None = None) -> bool:
    """True when the installed Python-Markdown (or `version`, major and minor first) is one whose
    inline loop `SkippingInlineProcessor` copies, and that loop is where the class expects it."""
    found = tuple(markdown.__version_info__[:2]) if version is None else tuple(version[:2])
    low, high = TESTED
    return low <= found <= high and hasattr(InlineProcessor, "_InlineProcessor__applyPattern") \
        and hasattr(InlineProcessor, "_InlineProcessor__handleInline")


class SkippingInlineProcessor(InlineProcessor):
    """`InlineProcessor` that passes over a pattern whose characters (`NEEDS`) a text lacks.

    Registered in place of Python-Markdown's "inline" tree processor (render/markdown.py), after
    every extension has added its patterns; reads the patterns' order at its first run, and again
    should their number change (render/markdown.py registers none after that).
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self._needs: list[str | None] = []

    def run(self, tree, ancestors=None):  # type: ignore[no-untyped-def]  # InlineProcessor.run's own signature
        """The parent's run, with the characters each pattern needs listed in the patterns' order."""
        patterns = self.inlinePatterns
        if len(self._needs) != len(patterns):
            needs: list[str | None] = [None] * len(patterns)
            for name, chars in NEEDS.items():
                if name in patterns:
                    needs[patterns.get_index_for_name(name)] = chars
            self._needs = needs
        return super().run(tree, ancestors)

    # Overrides InlineProcessor.__handleInline (a private name, so spelt mangled): its loop, unchanged
    # but for the test of the characters before each pattern.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not isinstance(data, util.AtomicString):
            startIndex = 0  # noqa: N806 - the parent's names
            patterns, needs = self.inlinePatterns, self._needs
            count = len(patterns)
            present: frozenset[str] | None = None  # the characters of NEEDS in `data`, found once per text
            while patternIndex < count:
                chars = needs[patternIndex]
                if chars is not None:
                    if present is None:
                        present = frozenset([c for c in _ANY_NEEDED if c in data])
                    if present.isdisjoint(chars):
                        patternIndex += 1  # no match possible: as __applyPattern's (data, False, 0)
                        startIndex = 0  # noqa: N806
                        continue
                data, matched, startIndex = self._InlineProcessor__applyPattern(  # type: ignore[attr-defined]
                    patterns[patternIndex], data, patternIndex, startIndex)
                if matched:
                    present = None  # the text changed
                else:
                    patternIndex += 1
        return data
