"""Prompts of `sitegen new`'s record templates left in a record that is published, and words of
`sitegen init`'s samples left in any record (SAMPLE_WORDS, warned).

A worker makes a record with `sitegen new`, deletes `draft: true` and builds: a prompt they did not
replace would be published as it stands (a wish from 请******* whose text says 在这里写…). Each such
record is an error at the prompt's line; a draft may still hold them. The texts are those of
sitegen/scaffold/templates/ (tests/validate/test_leftovers.py holds the two equal).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from sitegen.errors import Problem
from sitegen.load.comments import field_path
from sitegen.load.records import RawRecord
from sitegen.validate.privacy import strings_in

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


# Words of `sitegen init`'s samples (sitegen/scaffold/site/content/) no community has: a record keeping one (a
# place 示例小区/1栋, a partner 共建单位甲, the sample's phone number) publishes it, though its other words were
# changed (the newcomer of s22). Each is in a sample (tests/cli/test_samples_left.py holds it so).
SAMPLE_WORDS: Final = ("示例小区", "示例街道", "示例社区", "示例市", "示例区", "共建单位甲", "共建单位乙", "13800001234")


def sample_words_left(raw: RawRecord, fields: Any) -> Iterator[Problem]:
    """A warning at each field whose text holds one of SAMPLE_WORDS (`record.sample_word`), drafts too. A
    rule, so checked once a record (its check is cached with it): scanning every record's texts on every
    build cost 56 ms at 10,000 records. A record that is a whole sample is said so instead (scaffold/samples.py)."""
    for at, text in strings_in(raw.fields):
        word = next((w for w in SAMPLE_WORDS if w in text), None)
        if word is not None:
            yield raw.problem(at, "record.sample_word", warning=True, field=field_path(at), value=word)
