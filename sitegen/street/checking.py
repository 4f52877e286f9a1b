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
from sitegen.pipeline.streetsecrets import community_secrets
from sitegen.street.community import community_options, relocated
from sitegen.street.config import Community, Street
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
    """Check every community (nothing is written).

    Raises ContentInvalid with every problem of street.yaml and of every community, street-relative.
    """
    street, communities, problems, _ = _read(folder, options)
    folders = StreetFolders(Path(), Path())
    found = StreetChecked(communities=len(communities))
    passed: list[tuple[Community, Options]] = []
    secrets: list[tuple[str, str, str]] = []
    for community in communities:
        opts = community_options(street, community, options, folders)
        try:
            checked = pipeline.check(community.content, opts)
        except ContentInvalid as e:
            problems += relocated(street, community, e.problems)
            continue
        problems += relocated(street, community, checked.warnings)
        found.records += checked.records
        found.drafts += [f"{community.slug}/{where}" for where in checked.drafts]
        found.kinds[community.slug] = kind_counts(checked.model)
        passed.append((community, opts))
        secrets += community_secrets(checked.model, community.slug)
    problems += _across(street, passed, tuple(sorted(secrets)))
    problems = sorted_problems(problems)
    if any(not p.warning for p in problems):
        raise ContentInvalid(problems)
    found.warnings = problems
    return found


def _across(street: Street, passed: list[tuple[Community, Options]], secrets: tuple[tuple[str, str, str], ...]
            ) -> list[Problem]:
    """What each community that passed its own check would publish of the others' secrets (wishers'
    full names, hidden numbers), as the street build checks it (street/build.py): each is checked again
    with every community's secrets, its own left out (pipeline._foreign). Only the problems that the
    other communities' secrets make are new: warnings were said by the first check.

    breaker helper-124: `check` of a street passed a wisher of wanghu named in meihu, which `build` refused.
    """
    if not secrets or len(passed) < 2:
        return []
    found: list[Problem] = []
    for community, opts in passed:
        others = tuple(s for s in secrets if not s[2].startswith(f"{community.slug}/"))
        if not others:
            continue
        try:
            pipeline.check(community.content, dataclasses.replace(opts, street_secrets=secrets))
        except ContentInvalid as e:
            found += relocated(street, community, [p for p in e.problems if not p.warning])
    return found
