"""Warm cache == cold build == one process: a rebuild does less work, never different work."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import DEMO, NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def build(content: Path, out: Path, cache: bool, jobs: int) -> pipeline.Report:
    return pipeline.build(content, out, Options(now=NOW, use_cache=cache, jobs=jobs))


def cold(content: Path, tmp: Path) -> dict[str, bytes]:
    out = tmp / "cold"
    shutil.rmtree(out, ignore_errors=True)
    build(content, out, cache=False, jobs=1)
    return tree_bytes(out)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return generate(tmp_path / "gen", 100).content  # two list pages of activities and of wishes


def edit(content: Path) -> None:
    first = sorted((content / "activities").iterdir())[0]
    first.write_text(first.read_text("utf-8").replace("title:", "title: 改过", 1), encoding="utf-8")
    sorted((content / "wishes").iterdir())[0].unlink()
    (content / "deliberations" / "new-one.md").write_text(
        "---\ntitle: 新议题\nraised_on: 2026-01-05\nstatus: proposed\n---\n新的背景。\n", encoding="utf-8")
    photo = next((content / "media").iterdir())
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 120, 200)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())


def test_warm_equals_cold_equals_one_process(site: Path, tmp_path: Path) -> None:
    warm = tmp_path / "output"
    report = build(site, warm, cache=True, jobs=2)
    assert report.rendered == report.pages + report.posters
    first = cold(site, tmp_path)
    assert tree_bytes(warm) == first

    again = build(site, warm, cache=True, jobs=2)
    assert again.unchanged

    shutil.rmtree(tmp_path / ".output.sitegen-cache")  # deleting the cache is safe: the same bytes again
    report = build(site, warm, cache=True, jobs=2)
    assert not report.unchanged
    assert tree_bytes(warm) == first

    edit(site)
    report = build(site, warm, cache=True, jobs=2)
    assert 0 < report.rendered < (report.pages + report.posters) / 2
    assert tree_bytes(warm) == cold(site, tmp_path)
    assert not [p for p in warm.rglob("*") if p.name.endswith((".tmp", ".link"))]

    (site / "site.yaml").write_text((site / "site.yaml").read_text("utf-8") + "intro: 新的简介。\n", encoding="utf-8")
    build(site, warm, cache=True, jobs=2)  # the community's details show on every page: all of them change
    assert tree_bytes(warm) == cold(site, tmp_path)


def test_template_change_rerenders_what_uses_it(site: Path, tmp_path: Path) -> None:
    warm = tmp_path / "output"
    build(site, warm, cache=True, jobs=2)
    theme = site / "theme" / "templates"
    theme.mkdir(parents=True)
    from sitegen.render.theme import default_theme_dir

    wish = (default_theme_dir() / "templates" / "wish.html").read_text("utf-8")
    (theme / "wish.html").write_text(wish.replace("{{ t.how_to_claim }}", "怎样认领"), encoding="utf-8")
    (site / "site.yaml").write_text((site / "site.yaml").read_text("utf-8") + "theme: theme\n", encoding="utf-8")
    report = build(site, warm, cache=True, jobs=2)
    assert tree_bytes(warm) == cold(site, tmp_path)
    assert "怎样认领" in next((warm / "wishes").glob("*/index.html")).read_text("utf-8") or report.rendered


def test_demo_warm_equals_cold(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    warm = tmp_path / "output"
    build(content, warm, cache=True, jobs=2)
    (content / "wishes" / "2026-laohuajing.yaml").write_text(
        (content / "wishes" / "2026-laohuajing.yaml").read_text("utf-8").replace("status: open", "status: withdrawn"),
        encoding="utf-8")
    build(content, warm, cache=True, jobs=2)
    assert tree_bytes(warm) == cold(content, tmp_path)


def test_files_changed_by_hand_in_output_are_made_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(DEMO, content)
    out = tmp_path / "output"
    build(content, out, cache=True, jobs=2)
    (out / "feed.xml").unlink()
    with open(out / "index.html", "a", encoding="utf-8") as handle:
        handle.write("<!-- spam -->")
    for _ in range(2):  # the tampered copy is the shadow on the second rebuild
        record = content / "activities" / "2026-linlijie-19.md"
        record.write_text(record.read_text("utf-8") + "\n又一段。\n", encoding="utf-8")
        build(content, out, cache=True, jobs=2)
        assert tree_bytes(out) == cold(content, tmp_path)


# A known name in the theme's own text (breaker s21): the 繁體 copy keeps it as typed (render/script.py), so
# the pages showing that text change when the name becomes known, though no record they show changed.
# (row id, the site's theme files, the name a disclosure adds, the 繁體 page, what it shows before, after)
_ACTIVITY = (Path(__file__).resolve().parents[2] / "themes" / "default" / "templates" / "activity.html")
THEME_TEXT = [
    ("a literal of the site's template",
     {"theme/templates/activity.html": _ACTIVITY.read_text("utf-8").replace("{{ t.time }}", "范志发说的时间")},
     "范志发", "zh-hant/activities/xunluo/index.html", "範志發說的時間", "范志发說的時間"),
    ("a label of the site's catalogue", {"theme/i18n/zh-Hans.yaml": "time: 范志发说的时间\n"},
     "范志发", "zh-hant/activities/xunluo/index.html", "範志發說的時間", "范志发說的時間"),
    ("a label of the site's catalogue, 长辈版", {"theme/i18n/zh-Hans.yaml": "time: 范志发说的时间\n"},
     "范志发", "zh-hant/care/activities/xunluo/index.html", "範志發說的時間", "范志发說的時間"),
    ("a label filled with a label: the default theme's （周{w}）", {},
     "周日", "zh-hant/activities/xunluo/index.html", "（週日）", "（周日）"),
]


@pytest.mark.parametrize(("theme", "name", "page", "before", "after"), [r[1:] for r in THEME_TEXT],
                         ids=[r[0] for r in THEME_TEXT])
def test_a_name_in_the_themes_text_remakes_its_pages(tmp_path: Path, theme: dict[str, str], name: str, page: str,
                                                      before: str, after: str) -> None:
    from tests.conftest import write_files

    content, warm = tmp_path / "content", tmp_path / "warm"
    write_files(content, {"site.yaml": "name: 望湖社区\nbase_url: https://wanghu.example.cn/\n"
                                       + ("theme: theme\n" if theme else ""), **theme,
                          "activities/xunluo.md": "---\ntitle: 夜间巡逻\ndate: 2026-11-01\n---\n巡逻一圈。\n"})
    build(content, warm, cache=True, jobs=2)
    assert before in (warm / page).read_text("utf-8")  # no one has the name yet
    write_files(content, {"disclosures/fan.yaml": f"name: {name}\nrole: 楼栋长\nplace: 福桂苑/1栋\nsince: 2026-01-01\n"})
    build(content, warm, cache=True, jobs=2)
    assert after in (warm / page).read_text("utf-8")
    assert tree_bytes(warm) == cold(content, tmp_path)
