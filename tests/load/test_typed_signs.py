"""Signs workers type at the start of a value or after a space, which YAML reads as syntax: named at
their line with the value quoted as it should be written (sitegen/load/slips.py `_indicator_first`,
`comment_slips`). Before, `title: @全体居民 …` got the generic "cannot be read here", `[通知]明天停水`
was told its indentation was wrong, and `tags: #邻里节` or `title: #邻里节#活动回顾` (a WeChat topic)
were read as comments: the words silently lost, the build published without them."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from sitegen.load.yamlfile import parse_yaml
from tests.conftest import MakeSite, error_lines, run

# (value of `title:` as typed, message key, the value as the message says to write it)
SIGNS = [
    ("@全体居民 明天停水", "yaml.indicator", '"@全体居民 明天停水"'),
    ("*重要* 明天停水", "yaml.indicator", '"*重要* 明天停水"'),
    ("%通知 明天停水", "yaml.indicator", '"%通知 明天停水"'),
    ("!重要 通知", "yaml.indicator", '"!重要 通知"'),
    ("&通知 明天", "yaml.indicator", '"&通知 明天"'),
    ("`通知` 明天", "yaml.indicator", '"`通知` 明天"'),
    ("|重要 通知", "yaml.indicator", '"|重要 通知"'),
    ("[通知]明天停水", "yaml.indicator", '"[通知]明天停水"'),
    ("{紧急}明天停水", "yaml.indicator", '"{紧急}明天停水"'),
    ('@说 "你好"', "yaml.indicator", "'@说 \"你好\"'"),
    ("#邻里节#活动回顾", "yaml.hash_comment", '"#邻里节#活动回顾"'),
    ("第2期 #邻里节", "yaml.hash_comment", '"第2期 #邻里节"'),
]

# Read as typed, nothing to say: a comment as the templates write one, `#` inside a word or quotes.
FINE = [("邻里节   # 活动名称", "邻里节"), ("邻里节 # 注释", "邻里节"), ("第2期#邻里节", "第2期#邻里节"),
        ('"#邻里节#活动回顾"', "#邻里节#活动回顾"), ("'a #b'", "a #b"), ("C# 编程课", "C# 编程课")]


@pytest.mark.parametrize(("typed", "key", "quoted"), SIGNS, ids=[s[0] for s in SIGNS])
def test_a_sign_yaml_reads_as_syntax_is_named_with_the_quoted_value(typed: str, key: str, quoted: str) -> None:
    text = f"title: {typed}\ndate: 2026-05-01\n"
    located, problems = parse_yaml(text, PurePosixPath("activities/a.md"), first_line=2)
    assert located is None
    assert [(p.line, p.key, p.args["quoted"]) for p in problems] == [(2, key, quoted)]


@pytest.mark.parametrize(("where", "text", "line"), [
    ("a list item", "tags:\n  - 邻里节 #七夕\n", 2),
    ("a list on one line", "tags: [邻里节, 七夕] #重要\n", 1),
    ("an empty value", "tags: #邻里节\n", 1),
    ("a nested field", "meeting:\n  place: 会议室 #3\n", 2),
])
def test_words_taken_for_a_comment_are_named(where: str, text: str, line: int) -> None:
    located, problems = parse_yaml(text, PurePosixPath("a.yaml"))
    assert located is None and [(p.line, p.key) for p in problems] == [(line, "yaml.hash_comment")], where


@pytest.mark.parametrize(("typed", "read"), FINE, ids=[f[0] for f in FINE])
def test_comments_and_hashes_inside_text_are_read_as_typed(typed: str, read: str) -> None:
    located, problems = parse_yaml(f"title: {typed}\nbody: |\n  #话题 在文字块里\n  第二行 #x\n", PurePosixPath("a.yaml"))
    assert problems == [] and located is not None
    assert located.data == {"title": read, "body": "#话题 在文字块里\n第二行 #x\n"}


@pytest.mark.parametrize(("language", "words"), [("zh-Hans", "英文引号"), ("en", "quotes"), ("zh-Hant", "英文引號")])
def test_a_lost_topic_stops_the_build_at_its_line(make_site: MakeSite, language: str, words: str) -> None:
    site = make_site({"activities/a.md": "---\ntitle: #邻里节#活动回顾\ndate: 2026-05-01\n---\n正文。\n",
                      "activities/b.md": "---\ntitle: @全体居民 明天停水\ndate: 2026-05-01\n---\n正文。\n"})
    result = run("--lang", language, "check", "--content", str(site))
    assert result.exit_code == 1
    lines = error_lines(result)
    assert [line.split(": ", 1)[0] for line in lines if line.startswith("activities/")] == ["activities/a.md:2", "activities/b.md:2"]
    assert all(words in line for line in lines if line.startswith("activities/")), lines
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("typed", "quoted"), [("#邻里节", "[邻里节]"), ("#邻里节 #七夕", "[邻里节, 七夕]"),
                                               ("#邻里节#", "[邻里节]")])
def test_hashtags_as_tags_are_told_as_a_list_of_the_tags(typed: str, quoted: str) -> None:
    """The newcomer wrote tags: "#邻里节" as first told: a new tag ##邻里节 took tags/linlijie/ and moved
    the real 邻里节 tag's page to tags/linlijie-2/. The advice is the tags themselves."""
    located, problems = parse_yaml(f"title: x\ntags: {typed}\n", PurePosixPath("a.yaml"))
    assert located is None and [(p.key, p.args["quoted"]) for p in problems] == [("yaml.hash_comment", quoted)]
