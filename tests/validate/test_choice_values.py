"""A choice value is said in the worker's words, the ones the site, the editor and the 表格模板 show
(left16): the list of choices for a wrong value (居民提事（proposed） …, not 提议), a rule naming a
record's status (状态为已实现（fulfilled）的心愿, not 状态为 fulfilled) and a privacy message naming
show_phone (是仅海报完整（poster）, not 是 poster); in 繁體 for a 繁體 reader."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from sitegen.i18n.messages import Messages
from sitegen.load import load_content
from sitegen.validate.check import validate_content
from sitegen.validate.privacy import Variants
from tests.conftest import SITE_YAML, write_files

W = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: {status}\n{extra}"
L = "title: 噪音\nraised_on: 2020-04-07\nstatus: {status}\n{extra}"
D = "name: 张建国\nrole: 楼栋党小组长\nphone: 13812345678\nshow_phone: {show}\n"
OFFICE = SITE_YAML + "office:\n  phone: '13812345678'\n"

ROWS = [
    # (language, files, the file, what its message must hold)
    ("zh-Hans", {"deliberations/l.yaml": L.format(status="搁置", extra="")}, "deliberations/l.yaml",
     "居民提事（proposed）、两委审事（reviewing）、协商议事（deliberating）、已议定（decided）、实施中（implementing）、"
     "已办结（completed）、未通过（rejected）；"),
    ("zh-Hant", {"deliberations/l.yaml": L.format(status="搁置", extra="")}, "deliberations/l.yaml",
     "居民提事（proposed）、兩委審事（reviewing）"),
    ("zh-Hans", {"disclosures/d.yaml": D.format(show="半遮")}, "disclosures/d.yaml",
     "仅海报完整（poster）、完整公开（full）、打码（masked）、不显示（none）；"),
    ("zh-Hans", {"wishes/w.yaml": W.format(status="等着", extra="")}, "wishes/w.yaml",
     "待认领（open）、已认领（claimed）、已实现（fulfilled）、已撤回（withdrawn）；"),
    # a rule naming the status: the site's word and the value, however it was typed
    ("zh-Hans", {"wishes/w.yaml": W.format(status="fulfilled", extra="claimed_by: 小李\nclaimed_on: 2026-10-20\n")},
     "wishes/w.yaml", "状态为已实现（fulfilled）的心愿需要填写实现日期（fulfilled_on）"),
    ("zh-Hans", {"wishes/w.yaml": W.format(status="进行中", extra="")}, "wishes/w.yaml",
     "状态为已认领（claimed）的心愿需要填写认领人或单位（claimed_by）"),
    ("zh-Hant", {"wishes/w.yaml": W.format(status="已认领", extra="")}, "wishes/w.yaml",
     "狀態為已認領（claimed）的心願"),
    ("zh-Hans", {"deliberations/l.yaml": L.format(status="rejected", extra="")}, "deliberations/l.yaml",
     "状态为未通过（rejected）的议事需要填写议定结果（decision）"),
    ("zh-Hans", {"deliberations/l.yaml": L.format(status="已通过", extra="")}, "deliberations/l.yaml",
     "状态为已议定（decided）的议事需要填写议定结果（decision）"),
    ("zh-Hans", {"deliberations/l.yaml": L.format(status="completed", extra="decision: 装\nprogress: 80\n")},
     "deliberations/l.yaml", "已办结（completed）的议事进度应为 100"),
    # show_phone named by a privacy message
    ("zh-Hans", {"disclosures/d.yaml": D.format(show="poster"), "activities/a.md": "---\ntitle: t\ndate: 2026-12-01\n---\n找张建国 13812345678\n"},
     "activities/a.md", "张建国的电话怎么显示（show_phone）是仅海报完整（poster）"),
    ("zh-Hant", {"disclosures/d.yaml": D.format(show="打码"), "activities/a.md": "---\ntitle: t\ndate: 2026-12-01\n---\n找张建国 13812345678\n"},
     "activities/a.md", "张建国的電話怎麼顯示（show_phone）是打碼（masked）"),
    ("zh-Hans", {"site.yaml": OFFICE, "disclosures/d.yaml": D.format(show="masked")}, "disclosures/d.yaml",
     "张建国的电话怎么显示（show_phone）是打码（masked，"),
]


@pytest.mark.parametrize(("language", "files", "path", "held"), ROWS)
def test_a_choice_value_is_said_in_the_workers_words(tmp_path: Path, language: str, files: dict[str, str], path: str,
                                                     held: str) -> None:
    write_files(tmp_path, {"site.yaml": SITE_YAML, **files})
    validated = validate_content(load_content(tmp_path), tmp_path, variants=Variants())
    said = [p.render(Messages(language)) for p in validated.problems if str(p.path) == path]
    assert any(held in line for line in said), said


@pytest.mark.parametrize(("kind", "path", "text", "held"), [
    ("wishes", "wishes/w.yaml", W.format(status="claimed", extra=""), "状态为已认领（claimed）的心愿"),
    ("disclosures", "disclosures/d.yaml", D.format(show="poster").replace("phone: 13812345678\n", "phone: '13812345678'\n"),
     None),
])
def test_the_editor_says_a_choice_once(tmp_path: Path, kind: str, path: str, text: str, held: str | None) -> None:
    """sitegen edit puts the form's words for a field and a value into a message: a status or show_phone
    already said in the worker's words is left as it is (not 状态为已认领（已认领）)."""
    from sitegen.edit.checking import check_form

    write_files(tmp_path, {"site.yaml": OFFICE if held is None else SITE_YAML})
    errors, _ = check_form(tmp_path, PurePosixPath(path), text, kind, Messages("zh-Hans"))
    said = [line for lines in errors.values() for line in lines]
    assert said and all("（已认领）" not in line and "（海报上完整" not in line for line in said), said
    assert held is None or any(held in line for line in said), said
