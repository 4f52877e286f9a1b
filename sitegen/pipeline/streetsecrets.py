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
from pathlib import Path

from typing import TYPE_CHECKING
from sitegen.options import Options

if TYPE_CHECKING:
    from sitegen.model.records import Model, Secrets


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
    return secret_rows(model.secrets, slug)


def secret_rows(secrets: Secrets, slug: str) -> list[tuple[str, str, str]]:
    """`secrets` as the street passes them on: (kind, value, `slug/PATH:LINE`), sorted."""
    where = secrets.sources
    found = [("name", name, f"{slug}/{where.get(name, '')}") for name in secrets.names]
    found += [("phone", digits, f"{slug}/{where.get(digits, '')}") for digits in secrets.web_hidden_phones]
    # a `none` number is refused masked too, in every community (validate/masked_phones.py); also a "phone"
    found += [("phone_none", digits, f"{slug}/{where.get(digits, '')}") for digits in secrets.nowhere_phones]
    return sorted(found)


SECRET_KINDS = ("wishes", "disclosures")  # the folders whose records hold secrets (model/build.py _secrets)


def secrets_read(content: Path, options: Options, slug: str) -> tuple[list[tuple[str, str, str]], bool]:
    """A community's secrets read from its wishes and disclosures alone (`secret_rows`), and whether
    every one of those records could be read: for a street's community run on its own
    (street/lone.py), which must refuse its neighbours' secrets but is not theirs to check.

    Nothing else is read, so a neighbour's broken activity hides none of its secrets. A wish that
    fails its check still gives its `wisher` as written (2 characters or more, both scripts): a typo
    in its `status` must not let its wisher's name be published next door. A disclosure that fails
    gives nothing (its number is not known to be one) and makes the answer incomplete.
    """
    from sitegen.load import Loaded
    from sitegen.load.defaults import with_site_defaults
    from sitegen.load.files import discover
    from sitegen.load.records import load_file
    from sitegen.model.build import secrets_of
    from sitegen.validate.check import validate_content
    from sitegen.validate.privacy import Variants

    files = [f for f in discover(content, None)[0] if f.folder in ("site", *SECRET_KINDS)]
    records, problems = [], []
    for source in files:
        found, trouble = load_file(source, content)
        records += found
        problems += trouble
    loaded = Loaded(files=files, records=records, problems=problems)
    if options.site_defaults:
        loaded = with_site_defaults(loaded, options.site_defaults)
    variants = Variants()
    validated = validate_content(loaded, content, variants=variants)
    secrets = secrets_of(validated.records, variants)
    valid = {id(v.raw) for v in validated.records}
    failed = [raw for raw in loaded.records if raw.kind in SECRET_KINDS and id(raw) not in valid]
    rows = secret_rows(secrets, slug)
    for raw in failed:
        wisher = raw.fields.get("wisher") if raw.kind == "wishes" else None
        if isinstance(wisher, str) and len(wisher.strip()) > 1:
            where = f"{slug}/{raw.path}:{raw.line_of('wisher')}"
            rows += [("name", form, where) for form in sorted(variants.of(wisher.strip()))]
    complete = not any(not p.warning for p in loaded.problems if p.path.parts[:1] != ("site.yaml",)) \
        and not any(raw.kind == "disclosures" for raw in failed)
    return sorted(set(rows)), complete
