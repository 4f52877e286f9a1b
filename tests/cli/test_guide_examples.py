"""The commands 使用说明.txt shows a worker make records the sample site does not hold already (newcomer20:
its `sitegen new 亮身份 王建国` made a second 王建国 beside the sample's, and both would be published).
Each row: a kind the guide shows `sitegen new` for, and the field that names a record of it."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

ROWS = [("亮身份", "disclosures", "name"), ("活动", "activities", "title"), ("议事", "deliberations", "title"),
        ("微心愿", "wishes", "wish")]


def _guide() -> str:
    return resources.files("sitegen.scaffold").joinpath("site", "使用说明.txt").read_text("utf-8")


@pytest.mark.parametrize(("word", "folder", "field"), ROWS)
def test_the_guides_example_is_no_record_of_the_sample(word: str, folder: str, field: str) -> None:
    example = re.search(rf"sitegen new {word} (\S+)", _guide())
    assert example is not None, word
    sample = resources.files("sitegen.scaffold").joinpath("site", "content", folder)
    held = set()
    for entry in sample.iterdir():
        text = entry.read_text("utf-8")
        front = text.split("---")[1] if entry.name.endswith(".md") else text
        held.add(str((yaml.safe_load(front) or {}).get(field, "")))
    assert example.group(1) not in held


SAMPLES = [*ROWS, ("页面", "pages", "title")]


@pytest.mark.parametrize(("word", "folder", "field"), SAMPLES)
def test_the_guide_names_every_sample_record_it_will_publish(word: str, folder: str, field: str) -> None:
    """The newcomer's (s21): `sitegen init`'s sample records (a person 王建国, a wish…) are published with the
    worker's own, and nothing said so. The guide's first section names each one, by what names it on the site."""
    guide = _guide().split("下面的命令")[0]
    assert "会发布" in guide
    sample = resources.files("sitegen.scaffold").joinpath("site", "content", folder)
    for entry in sample.iterdir():
        text = entry.read_text("utf-8")
        front = text.split("---")[1] if entry.name.endswith(".md") else text
        assert f"“{(yaml.safe_load(front) or {}).get(field)}”" in guide, (word, entry.name)


@pytest.mark.parametrize(("word", "folder", "field"), SAMPLES)
def test_the_street_guide_names_every_sample_record_it_will_publish(word: str, folder: str, field: str) -> None:
    """`init --street` puts the same samples in each community; its guide said nothing of them (Left in s21)."""
    guide = resources.files("sitegen.scaffold").joinpath("street-guide", "使用说明.txt").read_text("utf-8")
    section = guide.split("【先看这里：示例记录会发布】")[1].split("【")[0]
    assert "会发布" in section and "提醒" in section
    sample = resources.files("sitegen.scaffold").joinpath("site", "content", folder)
    for entry in sample.iterdir():
        text = entry.read_text("utf-8")
        front = text.split("---")[1] if entry.name.endswith(".md") else text
        assert f"“{(yaml.safe_load(front) or {}).get(field)}”" in section, (word, entry.name)
