"""The faster Markdown path gives the bytes of the full one (issue 15): a table of bodies, both paths.

render/markdown_inline.py passes over the inline patterns a text cannot match, and render/brackets.py
hides and shows its brackets with str.replace instead of str.translate. Each body below (and every
body of tests/render/test_markdown.py's CASES) is rendered by the stock Python-Markdown inline
processor and by ours, and the brackets are hidden and restored as str.translate did: the HTML must
be the same string.
"""

from __future__ import annotations

from typing import Final

import pytest
from markdown.treeprocessors import InlineProcessor

from sitegen.render import markdown as rendering
from sitegen.render.brackets import defuse_brackets, restore_brackets
from sitegen.render.markdown_inline import NEEDS, SkippingInlineProcessor, skipping_fits
from sitegen.render.typed import as_typed
from tests.render.test_markdown import CASES

BODIES: Final[list[tuple[str, str]]] = [
    ("plain_prose", "居民儿童电梯，帮助环境环境，和睦整治活动。\n\n业委会两委春节，培训单位中秋。"),
    ("lines_kept", "第一行\n第二行\n第三行"),
    ("hard_break", "第一行  \n第二行"),
    ("strong_em", "请**准时**到场，*自带*餐具，__务必__，_注意_安全"),
    ("lone_stars", "评分 * 五星 * 好评 ** 3 *** 4"),
    ("underscore_in_word", "文件名 a_b_c.txt 与 snake_case"),
    ("code_span", "命令 `ls -l` 与 ``a`b`` 和 \\`转义\\`"),
    ("escapes", "价格 \\*10\\* 元，\\[不是链接\\]，\\\\ 反斜杠"),
    ("links", "详见[通知](https://example.org/a?b=1&c=2 \"标题\")与[社区](../places/x/)"),
    ("reference_link", "见[公告][1]和[简写]\n\n[1]: https://example.org\n[简写]: /activities/a/"),
    ("images_shown_as_text", "![照片](media/a.jpg) 和 ![参考][r]\n\n[r]: media/b.jpg"),
    ("autolinks", "网址 <https://example.org/x> 邮箱 <wy@example.org> 与 <不是链接>"),
    ("entities", "A&amp;B &#21016; &#x5218; &copy; 与 & 单独"),
    ("footnotes", "注[^1]，再注[^a]\n\n[^1]: 说明一\n[^a]: 说明 **二**"),
    ("names_both_scripts", "感谢刘晓风、劉曉風和俞晓风的帮助，王五（张一鸣）来了"),
    ("traditional_text", "社區議事會決議：電梯加裝，樓棟長負責聯繫。"),
    ("wisher_names", "心愿人：陈**，认领人：劉曉風\n心愿：轮椅一台"),
    ("hidden_phones", "电话 138****5678，１３８０５５１５６７８，一三八〇五五一五六七八，0551-62001234"),
    ("brackets_unclosed", "[未闭合 (括号 [[[ ((( 与 【中文】（全角）"),
    ("brackets_nested", "[[a](b)](c) 和 [x]([y](z))"),
    ("table", "| 项目 | 时间 |\n|:--|--:|\n| 签到 | 9:00 |\n| **合影** | 10:30 |"),
    ("fenced_code", "```python\nprint('[不处理]')\n```\n\n正文*强调*"),
    ("quote_and_list", "> 引用**一**\n> 第二行\n\n- 项[链接](a/)\n- 项 `码`"),
    ("placeholder_like", "\x02klzzwxh:0000\x03 不是占位"),
    ("html_as_text", "<script>alert(1)</script> <b>粗</b> &lt;i&gt;"),
    ("empty_lines_only", "\n\n   \n"),
    # i-break10: attacks on the skipping pass (held): punctuation that looks like markup but is not
    # what a pattern starts from, markup right against Chinese text, texts a match changes
    ("fullwidth_lookalikes", "＊强调＊ ［链接］（网址） ＆amp； ‹不是› ＜尖＞ ＼转义 ｀码｀ ＿下划＿ ！［图］"),
    ("entities_every_form", "&amp;&lt;&gt;&quot;&#39;&#x4E2D;&#20013;&nbsp;&copy &;&#;&#x; &AMP; &中文; a&b;c"),
    ("escape_every_char", "\\\\ \\` \\* \\_ \\{ \\} \\[ \\] \\( \\) \\# \\+ \\- \\. \\! \\< \\> \\& \\中 \\"),
    ("escaped_backticks", "\\\\`码` \\\\\\`不是` ``a\\`` `\\`"),
    ("nested_emphasis", "***粗斜*** **粗*斜*粗** *斜**粗**斜* __粗_斜_粗__ _斜__粗__斜_ **未闭合 *也未 ***"),
    ("emphasis_against_chinese", "这是**重点**内容，那是*斜体*。中间_下划_线，结尾**粗体。**开头"),
    ("links_against_chinese", "请看[通知](a/)。见[附件](https://example.org/附件.pdf)和[空]()以及[链](<a b>)"),
    ("link_with_markup_inside", "[**粗**与`码`与&amp;](a/ \"标*题*\") [_斜_][r] [r]\n\n[r]: /r/ '标题'"),
    ("autolinks_odd", "<http://a> <HTTPS://例子.中国/路径?a=1&b=2> <mailto:a@b.c> <a@b> <a b@c> <ftp://x/> <1http://x>"),
    ("nl2br_lines", "一\n二  \n三\\\n四\n\n五\n"),
    ("footnotes_odd", "注[^注一][^2] [^缺] [^]\n\n[^注一]: 说明[链接](a/) **粗**\n[^2]: 第二\n    续行"),
    ("placeholder_after_match", "`码`*强*`码`[链](a/)&amp;<https://e.org>\\*`码`"),
    ("stx_etx_lookalike", "\u0002klzzwxh:0001\u0003 与 \u00020\u0003 与 klzzwxh:9999"),
    ("only_one_needed_char_each", "*"),
    ("underscore_only", "_"),
    ("backslash_only", "\\"),
    ("ampersand_only", "&"),
    ("angle_only", "<"),
    ("long_prose_one_star", "居民议事。" * 3000 + "*一*" + "邻里守望。" * 3000),
    ("long_mixed", ("**会议**纪要：[详情](a/) &amp; `码` <https://e.org/x>\n" + "社区服务。" * 50 + "\n\n") * 60),
]
ALL: Final = BODIES + [(case, markdown) for case, markdown, _, _ in CASES]


