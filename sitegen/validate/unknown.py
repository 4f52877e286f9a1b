"""Unknown fields are never dropped silently: warn, and name the field the worker probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Final

from sitegen.errors import Problem
from sitegen.load.comments import field_path
from sitegen.load.records import RawRecord
from sitegen.validate.guarded import guarded_field
from sitegen.validate.marked import marked_field
from sitegen.validate.schema import Fields, known_fields

# Chinese names workers type out of habit, mapped to the field they mean.
CHINESE_NAMES: Final = {
    "标题": "title", "日期": "date", "时间": "date", "地点": "place", "结束": "end", "组织": "organizer",
    "主办": "organizer", "共建单位": "partners", "项目": "project", "参与人数": "participants", "报名": "signup",
    "姓名": "name", "名字": "name", "职务": "role", "岗位": "role", "电话": "phone", "手机": "phone", "照片": "photo",
    "职责": "duties", "承诺": "pledge", "状态": "status", "决定": "decision", "结果": "decision", "进度": "progress",
    "心愿": "wish", "愿望": "wish", "许愿人": "wisher", "认领人": "claimed_by", "标签": "tags", "摘要": "summary",
    "草稿": "draft", "社区": "name", "网址": "base_url",
}


def _suggest(key: str, known: list[str]) -> str:
    if key in CHINESE_NAMES and CHINESE_NAMES[key] in known:
        return CHINESE_NAMES[key]
    near = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return near[0] if near else ""


def unknown_fields(raw: RawRecord, schema: type[Fields]) -> Iterator[Problem]:
    """A warning per unknown key, nested mappings included (meeting, votes, office, timeline); an error
    for a top-level key that stands for a field whose loss would publish what should not be
    (validate/guarded.py: `草稿: 是`, `Show_Phone: none`)."""
    yield from _walk(raw, raw.fields, schema, ())


def _walk(raw: RawRecord, data: object, schema: type[Fields], at: tuple[str | int, ...]) -> Iterator[Problem]:
    if not isinstance(data, dict):
        return
    known = known_fields(schema)
    last: tuple[object, object] = (None, None)
    for key, value in data.items():
        where = (*at, key)
        # `＃ claimed_by: …`, or a key standing for a field whose loss publishes what should not be (`草稿: 是`)
        marked = (marked_field(raw, at, key, data, known) or (None if at else guarded_field(raw, key, value, known))
                  if key not in known else None)
        if key not in known and _split_number(last[1], key, value):
            yield raw.problem(where, "value.flow_comma", field=field_path((*at, str(last[0]))), read=last[1])
        elif marked is not None:  # said once, as what it is
            yield marked
        elif key not in known:
            hint = _suggest(key, known)
            yield raw.problem(where, "field.unknown_hint" if hint else "field.unknown", warning=True,
                              field=field_path(where), suggestion=hint)
        elif key in schema.nested:
            nested = schema.nested[key]
            items = value if isinstance(value, list) else [value]
            for index, item in enumerate(items):
                yield from _walk(raw, item, nested, (*where, index) if isinstance(value, list) else where)
        last = (key, value)


def _split_number(before: object, key: object, value: object) -> bool:
    """Whether `key` (with no value) is the rest of the number before it, cut at a comma: YAML reads
    `votes: {for: 1,200, against: 3}` (a template's form) as for: "1" and a key "200" (a raw
    record's scalars are text: load/yamlfile.py). The count would be
    published as 1, with only an unknown field's warning (break17); it is an error at the key."""
    def digits(text: object) -> bool:
        return isinstance(text, str) and text.isascii() and text.isdigit()

    return value is None and digits(key) and len(str(key)) == 3 and digits(before)
