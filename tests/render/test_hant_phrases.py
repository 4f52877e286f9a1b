"""The 繁體 mirror says what the zh-Hant catalogue says (session 21): the catalogue says 發布日期 (make_hant's
phrase rule), while the page converted from the Simplified one said 發佈日期, as OpenCC gives it by the words
around it. The page converter (render/script.py) now takes the catalogues' phrase rules (hanzi.PHRASES), on
the text only: a person's name is never converted, nor an address.

Rows: every label of the theme's catalogues, converted as a mirror page converts it, is the zh-Hant
catalogue's; page text as typed and as the mirror shows it; a built wish page and its search row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from sitegen.hanzi import converter
from sitegen.model.names import NAME_CLOSE, NAME_OPEN
from sitegen.render.script import keep_names_and_urls
from tests.conftest import ROOT, MakeSite, run

THEME = ROOT / "themes" / "default" / "i18n"
LABELS = [(folder, key, text) for folder in (THEME, THEME / "street")
          for key, text in yaml.safe_load((folder / "zh-Hans.yaml").read_text("utf-8")).items()]


@pytest.mark.parametrize(("folder", "key", "text"), LABELS,
                         ids=[f"{folder.name}-{key}" for folder, key, _ in LABELS])
def test_a_label_on_a_mirror_page_is_the_catalogues(folder: Path, key: str, text: str) -> None:
    hant = yaml.safe_load((folder / "zh-Hant.yaml").read_text("utf-8"))
    assert keep_names_and_urls(f"<dt>{text}</dt>", converter()) == f"<dt>{hant[key]}</dt>"


def _name(name: str) -> str:
    return f"{NAME_OPEN}{name}{NAME_CLOSE}"


TEXTS = [
    ("a label", "<dt>发布日期</dt>", "<dt>發布日期</dt>"),
    ("a sentence", "<p>心愿已发布，发布于10月18日。</p>", "<p>心願已發布，發布於10月18日。</p>"),
    ("as OpenCC gives it already", "<p>重新发布</p>", "<p>重新發布</p>"),
    # never a person's name, nor an address
    ("a name", f"<p>{_name('李发布')}发布了心愿</p>", "<p>李发布發布了心願</p>"),
    ("an address", '<a href="https://x.example.cn/发布日期/">发布日期</a>', '<a href="https://x.example.cn/发布日期/">發布日期</a>'),
]


@pytest.mark.parametrize(("name", "html", "said"), TEXTS, ids=[t[0] for t in TEXTS])
def test_the_mirror_says_the_catalogues_words(name: str, html: str, said: str) -> None:
    assert keep_names_and_urls(html, converter()) == said


WISH = "wish: 想要一台收音机\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\nthanks: 心愿发布后三天就有人认领\n"


def test_a_wish_page_and_its_search_row_say_the_catalogues_words(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"wishes/2026-shouyinji.yaml": WISH})
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    page = (out / "zh-hant/wishes/2026-shouyinji/index.html").read_text("utf-8")
    assert "發布日期" in page and "發佈" not in page
    index = next((out / "static").glob("search-index-hant.*.js")).read_text("utf-8")
    assert "心願發布後" in index and "發佈" not in index, json.dumps(index[:200], ensure_ascii=False)
