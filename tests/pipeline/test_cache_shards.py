"""The parsed files and their checks live in shard files (pipeline/shards.py). That a CLI rebuild after
every kind of edit rewrites exactly the shards of the source files that changed, and that the shards it
left hold what a cache built afresh holds, is checked on test_replan's CLI rebuilds of each edit
(tests/pipeline/test_replan.py `_files_kept_as_made_afresh`): the same two builds, made once. Here: the
shards written into another folder, and a rebuild of unchanged content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sitegen import pipeline
from sitegen.pipeline import shards as shards_module
from sitegen.pipeline.cache import BuildCache, cache_dir
from tests.pipeline.test_replan import _options, generated  # noqa: F401 - `generated` is a fixture

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
