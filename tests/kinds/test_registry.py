"""The kind registry (sitegen/kinds/): every stage reads one entry per kind, and a fifth kind needs nothing else.

Tables of input → expected value, as tests/validate/test_rules.py's CASES: the words a worker
may use for a kind, the names a new record or a sheet row gets, the first word a sheet writes;
then what every entry promises (its templates, labels, scaffold, rules, columns); last, a fifth
kind (积分公示) that validate and model take from its entry alone.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pytest
import yaml
from pydantic import ValidationError

from sitegen.edit.store import new_name
from sitegen.i18n.messages import Messages
from sitegen.kinds import ALL_KINDS, FOLDERS, RECORD_KINDS, Field, Kind, kind
from sitegen.load.files import SourceFile
from sitegen.load.records import load_file
from sitegen.model.build import Making, make_records
from sitegen.model.dates import Dating
from sitegen.model.records import Plain
from sitegen.scaffold import kind_of
from sitegen.sheets.columns import SHOW_PHONE_WORDS, STATUS_WORDS
from sitegen.sheets.records import natural_slug
from sitegen.validate.check import Valid, error_problem
from sitegen.validate.rules import COMMON_RULES, rules_for
from sitegen.validate.schema import SCHEMAS, known_fields, schema_for
from sitegen.validate.words import word_table
from tests.conftest import ROOT

ZH, EN = Messages("zh-Hans"), Messages("en")
THEME = ROOT / "themes" / "default"
CATALOGUES = ROOT / "sitegen" / "i18n"

# What `sitegen new KIND` and `sitegen import KIND` accept: (word typed, folder or None).
NAMES = [
    ("微心愿", "wishes"), ("心願", "wishes"), (" WISH ", "wishes"), ("议事结果", "deliberations"), ("議事", "deliberations"),
    ("亮身份", "disclosures"), ("身份", "disclosures"), ("社区活动", "activities"), ("activities", "activities"),
    ("页面", "pages"), ("頁面", "pages"), ("积分公示", None), ("", None),
]


@pytest.mark.parametrize(("word", "folder"), NAMES)
def test_a_kind_is_found_by_the_words_workers_use(word: str, folder: str | None) -> None:
    assert kind_of(word) == folder


# The fields SPEC §3 marks required (*), per kind: the schema made from each entry requires exactly these.
REQUIRED = [
    ("activities", {"title", "date"}),
    ("disclosures", {"name", "role"}),
    ("deliberations", {"title", "raised_on", "status"}),
    ("wishes", {"wish", "wisher", "posted_on", "status"}),
    ("pages", {"title"}),
]


@pytest.mark.parametrize(("folder", "required"), REQUIRED)
def test_the_schema_from_each_entry_requires_what_the_spec_marks(folder: str, required: set[str]) -> None:
    schema = SCHEMAS[folder]
    assert {name for name, info in schema.model_fields.items() if info.is_required()} == required
    # the kind's own fields in the entry's order, after the ones any record may have
    assert known_fields(schema)[-len(kind(folder).fields):] == [
        "for" if f.name == "for_" else f.name for f in kind(folder).fields]


# A record's new address: (kind, what the row or form says, the sheet's slug, the editor's file name).
ADDRESSES = [
    ("activities", {"title": "第十三届邻里节", "date": "2026-05-20 09:00"}, "2026-05-20-dishisanjie-linli-jie",
     "activities/2026-dishisanjie-linli-jie.md"),
    ("disclosures", {"name": "张建国", "place": "福桂苑/9栋", "since": "2020-01-01"}, "zhangjianguo-fuguiyuan-9dong",
     "disclosures/zhangjianguo.yaml"),
    ("deliberations", {"title": "电动车充电难", "raised_on": "2026-03-02"}, "2026-03-02-diandongche-chongdian-nan",
     "deliberations/2026-diandongche-chongdian-nan.md"),
    ("wishes", {"wish": "想要一个助行器", "wisher": "李秀兰", "posted_on": "2026-10-18"}, "2026-10-18-xiangyao-yige-zhuxingqi",
     "wishes/2026-xiangyao-yige-zhuxingqi.yaml"),
]


@pytest.mark.parametrize(("folder", "fields", "slug", "file"), ADDRESSES)
def test_new_records_are_named_by_the_fields_their_entry_names(folder: str, fields: dict[str, str], slug: str,
                                                               file: str, tmp_path: Path) -> None:
    assert natural_slug(dict(fields), folder) == slug
    assert str(new_name(tmp_path, folder, dict(fields))) == file
    assert "lixiulan" not in slug + file  # a wish is never named after its wisher


# The first word a sheet writes for a value (export, the template's drop-down): the website's label.
SHEET_WORDS = [
    ("deliberations", "proposed", "居民提事"), ("deliberations", "completed", "已办结"), ("deliberations", "rejected", "未通过"),
    ("wishes", "open", "待认领"), ("wishes", "fulfilled", "已实现"),
    ("disclosures", "poster", "仅海报完整"), ("disclosures", "masked", "打码"),
]


@pytest.mark.parametrize(("folder", "value", "word"), SHEET_WORDS)
def test_a_sheet_writes_the_website_label_first_and_reads_every_spelling(folder: str, value: str, word: str) -> None:
    words = SHOW_PHONE_WORDS if folder == "disclosures" else STATUS_WORDS[folder]
    assert words[value][0] == word
    entry_field = kind(folder).field("show_phone" if folder == "disclosures" else "status")
    assert entry_field is not None and entry_field.words is not None
    assert set(entry_field.words[value]) | {value} == set(words[value])  # what check accepts, no more, no less


def _keys(path: Path) -> set[str]:
    return set(yaml.safe_load(path.read_text("utf-8")))


@pytest.mark.parametrize("entry", ALL_KINDS, ids=lambda k: k.folder)
def test_every_entry_has_what_the_stages_read(entry: Kind) -> None:
    templates = THEME / "templates"
    assert (templates / entry.record_template).is_file()
    assert (templates / entry.list_template).is_file()
    if entry.posters:
        assert (templates / entry.poster_template).is_file()
    for language in ("zh-Hans", "zh-Hant", "en"):
        assert entry.label_key in _keys(THEME / "i18n" / f"{language}.yaml"), language
        if entry in RECORD_KINDS:
            assert f"about_{entry.folder}" in _keys(THEME / "i18n" / f"{language}.yaml"), language
            assert f"edit.kind.{entry.folder}" in _keys(CATALOGUES / f"{language}.yaml"), language
    assert (ROOT / "sitegen" / "scaffold" / "templates" / f"{entry.folder}{entry.suffix}").is_file()
    assert rules_for(entry)[:len(COMMON_RULES)] == COMMON_RULES and len(rules_for(entry)) == len(COMMON_RULES) + len(entry.rules)
    own = {f.name for f in entry.fields}
    assert entry.title_field in own and (entry.date_field is None or entry.date_field in own)
    assert entry.photo_field in {"photos", *own}
    for column in entry.columns:  # a column fills a field of the kind, or a part the sheet reader joins
        assert column.target.split(".")[0] in {*known_fields(SCHEMAS[entry.folder]), "time", "body", "votes"}
    for spec in entry.fields:
        if spec.type == "choice":
            assert spec.words and word_table(spec.words)  # no spelling means two values
            assert set(spec.sheet_labels) <= set(spec.words)


def test_the_record_folders_are_the_four_of_the_spec_in_order() -> None:
    assert FOLDERS == ("activities", "disclosures", "deliberations", "wishes")


# -- a fifth kind: 积分公示, volunteer points, from its entry alone ---------------------------------
POINTS = Kind(
    folder="points", singular="points_entry", label_key="kind_points", doc="积分公示: a volunteer's points, published.",
    fields=(
        Field("volunteer", "OneLine", required=True),
        Field("points", "Count", required=True),
        Field("awarded_on", "Day", required=True),
        Field("reason", "Text"),
        Field("status", "choice", default="published",
              words={"published": ("已公示", "公示中"), "disputed": ("有异议", "異議")}),
    ),
    title_field="volunteer", date_field="awarded_on", suffix=".yaml", dated=True,
    names=("points", "积分公示", "积分"), model="Plain",
)

# (file text, problems as "PATH:LINE: message" in zh-Hans and in en, or the model's title, day and
# values when it is valid)
POINT_CASES = [
    ("volunteer: 王阿姨\npoints: 30\nawarded_on: 2026-11-02\nreason: 助老陪诊\nstatus: 已公示\n", [],
     ("王阿姨", date(2026, 11, 2), {"points": 30, "status": "published", "reason": "助老陪诊"})),
    ("volunteer: 李师傅\npoints: 12\nawarded_on: 2026-10-20\n", [],
     ("李师傅", date(2026, 10, 20), {"points": 12, "status": "published", "reason": None})),
    ("volunteer: 王阿姨\npoints: 很多\nawarded_on: 2026-11-02\n",
     [("points/wang.yaml:2", "应是整数", "whole number")], None),
    ("volunteer: 王阿姨\nawarded_on: 2026-11-02\nstatus: 作废\n",
     [("points/wang.yaml:1", "points", "points"), ("points/wang.yaml:3", "已公示（published）", "已公示（published）")], None),
]


@pytest.mark.parametrize(("text", "problems", "made"), POINT_CASES)
def test_a_fifth_kind_is_validated_and_modelled_from_its_entry(text: str, problems: list[tuple[str, str, str]],
                                                               made: tuple[str, date, dict[str, object]] | None,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "points" / "wang.yaml"
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    source = SourceFile(PurePosixPath("points/wang.yaml"), "points", path.stat().st_size, path.stat().st_mtime_ns)
    (raw,), loaded = load_file(source, tmp_path)
    assert loaded == []
    schema = schema_for(POINTS)
    try:
        fields = schema.model_validate(raw.fields)
    except ValidationError as e:  # each error becomes a problem at its line, in the worker's language
        found = [error_problem(raw, err) for err in e.errors()]
        assert [p.render(ZH).split(": ")[0] for p in found] == [where for where, _, _ in problems]
        for problem, (_, zh_word, en_word) in zip(found, problems, strict=True):
            assert zh_word in problem.render(ZH) and en_word in problem.render(EN)
        assert made is None
        return
    assert problems == [] and made is not None
    assert [p for rule in rules_for(POINTS) for p in rule(raw, fields)] == []
    zone = ZoneInfo("Asia/Shanghai")
    making = Making(Dating({}, datetime(2026, 11, 30, 4, tzinfo=zone), zone), date(2026, 11, 30), {},
                    kind_of={"points": POINTS}.__getitem__)
    _, (record,) = make_records(POINTS, [Valid(raw=raw, fields=fields, slug="wang", photos=())], making)
    assert isinstance(record, Plain)
    title, day, values = made
    assert (record.title, record.day, record.url, record.kind) == (title, day, "points/wang/", "points")
    assert {k: record.values[k] for k in values} == values
