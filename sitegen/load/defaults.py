"""A street's community inherits what its site.yaml leaves out (docs/spec.md §6).

The defaults are merged into the parsed site.yaml mapping, not into its text: every problem in the
community's own site.yaml keeps its line; an inherited value's line is a negative code that the street
turns into its line in street.yaml (`inherited_paths`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping

from sitegen.load import Loaded


def inherited_paths(defaults: Mapping[str, object]) -> list[tuple[str, ...]]:
    """The field paths `defaults` gives (`("office",)`, `("office", "phone")` …) in a fixed order: an
    inherited field's line in site.yaml is -(its index + 1), which the street turns back into the
    field's line in street.yaml (street/build.py `moved`), so a problem in an inherited value (a
    street office phone that is a disclosure's hidden phone) points where that value is written."""
    paths: list[tuple[str, ...]] = []
    for key in sorted(defaults):
        paths.append((key,))
        value = defaults[key]
        if isinstance(value, Mapping):
            paths += [(key, str(sub)) for sub in sorted(value)]
    return paths


def with_site_defaults(loaded: Loaded, defaults: Mapping[str, object]) -> Loaded:
    """`loaded` with site.yaml's mapping given every key of `defaults` it does not set itself.

    The record's digest (the validation cache's key) changes with the defaults, so a changed
    street.yaml is validated again.
    """
    records = []
    for raw in loaded.records:
        if raw.kind == "site":
            fields = {**{k: v for k, v in defaults.items() if k not in raw.fields}, **raw.fields}
            mixed = json.dumps([raw.digest, sorted(defaults.items())], ensure_ascii=False, default=str)
            digest = hashlib.blake2b(mixed.encode("utf-8"), digest_size=12).hexdigest()
            codes = {path: -(i + 1) for i, path in enumerate(inherited_paths(defaults)) if path[0] not in raw.fields}
            lines: dict[tuple[str | int, ...], int] = {**raw.lines}
            lines.update((path, code) for path, code in codes.items() if path not in lines)
            raw = dataclasses.replace(raw, fields=fields, digest=digest, lines=lines)
        records.append(raw)
    # a community's site.yaml needs its name alone: the rest comes from street.yaml (breaker helper-126:
    # told to write base_url, which in a street must not be written otherwise)
    problems = [dataclasses.replace(p, key="site.missing_in_street") if p.key == "site.missing" else p
                for p in loaded.problems]
    return dataclasses.replace(loaded, records=records, problems=problems)
