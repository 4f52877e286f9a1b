"""Number and yes-or-no fields as hurried workers type them (break20), in a record file and a sheet alike.

- `value: 1.000` was published as 1 元: a dot that may stand between thousands (1.000 is a thousand on
  some keyboards and in some spreadsheets) is never read as a decimal point; both readings are offered.
  A sum has at most two decimals (yuan, jiao, fen).
- `progress: 100%%` was taken: a progress takes one % or ％ after its number, no more.
- `party_member: 党员` was refused in a file while the import took 党员 in the same column: one word
  list (the registry's) is read by both, and a field's own words (党员, 群众) are its alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from sitegen.i18n.messages import Messages
from sitegen.load import load_content
from sitegen.sheets.cells import CellError
from sitegen.sheets.columns import COLUMNS
from sitegen.sheets.records import _read
from sitegen.validate import fields
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from sitegen.validate.schema import SCHEMAS
from tests.conftest import SITE_YAML, MakeSite, run, write_files

ZH = Messages("zh-Hans")
CHECKS = {"Money": fields._money, "Count": fields._count, "Percent": fields._percent}


def _refusal(check: Any, typed: str) -> str:
    with pytest.raises(PydanticCustomError) as caught:
        check(typed)
    return ZH.text(caught.value.type, field="value", **caught.value.context)


# (field type, typed, what the refusal says). Each was taken or told less before.
DOT_ROWS = [
    # a dot that may group thousands: both readings, never the one the machine guesses
    ("Money", "1.000", "请写成 1000（千位之间不加点），或者 1.00（点是小数点时）"),  # was published as 1 元
    ("Money", "2.500", "请写成 2500（千位之间不加点），或者 2.50"),
    ("Money", "12.345", "请写成 12345（千位之间不加点），或者 12.35"),  # was 12.345 元
    ("Money", "100.000", "请写成 100000（千位之间不加点），或者 100.00"),
    ("Money", "1.000元", "请写成 1000（千位之间不加点），或者 1.00"),
    ("Money", "￥1.000", "请写成 1000（千位之间不加点），或者 1.00"),  # was told 请写成 1
    ("Money", "1.000.000", "请写成 1000000（现在是“1.000.000”）"),  # two dots: no decimal point
    # a sum has no third decimal: it is told the sum to the fen
    ("Money", "1000.001", "最多写到分，即小数点后两位：请写成 1000（现在是“1000.001”）"),
    ("Money", "0.505", "请写成 0.51"),
    ("Money", "35.5555", "请写成 35.56"),
    # a count: 1.000 is a thousand or one; 2.500 people can only be 2500
    ("Count", "1.000", "请写成 1000（千位之间不加点），或者 1（点是小数点时）"),
    ("Count", "3.000人", "请写成 3000（千位之间不加点），或者 3（点是小数点时）"),
    ("Count", "2.500", "请写成 2500（现在是“2.500”）"),
    ("Count", "1.000.000", "请写成 1000000（现在是“1.000.000”）"),
]


@pytest.mark.parametrize(("kind", "typed", "said"), DOT_ROWS)
def test_a_dot_is_never_guessed_and_a_sum_stops_at_the_fen(kind: str, typed: str, said: str) -> None:
    assert said in _refusal(CHECKS[kind], typed)


# How a progress reads its % sign: (typed, the number taken, or the digits the refusal offers as "→ N").
PERCENT_ROWS = [
    ("100%%", "→ 100"),  # break20: a doubled sign was taken as 100
    ("100%％", "→ 100"),  # mixed signs
    ("100％%", "→ 100"),
    ("50 % %", "→ 50"),
    ("%100", "→ 100"),  # a sign before the number was told only 应是整数
    ("% 80", "→ 80"),
    ("％80", "→ 80"),
]


@pytest.mark.parametrize(("typed", "read"), PERCENT_ROWS)
def test_a_progress_takes_one_percent_sign_after_its_number(typed: str, read: str) -> None:
    said = _refusal(fields._percent, typed)
    assert f"不加 % 或文字：请写成 {read.removeprefix('→ ')}（现在是“{typed}”）" in said, said


# The fields a record needs besides the one a row is about.
REQUIRED = {
    "wishes": {"wish": "助行器", "wisher": "周桂芳", "posted_on": "2026-10-18", "status": "open"},
    "activities": {"title": "清洁家园", "date": "2026-03-05"},
    "disclosures": {"name": "张建国", "role": "楼栋党小组长"},
    "deliberations": {"title": "停车", "raised_on": "2026-04-07", "status": "proposed"},
}
REFUSED = "refused"

# (kind, field, typed, what a record file and a sheet cell both read). Each row read otherwise in
# one place or both before (the reading before in the comment: file / sheet).
SAME_ROWS = [
    ("disclosures", "party_member", "党员", True),  # refused / True
    ("disclosures", "party_member", "中共党员", True),  # refused / True
    ("disclosures", "party_member", "预备党员", True),  # refused / True
    ("disclosures", "party_member", "中国共产党党员", True),  # refused / refused: GB/T 4762's name
    ("disclosures", "party_member", "黨員", True),  # refused / refused: the 繁體 spelling
    ("disclosures", "party_member", "群众", False),  # refused / False
    ("disclosures", "party_member", "非党员", False),  # refused / False
    ("disclosures", "party_member", "共青团员", False),  # refused / False
    ("disclosures", "party_member", "√", True),  # refused / True: everyone's yes, now one list
    ("disclosures", "party_member", "×", False),  # refused / False
    ("disclosures", "party_member", "不是", False),  # refused / False
    ("disclosures", "party_member", "on", True),  # True / refused
    ("disclosures", "draft", "off", False),  # False / refused
    ("disclosures", "draft", "党员", REFUSED),  # refused / True: 党员 is party_member's word, no draft's
    ("wishes", "draft", "群众", REFUSED),  # refused / False
    ("wishes", "value", "1.000", REFUSED),  # 1 / 1
    ("wishes", "value", "2.500元", REFUSED),  # 2.5 / 2.5
    ("wishes", "value", "1,5", REFUSED),  # refused / 15: a comma grouping no thousands
    ("activities", "participants", "1,000", 1000),  # 1000 / refused
]


def _file_reads(kind: str, field: str, typed: str) -> object:
    try:
        record = SCHEMAS[kind].model_validate({**REQUIRED[kind], field: typed})
    except ValidationError:
        return REFUSED
    return getattr(record, field)


def _sheet_reads(kind: str, field: str, typed: str) -> object:
    column = next(c for c in COLUMNS[kind] if c.target == field)
    try:
        return _read(column, typed, kind)
    except CellError:
        return REFUSED


@pytest.mark.parametrize(("kind", "field", "typed", "read"), SAME_ROWS)
def test_a_file_and_a_sheet_read_one_word_alike(kind: str, field: str, typed: str, read: object) -> None:
    assert (_file_reads(kind, field, typed), _sheet_reads(kind, field, typed)) == (read, read)


def test_a_refused_party_member_is_told_its_own_words() -> None:
    check = SCHEMAS["disclosures"]
    with pytest.raises(ValidationError) as caught:
        check.model_validate({**REQUIRED["disclosures"], "party_member": "民革党员"})  # a member of another party
    error = caught.value.errors()[0]
    said = ZH.text(error["type"], field="party_member", **error["ctx"])
    assert "也可以写 党员、中共党员、预备党员（true）；群众、非党员、共青团员（false）" in said, said


# (file, text, its line, what `check` says there): the whole way, in a content folder
CHECKED = [
    ("wishes/w.yaml", "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\nvalue: 1.000\n", 5,
     "价值（value）写的是“1.000”，其中的点分不清是分隔千位，还是小数点：请写成 1000（千位之间不加点），或者 1.00（点是小数点时）。"),
    ("activities/a.md", "---\ntitle: 清洁家园\ndate: 2026-03-05\nparticipants: 1.000\n---\n", 4,
     "请写成 1000（千位之间不加点），或者 1（点是小数点时）"),
    ("deliberations/l.yaml", "title: 停车\nraised_on: 2026-04-07\nstatus: implementing\ndecision: 同意\nprogress: 100%%\n",
     5, "请写成 100（现在是“100%%”）"),
]


@pytest.mark.parametrize(("path", "text", "line", "said"), CHECKED)
def test_check_names_the_line_and_both_readings(tmp_path: Path, path: str, text: str, line: int, said: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, path: text})
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    found = [p.render(ZH) for p in validated.problems if not p.warning]
    assert any(f"{path}:{line}: " in p and said in p for p in found), found


def test_an_imported_sum_with_a_dot_is_asked_and_nothing_is_written(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site()
    sheet = tmp_path / "心愿.csv"
    sheet.write_text("心愿,许愿人,发布日期,状态,价值\n助行器,周桂芳,2026-10-18,待认领,1.000\n", "utf-8")
    result = run("import", "微心愿", str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})
    assert result.exit_code == 1, result.output
    assert "请写成 1000（千位之间不加点），或者 1.00（点是小数点时）" in result.stderr, result.stderr
    assert not (content / "wishes").exists()
