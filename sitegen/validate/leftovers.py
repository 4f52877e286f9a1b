"""Prompts of `sitegen new`'s record templates left in a record that is published.

A worker makes a record with `sitegen new`, deletes `draft: true` and builds: a prompt they did not
replace would be published as it stands (a wish from 请******* whose text says 在这里写…). Each such
record is an error at the prompt's line; a draft may still hold them. The texts are those of
sitegen/scaffold/templates/ (tests/validate/test_leftovers.py holds the two equal).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord

# field → the template's prompt for it: a value no one would write on purpose
TEMPLATE_VALUES: Final[dict[str, str]] = {"wisher": "请填写许愿人姓名"}
# the templates' bodies, each one line
TEMPLATE_BODIES: Final = frozenset({"在这里写活动介绍，可以分几段。", "在这里写问题的背景和讨论经过。", "在这里写页面内容。"})


def template_text_left(raw: RawRecord, fields: Any) -> Iterator[Problem]:
    """An error at each field still holding its template prompt and at each body line that is one,
    unless the record is a draft (SPEC §3: a draft is never published)."""
    if getattr(fields, "draft", False):
        return
    for field, prompt in TEMPLATE_VALUES.items():
        value = raw.fields.get(field)
        if isinstance(value, str) and value.strip() == prompt:
            yield raw.problem(field, "value.template_prompt", field=field, value=prompt)
    for offset, line in enumerate((raw.body or "").splitlines()):
        if line.strip() in TEMPLATE_BODIES:
            yield Problem(raw.path, (raw.body_line or 1) + offset, "body.template_prompt", {"value": line.strip()})
