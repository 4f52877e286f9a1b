"""Pathological input is refused fast, as a content error at its line (issue 12 §5).

Each case: files → the PATH:LINE the error must point at and a word its message must hold, in
English and in Simplified Chinese. None may exit 70 (internal error) or write anything.
"""

from __future__ import annotations

import errno
import io
import time
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import SITE_YAML, MakeSite, error_lines, run, tree_bytes

A = "---\ntitle: 七夕\ndate: {date}\n{extra}---\n"
W = "wish: 助行器\nwisher: 周桂芳\nposted_on: {date}\nstatus: open\n{extra}"
L = "title: 广场舞噪音\nraised_on: 2020-04-07\nstatus: proposed\n{extra}"
D = "name: 张建国\nrole: 单元长\n{extra}"


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


# (case, files, site.yaml or None, where, English word, Chinese word)
CASES = [
    ("date_9999", {"activities/a.md": A.format(date="9999-12-31", extra="")}, None, "activities/a.md:3", "year", "年份"),
    ("date_0001", {"activities/a.md": A.format(date="0001-01-01", extra="")}, None, "activities/a.md:3", "year", "年份"),
    ("datetime_9999", {"activities/a.md": A.format(date="9999-12-31 23:30", extra="")}, None, "activities/a.md:3", "year", "年份"),
    ("end_9999", {"activities/a.md": A.format(date="2024-01-01", extra="end: 9999-12-31 23:59\n")}, None,
     "activities/a.md:4", "year", "年份"),
    ("wish_posted_9999", {"wishes/w.yaml": W.format(date="9999-12-31", extra="")}, None, "wishes/w.yaml:3", "year", "年份"),
    ("timeline_9999", {"deliberations/l.yaml": L.format(extra="timeline:\n  - date: 9999-12-31\n    note: a\n")}, None,
     "deliberations/l.yaml:5", "year", "年份"),
    ("since_9999", {"disclosures/d.yaml": D.format(extra="since: 9999-12-31\n")}, None, "disclosures/d.yaml:3", "year", "年份"),
    ("participants_5000_digits", {"activities/a.md": A.format(date="2024-01-01", extra="participants: " + "9" * 5000 + "\n")},
     None, "activities/a.md:4", "at most", "不能大于"),
    ("participants_huge", {"activities/a.md": A.format(date="2024-01-01", extra="participants: 99999999999999999999\n")},
     None, "activities/a.md:4", "at most", "不能大于"),
    ("votes_huge", {"deliberations/l.yaml": L.format(extra="votes:\n  for: " + "9" * 30 + "\n")}, None,
     "deliberations/l.yaml:5", "at most", "不能大于"),
    ("attendees_huge", {"deliberations/l.yaml": L.format(extra="meeting:\n  attendees: " + "9" * 30 + "\n")}, None,
     "deliberations/l.yaml:5", "at most", "不能大于"),
    ("value_1e308", {"wishes/w.yaml": W.format(date="2024-01-01", extra="value: 1e308\n")}, None, "wishes/w.yaml:5", "at most", "不能大于"),
    ("value_400_digits", {"wishes/w.yaml": W.format(date="2024-01-01", extra="value: " + "9" * 400 + "\n")}, None,
     "wishes/w.yaml:5", "at most", "不能大于"),
    ("title_10000", {"activities/a.md": "---\ntitle: " + "长" * 10000 + "\ndate: 2024-01-01\n---\n"}, None,
     "activities/a.md:2", "1000", "1000"),
    ("site_name_10000", {}, "name: " + "社" * 10000 + "\nbase_url: https://a.example.org/\n", "site.yaml:1", "1000", "1000"),
    ("wisher_name_long", {"wishes/w.yaml": "wish: x\nwisher: " + "周" * 60 + "\nposted_on: 2024-01-01\nstatus: open\n"}, None,
     "wishes/w.yaml:2", "50", "50"),
    ("pledge_long", {"disclosures/d.yaml": D.format(extra="pledge: " + "诺" * 6000 + "\n")}, None, "disclosures/d.yaml:3", "5000", "5000"),
    ("place_level_long", {"disclosures/d.yaml": D.format(extra="place: " + "楼" * 3000 + "\n")}, None,
     "disclosures/d.yaml:3", "100", "100"),
    ("place_too_deep", {"disclosures/d.yaml": D.format(extra="place: " + "/".join(["楼"] * 50) + "\n")}, None,
     "disclosures/d.yaml:3", "4 levels", "4 级"),
    ("tags_5000", {"activities/a.md": A.format(date="2024-01-01", extra="tags: [" + ",".join(f"t{i}" for i in range(5000)) + "]\n")},
     None, "activities/a.md:4", "20", "20"),
    ("tags_per_site", {f"activities/a{i}.md": A.format(date="2024-01-01", extra="tags: [" + ",".join(f"t{i}-{j}" for j in range(20)) + "]\n")
                       for i in range(26)}, None, "activities/a9.md:4", "500", "500"),
    ("partners_1000", {"activities/a.md": A.format(date="2024-01-01", extra="partners: [" + ",".join("x" * 1000) + "]\n")},
     None, "activities/a.md:4", "200", "200"),
    ("base_url_3000", {}, "name: 社区\nbase_url: https://a.example.org/" + "a" * 3000 + "/\n", "site.yaml:2", "QR", "二维码"),
    ("base_url_newline", {}, 'name: 社区\nbase_url: "https://a.example.org/\\nDisallow: /\\nSitemap: https://evil.example/"\n',
     "site.yaml:2", "line break", "换行"),
    ("base_url_tab", {}, 'name: 社区\nbase_url: "https://a.example.org/a\\tb/"\n', "site.yaml:2", "control", "控制"),
    ("base_url_nul", {}, 'name: 社区\nbase_url: "https://a.example.org/a\\0b/"\n', "site.yaml:2", "control", "控制"),
    ("base_url_quote", {}, 'name: 社区\nbase_url: \'https://a.example.org/"><x/\'\n', "site.yaml:2", "quote", "引号"),
    ("base_url_bad_port", {}, "name: 社区\nbase_url: https://a.example.org:99999/\n", "site.yaml:2", "http", "http"),
    ("photo_100x70000", {"media/strip.png": _png(100, 70000),
                         "activities/a.md": A.format(date="2024-01-01", extra="photos: [media/strip.png]\n")}, None,
     "activities/a.md:4", "20 times", "20 倍"),
]