def _stock_converter():  # type: ignore[no-untyped-def]
    """Our converter with Python-Markdown's own inline processor put back."""
    converter = rendering._converter.__wrapped__()
    converter.treeprocessors.register(InlineProcessor(converter), "inline", rendering.INLINE_PRIORITY)
    return converter


def _translate_defuse(text: str) -> str:
    """defuse_brackets as it was: str.translate drops the two hiding characters first."""
    dropped = text.translate(dict.fromkeys(map(ord, "\x0e\x0f")))
    return defuse_brackets(dropped)


@pytest.mark.parametrize(("case", "body"), ALL, ids=[c[0] for c in ALL])
def test_skipping_inline_pass_gives_the_stock_html(case: str, body: str) -> None:
    stock, ours = _stock_converter(), rendering._converter.__wrapped__()
    assert isinstance(ours.treeprocessors["inline"], SkippingInlineProcessor)
    text = defuse_brackets(as_typed(body))
    for _ in range(2):  # and again after a reset, as render_markdown uses one converter for every body
        stock.reset()
        ours.reset()
        assert ours.convert(text) == stock.convert(text), case


@pytest.mark.parametrize(("case", "body"), [*ALL, ("hidden_chars", "a\x0eb\x0f[c](d"), ("only_hidden", "\x0e\x0f")],
                         ids=[c[0] for c in ALL] + ["hidden_chars", "only_hidden"])
