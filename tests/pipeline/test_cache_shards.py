"""The parsed files and their checks live in shard files (pipeline/shards.py): after every kind of
edit, a CLI rebuild (its cache read from the files) rewrites exactly the shards of the source files that
changed, leaves the others as they were, and still writes a cold build's bytes; the shards it left
hold what a cache built afresh holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.pipeline import shards as shards_module
from sitegen.pipeline.cache import BuildCache, cache_dir
from sitegen.write.printfolder import print_folder
from tests.conftest import tree_bytes
from tests.support.cold import ColdBuilds
from tests.pipeline.test_replan import CASES, _options, generated  # noqa: F401 - `generated` is a fixture

SOURCES = ("site.yaml", "activities", "disclosures", "deliberations", "wishes", "pages")


def _sources(content: Path) -> dict[str, tuple[int, int]]:
    """Every content file the load stage may read (relative path → (size, mtime))."""
    found = {}
    for top in SOURCES:
        for path in [content / top] if top.endswith(".yaml") else sorted((content / top).rglob("*")):
            if path.is_file():
                info = path.stat()
                found[path.relative_to(content).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found


def _ids(out: Path) -> dict[int, str]:
    return dict(BuildCache.load(out, pipeline.cache_key(_options())).shards.ids)


@pytest.mark.parametrize("name", CASES)
def test_a_rebuild_rewrites_the_shards_of_the_changed_files_alone(name: str, generated: Path,  # noqa: F811
                                                                  tmp_path: Path, cold_builds: ColdBuilds) -> None:
    case = CASES[name]
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(generated, content)
    case.setup(content)
    pipeline.build(content, out, _options())
    before, ids = _sources(content), _ids(out)
    assert sorted(ids) == list(range(shards_module.SHARDS))
    case.edit(content)
    after = _sources(content)
    changed = {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}
    pipeline.build(content, out, _options(case.now))
    again = _ids(out)
    assert {i for i in ids if again[i] != ids[i]} == {shards_module.shard_of(rel) for rel in changed}
    # A build from nothing (a cold build that saves its cache: that a cold build's bytes are the same
    # with and without one is tests/pipeline/test_incremental.py's) gives the bytes, and its cache
    # what the shards left in place and those written again must hold. It is made once a session for
    # this content and clock (tests/support/cold.py): test_replan compares its rebuilds of the case with it.
    cold = cold_builds.out(content, _options(case.now))
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))
    kept, made = (BuildCache.load(where, pipeline.cache_key(_options())) for where in (out, cold))
    assert {rel: entry[2:] for rel, entry in kept.files.items()} == {rel: entry[2:] for rel, entry in made.files.items()}
    assert kept.valid == made.valid


def test_a_shard_saved_into_another_folder_is_written_there(generated: Path, tmp_path: Path) -> None:  # noqa: F811
    """What a cache read from one folder left unchanged is not on disk in another: every shard is written."""
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(generated, content)
    pipeline.build(content, out, _options())
    cache = BuildCache.load(out, pipeline.cache_key(_options()))
    cache.save_data(tmp_path / "elsewhere")
    where = cache_dir(tmp_path / "elsewhere")
    assert all(shards_module.shard_path(where, i).is_file() for i in range(shards_module.SHARDS))
    read = BuildCache.load(tmp_path / "elsewhere", pipeline.cache_key(_options()))
    assert (read.files, read.valid) == (cache.files, cache.valid)


def test_an_unchanged_rebuild_from_the_files_writes_no_shard(generated: Path, tmp_path: Path) -> None:  # noqa: F811
    """A build that must run (its output touched by hand) but whose content is as it was keeps every shard file."""
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(generated, content)
    pipeline.build(content, out, _options())
    where = cache_dir(out)
    times = {i: shards_module.shard_path(where, i).stat().st_mtime_ns for i in range(shards_module.SHARDS)}
    (out / "index.html").write_bytes(b"by hand")
    os.utime(out, ns=(1, 1))
    pipeline.build(content, out, _options())
    assert {i: shards_module.shard_path(where, i).stat().st_mtime_ns for i in range(shards_module.SHARDS)} == times
    assert (out / "index.html").read_bytes() != b"by hand"
