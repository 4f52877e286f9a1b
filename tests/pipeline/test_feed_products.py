"""feed.xml and sitemap.xml are made again under `serve` only when what they show changed
(pipeline/published.py feed_products), and are then the bytes a cold build writes."""

from __future__ import annotations

import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.memory import Memory
from sitegen.render.builtin import feeds
from tests.conftest import NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def _oldest(content: Path) -> Path:
    """An open wish too old for the feed's newest FEED_SIZE records (the generated site has more than that)."""
    wishes = [p for p in (content / "wishes").glob("*.md") if "status: open" in p.read_text("utf-8")]
    return min(wishes, key=lambda p: p.read_text("utf-8").split("posted_on:")[1][:13])


def _newest(content: Path) -> Path:
    """The newest wish: in feed.xml, which lists the FEED_SIZE newest records."""
    wishes = list((content / "wishes").glob("*.md"))
    return max(wishes, key=lambda p: p.read_text("utf-8").split("posted_on:")[1][:13])


def _newest_body_end(content: Path) -> None:
    """A sentence added at the end of a long body: past the summary the feed shows of it."""
    target = _newest(content)
    target.write_text(target.read_text("utf-8") + "\n又补充了一句。\n", encoding="utf-8")


def _newest_body_start(content: Path) -> None:
    """A sentence put first in the body: the feed's summary of it changes."""
    target = _newest(content)
    head, _, body = target.read_text("utf-8").partition("\n---\n")
    target.write_text(f"{head}\n---\n先说一句。\n{body}", encoding="utf-8")


def _body(content: Path) -> None:
    target = _oldest(content)
    target.write_text(target.read_text("utf-8") + "\n又补充了一句。\n", encoding="utf-8")


def _newest_by_date(content: Path) -> None:
    target = _oldest(content)
    text = re.sub(r"posted_on: '?[0-9-]+'?", "posted_on: '2026-11-20'", target.read_text("utf-8"))
    target.write_text(text, encoding="utf-8")


def _site_name(content: Path) -> None:
    site = content / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("name: 望湖街道", "name: 望湖社区"), encoding="utf-8")


def _removed(content: Path) -> None:
    _oldest(content).unlink()


# a save → (feed.xml made again, sitemap.xml made again)
SAVES: dict[str, tuple[Callable[[Path], None], tuple[bool, bool]]] = {
    "an old wish's body": (_body, (False, False)),
    "an old wish dated the newest": (_newest_by_date, (True, True)),
    "the site's name": (_site_name, (True, True)),
    "an old wish removed": (_removed, (False, True)),
    "a new wish's body past its summary": (_newest_body_end, (False, False)),
    "a new wish's body where its summary is": (_newest_body_start, (True, False)),
}


@pytest.mark.parametrize(("save", "remade"), list(SAVES.values()), ids=list(SAVES))
def test_feeds_are_made_again_only_when_what_they_show_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               save: Callable[[Path], None],
                                                               remade: tuple[bool, bool]) -> None:
    content = generate(tmp_path / "gen", 70).content
    out, memory, options = tmp_path / "output", Memory(), Options(now=NOW, jobs=1)
    pipeline.build(content, out, options, memory=memory)
    made: Counter[str] = Counter()
    for name in ("atom_feed", "sitemap"):
        original = getattr(feeds, name)
        monkeypatch.setattr(feeds, name, lambda *a, _f=original, _n=name, **k: made.update([_n]) or _f(*a, **k))
    save(content)
    pipeline.build(content, out, options, memory=memory)
    assert (made["atom_feed"] == 1, made["sitemap"] == 1) == remade
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert {k: v for k, v in tree_bytes(out).items() if k.endswith(".xml")} == \
        {k: v for k, v in tree_bytes(cold).items() if k.endswith(".xml")}
