"""Before a street writes anything: its unchanged communities checked against a new set of secrets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from sitegen import pipeline
from sitegen.errors import ContentInvalid, Problem, sorted_problems
from sitegen.options import Options
from sitegen.runtime import paused_collector
from sitegen.street.caches import last_cache
from sitegen.street.community import relocated
from sitegen.street.config import Community, Street


def check_unchanged(street: Street, unchanged: Sequence[Community], plans: Mapping[str, Options], out: Path,
                     street_problems: list[Problem]) -> None:
    """Check the communities whose files did not change against the street's new set of secrets, each
    from its last build's cache and let go at once (a district's caches would not fit in memory together):
    ContentInvalid with every error found. Their builds check them again, as before; this only makes
    sure none of them stops the street after another community was written (breaker helper-128: meihu
    added a wish, was written, and then wanghu, which named her, stopped the street; docs/spec.md §6:
    one problem anywhere stops the street with nothing written)."""
    errors: list[Problem] = []
    for community in unchanged:
        plan = plans[community.slug]
        try:
            with paused_collector():
                pipeline.check(community.content, plan, last_cache(out / community.slug, plan))
        except ContentInvalid as e:
            errors += [p for p in relocated(street, community, e.problems) if not p.warning]
    if errors:
        raise ContentInvalid(sorted_problems([*street_problems, *errors]))
