"""A record whose photos the worker typed on one line (photos: media/a.jpg, as docs/spec.md §1 allows)
read by the editor and saved back as it was read (break16b): the path is one photo, not one photo
per letter (the API's `photos` string was walked letter by letter: 11 photos m, e, d, i, a, /, …)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.edit import store
from sitegen.i18n.messages import Messages
from tests.conftest import MakeSite
from tests.validate.test_photos import jpeg

CASES = [
    ("one_path", "photos: media/a.jpg", True, "photos: media/a.jpg", {}),
    ("left_empty", "photos:", True, "title: 七夕改", {}),
    ("two_on_a_line", "photos: media/a.jpg, media/b.jpg", False, "photos: media/a.jpg, media/b.jpg",
     {"photos": ["照片（photos）：“media/a.jpg, media/b.jpg”是 2 张照片：请写成 photos: [media/a.jpg, media/b.jpg]，或者每张照片单独写一行“- 路径”。"]}),
]


@pytest.mark.parametrize(("line", "written", "in_file", "errors"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_photos_read_and_saved_back(make_site: MakeSite, line: str, written: bool, in_file: str,
                                    errors: dict[str, list[str]]) -> None:
    content: Path = make_site({"activities/a.md": f"---\ntitle: 七夕\ndate: 2019-08-06\n{line}\n---\n正文\n",
                               "media/a.jpg": jpeg(), "media/b.jpg": jpeg()})
    record = store.read_record(content, "activities/a.md")
    fields = dict(record["fields"], title="七夕改")
    saved = store.save_record(content, "activities", "activities/a.md", record["version"], fields, record["body"],
                              Messages("zh-Hans"))
    assert (saved.written, saved.errors) == (written, errors)
    assert in_file in (content / "activities" / "a.md").read_text(encoding="utf-8")
