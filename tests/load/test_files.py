"""Content files: encodings, BOM, front matter, list files, ignored names, size caps."""

from __future__ import annotations

import time

import pytest

from tests.conftest import MakeSite, error_lines, run

ACTIVITY = "---\ntitle: 七夕手工面点\ndate: 2019-08-06\n---\n正文。\n"


def check(content: object) -> tuple[int, list[str]]:
    result = run("check", "--content", str(content))
    return result.exit_code, error_lines(result)


def test_utf8_with_bom_is_accepted(make_site: MakeSite) -> None:
    content = make_site({"activities/qixi.md": b"\xef\xbb\xbf" + ACTIVITY.encode()})
    assert check(content) == (0, [])


def test_crlf_line_ends_are_accepted(make_site: MakeSite) -> None:
    content = make_site({"activities/qixi.md": ACTIVITY.replace("\n", "\r\n").encode()})
    assert check(content) == (0, [])


def test_gbk_file_is_named_with_line_and_encoding(make_site: MakeSite) -> None:
    text = "---\ntitle: 七夕手工面点活动\ndate: 2019-08-06\nplace: 滨湖春天小区党群活动室\n---\n"
    content = make_site({"activities/qixi.md": text.encode("gbk")})
    code, lines = check(content)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith("activities/qixi.md:2: ")
    assert "GBK" in lines[0] and "UTF-8" in lines[0]


def test_big5_file_is_named(make_site: MakeSite) -> None:
    text = "---\ntitle: 社區鄰里節活動與黨員志願服務\ndate: 2019-08-06\nplace: 濱湖春天小區黨群活動室\n---\n"
    content = make_site({"activities/qixi.md": text.encode("big5")})
    code, lines = check(content)
    assert code == 1 and "Big5" in lines[0]


# (how Notepad or another tool saved it, its bytes, the encoding the message names): each wide encoding is
# named as it is, with or without its byte order mark (a UTF-16 LE file without one was called GBK/GB18030,
# UTF-32 with its mark UTF-16)
WIDE = [
    ("UTF-16 with its mark (Notepad's Unicode)", ACTIVITY.encode("utf-16"), "UTF-16"),
    ("UTF-16 LE without a mark", ACTIVITY.encode("utf-16-le"), "UTF-16"),
    ("UTF-16 BE without a mark", ACTIVITY.encode("utf-16-be"), "UTF-16"),
    ("UTF-16 BE with its mark", b"\xfe\xff" + ACTIVITY.encode("utf-16-be"), "UTF-16"),
    ("UTF-32 with its mark", ACTIVITY.encode("utf-32"), "UTF-32"),
    ("UTF-32 LE without a mark", ACTIVITY.encode("utf-32-le"), "UTF-32"),
    ("UTF-16 LE without a mark, a full-width space", ACTIVITY.replace("正文。", "正文　。").encode("utf-16-le"), "UTF-16"),
    ("UTF-16 BE without a mark, no-break and zero-width spaces",
     ACTIVITY.replace("正文。", "正\u00a0文\u200b。").encode("utf-16-be"), "UTF-16"),
    ("UTF-16 LE, a list file of Chinese", "- title: 七夕手工面点\n  date: 2019-08-06\n".encode("utf-16-le"), "UTF-16"),
]


@pytest.mark.parametrize(("data", "named"), [w[1:] for w in WIDE], ids=[w[0] for w in WIDE])
def test_a_wide_encoding_is_named_as_it_is(make_site: MakeSite, data: bytes, named: str) -> None:
    content = make_site({"activities/qixi.md": data})
    code, lines = check(content)
    assert code == 1 and len(lines) == 1 and lines[0].startswith("activities/qixi.md: ")
    assert named in lines[0] and "GBK" not in lines[0] and ("UTF-16" not in lines[0] or named == "UTF-16")


