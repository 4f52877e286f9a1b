"""What `serve` keeps of the check between builds (validate/kept.py, model/kept.py) gives, after any
edit, the model a check from nothing gives (`==` on the model) and the bytes of a cold build."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, tree_bytes, write_files
from tests.support.cold import ColdBuilds

# NOW is 2026-11-24 12:00 in Asia/Shanghai.
SITE_YAML = "name: 望湖社区\nbase_url: https://wanghu.example.org/\ntheme: theme\n"
SITE: dict[str, str] = {
    "site.yaml": SITE_YAML,
    "activities/later-today.yaml": "title: 下午茶话会\ndate: 2026-11-24 15:00\ntags: [邻里]\n",  # upcoming until 15:00
    "activities/today.yaml": "title: 义诊\ndate: 2026-11-24\n",  # upcoming until midnight
    "activities/next-year.yaml": "title: 新年联欢\ndate: 2027-01-02\n",
    **{f"activities/a{n:02}.md": f"---\ntitle: 活动{n}\ndate: 2025-{n % 12 + 1:02}-{n % 27 + 1:02}\n"
       f"tags: [邻里]\n---\n第{n}次活动。\n" for n in range(24)},  # two list pages
    "disclosures/yu.yaml": "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13812345678'\nsince: 2026-11-25\n",
    "disclosures/li.yaml": "name: 李秀英\nrole: 单元长\nplace: 福桂苑/9栋/2单元\n",
    "wishes/walker.md": "---\nwish: 想要一台助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\n"
                        "photos: [media/a.png]\n---\n行动不便。\n",
    "deliberations/music.yaml": "title: 广场舞音乐太响\nraised_on: 2026-09-01\nstatus: proposed\n",
    "pages/about.md": "---\ntitle: 关于\n---\n关于我们。\n",
    "theme/i18n/zh-Hans.yaml": "how_to_claim: 如何认领\n",
}


def _png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _write(rel: str, text: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).write_text(text, encoding="utf-8")


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        text = (content / rel).read_text("utf-8")
        assert old in text
        (content / rel).write_text(text.replace(old, new), encoding="utf-8")
    return edit


def _hand(out: Path) -> Callable[[Path], None]:
    return lambda content: (out / "wishes" / "walker" / "index.html").write_text("hand", encoding="utf-8")


Step = Callable[[Path], None]
HOURS = "hours"  # a step that moves the clock: (HOURS, hours from NOW)

# edit kind → the steps between builds (files changed, or the clock moved); each is followed by a warm check and build
CASES: dict[str, list[Step | tuple[str, float]]] = {
    "body": [_replace("activities/a03.md", "第3次活动", "第三次活动")],
    "title": [_replace("activities/a03.md", "title: 活动3", "title: 活动三")],
    "date to another list page and year": [_replace("activities/a03.md", "date: 2025-04-04", "date: 2024-12-30")],
    "tag renamed": [_replace("activities/a05.md", "tags: [邻里]", "tags: [邻里节]")],
    "record added": [_write("activities/new.md", "---\ntitle: 新活动\ndate: 2026-11-20\n---\n新的。\n")],
    "record removed": [lambda content: (content / "activities/a07.md").unlink()],
    "record renamed": [lambda content: os.rename(content / "activities/a07.md", content / "activities/b07.md")],
    "record moved down a line": [_replace("wishes/walker.md", "---\nwish:", "---\n# 注释\nwish:")],
    "photo replaced": [lambda content: (content / "media/a.png").write_bytes(_png((30, 200, 30)))],
    "photo removed, then back": [lambda content: (content / "media/a.png").unlink(),
                                 lambda content: (content / "media/a.png").write_bytes(_png((30, 30, 200)))],
    "record broken, then fixed": [_replace("activities/a03.md", "date: 2025-04-04", "date: 2025/4/4"),
                                  _replace("activities/a03.md", "date: 2025/4/4", "date: 2025-04-04")],
    "site.yaml name": [_replace("site.yaml", "望湖社区", "梅湖社区")],
    "site.yaml time zone": [_write("site.yaml", SITE_YAML + "timezone: Asia/Tokyo\n")],  # the same day there
    "site.yaml place slug": [_write("site.yaml", SITE_YAML + "place_slugs:\n  福桂苑: fgy\n")],
    "disclosure's place": [_replace("disclosures/li.yaml", "福桂苑/9栋/2单元", "福桂苑/10栋")],
    "theme label": [_write("theme/i18n/zh-Hans.yaml", "how_to_claim: 怎样认领\n")],
    "upcoming activity starts": [(HOURS, 3.5)],
    "clock crosses midnight": [(HOURS, 12.5)],
    "clock crosses midnight and the since date": [(HOURS, 36.5)],
    "clock goes back": [(HOURS, 3.5), (HOURS, -30)],
    "edit after the clock moved": [(HOURS, 12.5), _replace("activities/today.yaml", "义诊", "义诊活动")],
    # i-break6: sequences a careless user or hostile author might make
    "edit reverted byte for byte": [_replace("activities/a03.md", "第3次活动", "第三次活动"),
                                    _replace("activities/a03.md", "第三次活动", "第3次活动")],
    "two records swap files": [lambda content: _swap(content / "activities/a03.md", content / "activities/a04.md")],
    "same content under two names": [lambda content: shutil.copy(content / "activities/a03.md", content / "activities/c03.md")],
    "hidden phone typed in the third save": [_replace("activities/a03.md", "第3次活动", "第三次活动"), (HOURS, 1),
                                             _replace("activities/a03.md", "第三次活动", "电话 138 1234 5678")],
    "hidden phone shown in full, then hidden again": [
        _replace("activities/a03.md", "第3次活动", "电话 138 1234 5678"),
        _write("disclosures/yu.yaml", "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13812345678'\nshow_phone: full\n"),
        _write("disclosures/yu.yaml", "name: 于海\nrole: 楼栋长\nplace: 福桂苑/9栋\nphone: '13812345678'\nshow_phone: masked\n")],
    "a disclosure's phone becomes one already typed elsewhere": [
        _replace("activities/a03.md", "第3次活动", "电话 139 0000 1111"), (HOURS, 1),
        _replace("disclosures/yu.yaml", "13812345678", "13900001111")],
    "wisher's name typed in a later save": [(HOURS, 1), _replace("activities/a05.md", "第5次活动", "俞晓风参加")],
    "a wish's wisher renamed to a name already typed": [_replace("activities/a05.md", "第5次活动", "俞晓雨参加"),
                                                        _replace("wishes/walker.md", "俞晓风", "俞晓雨")],
    "site.yaml time zone to the day before": [_write("site.yaml", SITE_YAML + "timezone: America/Los_Angeles\n")],
    "time zone back and forth over the clock": [_write("site.yaml", SITE_YAML + "timezone: Pacific/Honolulu\n"),
                                                (HOURS, 12.5), _write("site.yaml", SITE_YAML)],
    "an activity with an end the clock passes": [
        _write("activities/span.yaml", "title: 展览\ndate: 2026-11-24 10:00\nend: 2026-11-24 14:00\n"),
        (HOURS, 1), (HOURS, 2.5), (HOURS, 3.5)],
    "a date becomes the same day's midnight, then quoted": [
        _replace("activities/a03.md", "date: 2025-04-04", "date: 2025-04-04 00:00"),
        _replace("activities/a03.md", "date: 2025-04-04 00:00", "date: '2025-04-04'"),
        _replace("activities/a03.md", "date: '2025-04-04'", "date: 2025-4-4")],
    "a deliberation's raised_on as a date-time, then fixed": [
        _replace("deliberations/music.yaml", "raised_on: 2026-09-01", "raised_on: 2026-09-01 00:00"),
        _replace("deliberations/music.yaml", "raised_on: 2026-09-01 00:00", "raised_on: 2026-09-01")],
    "two disclosures swap files (the place tree)": [
        lambda content: _swap(content / "disclosures/yu.yaml", content / "disclosures/li.yaml")],
    "a disclosure's place emptied, then back": [_replace("disclosures/li.yaml", "place: 福桂苑/9栋/2单元\n", ""),
                                               _replace("disclosures/li.yaml", "role: 单元长\n",
                                                        "role: 单元长\nplace: 福桂苑/9栋/2单元\n")],
    "an activity moved into the future": [_replace("activities/a03.md", "date: 2025-04-04", "date: 2026-11-24 13:00"),
                                          (HOURS, 0.5), (HOURS, 1.5)],
}


def _swap(a: Path, b: Path) -> None:
    first, second = a.read_bytes(), b.read_bytes()
    a.write_bytes(second)
    b.write_bytes(first)


def _model_from_nothing(content: Path, options: Options) -> object:
    try:
        return pipeline.check(content, options).model
    except ContentInvalid as e:
        return [(str(p.path), p.line, p.key) for p in e.problems]


def _model_kept(content: Path, options: Options, memory: Memory) -> object:
    assert memory.cache is not None
    try:
        return pipeline.check(content, options, memory.cache, memory=memory).model
    except ContentInvalid as e:
        return [(str(p.path), p.line, p.key) for p in e.problems]


@pytest.mark.parametrize("name", CASES)
def test_the_kept_check_gives_the_model_and_bytes_of_a_cold_one(name: str, tmp_path: Path,
                                                                cold_builds: ColdBuilds) -> None:
    content, out = tmp_path / "content", tmp_path / "warm" / "output"
    write_files(content, {**SITE, "media/a.png": _png((200, 30, 30))})
    memory, now = Memory(), NOW
    pipeline.build(content, out, Options(now=now, jobs=1), memory=memory)
    steps = [*CASES[name], _hand(out)]  # a hand change in output/ after every case
    for step in steps:
        if isinstance(step, tuple):
            now = NOW + timedelta(hours=step[1])
        else:
            step(content)
        options = Options(now=now, jobs=1)
        if memory.cache is not None:
            assert _model_kept(content, options, memory) == _model_from_nothing(content, options)
        try:
            pipeline.build(content, out, options, memory=memory)
        except ContentInvalid:
            continue
        # The build from nothing of the content as it is now, at this clock: made once a session for each
        # (content, clock) (tests/support/cold.py). The hand change leaves both as the step before it left
        # them, and cases meet the same state (an edit reverted, the clock moved alone).
        cold = cold_builds.out(content, Options(now=now, jobs=1, use_cache=False))
        assert tree_bytes(out) == tree_bytes(cold)
        assert tree_bytes(print_folder(out, None)) == tree_bytes(print_folder(cold, None))


def test_unchanged_records_are_neither_checked_nor_made_again(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.model import build
    from sitegen.validate import check

    content, out = tmp_path / "content", tmp_path / "output"
    write_files(content, {**SITE, "media/a.png": _png((200, 30, 30))})
    memory = Memory()
    pipeline.build(content, out, Options(now=NOW, jobs=1), memory=memory)
    checked: list[str] = []
    made: list[str] = []
    real_check, real_wish = check._checked, build.MAKERS["Wish"]
    monkeypatch.setattr(check, "_checked", lambda raw: checked.append(str(raw.path)) or real_check(raw))
    monkeypatch.setitem(build.MAKERS, "Wish", ((lambda v, c: made.append(v.slug) or real_wish[0](v, c)),
                                              *real_wish[1:]))
    trees: list[int] = []
    real_tree = build.build_tree
    monkeypatch.setattr(build, "build_tree", lambda *args: trees.append(1) or real_tree(*args))
    _replace("wishes/walker.md", "行动不便", "行动很不便")(content)
    pipeline.build(content, out, Options(now=NOW + timedelta(minutes=1), jobs=1), memory=memory)
    assert checked == ["wishes/walker.md"]
    assert made == ["walker"]
    assert trees == []  # no disclosure changed: the place tree is the last one
    made.clear()
    pipeline.build(content, out, Options(now=datetime(2026, 11, 24, 16, 1, tzinfo=NOW.tzinfo), jobs=1),
                   memory=memory)  # the next day in Shanghai: every record dated by the build day is made again
    assert made == ["walker"]