@pytest.mark.parametrize(("case", "files", "site", "where", "en", "zh"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_pathological_value_is_a_content_error(make_site: MakeSite, tmp_path: Path, case: str, files: dict[str, str | bytes],
                                               site: str | None, where: str, en: str, zh: str, language: str) -> None:
    content = make_site(files, site=site or SITE_YAML)
    started = time.perf_counter()
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), env={"SITEGEN_LANG": language})
    assert time.perf_counter() - started < 30
    assert result.exit_code == 1, result.output
    word = en if language == "en" else zh
    assert any(line.startswith(where + ":") and word in line for line in error_lines(result)), result.stderr
    assert max(len(line) for line in result.stderr.splitlines()) < 400  # a huge value is not echoed whole
    assert "Traceback" not in result.output and "Exceeds the limit" not in result.output
    assert not (tmp_path / "out").exists()


def test_cli_base_url_follows_the_same_rule(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site()
    for bad in ("https://a.example.org/\nDisallow: /", "https://a.example.org/" + "a" * 300):
        result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--base-url", bad)
        assert result.exit_code == 2, result.output
        assert "\nDisallow" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_list_file_of_10000_records_loads_in_linear_time(make_site: MakeSite) -> None:
    """It took 39-100 s in a per-item pass over every line of the file; now it is one pass. Linear, not
    fast, is what is held (timing targets live in bench/): eight times the records take about eight
    times as long, where the per-item pass took sixty-four; the machine's load is the same for both."""
    from sitegen.load import load_content
    from sitegen.runtime import paused_collector

    def rows(count: int) -> str:
        return "".join(f"- id: w{i}\n  wish: 助行器{i}\n  wisher: 周桂芳\n  posted_on: 2026-10-18\n  status: open\n"
                       for i in range(count))

    def seconds(content: Path) -> float:
        # the collector paused as a build pauses it (runtime.paused_collector): with it on, its full
        # passes over a growing heap made 8x the records 27x as long in one CI run, linear or not
        with paused_collector():
            started = time.perf_counter()
            load_content(content)
            return time.perf_counter() - started

    small, large = make_site({"wishes/all.yaml": rows(1_250)}, name="small"), make_site({"wishes/all.yaml": rows(10_000)})
    ratio = seconds(large) / min(seconds(small), seconds(small))
    assert ratio < 24, f"8x the records took {ratio:.1f}x as long"
    loaded = load_content(large)
    assert len(loaded.records) == 10_001
    assert loaded.records[-1].lines[("status",)] == 50_000


@pytest.mark.parametrize(("code", "word"), [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"),
                                            (errno.EACCES, "permission"), (errno.EIO, "EIO")])
def test_a_full_or_read_only_disk_is_said_and_leaves_the_output(make_site: MakeSite, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch, code: int, word: str) -> None:
    content = make_site({"activities/a.md": A.format(date="2024-01-01", extra="")})
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    (content / "activities" / "b.md").write_text(A.format(date="2024-01-02", extra=""), encoding="utf-8")

    def refuse(stage: Path, rel: str, data: bytes, sha: str | None = None) -> str:
        raise OSError(code, "disk says no", str(stage / rel))

    from sitegen.pipeline import workers

    monkeypatch.setattr(workers, "write_file", refuse)
    result = run("build", "--content", str(content), "--out", str(out), "--jobs", "1")
    assert result.exit_code == 74, result.output
    assert word in result.stderr and "Traceback" not in result.output
    assert tree_bytes(out) == before