def test_mojibake_is_caught_with_its_line(make_site: MakeSite) -> None:
    garbled = "望湖社区".encode().decode("gb18030")
    content = make_site({"activities/qixi.md": f"---\ntitle: ok\ndate: 2019-08-06\n---\n正文\n{garbled}\n"})
    code, lines = check(content)
    assert code == 1 and lines[0].startswith("activities/qixi.md:6: ") and "望湖社区" in lines[0]


def test_latin1_mojibake_is_caught(make_site: MakeSite) -> None:
    garbled = "望湖社区".encode().decode("cp1252")
    content = make_site({"activities/qixi.md": f"---\ntitle: {garbled}\ndate: 2019-08-06\n---\n"})
    code, lines = check(content)
    assert code == 1 and lines[0].startswith("activities/qixi.md:2: ")


def test_huge_file_is_refused_without_reading_it(make_site: MakeSite) -> None:
    content = make_site({"activities/qixi.md": ACTIVITY})
    with open(content / "activities" / "huge.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    code, lines = check(content)
    assert time.perf_counter() - started < 5
    assert code == 1 and lines[0].startswith("activities/huge.md: ") and "50.0 MB" in lines[0]


def test_front_matter_missing_and_unclosed(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "title: x\n", "activities/b.md": "---\ntitle: x\ndate: 2020-01-01\n"})
    code, lines = check(content)
    assert code == 1
    assert [line.split(": ")[0] for line in lines[:2]] == ["activities/a.md:1", "activities/b.md:1"]


def test_names_starting_with_dot_or_underscore_are_ignored(make_site: MakeSite) -> None:
    content = make_site({"activities/.broken.md": "\xff", "activities/_draft.md": "not yaml: [",
                         "activities/_notes/x.md": "junk", "activities/ok.md": ACTIVITY})
    assert check(content) == (0, [])


def test_other_files_get_a_warning_not_an_error(make_site: MakeSite) -> None:
    content = make_site({"activities/ok.md": ACTIVITY, "activities/list.xlsx": b"PK\x03\x04"})
    code, lines = check(content)
    assert code == 0 and lines[0].startswith("activities/list.xlsx: warning")


def test_list_file_needs_an_id_per_record(make_site: MakeSite) -> None:
    content = make_site({"activities/many.yaml": "- id: one\n  title: 一\n  date: 2024-01-01\n"
                                                 "- title: 二\n  date: 2024-01-02\n"})
    code, lines = check(content)
    assert code == 1 and lines[0].startswith("activities/many.yaml:4: ") and "id" in lines[0]


def test_empty_and_scalar_files(make_site: MakeSite) -> None:
    content = make_site({"activities/empty.yaml": "", "activities/scalar.yaml": "just text\n"})
    code, lines = check(content)
    assert code == 1
    assert lines[0].startswith("activities/empty.yaml: ") and lines[1].startswith("activities/scalar.yaml:1: ")


def test_missing_site_yaml(make_site: MakeSite) -> None:
    content = make_site({"activities/ok.md": ACTIVITY}, site=None)
    code, lines = check(content)
    assert code == 1 and lines[0].startswith("site.yaml: ")


def test_unknown_folder_gets_a_hint(make_site: MakeSite) -> None:
    content = make_site({"activity/ok.md": ACTIVITY})
    code, lines = check(content)
    assert code == 0 and lines[0].startswith("activity: warning") and "activities" in lines[0]


@pytest.mark.parametrize("name", ["a.MD", "b.Yml"])
def test_suffix_case_does_not_matter(make_site: MakeSite, name: str) -> None:
    body = ACTIVITY if name.lower().endswith(".md") else "title: 七夕\ndate: 2019-08-06\n"
    content = make_site({f"activities/{name}": body})
    assert check(content) == (0, [])


def test_duplicate_key_message_names_the_key(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\ntitle: 又一个\n---\n"})
    code, lines = check(content)
    assert code == 1 and lines[0].startswith("activities/a.md:4: ") and "“title”" in lines[0] and "line 2" in lines[0]
