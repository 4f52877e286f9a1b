"""Summaries (feed.xml, activities.ics, meta description, og:description) keep every character a reader sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render.summary import summarize
from tests.conftest import NOW, write_files

CASES = [
    # (body as typed, the summary)
    ("9:00-11:30，适合3-6岁儿童，电话0551-62001234", "9:00-11:30，适合3-6岁儿童，电话0551-62001234"),
    ("报名邮箱 wang_hu@example.org，编号 A_01", "报名邮箱 wang_hu@example.org，编号 A_01"),
    ("满意度 > 90%，票数 3|2|1，温度 20~25℃", "满意度 > 90%，票数 3|2|1，温度 20~25℃"),
    ("第 #3 号楼，5*6 = 30", "第 #3 号楼，5*6 = 30"),
    ("# 通知\n\n**周六** 上午 _9 点_ 集合", "通知 周六 上午 9 点 集合"),
    ("- 第一项\n- 第二项", "第一项 第二项"),
    ("> 引用的话\n\n正文", "引用的话 正文"),
    ("见[议事结果](../../deliberations/d/)。", "见议事结果。"),
    ("| 时间 | 地点 |\n|---|---|\n| 9:00-10:00 | 3-2 室 |", "时间 地点 9:00-10:00 3-2 室"),
    ("第一行\n第二行", "第一行 第二行"),
    ("价格 &lt; 100 元 & 免费", "价格 < 100 元 & 免费"),
    ("<b>不是标签</b>", "<b>不是标签</b>"),
    ("![照片](media/a.jpg)只剩文字", "只剩文字"),
    ("", ""),
    ("一" * 95, "一" * 90 + "…"),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_summary_keeps_every_character(body: str, expected: str) -> None:
    assert summarize(body) == expected


def test_feed_calendar_and_share_card_carry_the_summary(tmp_path: Path) -> None:
    body = "9:00-11:30，适合3-6岁儿童，电话0551-62001234"
    write_files(tmp_path / "content", {
        "site.yaml": "name: 社区\nbase_url: https://example.org/\n",
        "activities/a.md": f"---\ntitle: 亲子活动\ndate: 2026-12-05\n---\n{body}\n"})
    out = tmp_path / "out"
    pipeline.build(tmp_path / "content", out, Options(now=NOW, use_cache=False))
    page = (out / "activities/a/index.html").read_text("utf-8")
    assert f'<meta name="description" content="{body}">' in page
    assert f'<meta property="og:description" content="{body}">' in page
    assert f"<summary>{body}</summary>" in (out / "feed.xml").read_text("utf-8")
    ics = (out / "activities.ics").read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    assert f"DESCRIPTION:{body}\r\n" in ics
