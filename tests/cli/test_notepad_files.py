"""On Windows, the files `sitegen init` and `sitegen new` write open right in Notepad, Windows 7's too
(still in offices): a byte order mark (without it Notepad may read UTF-8 as GBK) and CRLF line ends
(without them it shows a whole record as one line). The content check reads them as the LF files, so
the site built from them is byte for byte the one built from the files written elsewhere.

Each row is a command as a worker runs it; Windows is `sitegen.scaffold.NOTEPAD`, the platform test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import scaffold
from tests.conftest import run, tree_bytes

TEXT = (".md", ".yaml", ".txt")
ROWS: dict[str, tuple[str, ...]] = {
    "init": ("init", "{root}/新景社区"),
    "init --street": ("init", "--street", "{root}/望湖街道"),
    "new wish": ("new", "微心愿", "助行器", "--content", "{root}/新景社区/content"),
    "new activity (Markdown)": ("new", "活动", "七夕手工面点", "--content", "{root}/新景社区/content"),
    "new deliberation": ("new", "议事", "加装电梯", "--content", "{root}/新景社区/content"),
}


def _made(root: Path, command: tuple[str, ...], windows: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run `command` under `root` on the platform asked for; the folder it made or wrote into."""
    monkeypatch.setattr(scaffold, "NOTEPAD", windows)
    if command[0] == "new":
        assert run("init", str(root / "新景社区")).exit_code == 0
    args = [a.format(root=root) for a in command]
    result = run(*args)
    assert result.exit_code == 0, result.output
    return root / ("望湖街道" if "--street" in command else "新景社区")


def _text_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in TEXT}


@pytest.mark.parametrize("name", ROWS)
def test_on_windows_the_files_written_open_in_notepad_and_build_the_same_site(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    windows = _made(tmp_path / "windows", ROWS[name], True, monkeypatch)
    elsewhere = _made(tmp_path / "linux", ROWS[name], False, monkeypatch)
    written, plain = _text_files(windows), _text_files(elsewhere)
    assert written.keys() == plain.keys() and written
    for rel, data in written.items():
        assert data.startswith(b"\xef\xbb\xbf"), rel
        assert data.count(b"\n") == data.count(b"\r\n") > 0, rel  # every line ends CRLF
        assert data.decode("utf-8-sig").replace("\r\n", "\n") == plain[rel].decode("utf-8-sig").replace("\r\n", "\n"), rel
    for rel, data in plain.items():  # elsewhere: UTF-8 and LF, as before (the guide excepted: Notepad's always)
        if not rel.endswith(scaffold.GUIDE):
            assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"), rel
    outputs = []
    for folder in (windows, elsewhere):
        content = folder if "--street" in ROWS[name] else folder / "content"
        result = run("build", "--content", str(content), "--out", str(folder.parent / "output"))
        assert result.exit_code == 0, result.output
        outputs.append(tree_bytes(folder.parent / "output"))
    assert outputs[0] == outputs[1]
