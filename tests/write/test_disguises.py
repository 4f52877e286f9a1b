"""Names and phones cannot be disguised past the scan (issue 12 §3).

Each disguise of a wisher's full name or of a hidden phone must be caught in every kind of file
the site publishes; each innocent text must not be. The tables are the test: add a row per trick.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.model.records import Secrets
from sitegen.validate.disguise import fold
from sitegen.validate.privacy import name_variants, script_chars
from sitegen.write.leaks import LeakScanner
from tests.conftest import SITE_YAML, MakeSite, error_lines, run, tree_bytes

SCANNER = LeakScanner(Secrets(names=frozenset({"俞晓风", *name_variants("劉曉東")}),
                              script_chars=tuple(script_chars(name_variants("劉曉東")).items()),
                              web_hidden_phones=frozenset({"13805515678"}),
                              poster_hidden_phones=frozenset()))

# (file, text): every one of these publishes 俞晓风, 劉曉東 or 13805515678.
DISGUISES = [
    ("wishes/a/index.html", "<p>感谢俞\u200b晓风</p>"),  # zero-width space
    ("wishes/a/index.html", "<p>感谢俞\u00ad晓风</p>"),  # soft hyphen
    ("wishes/a/index.html", "<p>感谢俞\u2060晓\ufeff风</p>"),  # word joiner, BOM
    ("wishes/a/index.html", "<p>感谢俞<strong>晓风</strong></p>"),  # 俞**晓风**
    ("wishes/a/index.html", '<p><a href="https://x.example/">俞</a>晓风</p>'),  # [俞](…)晓风
    ("wishes/a/index.html", "<p>感谢&#20446;&#x6653;风</p>"),  # entities
    ("wishes/a/index.html", '<img alt="&#20446;晓风" src="a.jpg">'),  # an attribute
    ("wishes/a/index.html", "<p>感谢俞 晓　风</p>"),  # ideographic space
    ("feed.xml", "<content type=\"html\">&lt;p&gt;俞&lt;strong&gt;晓风&lt;/strong&gt;&lt;/p&gt;</content>"),
    ("activities.ics", "SUMMARY:感谢俞\r\n 晓风\r\n"),  # a folded calendar line
    ("static/data.js", 'var d = {"t": "\\u4fde\\u6653\\u98ce"};'),  # JSON escapes
    ("sitemap.xml", "<loc>https://x.example/?q=%E4%BF%9E%E6%99%93%E9%A3%8E</loc>"),  # percent-escapes
    ("wishes/a/index.html", "<p>刘晓东的心愿</p>"),  # written in Traditional, published Simplified
    ("zh-hant/wishes/a/index.html", "<p>劉曉東的心願</p>"),
    ("wishes/a/index.html", "<p>劉曉东</p>"),  # the scripts mixed
    # phones: 12 spellings
    ("activities/a/index.html", "电话 138 0551 5678"),
    ("activities/a/index.html", "电话 138-0551-5678"),
    ("activities/a/index.html", "电话 138.0551.5678"),
    ("activities/a/index.html", "电话 １３８０５５１５６７８"),
    ("activities/a/index.html", "电话 138–0551—5678"),  # en and em dash
    ("activities/a/index.html", "电话 138/0551/5678"),
    ("activities/a/index.html", "电话 138_0551_5678"),
    ("activities/a/index.html", "电话 138,0551,5678"),
    ("activities/a/index.html", "电话 138·0551·5678"),
    ("activities/a/index.html", "电话 (138)0551-5678"),
    ("activities/a/index.html", "电话 【138】0551 5678"),
    ("activities/a/index.html", '<a href="tel:+86-138-0551-5678">打电话</a>'),
    ("activities/a/index.html", '<a href="tel:%31%33%38%30%35%35%31%35%36%37%38">打电话</a>'),
    ("activities/a/index.html", "电话 138\u200b0551\u200b5678"),
    ("activities/a/index.html", "电话 138<b>0551</b>5678"),
    ("activities/a/index.html", "<p>138</p>\n<p>0551</p>\n<p>5678</p>"),  # one group a line, as read
    ("activities/a/index.html", "电话 &#49;3805515678"),
    ("activities/a/index.html", "电话 ١٣٨٠٥٥١٥٦٧٨"),  # Arabic-Indic digits
    ("activities/a/index.html", '<span title="138 0551 5678">x</span>'),
    ("feed.xml", "<summary>电话 138.0551.5678</summary>"),
    ("activities.ics", "DESCRIPTION:电话 138\\,0551\\,5678\r\n"),
    ("sitemap.xml", "<loc>https://x.example/138-0551-5678/</loc>"),
    ("static/data.json", '{"phone": "138 0551 5678"}'),
    ("robots.txt", "# 138.0551.5678"),
    # Chinese numerals, as a number is read aloud or written on a receipt (disguise.numerals_as_digits)
    ("activities/a/index.html", "电话 一三八〇五五一五六七八"),
    ("activities/a/index.html", "电话 一三八零五五一五六七八"),
    ("activities/a/index.html", "电话 幺三八-〇五五幺-五六七八"),  # 幺 for 1, as read aloud
    ("activities/a/index.html", "电话 壹叁捌零伍伍壹伍陆柒捌"),  # the capitals of a receipt
    ("zh-hant/activities/a/index.html", "電話 壹參捌零伍伍壹伍陸柒捌"),
    ("activities/a/index.html", "电话 138零五五一5678"),  # mixed with digits
    ("activities/a/index.html", "电话 1380551567八"),  # one numeral at the end
    ("activities/a/index.html", "电话 一三八 〇五五一 五六七八"),
    ("activities/a/index.html", "电话 一三八、〇五五一、五六七八"),
    ("activities/a/index.html", "电话 １３８〇五五一５６７８"),  # full-width digits and numerals
    ("activities/a/index.html", "电话 一三八<b>〇五五一</b>五六七八"),
    ("feed.xml", "<summary>电话 一三八〇五五一五六七八</summary>"),
    ("activities.ics", "DESCRIPTION:电话 一三八〇五五\r\n 一五六七八\r\n"),  # a folded calendar line
    # (i-break5) numerals with whatever may stand between two digits, and digits NFKC leaves alone
    ("activities/a/index.html", "电话 一三八，〇五五一，五六七八"),  # full-width commas
    ("activities/a/index.html", "电话 一三八,〇五五一,五六七八"),
    ("activities/a/index.html", "电话 【一三八】〇五五一五六七八"),
    ("activities/a/index.html", "电话 一三八〔〇五五一〕五六七八"),
    ("activities/a/index.html", "电话 一三八“〇五五一”五六七八"),
    ("activities/a/index.html", "电话 一三八：〇五五一：五六七八"),
    ("activities/a/index.html", "电话 一三八**〇五五一**五六七八"),
    ("activities/a/index.html", "电话 一三八◯五五一五六七八"),  # U+25EF, often typed for 〇
    ("activities/a/index.html", "电话 一三八O五五一五六七八"),  # the letter O for 零
    ("activities/a/index.html", "电话 一三八Ｏ五五一五六七八"),
    ("activities/a/index.html", "电话 ❶❸❽⓿❺❺❶❺❻❼❽"),  # dingbat digits (NFKC keeps them)
    ("activities/a/index.html", "电话 ➀➂➇0551➄➅➆➇"),
    ("static/search.json", '[["a","电话 一三八，〇五五一，五六七八"],["b","x"]]'),
    # (i-break8) joining marks between a name's characters, scripts mixed (disguise._JOINED_IDEOGRAPHS)
    ("wishes/a/index.html", "<p>感谢劉_曉_东</p>"),
    ("wishes/a/index.html", "<p>感谢俞_晓_风</p>"),
    ("wishes/a/index.html", "<p>感谢俞\\晓\\风</p>"),  # an escaped Markdown underscore's backslash
    ("wishes/a/index.html", "<p>感谢俞·晓·风</p>"),
    ("wishes/a/index.html", "<p>感谢俞—晓——风</p>"),
    ("wishes/a/index.html", "<p>感谢俞－晓－风</p>"),  # full-width hyphen (NFKC: -)
    ("wishes/a/index.html", "<p>感谢刘_曉\n_东</p>"),
]

# (file, text): none of these may be flagged.
INNOCENT = [
    ("wishes/a/index.html", "<p>俞**的心愿</p>"),
    ("wishes/a/index.html", "<p>俞晓 的朋友 风</p>".replace(" 的朋友 ", "的朋友")),
    ("activities/a/index.html", "电话 138****5678"),
    ("activities/a/index.html", "电话 138 **** 5678"),
    ("activities/a/index.html", "2024-06-01 至 2024-06-03, 共 138 人"),
    ("activities/a/index.html", "活动编号 13805515679"),  # one digit off
    ("activities/a/index.html", "138 人参加, 0551 是区号, 5678 元"),  # more than three separators apart
    ("activities.ics", "DTSTART:20240601T090000\r\nDTEND:20240601T110000\r\n"),
    ("feed.xml", "<updated>2024-06-01T09:00:00+08:00</updated>"),
    ("wishes/a/index.html", "<p>👨\u200d👩\u200d👧 一家人</p>"),  # an emoji ZWJ sequence
    ("activities/a/index.html", "二〇二四年六月一日 一起来"),  # a date in numerals
    ("activities/a/index.html", "一三八〇五五一五六七九"),  # one numeral off
    ("activities/a/index.html", "一三八 人, 〇五五一 是区号, 五六七八 元"),  # apart by words
    ("wishes/a/index.html", "<p>小俞，晓风也来了</p>"),  # (i-break8) a comma ends a word: no joining mark
    ("wishes/a/index.html", "<p>俞____晓风</p>"),  # more than three marks apart
    ("activities/a/index.html", "一二三四五六七八九十"),  # counting
    ("wishes/a/index.html", "<p>俞晓风一三八〇五五一五六七九</p>".replace("俞晓风", "俞**")),
    ("activities/a/index.html", "一三八，〇五五一，五六七九"),  # one numeral off, commas between
    ("activities/a/index.html", "第一三八号，〇五五一 室，五六七八 元"),  # apart by words
    ("activities/a/index.html", "Ⅰ③⑧½ 二〇二四年"),  # numbers with no digit value stay as they are
    ("static/search.json", '[["一三八","〇五五一"],["五六七八","x"]]'),  # apart across a search data cut
]


@pytest.mark.parametrize(("path", "text"), DISGUISES)
def test_every_disguise_is_caught(path: str, text: str) -> None:
    assert SCANNER.scan(path, text.encode("utf-8")) is not None, (path, text, fold(text))


@pytest.mark.parametrize(("path", "text"), INNOCENT)
def test_innocent_text_is_not_flagged(path: str, text: str) -> None:
    assert SCANNER.scan(path, text.encode("utf-8")) is None, (path, text, fold(text))


def test_name_variants_go_both_ways() -> None:
    assert {"劉曉東", "刘晓东"} <= name_variants("劉曉東")
    assert {"俞晓风", "俞曉風"} <= name_variants("俞晓风")


WISH = "wish: 助行器\nwisher: {name}\nposted_on: 2026-10-18\nstatus: open\n"
ACTIVITY = "---\ntitle: 七夕\ndate: 2019-08-06\n{extra}---\n{body}"
# (wisher, activity front matter line, body line, where the check must point)
SOURCE_CASES = [
    ("俞晓风", "", "感谢俞\u200b晓风\n", "activities/a.md:5"),
    ("俞晓风", "", "感谢俞\u00ad晓风\n", "activities/a.md:5"),
    ("俞晓风", "", "感谢俞**晓风**\n", "activities/a.md:5"),
    ("俞晓风", "", "感谢[俞](https://x.example/)晓风\n", "activities/a.md:5"),
    ("俞晓风", "", "感谢俞_晓风_\n", "activities/a.md:5"),
    ("俞晓风", "organizer: 俞\u200b晓风\n", "", "activities/a.md:4"),
    ("劉曉東", "organizer: 刘晓东\n", "", "activities/a.md:4"),  # Traditional wisher, Simplified elsewhere
    ("刘晓东", "organizer: 劉曉東\n", "", "activities/a.md:4"),
    # (i-break8) joining marks between the characters, scripts mixed
    ("劉晓风", "organizer: 劉_晓_风\n", "", "activities/a.md:4"),
    ("劉晓风", "organizer: 刘·曉·風\n", "", "activities/a.md:4"),
    ("劉晓风", "", "感谢劉\\_晓\\_风\n", "activities/a.md:5"),  # shown as 劉_晓_风
    ("劉晓风", "", "感谢刘—曉—风\n", "activities/a.md:5"),
    # (i-break8) a name split over a list's items, which the search index and the page run together
    ("劉晓风", "partners: [劉, 晓风]\n", "", "activities/a.md:4"),
    ("俞晓风", "partners:\n- 俞\n- 晓风\n", "", "activities/a.md:4"),
    ("劉晓风", "tags: [劉, 曉風]\n", "", "activities/a.md:4"),
]


@pytest.mark.parametrize(("name", "extra", "body", "where"), SOURCE_CASES)
@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant"])
def test_a_disguised_name_is_a_content_error(make_site: MakeSite, tmp_path: Path, name: str, extra: str,
                                             body: str, where: str, language: str) -> None:
    site = SITE_YAML + f"language: {language}\n"
    content = make_site({"wishes/w.yaml": WISH.format(name=name),
                         "activities/a.md": ACTIVITY.format(extra=extra, body=body)}, site=site)
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith(where + ":") and "**, wishes/w.yaml:2" in line for line in error_lines(result)), result.stderr


PHONE_BODIES = [
    "电话 138.0551.5678", "电话 １３８０５５１５６７８", "电话 138–0551–5678", "电话 138—0551—5678",
    "电话 138/0551/5678", "电话 138_0551_5678", "电话 138,0551,5678", "电话 138·0551·5678",
    "电话 (138) 0551 5678", "[打电话](tel:138-0551-5678)", "电话 138\u200b05515678",
    "电话 一三八〇五五一五六七八", "电话 幺三八-零五五幺-五六七八", "电话 138零五五一5678", "电话 壹叁捌零伍伍壹伍陆柒捌",
    "电话 一三八，〇五五一，五六七八", "电话 一三八◯五五一五六七八", "电话 ❶❸❽⓿❺❺❶❺❻❼❽",
]

# (i-break5) (activity front matter line, body, where `check` must point): every number the output
# scan would stop is named at its source line, however the text around its digits reads on the page.
PHONE_SOURCES = [
    ("", "电话 一三八，〇五五一，五六七八\n", "activities/a.md:5"),
    ("", "电话 138，0551，5678\n", "activities/a.md:5"),
    ("", "电话 138、0551、5678\n", "activities/a.md:5"),
    ("", "电话 一三八<br>〇五五一<br>五六七八\n", "activities/a.md:5"),
    ("", "电话 一三八\u200b〇五五一五六七八\n", "activities/a.md:5"),
    ("", "电话 ①③⑧⓪⑤⑤①⑤⑥⑦⑧\n", "activities/a.md:5"),
    ("", "电话 &#49;38 0551 5678\n", "activities/a.md:5"),
    ("", "第一行\n电话 138\n0551\n5678\n", "activities/a.md:5"),  # one paragraph over three lines
    ("place: 一三八〔〇五五一〕五六七八\n", "", "activities/a.md:4"),
    ("organizer: ❶❸❽⓿❺❺❶❺❻❼❽\n", "", "activities/a.md:4"),
    ("tags: [邻里, 幺三八O五五幺五六七八]\n", "", "activities/a.md:4"),
    # (i-break8) a number split over a list's items, which the search index and the page run together
    ('partners: ["138", "0551", "5678"]\n', "", "activities/a.md:4"),
    ("partners:\n- 一三八\n- 〇五五一\n- 五六七八\n", "", "activities/a.md:4"),
]


@pytest.mark.parametrize(("extra", "body", "where"), PHONE_SOURCES)
def test_a_hidden_phone_is_named_at_its_line(make_site: MakeSite, tmp_path: Path, extra: str, body: str,
                                             where: str) -> None:
    disclosure = "name: 张建国\nrole: 单元长\nphone: 13805515678\nshow_phone: masked\n"
    content = make_site({"disclosures/d.yaml": disclosure, "activities/a.md": ACTIVITY.format(extra=extra, body=body)})
    result = run("check", "--content", str(content))
    assert result.exit_code == 1, result.output
    assert any(line.startswith(where + ":") and "138****5678" in line for line in error_lines(result)), result.stderr


@pytest.mark.parametrize("body", PHONE_BODIES)
@pytest.mark.parametrize("show", ["masked", "none"])
def test_a_hidden_phone_is_never_published(make_site: MakeSite, tmp_path: Path, body: str, show: str) -> None:
    """Whatever stops it (the content check or the last gate), no output holds the number and the
    previous output stays as it was."""
    disclosure = f"name: 张建国\nrole: 单元长\nphone: 13805515678\nshow_phone: {show}\n"
    content = make_site({"disclosures/d.yaml": disclosure})
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    (content / "activities").mkdir()
    (content / "activities" / "a.md").write_text(ACTIVITY.format(extra="", body=body + "\n"), encoding="utf-8")
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "138****5678" in result.stderr
    assert tree_bytes(out) == before
