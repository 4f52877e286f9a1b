"""What every field type starts from: the value as the worker typed it, and the error that refuses it.

validate/fields.py, validate/numbers.py and validate/yesno.py read their fields from here; each error's
type is also its message key (sitegen/i18n/zh-Hans.yaml `value.*`).
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

from sitegen.load.garbage import garbled_run
from sitegen.validate.words import unquoted


def fail(key: str, **context: Any) -> PydanticCustomError:
    """The error refusing a value: `key` is the message key, `context` fills its placeholders."""
    return PydanticCustomError(key, key, context)


def text_of(value: Any) -> str:
    """A scalar as text. Raises `value.empty` for `title:` with nothing after it (not the text "None"),
    `value.not_text` for a list or mapping, and `value.garbled` for a mojibake run typed as a YAML
    escape ("\\uFFFD"; the file itself was checked at load)."""
    if value is None:
        raise fail("value.empty")
    if isinstance(value, (dict, list)):
        raise fail("value.not_text")
    text = str(value)
    run = garbled_run(text)
    if run is not None:
        raise fail("value.garbled", run=run)
    return text


def typed(value: Any) -> str:
    """The value as typed, ends trimmed, without the quotes an input method put around it (words.unquoted);
    raises as `text_of`."""
    return unquoted(text_of(value).strip())
