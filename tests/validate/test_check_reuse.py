"""The check reuses what it found in a record whose text did not change (the cache's validated
records, body checks included), and never a finding whose line moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache
from sitegen.validate import body, check
from tests.conftest import MakeSite

IMAGE = "---\ntitle: 七夕\ndate: 2019-08-06\n{extra}---\n正文\n![图](a.jpg)\n"
LONG = "---\ntitle: 七夕\ndate: 2019-08-06\n{extra}---\n" + "行\n" * (body.MAX_LINES + 1)

# record text, then the same record edited without changing what it says → PATH:LINE and key after the edit
CASES = [
    ("image_moves_down", IMAGE.format(extra=""), IMAGE.format(extra="# 注释\n"), "activities/a.md:7", "body.image"),
    ("image_moves_up", IMAGE.format(extra="# 注释\n"), IMAGE.format(extra=""), "activities/a.md:6", "body.image"),
    ("field_error_moves_down", "---\ntitle: x\ndate: 2019/8/6\n---\n", "---\ntitle: x\n# 注释\ndate: 2019/8/6\n---\n",
     "activities/a.md:4", "value.date_format_hint"),
    ("rule_error_moves_up", "---\ntitle: x\ndate: 2019-08-06\n\nend: 2019-08-05\n---\n",
     "---\ntitle: x\ndate: 2019-08-06\nend: 2019-08-05\n---\n", "activities/a.md:4", "activity.end_before_start"),
    ("yaml_field_error_moves_down", "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026/10/18\nstatus: open\n",
     "wish: 助行器\nwisher: 周桂芳\n# 注释\nposted_on: 2026/10/18\nstatus: open\n", "wishes/w.yaml:4", "value.date_format_hint"),
    ("too_long_moves_down", LONG.format(extra=""), LONG.format(extra="\n"), "activities/a.md:5006", "body.too_many_lines"),
]


def _found(content: Path, cache: BuildCache) -> list[tuple[str, str]]:
    """(PATH:LINE, key) of every problem and warning of a check with `cache`."""
    try:
        problems = pipeline.check(content, Options(), cache).warnings
    except ContentInvalid as e:
        problems = e.problems
    return [(f"{p.path}:{p.line}", p.key) for p in problems]


@pytest.mark.parametrize(("first", "second", "where", "key"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_reused_finding_follows_its_line(make_site: MakeSite, first: str, second: str, where: str, key: str) -> None:
    rel = where.rpartition(":")[0]
    content = make_site({rel: first})
    cache = BuildCache()
    _found(content, cache)
    (content / rel).write_text(second, encoding="utf-8")
    assert (where, key) in _found(content, cache)
    assert _found(content, cache) == _found(content, BuildCache())  # warm == cold


def test_an_unchanged_record_is_not_checked_again(make_site: MakeSite, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_site({"activities/a.md": IMAGE.format(extra=""), "activities/b.md": IMAGE.format(extra="")})
    cache = BuildCache()
    cold = _found(content, cache)
    checked: list[str] = []
    real = check.body_limits
    monkeypatch.setattr(check, "body_limits", lambda raw: checked.append(str(raw.path)) or real(raw))
    (content / "activities/b.md").write_text(IMAGE.format(extra="# 注释\n"), encoding="utf-8")
    warm = _found(content, cache)
    assert checked == ["activities/b.md"]
    assert [p for p in warm if p[0].startswith("activities/a.md")] == [p for p in cold if p[0].startswith("activities/a.md")]


ZHANG = "name: 张建国\nrole: 楼栋长\nphone: 13956781234\nshow_phone: {show}\n"
LI = "name: 李秀英\nrole: 单元长\nphone: 13812345678\nshow_phone: masked\n"
TYPED = "---\ntitle: 七夕\ndate: 2019-08-06\n---\n报名电话 139-5678-1234\n"


def test_a_record_found_free_of_hidden_numbers_is_searched_again_when_they_change(make_site: MakeSite) -> None:
    content = make_site({"disclosures/zhang.yaml": ZHANG.format(show="full"), "disclosures/li.yaml": LI,
                         "activities/a.md": TYPED})
    cache = BuildCache()
    assert ("activities/a.md:5", "privacy.hidden_phone") not in _found(content, cache)  # 张建国's number is public
    (content / "disclosures/zhang.yaml").write_text(ZHANG.format(show="masked"), encoding="utf-8")
    for _ in range(2):  # found, and found again when nothing changed
        assert ("activities/a.md:5", "privacy.hidden_phone") in _found(content, cache)
    (content / "activities/a.md").write_text(TYPED.replace("139-5678-1234", "找张建国"), encoding="utf-8")
    assert _found(content, cache) == _found(content, BuildCache()) == []


def test_a_record_free_of_hidden_numbers_is_not_searched_again(make_site: MakeSite,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.validate import phones

    content = make_site({"disclosures/li.yaml": LI, "activities/a.md": TYPED, "activities/b.md": TYPED})
    cache = BuildCache()
    _found(content, cache)
    searched: list[str] = []
    real = phones.digits_seen  # the first reading of every record not known clean (validate/numberless.py)
    monkeypatch.setattr(phones, "digits_seen", lambda text: searched.append(text) or real(text))
    (content / "activities/b.md").write_text(TYPED + "\n又一段\n", encoding="utf-8")
    _found(content, cache)
    assert len(searched) == 1 and "又一段" in searched[0]
