"""model/build.py: validated records → model values, one table row per rule (SPEC §2-3)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sitegen.model.names import Name
from tests.conftest import NOW, SITE_YAML
from tests.model.support import model_of, pick

WISH = "wish: 修台灯\nwisher: {wisher}\nposted_on: 2026-10-01\nstatus: open\n"
PERSON = "name: 王德明\nrole: 楼栋长\nphone: \"13805515678\"\nshow_phone: {show}\n"
ACTIVITY = "title: 活动\ndate: {date}\n"

CASES = [  # (files, path in the model, expected value); NOW is 2026-11-24 12:00 in Asia/Shanghai
    # wishes: the full name never reaches the model's shown name (SPEC §3)
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风")}, "wishes.0.shown_name", "俞**"),
    ({"wishes/a.yaml": WISH.format(wisher="欧阳娜娜")}, "wishes.0.shown_name", "欧***"),
    ({"wishes/a.yaml": WISH.format(wisher="俞\u3000晓风")}, "wishes.0.shown_name", "俞**"),  # a space typed in the name
    ({"wishes/a.yaml": WISH.format(wisher="俞 晓 风")}, "wishes.0.shown_name", "俞**"),
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风") + "wisher_alias: 俞阿姨\n"}, "wishes.0.shown_name", "俞阿姨"),
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风")}, "wishes.0.day", date(2026, 10, 1)),
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风") + "value: 12.5\n"}, "wishes.0.value", 12.5),
    # disclosures: show_phone, web and poster (SPEC §3; masked keeps the first 3 and last 4 digits)
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.phone_web", "138****5678"),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.phone_poster", "13805515678"),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.phone_web_tel", None),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.phone_poster_tel", "13805515678"),
    ({"disclosures/a.yaml": PERSON.format(show="full")}, "disclosures.0.phone_web", "13805515678"),
    ({"disclosures/a.yaml": PERSON.format(show="full")}, "disclosures.0.phone_web_tel", "13805515678"),
    ({"disclosures/a.yaml": PERSON.format(show="masked")}, "disclosures.0.phone_poster", "138****5678"),
    ({"disclosures/a.yaml": PERSON.format(show="masked")}, "disclosures.0.phone_poster_tel", None),
    ({"disclosures/a.yaml": PERSON.format(show="none")}, "disclosures.0.phone_web", None),
    ({"disclosures/a.yaml": PERSON.format(show="none")}, "disclosures.0.phone_poster", None),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.party_member", True),
    ({"disclosures/a.yaml": PERSON.format(show="poster") + "party_member: false\n"}, "disclosures.0.party_member", False),
    ({"disclosures/a.yaml": PERSON.format(show="poster") + "place: 福桂苑/9栋\n"}, "disclosures.0.place.slug",
     "fuguiyuan/9dong"),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.title", "王德明 · 楼栋长"),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "disclosures.0.year", None),
    ({"disclosures/a.yaml": PERSON.format(show="poster") + "since: 2021-03-01\n"}, "disclosures.0.year", 2021),
    # activities: upcoming in the site's zone; a date without a time stays upcoming all its day
    ({"activities/a.yaml": ACTIVITY.format(date="2026-12-01")}, "activities.0.upcoming", True),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-24")}, "activities.0.upcoming", True),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-23")}, "activities.0.upcoming", False),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-24 11:59")}, "activities.0.upcoming", False),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-24 12:01")}, "activities.0.upcoming", True),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-24 12:01")}, "activities.0.has_time", True),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-24 12:01")}, "activities.0.day", date(2026, 11, 24)),
    ({"activities/a.yaml": ACTIVITY.format(date="2026-11-20") + "organizer: 于海\n"}, "activities.0.organizer", Name("于海")),
    # deliberations: completed means 100; the timeline in date order; rejected sits at stage 2
    ({"deliberations/a.yaml": "title: 议题\nraised_on: 2026-01-01\nstatus: completed\ndecision: 办\n"},
     "deliberations.0.progress", 100),
    ({"deliberations/a.yaml": "title: 议题\nraised_on: 2026-01-01\nstatus: rejected\ndecision: 不办\n"},
     "deliberations.0.stage", 2),
    ({"deliberations/a.yaml": "title: 议题\nraised_on: 2026-01-01\nstatus: decided\ndecision: 办\n"},
     "deliberations.0.stage", 3),
    ({"deliberations/a.yaml": "title: 议题\nraised_on: 2026-01-01\nstatus: proposed\ntimeline:\n"
                              "  - {date: 2026-03-01, note: 后}\n  - {date: 2026-02-01, note: 前}\n"},
     "deliberations.0.timeline.0.note", "前"),
    ({"deliberations/a.yaml": "title: 议题\nraised_on: 2026-01-01\nstatus: proposed\n"
                              "votes: {for: 5, against: 1, abstain: 2}\n"}, "deliberations.0.votes.total", 8),
    # slugs: a list file's records by id, a single file's by its name
    ({"wishes/list.yaml": "- id: deng\n  " + WISH.format(wisher="俞晓风").replace("\n", "\n  ")},
     "wishes.0.url", "wishes/deng/"),
    ({"activities/2026-qixi.md": "---\n" + ACTIVITY.format(date="2026-08-19") + "---\n正文\n"},
     "activities.0.url", "activities/2026-qixi/"),
    ({"activities/2026-qixi.md": "---\n" + ACTIVITY.format(date="2026-08-19") + "---\n正文\n"},
     "activities.0.body", "正文"),  # the body as written, without the trailing newline
    # pages
    ({"pages/about.md": "---\ntitle: 关于\norder: 3\n---\n简介\n"}, "pages.0.order", 3),
    ({"pages/about.md": "---\ntitle: 关于\n---\n简介\n"}, "pages.0.order", 100),
]


@pytest.mark.parametrize(("files", "path", "expected"), CASES)
def test_model_value(tmp_path: Path, files: dict[str, str], path: str, expected: object) -> None:
    assert pick(model_of(tmp_path, files), path) == expected


SITE_CASES = [  # site.yaml lines added to the test site's → model value
    ("", "site.base_url", "https://test.example.org/"),
    ("", "site.traditional_mirror", True),
    ("language: en\n", "site.traditional_mirror", False),
    ("traditional_mirror: false\n", "site.traditional_mirror", False),
    ("", "site.poster_paper", "A4"),
    ("poster_paper: A3\n", "site.poster_paper", "A3"),
    ("district: 蜀山区\ncity: 合肥市\n", "site.address_line", "合肥市 蜀山区 测试街道"),
    ("office:\n  phone: \"0551-6555 1234\"\n", "site.office.phone", "0551-6555 1234"),
    ("office:\n  phone: \"0551-6555 1234\"\n", "site.office.phone_tel", "055165551234"),
]


@pytest.mark.parametrize(("lines", "path", "expected"), SITE_CASES)
def test_site_value(tmp_path: Path, lines: str, path: str, expected: object) -> None:
    site = SITE_YAML.replace("base_url: https://test.example.org/", "base_url: https://test.example.org") + lines
    assert pick(model_of(tmp_path, {}, site=site), path) == expected


def test_drafts_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    files = {"activities/a.yaml": ACTIVITY.format(date="2026-01-01") + "draft: true\n",
             "activities/b.yaml": ACTIVITY.format(date="2026-01-02")}
    assert [a.slug for a in model_of(tmp_path / "1", files).activities] == ["b"]
    assert [a.slug for a in model_of(tmp_path / "2", files, drafts=True).activities] == ["b", "a"]


ORDER_CASES = [  # kind → the order of slugs the model keeps
    ({"activities/a.yaml": ACTIVITY.format(date="2026-01-01"), "activities/b.yaml": ACTIVITY.format(date="2026-03-01"),
      "activities/c.yaml": ACTIVITY.format(date="2026-02-01")}, "activities", ["b", "c", "a"]),
    ({"disclosures/z.yaml": PERSON.format(show="none"),
      "disclosures/a.yaml": PERSON.format(show="none") + "place: 福桂苑/9栋\n",
      "disclosures/b.yaml": PERSON.format(show="none") + "place: 福桂苑\n"}, "disclosures", ["b", "a", "z"]),
    ({"pages/a.md": "---\ntitle: A\norder: 2\n---\n", "pages/b.md": "---\ntitle: B\norder: 1\n---\n"}, "pages", ["b", "a"]),
]


@pytest.mark.parametrize(("files", "kind", "slugs"), ORDER_CASES)
def test_records_keep_their_order(tmp_path: Path, files: dict[str, str], kind: str, slugs: list[str]) -> None:
    assert [r.slug for r in getattr(model_of(tmp_path, files), kind)] == slugs


SECRET_CASES = [  # what the leak scan must look for → is it in model.secrets
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风")}, "names", "俞晓风", True),
    ({"wishes/a.yaml": WISH.format(wisher="俞晓风")}, "names", "俞曉風", True),  # the 繁體 mirror's form
    ({"wishes/a.yaml": WISH.format(wisher="劉曉東")}, "names", "刘晓东", True),
    ({"wishes/a.yaml": WISH.format(wisher="俞")}, "names", "俞", False),  # a surname alone is no secret
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "web_hidden_phones", "13805515678", True),
    ({"disclosures/a.yaml": PERSON.format(show="poster")}, "poster_hidden_phones", "13805515678", False),
    ({"disclosures/a.yaml": PERSON.format(show="masked")}, "poster_hidden_phones", "13805515678", True),
    ({"disclosures/a.yaml": PERSON.format(show="full")}, "web_hidden_phones", "13805515678", False),
]


@pytest.mark.parametrize(("files", "field", "value", "kept"), SECRET_CASES)
def test_secrets(tmp_path: Path, files: dict[str, str], field: str, value: str, kept: bool) -> None:
    assert (value in getattr(model_of(tmp_path, files).secrets, field)) is kept


def test_today_and_now_come_from_the_clock_in_the_site_zone(tmp_path: Path) -> None:
    late = datetime(2026, 11, 24, 17, 0, tzinfo=NOW.tzinfo)  # 01:00 on the 25th in Shanghai
    model = model_of(tmp_path, {}, now=late)
    assert (model.today, model.now) == (date(2026, 11, 25), late)
