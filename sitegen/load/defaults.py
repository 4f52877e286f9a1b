"""A street's community inherits what its site.yaml leaves out (docs/spec.md §6).

The defaults are merged into the parsed site.yaml mapping, not into its text: every problem in the
community's own site.yaml keeps its line, and an inherited value points at the record's first line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping

from sitegen.load import Loaded


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
            raw = dataclasses.replace(raw, fields=fields, digest=digest)
        records.append(raw)
    return dataclasses.replace(loaded, records=records)
