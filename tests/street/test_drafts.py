"""A street's check and build name every draft left out, street-relative, as a site's do (session 15:
a street said nothing of them, so a record kept as a draft by mistake was never published, unseen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run
from tests.street.conftest import MakeStreet

DRAFT = "---\ntitle: 重阳节包饺子\ndate: 2026-10-18\ndraft: true\n---\n还没写完。\n"
SAID = "其中 1 条是草稿，不会发布（删除 draft: true 这一行即可发布）："


@pytest.mark.parametrize("command", ["check", "build", "build again"])
def test_a_street_names_its_drafts(make_street: MakeStreet, tmp_path: Path, command: str, street_pages: str) -> None:
    street = make_street(files={"meihu/activities/x.md": DRAFT})
    args = ["check", "--content", str(street)] if command == "check" else [
        "build", "--content", str(street), "--out", str(tmp_path / "out")]
    zh = {"SITEGEN_LANG": "zh-Hans"}
    if command == "build again":
        assert run(*args, env=zh).exit_code == 0
    result = run(*args, env=zh)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert SAID in lines, result.stdout
    assert lines[lines.index(SAID) + 1] == "  meihu/activities/x.md", result.stdout


def test_a_street_built_with_drafts_names_none(make_street: MakeStreet, tmp_path: Path, street_pages: str) -> None:
    street = make_street(files={"meihu/activities/x.md": DRAFT})
    result = run("build", "--content", str(street), "--out", str(tmp_path / "out"), "--drafts",
                 env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 0, result.stderr
    assert "草稿" not in result.stdout
