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


LONG = "居民们在活动室里一起包饺子，志愿者带来了面粉和馅料，大家边做边聊，气氛十分热烈。" * 6
# (case, the save, whether every text file is scanned again): a file made again with the bytes the last
# build published is the file found clean then (write/leaks.py LeakScanner.published), unless the secrets changed
SCANS = [
    ("a body edited past its summary", {"activities/a5.md": A5.format(extra="", body=LONG + "\n又补充了一句。")}, False),
    ("a new wisher: the secrets changed", {"wishes/v.yaml": "wish: 轮椅\nwisher: 柯明远\nposted_on: 2026-10-02\n"
                                                              "status: open\n"}, True),
]


@pytest.mark.parametrize(("case", "save", "everything"), SCANS, ids=[c[0] for c in SCANS])
def test_a_save_scans_the_files_it_changed_and_not_the_ones_made_the_same_again(
        case: str, save: dict[str, str], everything: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.write.leaks import LeakScanner

    content, out = tmp_path / "content", tmp_path / "output"
    write_files(content, {**SITE, "activities/a5.md": A5.format(extra="", body=LONG)})
    memory, options = Memory(), Options(now=NOW, jobs=1)
    pipeline.build(content, out, options, memory=memory)
    before = tree_bytes(out)
    scanned: set[str] = set()
    find = LeakScanner.find
    monkeypatch.setattr(LeakScanner, "find", lambda self, path, text: (
        scanned.add(path) if text is not path else None) or find(self, path, text))
    write_files(content, save)
    pipeline.build(content, out, options, memory=memory)
    after = tree_bytes(out)
    # the search data is scanned by its parts found clean before, whatever file held them (test_scan_parts.py)
    texts = {p for p in after if p.endswith((".html", ".xml", ".ics", ".js", ".txt", ".css", ".svg", ".json"))
             and not p.startswith(("care/", "zh-hant/care/", "static/search-index"))}
    changed = {p for p in texts if before.get(p) != after[p]}
    assert changed and changed <= scanned  # nothing changed goes out unscanned
    pages = {p for p in scanned if not p.startswith("static/search-index")}
    assert texts <= scanned if everything else pages <= changed  # nothing made the same is scanned again
    cold = tmp_path / "cold"
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert after == tree_bytes(cold)
