"""Every field, type, enumeration and cross-field rule of SPEC §2–§3: one small invalid fixture each.

Each case names the file and the line the error must point at, and a word the message must hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, MakeSite, error_lines, run

A = "---\ntitle: 七夕\ndate: 2019-08-06\n{extra}---\n"
D = "name: 张建国\nrole: 楼栋党小组长\n{extra}"
L = "title: 广场舞噪音\nraised_on: 2020-04-07\nstatus: proposed\n{extra}"
W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n{extra}"

CASES = [
    # site.yaml (SPEC §2)
    ("site_name_missing", {}, "base_url: https://a.example.org/\n", "site.yaml:1", "name"),
    ("site_base_url_relative", {}, "name: 社区\nbase_url: /wanghu/\n", "site.yaml:2", "http"),
    ("site_base_url_ftp", {}, "name: 社区\nbase_url: ftp://a.example.org/\n", "site.yaml:2", "http"),
    ("site_language_unknown", {}, SITE_YAML + "language: fr\n", "site.yaml:4", "zh-Hans"),
    ("site_timezone_unknown", {}, SITE_YAML + "timezone: Mars/Olympus\n", "site.yaml:4", "time zone"),
    ("site_paper_unknown", {}, SITE_YAML + "poster_paper: Letter\n", "site.yaml:4", "A4"),
    ("site_office_phone_bad", {}, SITE_YAML + "office:\n  phone: call me\n", "site.yaml:5", "phone"),
    ("site_place_slug_bad", {}, SITE_YAML + "place_slugs:\n  福桂苑: Fu Gui\n", "site.yaml:5", "place_slugs"),
    # activity
    ("activity_title_missing", {"activities/a.md": "---\ndate: 2019-08-06\n---\n"}, None, "activities/a.md:1", "title"),
    # a missing field's message says how to add it, in a Markdown record and a YAML one
    ("activity_title_missing_says_how", {"activities/a.md": "---\ndate: 2019-08-06\n---\n"}, None, "activities/a.md:1",
     "add a line “title: …”"),
    ("wish_wisher_missing_says_how", {"wishes/w.yaml": W.format(extra="").replace("wisher: 周桂芳\n", "")}, None,
     "wishes/w.yaml:1", "add a line “wisher: …”"),
    ("activity_date_missing", {"activities/a.md": "---\ntitle: x\n---\n"}, None, "activities/a.md:1", "date"),
    ("activity_date_format", {"activities/a.md": "---\ntitle: x\ndate: 下周五\n---\n"}, None, "activities/a.md:3", "2021-08-06"),
    ("activity_date_no_year_chinese", {"activities/a.md": "---\ntitle: x\ndate: 八月六日\n---\n"}, None, "activities/a.md:3",
     "as YEAR-08-06"),
    # a date typed as people write one: the message says exactly what to write (validate/date_hint.py)
    ("activity_date_typed_slashes", {"activities/a.md": "---\ntitle: x\ndate: 2019/8/6\n---\n"}, None, "activities/a.md:3",
     "must be written 2019-08-06 (got"),
    ("activity_date_typed_chinese", {"activities/a.md": "---\ntitle: x\ndate: 2026年12月21日 下午3点\n---\n"}, None,
     "activities/a.md:3", "must be written 2026-12-21 15:00"),
    # typed as people write one, but no such day or time: check the month and day, and the form to write
    ("activity_date_typed_no_such_day", {"activities/a.md": "---\ntitle: x\ndate: 2026年13月40日\n---\n"}, None,
     "activities/a.md:3", "no such date or time as “2026年13月40日”"),
    ("activity_date_typed_no_such_hour", {"activities/a.md": "---\ntitle: x\ndate: 2026/12/21 25:00\n---\n"}, None,
     "activities/a.md:3", "the time (00:00 to 23:59)"),
    ("disclosure_since_typed_no_such_day", {"disclosures/d.yaml": D.format(extra="since: 2026年2月30日\n")}, None,
     "disclosures/d.yaml:3", "no such date as “2026年2月30日”; check the month (1-12) and the day, and write it like 2021-08-06."),
    ("activity_date_no_such_day", {"activities/a.md": "---\ntitle: x\ndate: 2024-13-10\n---\n"}, None, "activities/a.md:3", "no such date"),
    ("activity_time_invalid", {"activities/a.md": "---\ntitle: x\ndate: 2024-01-10 25:00\n---\n"}, None, "activities/a.md:3", "time"),
    ("activity_end_before_date", {"activities/a.md": A.format(extra="end: 2019-08-05\n")}, None, "activities/a.md:4", "before"),
    ("activity_end_time_before", {"activities/a.md": "---\ntitle: x\ndate: 2019-08-06 15:00\nend: 2019-08-06 14:00\n---\n"}, None, "activities/a.md:4", "before"),
    ("activity_participants_negative", {"activities/a.md": A.format(extra="participants: -3\n")}, None, "activities/a.md:4", "at least 0"),
    ("activity_participants_text", {"activities/a.md": A.format(extra="participants: 很多\n")}, None, "activities/a.md:4", "whole number"),
    ("activity_draft_not_bool", {"activities/a.md": A.format(extra="draft: maybe\n")}, None, "activities/a.md:4", "true or false"),
    ("activity_partners_mapping", {"activities/a.md": A.format(extra="partners:\n  a: b\n")}, None, "activities/a.md:4", "list"),
    ("activity_title_empty", {"activities/a.md": "---\ntitle: ''\ndate: 2019-08-06\n---\n"}, None, "activities/a.md:2", "empty"),
    # disclosure
    ("disclosure_name_missing", {"disclosures/d.yaml": "role: 单元长\n"}, None, "disclosures/d.yaml:1", "name"),
    ("disclosure_role_missing", {"disclosures/d.yaml": "name: 张建国\n"}, None, "disclosures/d.yaml:1", "role"),
    ("disclosure_show_phone_bad", {"disclosures/d.yaml": D.format(extra="show_phone: sometimes\n")}, None, "disclosures/d.yaml:3", "poster, full, masked, none"),
    # a mobile number with a digit lost or doubled (spaces as people type them); 5-digit service numbers stay valid
    ("disclosure_phone_mobile_short", {"disclosures/d.yaml": D.format(extra="phone: 139 5512 334\n")}, None,
     "disclosures/d.yaml:3", "a mobile number has 11 digits, but “139 5512 334” has 10"),
    ("disclosure_phone_mobile_long", {"disclosures/d.yaml": D.format(extra="phone: 138-1234-56789\n")}, None,
     "disclosures/d.yaml:3", "has 12"),
    ("disclosure_phone_mobile_plus86_short", {"disclosures/d.yaml": D.format(extra="phone: +86 1381234567\n")}, None,
     "disclosures/d.yaml:3", "has 10"),
    ("disclosure_phone_bad", {"disclosures/d.yaml": D.format(extra="phone: 138-abc\n")}, None, "disclosures/d.yaml:3", "phone"),
    ("disclosure_place_empty_level", {"disclosures/d.yaml": D.format(extra="place: 福桂苑//2单元\n")}, None, "disclosures/d.yaml:3", "place"),
    ("disclosure_since_bad", {"disclosures/d.yaml": D.format(extra="since: 去年\n")}, None, "disclosures/d.yaml:3", "2021-08-06"),
    # break20: 党员 is party_member's own word, as the import reads it (test_number_spellings.py); 民革党员 is no CPC member
    ("disclosure_party_member_bad", {"disclosures/d.yaml": D.format(extra="party_member: 民革党员\n")}, None, "disclosures/d.yaml:3", "true or false"),
    ("disclosure_duties_nested", {"disclosures/d.yaml": D.format(extra="duties:\n  - [a, b]\n")}, None, "disclosures/d.yaml:3", "list"),
    # deliberation
    ("deliberation_status_missing", {"deliberations/l.yaml": "title: x\nraised_on: 2020-04-07\n"}, None, "deliberations/l.yaml:1", "status"),
    ("deliberation_raised_on_missing", {"deliberations/l.yaml": "title: x\nstatus: proposed\n"}, None, "deliberations/l.yaml:1", "raised_on"),
    ("deliberation_status_unknown", {"deliberations/l.yaml": "title: x\nraised_on: 2020-04-07\nstatus: done\n"}, None, "deliberations/l.yaml:3", "proposed"),
    *[(f"deliberation_{s}_needs_decision", {"deliberations/l.yaml": f"title: x\nraised_on: 2020-04-07\nstatus: {s}\n"}, None,
       "deliberations/l.yaml:3", "decision") for s in ("decided", "implementing", "completed", "rejected")],
    ("deliberation_completed_not_100", {"deliberations/l.yaml": "title: x\nraised_on: 2020-04-07\nstatus: completed\ndecision: y\nprogress: 80\n"}, None, "deliberations/l.yaml:5", "100"),
    ("deliberation_progress_over_100", {"deliberations/l.yaml": L.format(extra="progress: 120\n")}, None, "deliberations/l.yaml:4", "at most 100"),
    ("deliberation_meeting_before_raised", {"deliberations/l.yaml": L.format(extra="meeting:\n  date: 2020-04-01\n")}, None, "deliberations/l.yaml:5", "raised_on"),
    ("deliberation_timeline_before_raised", {"deliberations/l.yaml": L.format(extra="timeline:\n  - date: 2020-04-08\n    note: a\n  - date: 2019-01-01\n    note: b\n")}, None, "deliberations/l.yaml:7", "raised_on"),
    ("deliberation_timeline_note_missing", {"deliberations/l.yaml": L.format(extra="timeline:\n  - date: 2020-04-08\n")}, None, "deliberations/l.yaml:5", "note"),
    ("deliberation_votes_negative", {"deliberations/l.yaml": L.format(extra="votes:\n  for: 3\n  against: -1\n")}, None, "deliberations/l.yaml:6", "at least 0"),
    ("deliberation_attendees_text", {"deliberations/l.yaml": L.format(extra="meeting:\n  attendees: 二十\n")}, None, "deliberations/l.yaml:5", "write 20 (got"),
    ("deliberation_in_front_matter_line", {"deliberations/l.md": "---\ntitle: x\nraised_on: 2020-04-07\nstatus: completed\nprogress: 90\ndecision: y\n---\nbody\n"}, None, "deliberations/l.md:5", "100"),
    # wish
    ("wish_wisher_missing", {"wishes/w.yaml": "wish: x\nposted_on: 2026-10-18\nstatus: open\n"}, None, "wishes/w.yaml:1", "wisher"),
    ("wish_posted_on_missing", {"wishes/w.yaml": "wish: x\nwisher: 周桂芳\nstatus: open\n"}, None, "wishes/w.yaml:1", "posted_on"),
    ("wish_status_unknown", {"wishes/w.yaml": "wish: x\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: done\n"}, None, "wishes/w.yaml:4", "open, claimed"),
    ("wish_claimed_needs_claimed_by", {"wishes/w.yaml": W.replace("status: open", "status: claimed").format(extra="claimed_on: 2026-10-20\n")}, None, "wishes/w.yaml:4", "claimed_by"),
    ("wish_claimed_needs_claimed_on", {"wishes/w.yaml": W.replace("status: open", "status: claimed").format(extra="claimed_by: 志愿队\n")}, None, "wishes/w.yaml:4", "claimed_on"),
    ("wish_fulfilled_needs_fulfilled_on", {"wishes/w.yaml": W.replace("status: open", "status: fulfilled").format(extra="claimed_by: a\nclaimed_on: 2026-10-20\n")}, None, "wishes/w.yaml:4", "fulfilled_on"),
    ("wish_claimed_before_posted", {"wishes/w.yaml": W.replace("status: open", "status: claimed").format(extra="claimed_by: a\nclaimed_on: 2026-10-01\n")}, None, "wishes/w.yaml:6", "claimed_on"),
    ("wish_fulfilled_before_claimed", {"wishes/w.yaml": W.replace("status: open", "status: fulfilled").format(extra="claimed_by: a\nclaimed_on: 2026-10-20\nfulfilled_on: 2026-10-19\n")}, None, "wishes/w.yaml:7", "fulfilled_on"),
    ("wish_value_negative", {"wishes/w.yaml": W.format(extra="value: -5\n")}, None, "wishes/w.yaml:5", "at least 0"),
    ("wish_value_text", {"wishes/w.yaml": W.format(extra="value: 两百\n")}, None, "wishes/w.yaml:5", "write 200"),
    ("wish_address_spells_name", {"wishes/zhou-guifang.yaml": W.format(extra="")}, None, "wishes/zhou-guifang.yaml:1", "pinyin"),
    ("wish_id_spells_name", {"wishes/w.yaml": W.format(extra="id: 2026-zhouguifang\n")}, None, "wishes/w.yaml:5", "pinyin"),
    ("wish_alias_holds_name", {"wishes/w.yaml": W.format(extra="wisher_alias: 周桂芳奶奶\n")}, None, "wishes/w.yaml:5", "full name"),
    # slugs
    ("slug_file_name_uppercase", {"activities/Qixi.md": A.format(extra="")}, None, "activities/Qixi.md:1", "lowercase"),
    ("slug_file_name_chinese", {"activities/七夕.md": A.format(extra="")}, None, "activities/七夕.md:1", "lowercase"),
    ("slug_file_name_chinese_suggests_pinyin", {"activities/春节联欢.md": A.format(extra="")}, None,
     "activities/春节联欢.md:1", "rename the file chunjie-lianhuan.md, or add the line “id: chunjie-lianhuan”"),
    ("slug_file_name_spaces_suggests", {"disclosures/Li Si.yaml": "name: 李四\nrole: 楼栋长\n"}, None,
     "disclosures/Li Si.yaml:1", "rename the file li-si.yaml"),
    ("slug_file_name_of_a_wisher_suggests_nothing", {"wishes/周桂芳.yaml": W.format(extra="")}, None,
     "wishes/周桂芳.yaml:1", "or add “id:”"),
    ("status_named_as_typed", {"deliberations/l.yaml": "title: x\nraised_on: 2020-04-07\nstatus: 已通过\n"}, None,
     "deliberations/l.yaml:3", "status decided"),  # the Chinese says 已议定（decided）: tests/validate/test_choice_values.py
    ("slug_id_invalid", {"activities/a.md": A.format(extra="id: Qi Xi\n")}, None, "activities/a.md:4", "lowercase"),
    ("slug_too_long", {"activities/a.md": A.format(extra="id: " + "a" * 81 + "\n")}, None, "activities/a.md:4", "80"),
    ("slug_windows_reserved", {"activities/a.md": A.format(extra="id: con\n")}, None, "activities/a.md:4", "Windows"),
    ("slug_windows_reserved_file", {"activities/nul.md": A.format(extra="")}, None, "activities/nul.md:1", "file name"),
    ("slug_duplicate_across_files", {"activities/a.md": A.format(extra=""), "activities/b.md": A.format(extra="id: a\n")}, None, "activities/b.md:4", "activities/a.md"),
    ("slug_duplicate_in_list", {"wishes/many.yaml": "- id: w1\n  wish: a\n  wisher: 周桂芳\n  posted_on: 2026-10-18\n  status: open\n"
                                                    "- id: w1\n  wish: b\n  wisher: 钱文华\n  posted_on: 2026-10-18\n  status: open\n"}, None, "wishes/many.yaml:6", "w1"),
    # privacy
    ("privacy_wisher_name_elsewhere", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "感谢周桂芳老人。\n"}, None, "activities/a.md:5", "周**"),
    ("privacy_wisher_name_in_disclosure", {"wishes/w.yaml": W.format(extra=""), "disclosures/d.yaml": "name: 周桂芳\nrole: 单元长\n"}, None, "disclosures/d.yaml:1", "周**"),
    ("privacy_wisher_name_in_thanks", {"wishes/w.yaml": W.format(extra="thanks: 我是周桂芳，谢谢大家\n")}, None, "wishes/w.yaml:5", "周**"),
    # a name typed in a mix of scripts (the output scan folds it: the check names its line)
    ("privacy_wisher_name_mixed_scripts", {"wishes/w.yaml": W.format(extra="").replace("周桂芳", "刘晓风"), "activities/a.md": A.format(extra="") + "感谢劉晓风老人。\n"}, None, "activities/a.md:5", "刘**"),
    ("privacy_wisher_name_mixed_scripts_field", {"wishes/w.yaml": W.format(extra="").replace("周桂芳", "刘晓风"), "activities/a.md": A.format(extra="summary: 刘曉風來了\n")}, None, "activities/a.md:4", "刘**"),
    # a name split over body lines or paragraphs: the page's text runs on (i-break6: only the output scan stopped it)
    ("privacy_wisher_name_over_body_lines", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "感谢周\n桂芳老人。\n"}, None, "activities/a.md:5", "周**"),
    ("privacy_wisher_name_over_list_items", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "感谢周\n\n- 桂芳\n"}, None, "activities/a.md:5", "周**"),
    ("privacy_wisher_name_over_pasted_bullets", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "感谢周\n● 桂芳\n"}, None, "activities/a.md:5", "周**"),
    # shown on the page as typed: raw HTML is text there, a link's target stays in its href (i-break6)
    ("privacy_wisher_name_in_angle_brackets", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "谢谢。\n感谢<周桂芳>\n"}, None, "activities/a.md:6", "周**"),
    ("privacy_wisher_name_in_a_link_target", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "[见](https://a.example.org/周桂芳)\n"}, None, "activities/a.md:5", "周**"),
    ("privacy_wisher_name_over_quote_lines", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "> 感谢周\n> 桂芳\n"}, None, "activities/a.md:5", "周**"),
    # a character reference, which Markdown shows as its character (breaker helper-123: `check` passed, the build stopped)
    ("privacy_wisher_name_decimal_reference", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "看望周&#26690;芳奶奶。\n"}, None, "activities/a.md:5", "周**"),
    ("privacy_wisher_name_hex_reference", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "谢谢。\n看望&#x5468;桂芳奶奶。\n"}, None, "activities/a.md:6", "周**"),
    ("privacy_wisher_name_over_paragraphs", {"wishes/w.yaml": W.format(extra=""), "activities/a.md": A.format(extra="") + "谢谢。\n\n感谢周\n\n**桂芳**老人。\n"}, None, "activities/a.md:5", "周**"),
    # places
    ("place_slug_collision", {"disclosures/a.yaml": "name: 甲\nrole: 单元长\nplace: 长安苑\n", "disclosures/b.yaml": "name: 乙\nrole: 单元长\nplace: 常安苑\n"}, None, "disclosures/b.yaml:3", "长安苑"),
]


@pytest.mark.parametrize(("case", "files", "site", "where", "word"), CASES, ids=[c[0] for c in CASES])
def test_invalid_content_is_named_with_file_and_line(make_site: MakeSite, case: str, files: dict[str, str],
                                                     site: str | None, where: str, word: str) -> None:
    content = make_site(files, site=site or SITE_YAML)
    result = run("check", "--content", str(content))
    lines = [line for line in error_lines(result) if "warning" not in line]
    assert result.exit_code == 1, result.output
    assert lines, result.stderr
    assert any(line.startswith(where + ": ") and word in line for line in lines), "\n".join(lines)
    assert "Traceback" not in result.output


def test_every_defect_in_every_file_in_one_run_sorted(make_site: MakeSite) -> None:
    content = make_site({
        "wishes/w.yaml": "wish: x\nwisher: 周桂芳\nposted_on: 2026-13-01\nstatus: done\n",
        "activities/b.md": "---\ntitle: x\ndate: 2019-08-06\nend: 2019-08-01\nparticipants: -1\n---\n",
        "activities/a.md": "---\ndate: tomorrow\n---\n",
        "deliberations/l.yaml": "title: x\nraised_on: 2020-04-07\nstatus: decided\n",
    })
    result = run("check", "--content", str(content))
    assert result.exit_code == 1
    wheres = [line.split(": ")[0] for line in error_lines(result)]
    assert wheres == ["activities/a.md:1", "activities/a.md:2", "activities/b.md:5",
                      "deliberations/l.yaml:3", "wishes/w.yaml:3", "wishes/w.yaml:4"]


def test_end_before_date_and_negative_count_both_reported(make_site: MakeSite) -> None:
    """A type error and a rule error in one record: the rule only runs once types are right."""
    content = make_site({"activities/b.md": "---\ntitle: x\ndate: 2019-08-06\nend: 2019-08-01\n---\n",
                         "activities/c.md": "---\ntitle: x\ndate: 2019-08-06\nparticipants: -1\n---\n"})
    result = run("check", "--content", str(content))
    assert [line.split(": ")[0] for line in error_lines(result)] == ["activities/b.md:4", "activities/c.md:4"]


def test_unknown_field_warns_with_the_nearest_name(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "---\ntitel: 七夕\ntitle: 七夕\ndate: 2019-08-06\n---\n",
                         "disclosures/d.yaml": "name: 张\nrole: 组长\n电话: '13800000000'\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0
    lines = error_lines(result)
    assert lines[0].startswith("activities/a.md:2: warning") and "“title”" in lines[0]
    assert lines[1].startswith("disclosures/d.yaml:3: warning") and "“phone”" in lines[1]


def test_messages_follow_the_site_language(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "---\ntitle: x\ndate: 下周五\n---\n"})
    zh = run("check", "--content", str(content), env={"SITEGEN_LANG": ""})
    assert "日期和时间（date）应写成 2021-08-06 这样的格式" in zh.stderr
    (content / "site.yaml").write_text(SITE_YAML + "language: zh-Hant\n", encoding="utf-8")
    hant = run("check", "--content", str(content), env={"SITEGEN_LANG": ""})
    assert "日期和時間（date）應寫成 2021-08-06 這樣的格式" in hant.stderr
    en = run("--lang", "en", "check", "--content", str(content))
    assert "must be a date written like 2021-08-06" in en.stderr


def test_valid_minimal_site_checks_clean(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": A.format(extra=""), "wishes/w.yaml": W.format(extra=""),
                         "disclosures/d.yaml": D.format(extra=""), "deliberations/l.yaml": L.format(extra="")})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0, result.stderr


def test_demo_content_is_valid() -> None:
    result = run("check", "--content", str(Path(__file__).resolve().parents[2] / "content"))
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == []


def test_pictures_in_the_text_get_a_warning_with_their_line(make_site: MakeSite) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n正文\n\n![面点](media/a.jpg)\n"})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0
    assert error_lines(result)[0].startswith("activities/a.md:7: warning") and "photos" in error_lines(result)[0]


# (votes and meeting lines of a deliberation, whether more votes than people at the meeting are warned of)
VOTES = {
    "1,200 for with 15 there (the newcomer's: 1200 for 12)": ("meeting:\n  attendees: 15\nvotes: {for: 1200, against: 1}\n", True),
    "one vote more than the people there": ("meeting:\n  attendees: 15\nvotes:\n  for: 10\n  against: 5\n  abstain: 1\n", True),
    "every one of them voted": ("meeting:\n  attendees: 15\nvotes:\n  for: 10\n  against: 4\n  abstain: 1\n", False),
    "fewer votes than people there": ("meeting:\n  attendees: 40\nvotes: {for: 12}\n", False),
    "no attendance written": ("meeting:\n  date: 2020-04-08\nvotes: {for: 1200}\n", False),
    "no meeting at all": ("votes: {for: 1200}\n", False),
}


@pytest.mark.parametrize("name", VOTES)
def test_more_votes_than_people_at_the_meeting_is_a_warning(make_site: MakeSite, name: str) -> None:
    """A warning at the votes line, never an error: online or proxy votes may add to those present."""
    extra, warned = VOTES[name]
    content = make_site({"deliberations/l.yaml": L.format(extra=extra)})
    result = run("check", "--content", str(content))
    assert result.exit_code == 0, result.output
    lines = L.format(extra=extra).splitlines()
    votes_line = 1 + next(n for n, line in enumerate(lines) if line.startswith("votes:"))
    said = [line for line in error_lines(result) if "more than “meeting.attendees”" in line]
    assert len(said) == warned, result.stderr
    assert all(line.startswith(f"deliberations/l.yaml:{votes_line}: warning: the votes add up to ") for line in said)
    assert not any("abstain" in line for line in said)  # newcomer19: 弃权 0 was said, never typed


# (status, whether a decision is written, warned): a decision under a status before 已议定 is shown under it
DECIDED_EARLY = {
    "两委审事 with a decision (the newcomer's)": ("两委审事", True, True),
    "proposed with a decision": ("proposed", True, True),
    "deliberating with a decision": ("协商议事", True, True),
    "decided with a decision": ("decided", True, False),
    "completed with a decision": ("completed", True, False),
    "reviewing, no decision": ("reviewing", False, False),
}


@pytest.mark.parametrize("name", DECIDED_EARLY)
def test_a_decision_before_its_status_is_a_warning(make_site: MakeSite, name: str) -> None:
    status, decided, warned = DECIDED_EARLY[name]
    record = f"title: 广场舞噪音\nraised_on: 2020-04-07\nstatus: {status}\n" + ("decision: 限时\n" if decided else "")
    if status == "completed":
        record += "progress: 100\n"
    result = run("check", "--content", str(make_site({"deliberations/l.yaml": record})))
    assert result.exit_code == 0, result.output
    said = [line for line in error_lines(result) if "is still" in line]
    assert len(said) == warned, result.stderr
    assert all(line.startswith("deliberations/l.yaml:3: warning: the status is still ") for line in said)


@pytest.mark.parametrize(("quiet", "counts"), [(False, ["Content is valid: 1 records (1 warning(s))."]),
                                               (True, ["0 error(s), 1 warning(s)."])])
def test_check_counts_its_warnings_once(make_site: MakeSite, quiet: bool, counts: list[str]) -> None:
    """newcomer19: check said 0 error(s), 1 warning(s). and then Content is valid: … (1 warning(s)); under -q
    the line saying the content is valid is not printed, so the count after the warnings stays."""
    content = make_site({"activities/a.md": "---\ntitel: 七夕\ntitle: 七夕\ndate: 2019-08-06\n---\n"})
    result = run("check", "--content", str(content), *(["-q"] if quiet else []))
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "warning(s)" in line] == counts
