"""Garbage is never published (issue 10 §3): lost characters, mojibake runs and control characters are
refused at their line by `check`; emoji sequences survive every place invisible characters are removed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.render.builtin.feeds import xml_safe
from sitegen.validate.fields import clean_line, clean_text
from tests.conftest import SITE_YAML, MakeSite, error_lines, run

A = "---\ntitle: {title}\ndate: 2019-08-06\n---\n{body}\n"
W = "wish: {wish}\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"

# (case, files, site.yaml or None, PATH:LINE, a word of the English message, a word of the zh-Hans message)
REFUSED = [
    ("replacement_char_in_body", {"activities/a.md": A.format(title="ok", body="今天\ufffd\ufffd活动")}, None,
     "activities/a.md:5", "replacement", "替换符"),
    ("replacement_char_in_title", {"activities/a.md": A.format(title="七夕\ufffd", body="")}, None,
     "activities/a.md:2", "replacement", "替换符"),
    ("kun_jin_kao_in_body", {"activities/a.md": A.format(title="ok", body="第一行\n锟斤拷锟斤拷")}, None,
     "activities/a.md:6", "锟斤拷", "乱码"),
    ("tang_tang_tang_in_wish", {"wishes/w.yaml": W.format(wish="烫烫烫烫烫烫")}, None, "wishes/w.yaml:1", "烫烫烫", "乱码"),
    ("tun_tun_tun_in_site", {}, SITE_YAML + "intro: 屯屯屯屯\n", "site.yaml:4", "屯屯屯", "乱码"),
    ("bell_in_body", {"activities/a.md": A.format(title="ok", body="响铃\x07了")}, None, "activities/a.md:5", "U+0007", "U+0007"),
    ("form_feed_from_word", {"activities/a.md": A.format(title="ok", body="第一页\n\x0c第二页")}, None,
     "activities/a.md:6", "U+000C", "控制字符"),
    ("escape_in_title", {"activities/a.md": A.format(title="七夕\x1b[31m", body="")}, None, "activities/a.md:2", "U+001B", "控制字符"),
    ("delete_in_list_file", {"wishes/w.yaml": "- id: a\n" + "  " + W.format(wish="x\x7f").replace("\n", "\n  ").rstrip() + "\n"},
     None, "wishes/w.yaml:2", "U+007F", "控制字符"),
    ("c1_next_line", {"activities/a.md": A.format(title="ok", body="甲\x85乙")}, None, "activities/a.md:5", "U+0085", "控制字符"),
    ("c1_csi", {"activities/a.md": A.format(title="ok", body="甲\x9b乙")}, None, "activities/a.md:5", "U+009B", "控制字符"),
    ("vertical_tab_in_site", {}, SITE_YAML + "intro: 欢迎\x0b光临\n", "site.yaml:4", "U+000B", "控制字符"),
    ("control_in_page", {"pages/about.md": "---\ntitle: 关于\n---\n简介\x01\n"}, None, "pages/about.md:4", "U+0001", "控制字符"),
    # typed as YAML escapes: the file is clean text, the value is not
    ("replacement_char_as_yaml_escape", {"activities/a.md": '---\ntitle: "七夕\\uFFFD"\ndate: 2019-08-06\n---\n'}, None,
     "activities/a.md:2", "garbled", "乱码"),
    ("kun_jin_kao_as_yaml_escapes", {"wishes/w.yaml": W.format(wish='"\\u951F\\u65A4\\u62F7"')}, None,
     "wishes/w.yaml:1", "锟斤拷", "乱码"),
]


@pytest.mark.parametrize(("case", "files", "site", "where", "word_en", "word_zh"), REFUSED, ids=[c[0] for c in REFUSED])
def test_garbage_is_refused_at_its_line(make_site: MakeSite, case: str, files: dict[str, str], site: str | None,
                                        where: str, word_en: str, word_zh: str) -> None:
    content = make_site(files, site=site or SITE_YAML)
    en = run("check", "--content", str(content))
    assert en.exit_code == 1
    assert any(line.startswith(where + ": ") and word_en in line for line in error_lines(en)), en.stderr
    zh = run("check", "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert any(line.startswith(where + ": ") and word_zh in line for line in error_lines(zh)), zh.stderr
    assert "Traceback" not in en.output + zh.output


def test_every_garbled_line_of_a_file_in_one_run(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": A.format(title="ok", body="甲\x07\n乙\n锟斤拷\n丙\ufffd")})
    result = run("check", "--content", str(content))
    assert [line.split(": ")[0] for line in error_lines(result)] == ["activities/a.md:5", "activities/a.md:7", "activities/a.md:8"]


ACCEPTED = [
    ("two_tang_is_a_word", "水烫烫的，小心"),
    ("tab_and_newline", "第一列\t第二列\n第二行"),
    ("emoji_family", "全家福👨‍👩‍👧‍👦"),
    ("no_break_space_and_ideographic_space", "甲\u00a0乙\u3000丙"),
]


@pytest.mark.parametrize(("case", "body"), ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_ordinary_text_is_not_garbage(make_site: MakeSite, case: str, body: str) -> None:
    content = make_site({"activities/a.md": A.format(title="ok", body=body)})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0, result.stderr


EMOJI = [
    ("family", "👨\u200d👩\u200d👧\u200d👦"),
    ("health_worker", "👩\u200d⚕\ufe0f"),
    ("rainbow_flag", "🏳\ufe0f\u200d🌈"),
    ("skin_tone", "👍🏽"),
    ("people_holding_hands_two_tones", "🧑🏽\u200d🤝\u200d🧑🏻"),
    ("heart_on_fire", "❤\ufe0f\u200d🔥"),
    ("scotland_tag_sequence", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"),
    ("keycap", "1\ufe0f\u20e3"),
]


@pytest.mark.parametrize(("case", "emoji"), EMOJI, ids=[c[0] for c in EMOJI])
def test_emoji_sequences_stay_whole_where_invisible_characters_go(case: str, emoji: str) -> None:
    assert clean_line(f"感谢{emoji}志愿者") == f"感谢{emoji}志愿者"
    assert clean_text(f"感谢\n{emoji}") == f"感谢\n{emoji}"


STRIPPED = [
    ("zero_width_space_in_name", "周\u200b桂芳", "周桂芳"),
    ("joiner_between_han", "周\u200d桂芳", "周桂芳"),
    ("soft_hyphen", "周\u00ad桂芳", "周桂芳"),
    ("bidi_override", "甲\u202e乙", "甲乙"),
    ("joiner_at_the_end_of_an_emoji", "👍\u200d", "👍"),
    ("tag_without_flag", "甲\U000e0067", "甲"),
    ("bom_inside", "甲\ufeff乙", "甲乙"),
]


@pytest.mark.parametrize(("case", "typed", "kept"), STRIPPED, ids=[c[0] for c in STRIPPED])
def test_invisible_characters_outside_emoji_are_dropped(case: str, typed: str, kept: str) -> None:
    assert clean_line(typed) == kept


def test_emoji_reach_the_page_and_the_feed_whole(make_site: MakeSite, tmp_path: Path) -> None:
    family = EMOJI[0][1]
    content = make_site({"activities/a.md": A.format(title=f"全家福{family}", body=f"合影{family}"),
                         "wishes/w.yaml": W.format(wish=f"想要全家福{EMOJI[1][1]}")})
    out = tmp_path / "output"
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    page = (out / "activities" / "a" / "index.html").read_text("utf-8")
    assert f"全家福{family}" in page and f"合影{family}" in page
    feed = (out / "feed.xml").read_text("utf-8")
    titles = [e.text or "" for e in ET.fromstring(feed).iter("{http://www.w3.org/2005/Atom}title")]
    assert any(f"全家福{family}" in t for t in titles)
    assert EMOJI[1][1] in (out / "wishes" / "w" / "index.html").read_text("utf-8")


def test_a_control_character_never_reaches_feed_xml(make_site: MakeSite, tmp_path: Path) -> None:
    """Refused at check; the previous output (and its well-formed feed) stays as it was."""
    content = make_site({"activities/a.md": A.format(title="七夕", body="正文")})
    out = tmp_path / "output"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = (out / "feed.xml").read_bytes()
    (content / "activities" / "a.md").write_text(A.format(title="七夕", body="正文\x08\x0c后来"), encoding="utf-8")
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1
    assert (out / "feed.xml").read_bytes() == before
    ET.fromstring(before)


def test_xml_safe_drops_every_character_xml_forbids() -> None:
    every = "".join(chr(c) for c in range(0x20)) + "正文\ufffe\uffff" + "".join(chr(c) for c in range(0x7f, 0xa0))
    entry = f"<feed><title>{xml_safe(every)}</title></feed>"
    c1 = "".join(chr(c) for c in range(0x7f, 0xa0))  # allowed by XML 1.0; refused by the content check
    assert ET.fromstring(entry).findtext("title") == "\t\n\n正文" + c1  # the parser reads CR as LF
