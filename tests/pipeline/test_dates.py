"""The same content gives the same site on any machine, any day: dates come from records and git, never mtimes."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, UTC
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, SITE_YAML, tree_bytes, write_files

# NOW is 2026-11-24 12:00 in Asia/Shanghai; the build day is 2026-11-24.
BUILD_DAY = "2026-11-24T00:00:00+08:00"

# (file, text, expected `updated` of its record, without git): the record's latest date that has come.
CASES = [
    ("activities/a.md", "---\ntitle: 七夕\ndate: 2019-08-06\n---\n", "2019-08-06T00:00:00+08:00"),
    ("activities/b.md", "---\ntitle: 邻里节\ndate: 2020-05-01 09:00\nend: 2020-05-01 11:30\n---\n",
     "2020-05-01T11:30:00+08:00"),
    ("activities/c.md", "---\ntitle: 冬至\ndate: 2026-12-21\n---\n", BUILD_DAY),  # upcoming: no date has come
    ("activities/d.md", "---\ntitle: 两天\ndate: 2026-11-23\nend: 2026-11-25\n---\n", "2026-11-23T00:00:00+08:00"),
    ("deliberations/e.yaml", "title: 晾晒\nraised_on: 2025-03-01\nstatus: implementing\ndecision: 装杆\n"
     "meeting: {date: 2025-03-07}\ntimeline:\n  - {date: 2025-08-20, note: 完工}\n  - {date: 2025-04-01, note: 开工}\n",
     "2025-08-20T00:00:00+08:00"),
    ("wishes/f.yaml", "wish: 助行器\nwisher: 周桂芳\nposted_on: 2025-10-18\nstatus: fulfilled\n"
     "claimed_by: 志愿者\nclaimed_on: 2025-10-20\nfulfilled_on: 2025-10-25\n", "2025-10-25T00:00:00+08:00"),
    ("wishes/g.yaml", "wish: 台灯\nwisher: 马小雨\nposted_on: 2025-09-01\nstatus: open\n", "2025-09-01T00:00:00+08:00"),
    ("disclosures/h.yaml", "name: 张建国\nrole: 楼栋长\nsince: 2021-03-01\n", "2021-03-01T00:00:00+08:00"),
    ("disclosures/i.yaml", "name: 李秀英\nrole: 单元长\n", BUILD_DAY),  # no since: the build day
    ("pages/about.md", "---\ntitle: 关于\n---\n正文\n", BUILD_DAY),
]


def _content(root: Path) -> Path:
    content = root / "content"
    write_files(content, {"site.yaml": SITE_YAML, **{rel: text for rel, text, _ in CASES}})
    return content


def _updated(content: Path, options: Options) -> dict[str, str]:
    model = pipeline.check(content, options).model
    return {str(r.source.path): r.updated.isoformat() for r in (*model.records(), *model.pages)}


@pytest.mark.parametrize(("rel", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_record_is_dated_by_its_own_dates(tmp_path: Path, rel: str, text: str, expected: str) -> None:
    content = _content(tmp_path)
    os.utime(content / rel, (1_000_000_000, 1_000_000_000))  # a file time that must play no part
    assert _updated(content, Options(now=NOW))[rel] == expected


def test_source_date_epoch_dates_what_has_no_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _content(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 1, 2, 3, 0, tzinfo=UTC).timestamp())))
    found = _updated(content, Options())  # the clock comes from SOURCE_DATE_EPOCH
    assert found["pages/about.md"] == "2026-01-02T00:00:00+08:00"
    assert found["activities/a.md"] == "2019-08-06T00:00:00+08:00"


def _git(cwd: Path, *args: str, when: str = "2026-06-01T10:00:00+08:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _touch_all(folder: Path, seconds: int) -> None:
    for path in folder.rglob("*"):
        if ".git" not in path.parts:
            os.utime(path, (seconds, seconds))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    origin = tmp_path / "origin"
    _content(origin)
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", ".")
    _git(origin, "commit", "-q", "-m", "records")
    (origin / "content" / "pages" / "about.md").write_text("---\ntitle: 关于\n---\n改过的正文\n", encoding="utf-8")
    _git(origin, "commit", "-q", "-am", "about", when="2026-07-15T08:30:00+08:00")
    return origin


def test_two_clones_made_days_apart_build_the_same_bytes(repo: Path, tmp_path: Path) -> None:
    outs = []
    for name, seconds in (("one", 1_700_000_000), ("two", 1_700_000_000 + 9 * 86400)):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
        _touch_all(clone, seconds)
        outs.append(tmp_path / f"out-{name}")
        pipeline.build(clone / "content", outs[-1], Options(now=NOW, use_cache=False))
    first, second = (tree_bytes(o) for o in outs)
    assert first == second
    feed = first["feed.xml"].decode()
    assert "<updated>2026-11-23T00:00:00+08:00</updated>" in feed  # activity d's own date, after the commit
    assert "<updated>2026-06-01T10:00:00+08:00</updated>" in feed  # the records' commit
    sitemap = first["sitemap.xml"].decode()
    assert "<lastmod>2026-07-15</lastmod>" in sitemap  # about.md's last commit
    assert "2026-11-24" not in sitemap and "2023-" not in sitemap  # neither the build day nor a file time
    about = first["pages/about/index.html"].decode()
    assert "2026-07-15 08:30" in about


def test_the_commit_dates_a_record_unless_its_own_date_is_later(repo: Path) -> None:
    found = _updated(repo / "content", Options(now=NOW))
    assert found["pages/about.md"] == "2026-07-15T08:30:00+08:00"
    assert found["disclosures/i.yaml"] == "2026-06-01T10:00:00+08:00"  # no since: its commit
    assert found["activities/a.md"] == "2026-06-01T10:00:00+08:00"  # 2019 record, committed in 2026
    assert found["activities/d.md"] == "2026-11-23T00:00:00+08:00"  # its own date came after the commit
    assert found["activities/c.md"] == "2026-06-01T10:00:00+08:00"  # upcoming: its commit, not the build day


def test_an_uncommitted_edit_is_dated_by_the_record_not_the_old_commit(repo: Path) -> None:
    path = repo / "content" / "disclosures" / "h.yaml"
    path.write_text(path.read_text("utf-8") + "pledge: 随叫随到\n", encoding="utf-8")
    assert _updated(repo / "content", Options(now=NOW))["disclosures/h.yaml"] == "2021-03-01T00:00:00+08:00"


def test_without_git_file_times_play_no_part(tmp_path: Path) -> None:
    source = _content(tmp_path / "src")
    outs = []
    for name, seconds in (("one", 1_600_000_000), ("two", 1_600_000_000 + 30 * 86400)):
        copy = tmp_path / name / "content"
        shutil.copytree(source, copy)
        _touch_all(copy, seconds)
        outs.append(tmp_path / name / "output")
        pipeline.build(copy, outs[-1], Options(now=NOW, use_cache=False))
    assert tree_bytes(outs[0]) == tree_bytes(outs[1])


def test_a_commit_alone_re_dates_the_cached_build(repo: Path, tmp_path: Path) -> None:
    content = repo / "content"
    path = content / "wishes" / "g.yaml"
    path.write_text(path.read_text("utf-8").replace("台灯", "护眼台灯"), encoding="utf-8")
    warm = tmp_path / "warm"
    pipeline.build(content, warm, Options(now=NOW))
    assert "2025-09-01" in (warm / "wishes/g/index.html").read_text("utf-8")
    _git(repo, "commit", "-q", "-am", "lamp", when="2026-08-08T09:09:00+08:00")  # no file changes
    report = pipeline.build(content, warm, Options(now=NOW))
    assert not report.unchanged
    assert "2026-08-08 09:09" in (warm / "wishes/g/index.html").read_text("utf-8")
    cold = tmp_path / "cold"
    pipeline.build(content, cold, Options(now=NOW, use_cache=False))
    assert tree_bytes(warm) == tree_bytes(cold)


def test_a_new_build_day_re_dates_only_what_has_no_date(tmp_path: Path) -> None:
    from datetime import timedelta

    content = _content(tmp_path)
    for n in range(30):  # enough dated records that "everything" and "a few pages" differ
        write_files(content, {f"activities/x{n:02d}.md": f"---\ntitle: 活动{n}\ndate: 2025-01-{n % 28 + 1:02d}\n---\n"})
    warm = tmp_path / "warm"
    first = pipeline.build(content, warm, Options(now=NOW))
    tomorrow = NOW + timedelta(days=1)
    report = pipeline.build(content, warm, Options(now=tomorrow))
    assert not report.unchanged and 0 < report.rendered < first.rendered / 3
    assert "2026-11-25" in (warm / "pages/about/index.html").read_text("utf-8")
    assert "2026-11-25" not in (warm / "activities/x01/index.html").read_text("utf-8")
    cold = tmp_path / "cold"
    pipeline.build(content, cold, Options(now=tomorrow, use_cache=False))
    assert tree_bytes(warm) == tree_bytes(cold)
