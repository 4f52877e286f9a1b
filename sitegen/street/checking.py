"""`sitegen check` of a street: every community checked, nothing written (docs/spec.md §6)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen import pipeline
from sitegen.errors import ContentInvalid, Problem, sorted_problems
from sitegen.kinds import ALL_KINDS
from sitegen.options import Options
from sitegen.street.build import _read
from sitegen.pipeline.streetsecrets import secrets_read
from sitegen.street.community import community_options, relocated
from sitegen.street.state import StreetFolders


@dataclass(slots=True)
class StreetChecked:
    """What checking a street found: its communities and records, its warnings and its drafts (each
    street-relative, `meihu/activities/x.md`)."""

    communities: int = 0
    records: int = 0
    warnings: list[Problem] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    kinds: dict[str, dict[str, int]] = field(default_factory=dict)  # slug → kind folder → records published


def kind_counts(model: Any) -> dict[str, int]:
    """How many records of each kind a checked community publishes (drafts not counted), by kind folder."""
    return {k.folder: len(model.of_kind(k.folder)) for k in ALL_KINDS}


def check_street(folder: Path, options: Options) -> StreetChecked:
    """Check every community (nothing is written), each against every other community's secrets
    (wishers' full names, hidden numbers), as the street build checks it (street/build.py).

    The secrets are read first, from each community's wishes and disclosures alone
    (pipeline/streetsecrets.py secrets_read); then each community is checked once with them, its own
    left out (pipeline._foreign). Checking each twice, without and then with the others' secrets,
    cost two full checks a community. breaker helper-124: `check` of a street passed a wisher of
    wanghu named in meihu, which `build` refused.

    Raises ContentInvalid with every problem of street.yaml and of every community, street-relative.
    """
    street, communities, problems, _ = _read(folder, options)
    folders = StreetFolders(Path(), Path())
    found = StreetChecked(communities=len(communities))
    plans = [(community, community_options(street, community, options, folders)) for community in communities]
    secrets = tuple(sorted({row for community, opts in plans
                            for row in secrets_read(community.content, opts, community.slug)[0]}))
    for community, opts in plans:
        try:
            checked = pipeline.check(community.content, dataclasses.replace(opts, street_secrets=secrets))
        except ContentInvalid as e:
            problems += relocated(street, community, e.problems)
            continue
        problems += relocated(street, community, checked.warnings)
        found.records += checked.records
        found.drafts += [f"{community.slug}/{where}" for where in checked.drafts]
        found.kinds[community.slug] = kind_counts(checked.model)
    problems = sorted_problems(problems)
    if any(not p.warning for p in problems):
        raise ContentInvalid(problems)
    found.warnings = problems
    return found
