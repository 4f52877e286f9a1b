"""A column headed with the word the messages, the form and the 繁體 page use for a field is that field
(breaker helper-128: 议定结果 was "不对应任何字段", and the import's own error then asked for 议定结果)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import MakeSite, run

SITE = "name: 测试社区\nbase_url: https://test.example.org/\n"


@pytest.mark.parametrize("header", ["议定结果", "议事结果", "决定"])
def test_the_decision_column_by_its_words(make_site: MakeSite, tmp_path: Path, header: str) -> None:
    content = make_site(site=SITE)
    sheet = tmp_path / "del.csv"
    sheet.write_text(f"议题,提出日期,状态,{header}\n加装电梯,2026-03-01,已决定,试点加装\n", encoding="utf-8")
    result = run("import", "议事", str(sheet), "--content", str(content))
    assert result.exit_code == 0, result.output
    written = next((content / "deliberations").glob("*.md")).read_text("utf-8")  # front matter, the marker first
    assert yaml.safe_load(written.split("---\n")[1].split("\n", 1)[1])["decision"] == "试点加装"
