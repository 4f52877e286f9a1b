"""A record file saved as UTF-16 or GBK is listed with check's message and never rewritten (breaker s21).

Such files were dropped from the editor's list without a word; a GBK file opened as garbage (周桂芳 as
���), and a save wrote that garbage back in UTF-8. Now the list shows the file with check's own message
(file.encoding: which encoding, and how to save it as UTF-8), opening or saving it is refused with that
message, and its bytes stay as they were.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from tests.support.editor import call, running_editor

ZH = Messages("zh-Hans")
WISH = "wish: 收音机\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"

# how the file was saved, its bytes, a word check's message says
ROWS = [
    ("Notepad's Unicode (UTF-16 LE, BOM)", WISH.encode("utf-16"), "UTF-16"),
    ("UTF-16 BE with BOM", b"\xfe\xff" + WISH.encode("utf-16-be"), "UTF-16"),
    ("Notepad's ANSI (GBK)", WISH.encode("gbk"), "GBK"),
    ("CRLF GBK", WISH.replace("\n", "\r\n").encode("gbk"), "GBK"),
    ("Big5", WISH.replace("收音机", "收音機").encode("big5"), "Big5"),
]


@pytest.mark.parametrize(("data", "word"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_a_file_in_another_encoding_is_listed_with_checks_message_and_kept(tmp_path: Path, data: bytes,
                                                                            word: str) -> None:
    rel = "wishes/w.yaml"
    with running_editor(tmp_path, "zh-Hans") as editor:
        (editor.content / rel).write_bytes(data)
        with pytest.raises(ContentInvalid) as refused:
            pipeline.check(editor.content, Options())
        said = next(p.render(ZH) for p in refused.value.problems if str(p.path) == rel)
        assert word in said and "UTF-8" in said
        status, rows = call(editor, "GET", "/api/records?kind=wishes")
        assert status == 200 and [row.get("problem") for row in rows if row["path"] == rel] == [said], rows
        status, answer = call(editor, "GET", f"/api/record?path={rel}")
        assert status == 422 and said in answer["error"], answer
        version = hashlib.sha256(data).hexdigest()[:20]
        status, answer = call(editor, "POST", "/api/save", {"kind": "wishes", "path": rel, "version": version, "body": "",
                                                            "fields": {"wish": "收音机", "status": "claimed"}})
        assert status == 422 and said in answer["error"], answer
        assert (editor.content / rel).read_bytes() == data
