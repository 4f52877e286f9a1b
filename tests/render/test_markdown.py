"""Markdown bodies read the way workers type them (issue 10 §1): a table of body → HTML it must give.

Each case is the Markdown as typed in WeChat, WPS or Notepad, fragments the sanitised HTML must hold
and fragments it must not (newlines removed from the HTML before matching).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitegen.render.markdown import render_markdown
from tests.conftest import MakeSite, run

CASES: list[tuple[str, str, list[str], list[str]]] = [
    # a list typed directly under a line of text
    ("dash_list_under_text", "活动安排：\n- 签到领取材料\n- 分组活动",
     ["<p>活动安排：</p><ul><li>签到领取材料</li><li>分组活动</li></ul>"], ["- 签到"]),
    ("star_list_under_text", "注意事项\n* 带好身份证\n* 准时到场", ["<p>注意事项</p><ul><li>带好身份证</li><li>准时到场</li></ul>"], []),
    ("plus_list_under_text", "需要：\n+ 剪刀\n+ 彩纸", ["<ul><li>剪刀</li><li>彩纸</li></ul>"], ["+ 剪刀"]),
    ("word_bullets_under_text", "流程\n• 签到\n● 合影\n· 散场", ["<p>流程</p><ul><li>签到</li><li>合影</li><li>散场</li></ul>"], ["•"]),
    ("numbered_dot_under_text", "流程：\n1. 签到\n2. 包饺子", ["<p>流程：</p><ol><li>签到</li><li>包饺子</li></ol>"], []),
    ("numbered_chinese_comma", "流程：\n1、签到\n2、包饺子", ["<ol><li>签到</li><li>包饺子</li></ol>"], ["1、"]),
    ("numbered_dot_no_space_chinese", "流程：\n1.签到\n2.包饺子", ["<ol><li>签到</li><li>包饺子</li></ol>"], []),
    ("numbered_paren", "流程：\n1) 签到\n2) 包饺子", ["<ol><li>签到</li><li>包饺子</li></ol>"], []),
    ("numbered_starts_at_3", "接上文：\n3. 合影\n4. 散场", ['<ol start="3"><li>合影</li><li>散场</li></ol>'], []),
    ("list_after_colon_line_crlf", "活动安排：\r\n- 签到\r\n- 合影\r\n", ["<p>活动安排：</p><ul><li>签到</li><li>合影</li></ul>"], ["\r"]),
    ("text_after_list_is_a_paragraph", "安排：\n- 签到\n- 合影\n感谢大家参与", ["</ul><p>感谢大家参与</p>"], ["合影<br>"]),
    ("decimal_is_not_a_list", "今天气温\n3.5度", ["<p>今天气温<br>3.5度</p>"], ["<ol"]),
    ("negative_number_is_not_a_list", "温度\n-5℃", ["<p>温度<br>-5℃</p>"], ["<ul"]),
    ("fullwidth_paren_numbers_stay_lines", "要求：\n（1）自带餐具\n（2）准时", ["（1）自带餐具<br>（2）准时"], ["<ol"]),
    ("rule_is_not_a_list", "上文\n\n* * *\n\n下文", ["<hr>"], ["<li>"]),
    # a heading needs "#" and a space; a topic tag is text
    ("topic_tag_is_text", "#重阳节# 今天社区组织老人登高", ["<p>#重阳节# 今天社区组织老人登高</p>"], ["<h"]),
    ("topic_tag_second_line", "今天\n#邻里节#活动圆满结束", ["#邻里节#活动圆满结束"], ["<h"]),
    ("topic_tag_in_list_item", "话题：\n- #垃圾分类# 宣传", ["<li>#垃圾分类# 宣传</li>"], ["<h"]),
    ("heading_with_space", "# 活动回顾\n正文", ["<h2>活动回顾</h2><p>正文</p>"], []),
    ("heading_without_blank_line_above", "第一段\n## 第二部分\n内容", ["<p>第一段</p><h2>第二部分</h2><p>内容</p>"], []),
    ("hash_number", "#1号楼 已完成", ["<p>#1号楼 已完成</p>"], ["<h"]),
    # first-line indents from Word are paragraphs, never code
    ("four_space_indent", "    今天上午，社区开展了活动。\n    居民踊跃参加。", ["<p>今天上午，社区开展了活动。<br>居民踊跃参加。</p>"], ["<pre", "<code"]),
    ("tab_indent", "\t今天上午，社区开展了活动。", ["<p>今天上午，社区开展了活动。</p>"], ["<pre"]),
    ("fullwidth_space_indent", "\u3000\u3000今天上午，社区开展了活动。\n\n\u3000\u3000第二段。", ["<p>今天上午，社区开展了活动。</p><p>第二段。</p>"], ["<pre"]),
    ("eight_space_indent_after_paragraph", "第一段\n\n        第二段", ["<p>第二段</p>"], ["<pre"]),
    ("fenced_code_still_works", "示例：\n```\nsitegen build\n    缩进保留\n```", ["<pre><code>sitegen build    缩进保留</code></pre>"], []),
    ("tilde_fence", "~~~\n- 不是列表\n#不是标题\n~~~", ["<pre><code>- 不是列表#不是标题</code></pre>"], ["<li>"]),
    # sub-items as editors indent them
    ("nested_two_spaces", "- 一组\n  - 张三\n  - 李四\n- 二组", ["<ul><li>一组<ul><li>张三</li><li>李四</li></ul></li><li>二组</li></ul>"], []),
    ("nested_four_spaces", "- 一组\n    - 张三\n- 二组", ["<li>一组<ul><li>张三</li></ul></li><li>二组</li>"], []),
    ("nested_tab", "- 一组\n\t- 张三\n- 二组", ["<li>一组<ul><li>张三</li></ul></li><li>二组</li>"], []),
    ("nested_three_levels_two_spaces", "- 甲\n  - 乙\n    - 丙\n- 丁", ["<li>甲<ul><li>乙<ul><li>丙</li></ul></li></ul></li><li>丁</li>"], []),
    ("nested_numbers_under_numbers", "1. 准备\n   1. 买菜\n   2. 洗菜\n2. 包饺子", ["<ol><li>准备<ol><li>买菜</li><li>洗菜</li></ol></li><li>包饺子</li></ol>"], []),
    ("numbers_then_bullets", "1. 甲\n\t1. 乙\n- 丙", ["<ol><li>甲<ol><li>乙</li></ol></li></ol><ul><li>丙</li></ul>"], ["乙<br>"]),
    ("item_continuation_line", "- 签到\n  请带身份证\n- 合影", ["<li>签到<br>", "请带身份证</li><li>合影</li>"], []),
    ("nested_list_under_text", "分工：\n- 一组\n  - 张三", ["<p>分工：</p><ul><li>一组<ul><li>张三</li></ul></li></ul>"], []),
    # footnotes
    ("footnote", "注[^1]\n\n[^1]: 说明", ['注<sup id="fnref-1"><a href="#fn-1"', '<li id="fn-1"><p>说明', 'href="#fnref-1"'], ["Jump back"]),
    ("footnote_definition_under_text", "补贴标准[^补]\n[^补]：每户 200 元", ['<a href="#fn-补"', '<li id="fn-补"><p>每户 200 元'], ["[^补]"]),
    ("footnote_twice", "甲[^1]乙[^1]\n\n[^1]: 同一条", ['id="fnref-1"', 'id="fnref2-1"'], []),
    ("footnote_missing_definition", "注[^9]", ["注[^9]"], ["<sup", "href"]),
    # tables, quotes and line breaks
    ("table_under_text", "分工如下\n| 组 | 人 |\n|---|---|\n| 一 | 张 |", ["<p>分工如下</p><table>", "<td>张</td>"], []),
    ("line_breaks_kept", "第一句。\n第二句。", ["<p>第一句。<br>第二句。</p>"], []),
    ("quote_under_text", "居民说：\n> 太好了", ["<blockquote><p>太好了</p></blockquote>"], []),
    ("links_still_work", "详见[通知](https://example.org/a)", ['<a href="https://example.org/a"'], []),
    ("brackets_as_text", "[不是链接 和 (括号", ["[不是链接 和 (括号"], ["\x0e", "\x0f"]),
    ("link_with_parens_in_url", "[百科](https://example.org/a_(b))", ['href="https://example.org/a_(b)"'], []),
    ("code_span_brackets", "输入 `[` 即可", ["<code>[</code>"], ["\\"]),
    # full-width markers typed with a Chinese input method
    ("numbered_fullwidth_stop", "流程：\n1．签到\n2．合影", ["<ol><li>签到</li><li>合影</li></ol>"], ["1．"]),
    ("fullwidth_dash_bullets", "需要：\n－ 剪刀\n－ 彩纸", ["<ul><li>剪刀</li><li>彩纸</li></ul>"], ["－"]),
    ("table_without_outer_pipes_under_text", "名单\n组 | 人\n--|--\n一 | 张", ["<p>名单</p><table>", "<td>张</td>"], []),
    # web addresses typed bare are links, as WeChat and GitHub show them
    ("bare_url", "报名网址：https://example.org/signup?id=1。", ['<a href="https://example.org/signup?id=1"', "</a>。"], []),
    ("bare_url_in_parentheses", "（详见 https://example.org/a）", ['<a href="https://example.org/a"'], ['a）"']),
    ("bare_url_ascii_parentheses", "(https://example.org/x)", ['(<a href="https://example.org/x"', "</a>)"], []),
    ("bare_url_with_balanced_parens", "https://zh.wikipedia.org/wiki/A_(B) 看", ['href="https://zh.wikipedia.org/wiki/A_(B)"'], []),
    ("bare_url_in_list_item", "链接：\n- https://example.org/a", ['<li><a href="https://example.org/a"'], []),
    ("bare_url_in_code_stays_code", "`https://example.org`", ["<code>https://example.org</code>"], ["<a"]),
    ("url_in_link_target_untouched", "[报名](https://example.org/a)", ['<a href="https://example.org/a"', ">报名</a>"], ["&lt;"]),
    ("bare_javascript_is_text", "javascript://example.org/%0aalert(1)", ["javascript://"], ["<a"]),
    # raw HTML stays text
    ("raw_html_is_text", "<b>粗</b>", ["&lt;b&gt;粗&lt;/b&gt;"], ["<b>"]),
]


def _html(text: str) -> str:
    return str(render_markdown(text)).replace("\n", "")


@pytest.mark.parametrize(("case", "markdown", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_markdown_reads_as_typed(case: str, markdown: str, present: list[str], absent: list[str]) -> None:
    html = _html(markdown)
    for fragment in present:
        assert fragment in html, f"{fragment!r} not in {html!r}"
    for fragment in absent:
        assert fragment not in html, f"{fragment!r} in {html!r}"


def test_every_footnote_link_has_its_target() -> None:
    """Each in-page link of a footnote body points at an id that is on the page, exactly once."""
    html = _html("甲[^1]乙[^b]丙[^1]\n\n[^1]: 一\n[^b]: 二")
    ids = re.findall(r' id="([^"]+)"', html)
    targets = re.findall(r' href="#([^"]+)"', html)
    assert len(ids) == len(set(ids)) and targets
    assert set(targets) <= set(ids)


def test_no_id_but_the_footnotes_survives() -> None:
    html = _html("# 标题 {#x}\n\n正文")
    assert ' id="' not in html


def test_footnote_links_work_within_the_built_page(make_site: MakeSite, tmp_path: Path) -> None:
    """On the published page (elder and 繁體 copies too, where OpenCC turns 办 into 辦 in both the link and
    the id) every in-page link of a footnote lands on exactly one element."""
    body = "补贴标准[^1]，申请方式[^办]。\n\n[^1]: 每户 200 元\n[^办]: 到社区服务站登记"
    content = make_site({"activities/a.md": "---\ntitle: 补贴\ndate: 2024-05-01\n---\n" + body + "\n"})
    out = tmp_path / "output"
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    pages = [p for p in out.rglob("activities/a/index.html") if "posters" not in p.parts]
    assert pages
    for page in pages:
        html = page.read_text("utf-8")
        ids = re.findall(r'\sid="([^"]+)"', html)
        targets = [t for t in re.findall(r'\shref="#([^"]+)"', html) if t.startswith("fn")]
        assert len(targets) == 4 and {t.split("-")[0] for t in targets} == {"fn", "fnref"}, targets
        assert all(ids.count(t) == 1 for t in targets), page


def test_a_body_summarised_while_planning_is_not_rendered_again_for_its_page() -> None:
    from sitegen.render.context import markdown_filter
    from sitegen.render.summary import summarize

    body = "活动时间：**周六上午**。\n\n地点在社区[活动室](https://example.org/)。"
    render_markdown.cache_clear()
    summarize.cache_clear()
    summarize(body)
    html = markdown_filter(body)
    info = render_markdown.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert html == render_markdown.__wrapped__(body)  # the remembered HTML is the HTML
