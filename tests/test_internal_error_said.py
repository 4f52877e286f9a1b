"""An internal error tells the worker what to send and to whom, with no web address: it sent them to
https://github.com/sitegen/sitegen/issues, an address the project does not have (newcomer20; the README's
own is YOUR-ORG/sitegen). Each row: a message key, in every language."""

from __future__ import annotations

import pytest

from sitegen.i18n.messages import Messages

KEYS = ["cli.internal_error", "cli.internal_error_street", "cli.internal_error_site"]


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_an_internal_error_says_what_to_send_without_an_address(key: str, language: str) -> None:
    said = Messages(language).text(key, detail="KeyError: 'x'", slugs="meihu", rest="其余不变", held="output")
    assert "http" not in said and "sitegen --version" in said and "{" not in said
