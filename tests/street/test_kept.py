"""street/kept.py: the street's read kept between builds is used only when the street folder is as
it was; every change that reading it again would see is seen (the kept read then equals a fresh one)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.street import kept as kept_module
from sitegen.street.config import StreetRead
from sitegen.street.kept import kept_file, read_kept
from sitegen.street.read import read_street
from tests.street.conftest import STREET_YAML, MakeStreet, community_site

THEMED = STREET_YAML + "theme: themes/looks\n"


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return change


def _hand_edit(find: str, put: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        kept = kept_file(folder.parent / "out")
        kept.write_text(kept.read_text("utf-8").replace(find, put), encoding="utf-8")
    return change


def _link_elsewhere(folder: Path) -> None:
    elsewhere = folder.parent / "elsewhere"
    shutil.copytree(folder / "meihu", elsewhere)
    shutil.rmtree(folder / "meihu")
    (folder / "meihu").symlink_to(elsewhere)


# (street.yaml, a change between two reads, whether the kept read may be used) → the read equals a fresh one
CASES: dict[str, tuple[str, Callable[[Path], None], bool]] = {
    "nothing changed": (STREET_YAML, lambda folder: None, True),
    "nothing changed, a street theme": (THEMED, lambda folder: None, True),
    "a file of a community changed": (STREET_YAML, _write("wanghu/wishes/new.yaml", "wish: x\n"), True),
    "street.yaml name changed": (STREET_YAML, _write("street.yaml", STREET_YAML.replace("包河街道", "滨湖街道")), False),
    "street.yaml made invalid": (STREET_YAML, _write("street.yaml", "name: [x\n"), False),
    "a community added": (STREET_YAML, lambda folder: shutil.copytree(folder / "wanghu", folder / "binhu"), False),
    "a community removed": (STREET_YAML, lambda folder: shutil.rmtree(folder / "meihu"), False),
    "a community renamed": (STREET_YAML, lambda folder: os.rename(folder / "meihu", folder / "meihu-2"), False),
    "a folder badly named added": (STREET_YAML, lambda folder: (folder / "Bad Name").mkdir(), False),
    "a community's base_url moved outside": (
        STREET_YAML, _write("wanghu/site.yaml", community_site("望湖社区", "base_url: https://else.example.org/\n")), False),
    "a community made a link out of the street": (STREET_YAML, _link_elsewhere, False),
    # the street folder's entries stay as they were: only the theme folder inside `themes/` is gone
    "the street theme folder removed": (THEMED, lambda folder: shutil.rmtree(folder / "themes" / "looks"), False),
    "kept file with a path for a slug": (STREET_YAML, _hand_edit('"meihu"', '"../meihu"'), False),
    "kept file broken": (STREET_YAML, _hand_edit("{", "["), False),
}


def _same(a: StreetRead, b: StreetRead) -> bool:
    def shape(read: StreetRead) -> object:
        return (read.street, read.communities,
                [(p.path, p.line, p.key, dict(p.args), p.warning) for p in read.problems])
    return shape(a) == shape(b)


@pytest.mark.parametrize("name", CASES)
def test_kept_read_equals_a_fresh_read(name: str, make_street: MakeStreet, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    street_yaml, change, usable = CASES[name]
    folder = make_street(street=street_yaml, files={"themes/looks/i18n/en.yaml": "x: y\n"} if street_yaml == THEMED else {})
    out = tmp_path / "out"
    first, keep = read_kept(folder, None, out)
    assert _same(first, read_street(folder, None)) and not kept_file(out).exists()
    keep()
    change(folder)
    assert _used(folder, out, monkeypatch) == usable
    again, _ = read_kept(folder, None, out)
    assert _same(again, read_street(folder, None))


def _used(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether read_kept takes the kept read (read_street is not called)."""
    import sitegen.street.read as read_module

    calls: list[Path] = []
    real = read_module.read_street
    with monkeypatch.context() as patch:
        patch.setattr(read_module, "read_street", lambda *args: calls.append(args[0]) or real(*args))
        read_kept(folder, None, out)
    return not calls


def test_another_base_url_or_code_is_read_again(make_street: MakeStreet, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = make_street(), tmp_path / "out"
    read_kept(folder, None, out)[1]()
    assert _used(folder, out, monkeypatch)
    other, _ = read_kept(folder, "https://other.example.org/", out)
    assert other.street is not None and other.street.base_url == "https://other.example.org/"
    monkeypatch.setattr(kept_module, "code_digest", lambda: "new code")
    assert not _used(folder, out, monkeypatch)


def test_a_street_with_nothing_to_do_loads_no_schema(make_street: MakeStreet, street_pages: str, tmp_path: Path) -> None:
    """What a rebuild with nothing to do imports: not pydantic nor the record schemas (about 0.1 s)."""
    folder, out = make_street(), tmp_path / "out"
    build = [sys.executable, "-m", "sitegen", "build", "--content", str(folder), "--out", str(out), "-q"]
    subprocess.run(build, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-X", "importtime", *build[1:]], check=True, capture_output=True, text=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert {"pydantic", "sitegen.validate.schema"} & imported == set()
    assert "sitegen.street.config" in imported
