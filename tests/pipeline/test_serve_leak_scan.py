"""A leak the check cannot name at a line (a number split between a record's fields, which a page
joins) typed in a later `serve` save is still stopped by the output scan, told only the new byte
ranges of the search data (write/leaks.py), as a cold build stops it; output/ is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.options import Options
from sitegen.pipeline.execute import LeaksFound
from sitegen.pipeline.memory import Memory
from tests.conftest import NOW, tree_bytes, write_files

SITE = {
    "site.yaml": "name: 望湖社区\nbase_url: https://w.example.org/\n",
    "disclosures/yu.yaml": "name: 于海\nrole: 楼栋长\nphone: '13812345678'\n",  # show_phone: poster (hidden on the web)
    "wishes/w.yaml": "wish: 助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\n",
    **{f"activities/a{n}.md": f"---\ntitle: 活动{n}\ndate: 2025-03-{n + 1:02}\n---\n第{n}次。\n" for n in range(12)},
}
A5 = "---\ntitle: 活动5\ndate: 2025-03-06\n{extra}---\n{body}\n"
# (case, the third save's a5.md): the scan names the page and the search data, as a cold build does
CASES = [
    ("number split between summary and body", A5.format(extra="summary: 号码138\n", body="12345678")),
]


@pytest.mark.parametrize(("case", "text"), CASES, ids=[c[0] for c in CASES])
def test_a_leak_in_the_third_save_is_stopped_as_a_cold_build_stops_it(case: str, text: str, tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "output"
    write_files(content, SITE)
    memory, options = Memory(), Options(now=NOW, jobs=1)
    pipeline.build(content, out, options, memory=memory)
    for n in (3, 4):  # two clean saves: the search data files are told their new ranges from now on
        (content / f"activities/a{n}.md").write_text(f"---\ntitle: 活动{n}\ndate: 2025-03-0{n + 1}\n---\n改了。\n", "utf-8")
        pipeline.build(content, out, options, memory=memory)
    before = tree_bytes(out)
    (content / "activities/a5.md").write_text(text, "utf-8")
    with pytest.raises(LeaksFound) as warm:
        pipeline.build(content, out, options, memory=memory)
    with pytest.raises(LeaksFound) as cold:
        pipeline.build(content, tmp_path / "cold", Options(now=NOW, jobs=1, use_cache=False))
    paths = {str(leak.path) for leak in warm.value.leaks}
    assert paths == {str(leak.path) for leak in cold.value.leaks}
    assert {"activities/a5/index.html"} <= paths and any(p.startswith("static/search-index.") for p in paths)
    assert tree_bytes(out) == before


# (i-break8) (case, the third save's a5.md, where the check names it): split over a list's items,
# which the check now reads run together (validate/privacy.py joined_lists), as the page does
NAMED = [
    ("number split over two tags", A5.format(extra='tags: ["138", "12345678"]\n', body="第5次。"), 4),
    ("name split over two partners", A5.format(extra="partners: [俞, 晓风]\n", body="第5次。"), 4),
]


@pytest.mark.parametrize(("case", "text", "line"), NAMED, ids=[c[0] for c in NAMED])
def test_a_leak_over_a_lists_items_in_the_third_save_is_named_at_its_line(case: str, text: str, line: int,
                                                                          tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "output"
    write_files(content, SITE)
    memory, options = Memory(), Options(now=NOW, jobs=1)
    pipeline.build(content, out, options, memory=memory)
    for n in (3, 4):
        (content / f"activities/a{n}.md").write_text(f"---\ntitle: 活动{n}\ndate: 2025-03-0{n + 1}\n---\n改了。\n", "utf-8")
        pipeline.build(content, out, options, memory=memory)
    before = tree_bytes(out)
    (content / "activities/a5.md").write_text(text, "utf-8")
    for target, kept in ((out, memory), (tmp_path / "cold", None)):
        with pytest.raises(ContentInvalid) as caught:
            pipeline.build(content, target, options if kept else Options(now=NOW, jobs=1, use_cache=False), memory=kept)
        assert [(str(p.path), p.line) for p in caught.value.problems] == [("activities/a5.md", line)]
    assert tree_bytes(out) == before
