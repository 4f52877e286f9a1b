"""Labels come from i18n/LANG.yaml (and, for the street's pages, i18n/street/LANG.yaml) of the default
theme, then of the site's theme, which wins; a broken label file is a problem at its PATH:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.render.theme import Theme
from sitegen.street.theme import StreetTheme

# (theme class, the site theme's files, a label → the text expected, problems as "PATH:LINE key")
CASES = [
    (Theme, {}, ("home", "首页"), []),
    (Theme, {"i18n/zh-Hans.yaml": "home: 主页\n"}, ("home", "主页"), []),
    (Theme, {"i18n/street/zh-Hans.yaml": "home: 街道\n"}, ("home", "首页"), []),  # a community never reads street/
    (Theme, {"i18n/zh-Hans.yaml": "- 列表\n"}, ("home", "首页"), ["theme/i18n/zh-Hans.yaml:1 theme.labels"]),
    (Theme, {"i18n/zh-Hans.yaml": "home: [1, 2]\n"}, ("home", "首页"), ["theme/i18n/zh-Hans.yaml:1 theme.labels"]),
    (StreetTheme, {}, ("street_communities", "各社区"), []),
    (StreetTheme, {}, ("home", "首页"), []),
    (StreetTheme, {"i18n/street/zh-Hans.yaml": "street_communities: 社区\n"}, ("street_communities", "社区"), []),
    (StreetTheme, {"i18n/zh-Hans.yaml": "home: 主页\n"}, ("home", "主页"), []),
    (StreetTheme, {"i18n/zh-Hans.yaml": "street_office: 办事处\n"}, ("street_office", "街道办事处"), []),  # street/ wins
    (StreetTheme, {"i18n/street/zh-Hans.yaml": "- 列表\n"}, ("street_communities", "各社区"),
     ["theme/i18n/street/zh-Hans.yaml:1 theme.labels"]),
    (StreetTheme, {"i18n/zh-Hans.yaml": "a: [1]\n", "i18n/street/zh-Hans.yaml": "b: {c: d}\n"}, ("home", "首页"),
     ["theme/i18n/zh-Hans.yaml:1 theme.labels", "theme/i18n/street/zh-Hans.yaml:1 theme.labels"]),
]


@pytest.mark.parametrize(("cls", "files", "label", "problems"), CASES)
def test_labels_and_their_problems(tmp_path: Path, cls: type[Theme], files: dict[str, str],
                                   label: tuple[str, str], problems: list[str]) -> None:
    override = tmp_path / "theme"
    override.mkdir()
    for rel, text in files.items():
        (override / rel).parent.mkdir(parents=True, exist_ok=True)
        (override / rel).write_text(text, "utf-8")
    theme = cls.load("zh-Hans", override, "theme")
    key, text = label
    assert theme.labels[key] == text
    assert [f"{p.path}:{p.line} {p.key}" for p in theme.problems()] == problems
