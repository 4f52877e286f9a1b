"""Content folder links and file names (issue 12 §6): nothing is published from outside the content
folder, and no file name can forge a line of the error report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, MakeSite, error_lines, run

WISH = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"

# (what is made a link, what it points at outside, files put there): each must be refused at its path.
OUTSIDE_LINKS = [
    ("wishes", "elsewhere", {"w.yaml": WISH}),
    ("activities", "elsewhere", {"a.md": "---\ntitle: 外来\ndate: 2019-08-06\n---\n"}),
    ("pages", "elsewhere", {"about.md": "---\ntitle: 外来\n---\n"}),
    ("media", "elsewhere", {"a.jpg": b"\xff\xd8\xff"}),
    ("site.yaml", "elsewhere/site.yaml", {}),
    ("wishes/sub", "elsewhere", {"w.yaml": WISH}),
]


@pytest.mark.parametrize(("link", "target", "files"), OUTSIDE_LINKS)
def test_a_link_out_of_the_content_folder_is_refused(make_site: MakeSite, tmp_path: Path, link: str, target: str,
                                                   files: dict[str, str | bytes]) -> None:
    content = make_site()
    outside = tmp_path / target
    if link == "site.yaml":
        outside.parent.mkdir()
        outside.write_text(SITE_YAML, encoding="utf-8")
        (content / "site.yaml").unlink()
    else:
        outside.mkdir()
        for name, data in files.items():
            (outside / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    (content / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, content / link)
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith(f"{link}: ") and "outside" in line for line in error_lines(result)), result.stderr
    assert not (tmp_path / "out").exists()


def test_a_link_inside_the_content_folder_is_followed(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"_archive/w.yaml": WISH})
    os.symlink(content / "_archive", content / "wishes")
    assert run("check", "--content", str(content)).exit_code == 0


# (file name, what the report must show on the one line)
FILE_NAMES = [
    ("a\nb.md", "activities/a\\nb.md"),
    ("a\rb.md", "activities/a\\rb.md"),
    ("a\x1b[31mb.md", "activities/a\\x1b[31mb.md"),
    ("a\u202eb.md", "activities/a\\u202eb.md"),  # right-to-left override
    ("a\u2028b.md", "activities/a\\u2028b.md"),  # line separator
]


@pytest.mark.parametrize(("name", "shown"), FILE_NAMES)
def test_a_control_character_in_a_file_name_cannot_forge_a_line(make_site: MakeSite, name: str, shown: str) -> None:
    content = make_site({f"activities/{name}": "---\ndate: 2019-08-06\n---\n"})  # title missing
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(shown + ":") for line in lines), result.stderr
    assert not any(line.startswith(("b.md", "[31mb.md")) for line in lines)
    assert len(lines) == 2, lines  # the problem and the count
