"""What a street's other communities must not publish either (docs/spec.md §6, privacy).

The privacy check and the leak scan see one community at a time; a wisher's full name typed into
another community's record would otherwise be published there. The street build gathers every
community's secrets (street/build.py) and hands them to each community as `Options.street_secrets`:
they join the model's `Secrets`, so the leak scan refuses a page that shows them (and scans again
the pages kept from earlier builds, since the secrets changed), and their digest is kept in the
build's state, so a community whose own files did not change is rebuilt when the street's set does.
"""

from __future__ import annotations

import dataclasses
import hashlib

from typing import TYPE_CHECKING
from sitegen.options import Options

if TYPE_CHECKING:
    from sitegen.model.records import Model


def secrets_digest(options: Options) -> str:
    """A digest of `options.street_secrets` ("" when there are none): part of the "unchanged" test.

    `options.street_secrets_digest` when the street made it already (`digest_of`, once per build).
    """
    return options.street_secrets_digest or digest_of(options.street_secrets)


def digest_of(secrets: tuple[tuple[str, str, str], ...]) -> str:
    """The digest of a street's set of secrets; "" for none."""
    if not secrets:
        return ""
    return hashlib.blake2b(repr(sorted(secrets)).encode("utf-8"), digest_size=16).hexdigest()


def with_street_secrets(model: Model, options: Options) -> Model:
    """`model` whose Secrets also hold the street's: names (as given, both scripts) and web-hidden phones."""
    if not options.street_secrets:
        return model
    secrets = model.secrets
    names = {value for kind, value, _ in options.street_secrets if kind == "name"}
    phones = {value for kind, value, _ in options.street_secrets if kind == "phone"}
    nowhere = {value for kind, value, _ in options.street_secrets if kind == "phone_none"}
    sources = {value: source for _, value, source in options.street_secrets if value not in secrets.sources}
    merged = dataclasses.replace(secrets, names=secrets.names | names, web_hidden_phones=secrets.web_hidden_phones | phones,
                                 nowhere_phones=secrets.nowhere_phones | nowhere, sources={**sources, **secrets.sources})
    return dataclasses.replace(model, secrets=merged)


def community_secrets(model: Model, slug: str) -> list[tuple[str, str, str]]:
    """One community's secrets as the street passes them on: sources made street-relative (`slug/…`)."""
    where = model.secrets.sources
    found = [("name", name, f"{slug}/{where.get(name, '')}") for name in model.secrets.names]
    found += [("phone", digits, f"{slug}/{where.get(digits, '')}") for digits in model.secrets.web_hidden_phones]
    # a `none` number is refused masked too, in every community (validate/masked_phones.py); also a "phone"
    found += [("phone_none", digits, f"{slug}/{where.get(digits, '')}") for digits in model.secrets.nowhere_phones]
    return sorted(found)
