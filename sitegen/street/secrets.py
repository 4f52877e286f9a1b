"""What a shard must know of the communities it does not build: their secrets.

Privacy is street-wide (pipeline/streetsecrets.py): each community is built with every other
community's wishers' full names and web-hidden phones as secrets, so none of them is published
anywhere in the street. A shard (`build --shard K/N`, street/shard.py) builds only its own
communities, yet a wisher of a community in another shard may be named in one of its records. So a
shard checks every other community too (load → validate → model, nothing rendered: about a tenth of
a build) and keeps what it found, as a whole-street build does; a problem in any of them stops the
shard, as it would stop the whole street.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sitegen import pipeline
from sitegen.errors import ContentInvalid, Problem
from sitegen.options import Options
from sitegen.pipeline.streetsecrets import community_secrets
from sitegen.street.config import Community
from sitegen.street.state import StreetFolders


def learn_secrets(others: Sequence[Community], plan: Callable[[Community], Options], folders: StreetFolders,
                  relabel: Callable[[list[Problem], Community], list[Problem]]) -> list[Problem]:
    """Check each of `others` with its build options (`plan`) and keep its secrets in the street's
    cache (`folders.save_secrets`); return the problems found, made street-relative by `relabel`
    (warnings are the building shard's to report, not these)."""
    problems: list[Problem] = []
    for community in others:
        try:
            checked = pipeline.check(community.content, plan(community))
        except ContentInvalid as e:
            problems += relabel([p for p in e.problems if not p.warning], community)
            continue
        folders.save_secrets(community.slug, community_secrets(checked.model, community.slug))
    return problems
