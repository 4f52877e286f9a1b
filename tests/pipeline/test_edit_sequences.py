"""Edits a careless user or a hostile author makes between builds: after each, the warm build's
output and print folder are byte for byte a cold `--no-cache` build's (tests/pipeline/test_incremental.py
holds the plain edits; these are the ones that broke a kept state)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.write.printfolder import print_folder
from tests.conftest import tree_bytes
from tests.pipeline.test_incremental import build

ACTIVITY = "---\ntitle: 邻里节\ndate: 2026-08-20 09:00\nplace: 活动室\ntags: [邻里]\n---\n邻里一起包饺子。\n"
SITE = {
    "site.yaml": "name: 望湖社区\nbase_url: https://wanghu.example.org/\n",
    "activities/linli.md": ACTIVITY,
    "activities/jiaozi.yaml": "title: 包饺子\ndate: 2026-01-20\ntags: [邻里]\n",
    "disclosures/yu.yaml": "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13812345678'\n",
    "wishes/zhuxingqi.yaml": "wish: 想要一台助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\n",
    "pages/about.md": "---\ntitle: 关于\n---\n关于我们。\n",
}


def _rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda content: os.rename(content / old, content / new)


def _write(rel: str, text: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).write_text(text, encoding="utf-8")


# (what the user does between two builds) → the warm build equals the cold one
CASES: dict[str, Callable[[Path], None]] = {
    # the slug (file name) is shown by lists, tags, feed and calendar, the text did not change
    "record file renamed": _rename("activities/linli.md", "activities/linli-2.md"),
    "record given an id": _write("activities/linli.md", ACTIVITY.replace("---\ntitle", "---\nid: linlijie\ntitle", 1)),
    "free page renamed": _rename("pages/about.md", "pages/guanyu.md"),
    "show_phone full": _write("disclosures/yu.yaml", SITE["disclosures/yu.yaml"] + "show_phone: full\n"),
    "body edited": _write("activities/linli.md", ACTIVITY.replace("邻里一起", "**大家**一起")),
}


@pytest.mark.parametrize("name", CASES)
def test_warm_build_after_edit_equals_cold(name: str, tmp_path: Path) -> None:
    content, warm, cold = tmp_path / "content", tmp_path / "warm" / "output", tmp_path / "cold" / "output"
    for rel, text in SITE.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    build(content, warm, cache=True, jobs=1)
    CASES[name](content)
    build(content, warm, cache=True, jobs=1)
    build(content, cold, cache=False, jobs=1)
    assert tree_bytes(warm) == tree_bytes(cold)
    assert tree_bytes(print_folder(warm, None)) == tree_bytes(print_folder(cold, None))