def test_brackets_hidden_and_shown_as_translate_did(case: str, body: str) -> None:
    assert defuse_brackets(body) == _translate_defuse(body), case
    hidden = defuse_brackets(body)
    assert restore_brackets(hidden) == hidden.translate(str.maketrans({"\x0e": "[", "\x0f": "("})), case


def test_every_inline_pattern_of_ours_is_known() -> None:
    """A pattern added by a new extension is tried always; this names it so NEEDS can be extended."""
    patterns = rendering._converter().inlinePatterns
    assert sorted(item.name for item in patterns._priority) == sorted(name for name in NEEDS if name in patterns)


@pytest.mark.parametrize("name", sorted(NEEDS))
def test_each_pattern_needs_one_of_its_characters(name: str) -> None:
    """Every character class a pattern can start with holds one of NEEDS's characters: its regex's
    own text names one of them (escaped or not)."""
    patterns = rendering._converter().inlinePatterns
    if name not in patterns:
        pytest.skip(f"{name}: not registered by this Python-Markdown")
    source = patterns[name].compiled_re.pattern
    assert any(c in source or repr(c)[1:-1] in source for c in NEEDS[name]), (name, source)


def _limits_paragraph_by_paragraph(body: str) -> tuple[str, int, dict[str, object]] | None:
    """validate/body.over_limits without its whole-body bound: every paragraph summed."""
    from sitegen.validate import body as limits
    if body.count("\n") + 1 > limits.MAX_LINES or len(body) > limits.MAX_CHARACTERS:
        return limits.over_limits(body)
    work = 0
    for offset, paragraph in limits._paragraphs(body):
        work += sum(paragraph.count(ch) for ch in limits._MARKUP) * len(paragraph)
        if work > limits.MAX_INLINE_WORK:
            return "body.too_dense", offset, {}
    return None


DENSE: Final = [
    ("dense_one_paragraph", "**粗**" * 4000),
    ("dense_after_prose", "正文。\n\n" * 10 + "[a](b)" * 9000),
    ("dense_split_under", ("*a*" * 2000 + "\n\n") * 8),
    ("just_over_whole_bound", ("_" * 3000 + "字" * 3000 + "\n\n") * 3),
]


@pytest.mark.parametrize(("case", "body"), ALL + DENSE, ids=[c[0] for c in ALL + DENSE])
def test_body_limits_bound_gives_the_paragraph_sum(case: str, body: str) -> None:
    from sitegen.validate.body import over_limits
    assert over_limits(body) == _limits_paragraph_by_paragraph(body), case


@pytest.mark.parametrize("text", ["2026年12月21日", " 15:00", "", "  ", " <a&b>'\"", "周一（一）", "\u3000x"])
def test_dates_kept_whole_as_markup_format_made_them(text: str) -> None:
    from markupsafe import Markup

    from sitegen.render.context import _whole
    made = Markup.escape(text[:len(text) - len(text.lstrip())]) + Markup('<span class="nowrap">{}</span>').format(text.lstrip())
    expected = Markup.escape(text) if not text.lstrip() else made
    assert _whole(text) == expected and isinstance(_whole(text), Markup)


# the skipping pass runs only on the Python-Markdown releases whose loop it copies
FITS = [((3, 5), True), ((3, 8, 2), True), ((3, 11, 3), True), ((3, 4), False), ((3, 12), False), ((4, 0), False)]


@pytest.mark.parametrize(("version", "fits"), FITS)
def test_the_skipping_pass_is_used_only_on_the_releases_it_copies(version: tuple[int, ...], fits: bool) -> None:
    assert skipping_fits(version) is fits


def test_the_installed_release_uses_the_skipping_pass() -> None:
    from sitegen.render.markdown import _converter

    inline = _converter().treeprocessors["inline"]
    assert isinstance(inline, SkippingInlineProcessor) is skipping_fits()
    assert skipping_fits(), "Python-Markdown outside TESTED: read its InlineProcessor loop and widen TESTED"
