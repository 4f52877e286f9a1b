"""A cache written by other code (an upgrade: `pip install -U`, a new checkout) lends a build nothing.

The cache key holds sitegen's code digest and the options that change output. With other options the
parsed files and their checks were kept (they depend on the content alone), and so they were with
other code: an upgrade then crashed on records parsed by the older code (s17: `'RawRecord' object has
no attribute 'commented'`, an internal error on every build until the cache was deleted), and would
have skipped checks the new code makes (a privacy scan's `clean` records among them)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from sitegen import paths, pipeline
from sitegen.options import Options
from sitegen.load.records import RawRecord
from sitegen.pipeline.cache import BuildCache, cache_dir
from tests.conftest import DEMO, NOW, tree_bytes

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("other-code")
    shutil.copytree(DEMO, root / "content")
    pipeline.build(root / "content", root / "output", Options(now=NOW, jobs=1))
    return root / "content", root / "output"


def test_other_options_keep_the_parsed_content(built: tuple[Path, Path]) -> None:
    _, out = built
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW, base_url="https://other.example.org/")))
    assert cache.files and cache.valid and cache.levels.known


def test_other_code_keeps_nothing(built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = built
    monkeypatch.setattr(paths, "code_digest", lambda: "0" * 64)
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW)))
    kept = ("files", "valid", "photos", "events", "clean", "photo_checks", "live_stats", "pages", "search")
    assert [name for name in kept if getattr(cache, name)] == [] and not cache.levels.known


def test_records_parsed_by_older_code_never_reach_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsed records in the cache lack a field this code gives them, as an older version pickled
    them (the state of a slotted dataclass is its fields' values in order: one fewer): the build under
    the new code's key is a build from nothing, and its bytes a cold build's (it was an internal error)."""
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(DEMO, content)  # built here: a cache reuses a parsed file only where it was parsed
    pipeline.build(content, out, Options(now=NOW, jobs=1))
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW)))
    with monkeypatch.context() as patch:
        patch.setattr(RawRecord, "__getstate__",
                      lambda raw: [getattr(raw, f.name) for f in dataclasses.fields(raw) if f.name != "commented"])
        cache.save_data(tmp_path / "elsewhere")  # every shard is written there
    shutil.rmtree(cache_dir(out))
    shutil.copytree(cache_dir(tmp_path / "elsewhere"), cache_dir(out))
    monkeypatch.setattr(paths, "code_digest", lambda: "0" * 64)
    pipeline.build(content, out, Options(now=NOW, jobs=1))
    pipeline.build(content, tmp_path / "cold", Options(now=NOW, jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(tmp_path / "cold")
