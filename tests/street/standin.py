"""A test double for the street pages (branch i14-pages owns sitegen/street/summary.py and pages.py).

The engine tests of this folder need *some* summary and street pages to check the engine's own
promises (what is built where, incremental, shard == single). When the real modules are present
they are used instead (see conftest.py `street_pages`); the integrator may then delete this file.
It follows the agreed interface: summarise(model, base_url, slug, now), CommunitySummary.to_json /
from_json, render_street(street, summaries, now) -> {path: bytes}.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class CommunitySummary:
    slug: str
    name: str
    base_url: str
    activities: int
    open_wishes: tuple[str, ...]  # absolute URLs of open wishes' pages

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CommunitySummary:
        data = json.loads(text)
        return cls(**{**data, "open_wishes": tuple(data["open_wishes"])})


def summarise(model: Any, base_url: str, slug: str, now: datetime) -> CommunitySummary:
    wishes = tuple(f"{base_url}wishes/{w.slug}/" for w in model.wishes if w.status == "open")
    return CommunitySummary(slug=slug, name=model.site.name, base_url=base_url, activities=len(model.activities),
                            open_wishes=wishes)


def render_street(street: Any, summaries: list[CommunitySummary], now: datetime) -> dict[str, bytes]:
    items = "".join(f'<li><a href="{s.slug}/index.html">{s.name}</a> {s.activities}</li>' for s in summaries)
    wall = "".join(f'<li>{url}</li>' for s in summaries for url in s.open_wishes)
    page = f"<!doctype html><title>{street.name}</title><ul>{items}</ul>"
    return {"index.html": page.encode(), "wishes/index.html": f"<ul>{wall}</ul>".encode()}
