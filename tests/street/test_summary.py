"""CommunitySummary: the figures counted right, nothing private in it, JSON round trip exact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.street.summary import CommunitySummary, Figures, claim_rate, from_json, summarise
from tests.conftest import NOW, SITE_YAML, MakeSite

BASE = "https://test.example.org/"
# 2027-01-01 01:00 in Shanghai while it is still 2026 in UTC: "this year" is the site's year.
NEW_YEAR = datetime(2026, 12, 31, 17, 0, tzinfo=UTC)

WISHES = {
    "wishes/o.yaml": "wish: 助行器\nwisher: 俞晓风\nposted_on: 2026-10-01\nstatus: open\n",
    "wishes/c.yaml": "wish: 修冰箱\nwisher: 于海洋\nposted_on: 2026-09-01\nstatus: claimed\nclaimed_by: 志愿者\nclaimed_on: 2026-09-05\n",
    "wishes/f.yaml": "wish: 书包\nwisher: 周桂芳\nposted_on: 2025-09-01\nstatus: fulfilled\nclaimed_by: 志愿者\n"
                     "claimed_on: 2025-09-05\nfulfilled_on: 2025-10-01\n",
    "wishes/w.yaml": "wish: 台灯\nwisher: 钱文华\nposted_on: 2026-03-01\nstatus: withdrawn\n",
}

# (case, files, clock, expected figures): every field of Figures that is not 0 is named.
CASES = [
    ("nothing", {}, NOW, {"year": 2026}),
    ("held this year", {"activities/a.yaml": "title: 包饺子\ndate: 2026-08-20\n"}, NOW, {"year": 2026, "activities": 1}),
    ("upcoming is not yet held", {"activities/a.yaml": "title: 邻里节\ndate: 2026-12-20\n"}, NOW, {"year": 2026}),
    ("last year's", {"activities/a.yaml": "title: 送春联\ndate: 2025-01-20\n"}, NOW, {"year": 2026}),
    ("new year in the site's zone", {"activities/a.yaml": "title: 元旦登高\ndate: 2027-01-01 00:30\n",
                                     "activities/b.yaml": "title: 跨年晚会\ndate: 2026-12-31 20:00\n"},
     NEW_YEAR, {"year": 2027, "activities": 1}),
    ("every wish state", WISHES, NOW,
     {"year": 2026, "wishes_open": 1, "wishes_claimed": 1, "wishes_fulfilled": 1}),
    ("deliberations", {
        "deliberations/a.yaml": "title: 停车\nraised_on: 2026-03-01\nstatus: completed\ndecision: 划线\n",
        "deliberations/b.yaml": "title: 路灯\nraised_on: 2025-11-01\nstatus: completed\ndecision: 修\n"
                                "timeline:\n  - date: 2026-02-01\n    note: 修好了\n",
        "deliberations/c.yaml": "title: 噪音\nraised_on: 2025-03-01\nstatus: completed\ndecision: 限时\n",
        "deliberations/d.yaml": "title: 电梯\nraised_on: 2026-05-01\nstatus: implementing\ndecision: 试点\n",
        "deliberations/e.yaml": "title: 充电\nraised_on: 2026-06-01\nstatus: proposed\n",
        "deliberations/f.yaml": "title: 养狗\nraised_on: 2026-06-01\nstatus: rejected\ndecision: 不予采纳\n"},
     NOW, {"year": 2026, "deliberations_completed": 2, "deliberations_in_progress": 2}),
]


def _summary(make_site: MakeSite, files: dict[str, str], now: datetime) -> CommunitySummary:
    content = make_site(files)
    checked = pipeline.check(content, Options(now=now))
    return summarise(checked.model, BASE, "test", now)


@pytest.mark.parametrize(("files", "now", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figures(make_site: MakeSite, files: dict[str, str], now: datetime, expected: dict[str, int]) -> None:
    assert _summary(make_site, files, now).figures == Figures(**expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(("open_", "taken", "rate"), [
    (0, 0, None), (1, 1, 50), (2, 1, 33), (1, 2, 67), (0, 3, 100), (3, 0, 0), (7, 1, 13), (1, 7, 88),
])
def test_claim_rate_rounds_half_up(open_: int, taken: int, rate: int | None) -> None:
    assert claim_rate(open_, taken) == rate
    assert Figures(year=2026, wishes_open=open_, wishes_claimed=taken).claim_rate == rate


def test_json_round_trip_is_exact_and_deterministic(make_site: MakeSite) -> None:
    files = {**WISHES, "activities/a.md": "---\ntitle: 包饺子\ndate: 2026-08-20 09:00\nend: 2026-08-20 11:30\n---\n正文\n",
             "activities/b.yaml": "title: 送春联\ndate: 2026-01-20\nend: 2026-01-21\n",
             "disclosures/p.yaml": "name: 于海\nrole: 楼栋长\nphone: 13812345678\n"}
    content = make_site(files, site=SITE_YAML + "office:\n  address: 望湖路1号\n  phone: 0551-62001234\n")
    checked = pipeline.check(content, Options(now=NOW))
    summary = summarise(checked.model, BASE, "test", NOW)
    text = summary.to_json()
    assert from_json(text) == summary
    assert from_json(text).to_json() == text
    assert summarise(checked.model, BASE, "test", NOW).to_json() == text
    assert text.startswith('{"base_url":')  # sorted keys
    assert [e.url for e in summary.events] == [BASE + "activities/b/", BASE + "activities/a/"]
    assert summary.office is not None and summary.office.phone_tel == "055162001234"


def test_nothing_private_in_a_summary(make_site: MakeSite) -> None:
    files = {**WISHES, "wishes/alias.yaml": "wish: 新书包\nwisher: 欧阳明月\nwisher_alias: 小欧同学\nposted_on: 2026-10-20\nstatus: open\n",
             "disclosures/p.yaml": "name: 于海\nrole: 楼栋长\nphone: 13812345678\n",
             "disclosures/q.yaml": "name: 王建国\nrole: 单元长\nphone: 13900001111\nshow_phone: masked\n"}
    summary = _summary(make_site, files, NOW)
    text = summary.to_json()
    for secret in ("俞晓风", "于海洋", "周桂芳", "钱文华", "欧阳明月", "13812345678", "13900001111"):
        assert secret not in text
    assert {w.wisher for w in summary.wishes} == {"俞**", "小欧同学"}
    assert [w.url for w in summary.wishes] == [BASE + "wishes/alias/", BASE + "wishes/o/"]


def test_a_summary_made_again_writes_only_the_changed_events(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """The events and summaries kept from the last summary (street/summary.py Known) give the same JSON,
    and only a changed or new activity is written by icalendar again; a deleted one is forgotten."""
    from pathlib import Path

    from sitegen.render.summary import Summaries
    from sitegen.street import summary as module
    from sitegen.street.summary import Known

    files = {f"activities/a{n}.md": f"---\ntitle: 活动{n}\ndate: 2026-08-{n + 10} 09:00\n---\n第{n}次活动。\n"
             for n in range(5)}
    content = make_site(files)
    first = summarise(pipeline.check(content, Options(now=NOW)).model, BASE, "test", NOW)
    known = Known(Summaries(), {})
    assert summarise(pipeline.check(content, Options(now=NOW)).model, BASE, "test", NOW, known) == first
    written: list[str] = []
    vevent = module.feeds.vevent

    def counted(**fields: object) -> object:
        written.append(str(fields["title"]))
        return vevent(**fields)  # type: ignore[arg-type]

    monkeypatch.setattr(module.feeds, "vevent", counted)
    Path(content, "activities/a1.md").write_text("---\ntitle: 改过的活动\ndate: 2026-08-11 09:00\n---\n改了。\n", "utf-8")
    Path(content, "activities/a4.md").unlink()
    model = pipeline.check(content, Options(now=NOW)).model
    again = summarise(model, BASE, "test", NOW, known)
    assert written == ["改过的活动"]
    assert again == summarise(model, BASE, "test", NOW) and len(known.events) == 4
