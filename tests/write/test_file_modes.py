"""A file sitegen writes for a person (a record it imports or saves, a sheet it exports) has the mode
such a file has: the one it had, or a new file's (0o644 less the umask), as `sitegen new` and an
editor make them. The newcomer found every imported record and every exported sheet 0o600: another
account, a colleague's sync tool or the web server's user could not read the content folder. The
build cache keeps 0o600: it holds private data. Each case: the command, the file it writes, the
mode that file had before (None: new) and the mode it must have after.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from openpyxl import Workbook

from sitegen.write.files import process_umask, replace_file, staged_beside
from tests.conftest import MakeSite, run
from tests.sheets.test_import import SITE

NEW = 0o644 & ~process_umask()
RECORD = "disclosures/wangjianguo.yaml"


def _roster(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "职务"])
    sheet.append(["王建国", "楼栋长"])
    book.save(path)
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


CASES = [
    # (command, file written (relative: content; "OUT": the sheet), mode before or None, mode after)
    ("import", RECORD, None, NEW),
    ("import", RECORD, 0o664, 0o664),  # a group-writable file shared in an office keeps its mode
    ("import", RECORD, 0o600, 0o600),  # kept private by its owner: kept so
    ("export", "OUT", None, NEW),
    ("export", "OUT", 0o640, 0o640),
    ("template", "OUT", None, NEW),
]


@pytest.mark.parametrize(("command", "written", "before", "after"), CASES)
def test_a_persons_file_has_a_persons_mode(make_site: MakeSite, tmp_path: Path, command: str, written: str,
                                           before: int | None, after: int) -> None:
    content = make_site(site=SITE)
    target = tmp_path / "名单导出.xlsx" if written == "OUT" else content / written
    if before is not None:
        if command == "import":
            assert run("import", "亮身份", str(_roster(tmp_path / "名单.xlsx")), "--content", str(content)).exit_code == 0
            target.write_text(target.read_text("utf-8").replace("楼栋长", "单元长"), "utf-8")  # changed: rewritten
        else:
            target.write_bytes(b"")
        os.chmod(target, before)
    if command == "import":
        result = run("import", "亮身份", str(_roster(tmp_path / "名单.xlsx")), "--content", str(content), "--overwrite")
    elif command == "export":
        assert run("import", "亮身份", str(_roster(tmp_path / "名单.xlsx")), "--content", str(content)).exit_code == 0
        result = run("export", "亮身份", str(target), "--content", str(content),
                     *(["--overwrite"] if before is not None else []))
    else:
        result = run("import", "--template", "disclosure", str(target))
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert _mode(target) == after


@pytest.mark.parametrize(("shared", "before", "after"), [
    (True, None, NEW),
    (True, 0o660, 0o660),
    (False, None, 0o600),  # the build cache, a street's state: private data stays private
    (False, 0o644, 0o600),
])
def test_replace_file_gives_a_persons_file_its_mode_and_keeps_private_files_private(
        tmp_path: Path, shared: bool, before: int | None, after: int) -> None:
    target = tmp_path / "a.yaml"
    if before is not None:
        target.write_text("old", "utf-8")
        os.chmod(target, before)
    replace_file(target, "new", shared=shared)
    assert target.read_text("utf-8") == "new"
    assert _mode(target) == after
    with staged_beside(target, shared=shared) as temporary:
        temporary.write_text("newer", "utf-8")
    assert _mode(target) == after
