"""PathOrder.order (write/pathorder.py): the manifest's sorted paths, kept or patched from the last ones
asked for, are always the paths sorted afresh (the manifest's own name left out)."""

from __future__ import annotations

import pytest

from sitegen.write.pathorder import PathOrder
from sitegen.write.slots import MANIFEST

PAGES = [f"{kind}/{n:03d}/index.html" for kind in ("activities", "wishes", "zh-hant/activities") for n in range(40)]

# (the paths of one build, the paths of the next): each pair asked of one memo in turn
CASES: list[tuple[str, list[str], list[str]]] = [
    ("the same paths", PAGES, PAGES),
    ("the same paths in another order", PAGES, PAGES[::-1]),
    ("the search index renamed", [*PAGES, "static/search-index.aa.js"], [*PAGES, "static/search-index.bb.js"]),
    ("a record added", PAGES, [*PAGES, "deliberations/new/index.html", "zh-hant/deliberations/new/index.html"]),
    ("a record removed", PAGES, PAGES[1:]),
    ("the manifest listed, then not", [*PAGES, MANIFEST], PAGES),
    ("a name sorting before every other", PAGES, ["!first.html", *PAGES]),
    ("a name sorting after every other", PAGES, [*PAGES, "\u9ad8/index.html"]),
    ("more changed than a patch takes", PAGES, [p.replace("index", "page") for p in PAGES]),
    ("nothing before", [], PAGES),
    ("nothing after", PAGES, []),
]


@pytest.mark.parametrize(("case", "before", "after"), CASES, ids=[c for c, _, _ in CASES])
def test_order_is_the_paths_sorted(case: str, before: list[str], after: list[str]) -> None:
    memo = PathOrder()
    for paths in (before, after, before):
        files = dict.fromkeys(paths, "0" * 64)
        assert memo.order(files) == sorted(p for p in paths if p != MANIFEST)
