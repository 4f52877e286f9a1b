"""A cache can be wrong; the site cannot: damaged or mixed-up cache entries never reach the output."""

from __future__ import annotations

import os
import pickle
import random
import shutil
import sys
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache, CacheDamaged, State, cache_dir
from sitegen.pipeline.shards import SHARDED, Shards
from sitegen.render import qr
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, run, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402

CACHE_FILES = ("state.pickle", "data.pickle")


def build(content: Path, out: Path, cache: bool = True) -> pipeline.Report:
    return pipeline.build(content, out, Options(now=NOW, use_cache=cache, jobs=1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A generated community of every kind of record (30 records, a photo among them: the damage and
    mix-ups below need each kind of cache entry, not the demo's size), edited once after a first build,
    and the cold build of the edited content."""
    root = tmp_path_factory.mktemp("demo")
    content = generate(root, 30).content
    edit(content)
    build(content, root / "cold", cache=False)
    return content, tree_bytes(root / "cold")


def edit(content: Path) -> None:
    record = sorted((content / "activities").iterdir())[0]
    text = record.read_text("utf-8")
    record.write_text(text + ("\n又一段。\n" if not text.endswith("又一段。\n") else ""), encoding="utf-8")


def built_before(content: Path, tmp_path: Path) -> Path:
    """An output folder and cache built from the content as it was before edit()."""
    before = tmp_path / "before"
    shutil.copytree(content, before)
    record = sorted((before / "activities").iterdir())[0]
    record.write_text(record.read_text("utf-8").replace("\n又一段。\n", ""), encoding="utf-8")
    out = tmp_path / "output"
    build(before, out)
    shutil.rmtree(before)
    return out


@pytest.fixture(scope="module")
def warm(demo: tuple[Path, dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """built_before() once for the module: the tests damage copies of it (warm_output)."""
    return built_before(demo[0], tmp_path_factory.mktemp("warm"))


def warm_output(warm: Path, tmp_path: Path) -> Path:
    """A copy of the module's `warm` output folder, its print folder and its cache in `tmp_path`. Each test
    damages or mixes up its copy's cache and asks for a cold build's bytes (or reads the cache alone):
    a copy's new inodes and ctimes make the next build check the output's files again rather than trust
    them, which a cold build does anyway (and an undamaged copy is no damaged cache: the swapped-QR test's
    build of one reports none). Another build of the same content (a foreign shard or data file) is
    built_before(), never a copy: its build id must be its own."""
    out = tmp_path / "output"
    tmp_path.mkdir(parents=True, exist_ok=True)
    for source, target in ((warm, out), (print_folder(warm), print_folder(out)), (cache_dir(warm), cache_dir(out))):
        shutil.copytree(source, target, symlinks=True)
    return out


# (cache file, seed): every flip lands at a seeded random offset of that file
FLIPS = [(name, seed) for name in CACHE_FILES for seed in range(4)]


@pytest.mark.parametrize(("name", "seed"), FLIPS, ids=[f"{n}-{s}" for n, s in FLIPS])
def test_a_flipped_bit_in_the_cache_gives_a_cold_build(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                       tmp_path: Path, name: str, seed: int) -> None:
    content, cold = demo
    out = warm_output(warm, tmp_path)
    path = cache_dir(out) / name
    data = bytearray(path.read_bytes())
    chance = random.Random(seed)
    offset = chance.randrange(len(data))
    data[offset] ^= 1 << chance.randrange(8)
    path.write_bytes(bytes(data))
    report = build(content, out)
    assert tree_bytes(out) == cold
    assert report.cache_damaged or name == "state.pickle" and offset < 40  # a flip in the header's version text:
    # the file reads as another version's, which is also a cold build, silently


def test_the_notice_is_one_line_in_the_users_language(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                     tmp_path: Path) -> None:
    content, cold = demo
    out = warm_output(warm, tmp_path)
    path = cache_dir(out) / "data.pickle"
    path.write_bytes(path.read_bytes()[:-100])  # a torn write
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "cache" in line] == [
        "The build cache was damaged or unreadable; it was ignored and everything was built afresh."]
    (cache_dir(out) / "state.pickle").write_bytes(b"garbage")
    zh = run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": "zh-Hans"})
    assert "缓存已损坏" in zh.stderr and tree_bytes(out) == cold


def test_a_cache_cannot_call_anything_on_load(tmp_path: Path) -> None:
    out = tmp_path / "output"
    folder = cache_dir(out)
    folder.mkdir()
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            import os

            return os.system, (f"touch {marker}",)

    from sitegen.pipeline import cache as module

    module.write_checked(folder / "data.pickle", Evil())  # a payload with a valid digest: only the loader stands
    with pytest.raises(CacheDamaged):
        BuildCache.load(out, "key")
    assert not marker.exists()
    (folder / "state.pickle").write_bytes(pickle.dumps(Evil()))  # an old-style raw pickle
    with pytest.raises(CacheDamaged):
        State.load(out)
    assert not marker.exists()


def test_a_qr_matrix_of_another_record_is_detected() -> None:
    a, b = "https://test.example.org/wishes/a/", "https://test.example.org/wishes/b/"
    right = qr.qr_modules(a)
    codes = qr.Codes({a: qr.qr_modules(b)})  # b's matrix under a's address, as a cache may hold it
    assert codes.modules(a) == right
    assert codes.take_made() == {a: right}  # made again, and handed back to the cache
    codes = qr.Codes({a: (right[0], bytes(len(right[1])))})  # an all-dark matrix
    assert codes.modules(a) == right


def test_swapped_qr_entries_in_the_cache_never_reach_a_poster(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                              tmp_path: Path) -> None:
    content, cold = demo
    out = warm_output(warm, tmp_path)
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW, use_cache=True, jobs=1)))
    texts = sorted(cache.qr.known)
    assert len(texts) > 2
    codes = [cache.qr.known[t] for t in texts]
    cache.qr = qr.Codes(dict(zip(texts, codes[1:] + codes[:1])))  # every record gets its neighbour's code
    cache.pages = {}  # so that every page and poster is made again from the cached codes
    state = State.load(out)
    cache.save(out, state)  # valid digests: a mix-up in sitegen itself, not a damaged file
    report = build(content, out)
    assert not report.cache_damaged
    assert tree_bytes(out) == cold


def test_swapped_calendar_events_in_the_cache_are_written_again(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                                tmp_path: Path) -> None:
    content, cold = demo
    out = warm_output(warm, tmp_path)
    cache = BuildCache.load(out, pipeline.cache_key(Options(now=NOW, use_cache=True, jobs=1)))
    keys = sorted(cache.events)
    assert len(keys) > 2
    events = [cache.events[k] for k in keys]
    cache.events = dict(zip(keys, events[1:] + events[:1]))  # each activity gets its neighbour's VEVENT
    cache.pages = {}
    cache.save(out, State.load(out))
    build(content, out)
    assert tree_bytes(out)["activities.ics"] == cold["activities.ics"]


@pytest.mark.parametrize("value", [State(key="k", inputs={"a.md": (1, 2)}), {"big": "字" * 300_000, "n": list(range(5000))}])
def test_a_streamed_cache_file_is_header_digest_then_the_pickle(tmp_path: Path, value: object) -> None:
    """The pickle streams into the file (no copy in memory); the file is what the joined bytes were."""
    from sitegen.pipeline import cache as cache_module

    path = tmp_path / "x.pickle"
    cache_module.write_checked(path, value)
    payload = pickle.dumps({"format": cache_module.FORMAT, "value": value}, protocol=5)
    assert path.read_bytes() == cache_module._header() + cache_module._digest(payload) + payload
    assert cache_module.read_checked(path) == value
    assert not [p for p in tmp_path.iterdir() if p != path]  # no temporary left beside it


def test_a_cache_written_in_parts_reads_back_as_the_whole(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                          tmp_path: Path) -> None:
    """The data file is the cache without its big fields, then each group of fields with a memo of its
    own: read back, it equals the cache pickled whole, and fields of one group still share objects."""
    from sitegen.pipeline import cache as cache_module

    content, _ = demo
    out = warm_output(warm, tmp_path)
    key = pipeline.cache_key(Options(now=NOW, use_cache=True, jobs=1))
    cache = BuildCache.load(out, key)
    assert cache.files and cache.valid and cache.pages and cache.live_stats
    whole = pickle.loads(pickle.dumps(cache, protocol=5))
    again = tmp_path / "again"
    cache.save_data(again)
    read = BuildCache.load(again, key)
    def unsharded(value: BuildCache) -> bytes:  # the data file's part: shard ids are new, entries come in shard order
        return pickle.dumps(cache_module.replace(value, files={}, valid={}, shards=Shards()), protocol=5)

    assert unsharded(read) == unsharded(whole)
    assert (read.files, read.valid) == (whole.files, whole.valid)
    assert {name for group in cache_module._parts() for name in group} == {
        f.name for f in cache_module.fields(BuildCache)} - {"key", *SHARDED}
    rel = next(iter(read.shadow_stats))
    assert read.shadow_stats[rel] is read.live_stats[rel]  # one group: shared as it was


@pytest.mark.parametrize("cut", ["last_byte", "extra_byte"])
def test_a_cache_in_parts_with_a_part_missing_or_extra_is_damaged(tmp_path: Path, cut: str) -> None:
    """Each part is checked after the digest: one missing or trailing after the last is refused."""
    from sitegen.pipeline import cache as cache_module

    path = tmp_path / "data.pickle"
    cache = BuildCache(key="k", files={"a.md": (1, 2, [], [])}, live_stats={"a/": (1, 2)})
    cache_module.write_checked(path, cache, cache_module._parts())
    data = path.read_bytes()
    header = cache_module._header()
    payload = data[len(header) + cache_module._DIGEST:]
    payload = payload[:-1] if cut == "last_byte" else payload + pickle.dumps(None, protocol=5)
    path.write_bytes(header + cache_module._digest(payload) + payload)  # a valid digest: only the parts stand
    with pytest.raises(CacheDamaged):
        cache_module.read_checked(path)


def _edited_shard(content: Path) -> int:
    """The shard file (pipeline/shards.py) of the record edit() changes."""
    from sitegen.pipeline import shards as shards_module

    record = sorted((content / "activities").iterdir())[0]
    return shards_module.shard_of(record.relative_to(content).as_posix())


def _flip_shard(out: Path, content: Path, tmp_path: Path) -> None:
    from sitegen.pipeline import shards as shards_module

    path = shards_module.shard_path(cache_dir(out), _edited_shard(content))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))


def _cut_shard(out: Path, content: Path, tmp_path: Path) -> None:
    from sitegen.pipeline import shards as shards_module

    path = shards_module.shard_path(cache_dir(out), _edited_shard(content))
    path.write_bytes(path.read_bytes()[:-7])


def _delete_shard(out: Path, content: Path, tmp_path: Path) -> None:
    from sitegen.pipeline import shards as shards_module

    shards_module.shard_path(cache_dir(out), _edited_shard(content)).unlink()


def _foreign_shard(out: Path, content: Path, tmp_path: Path) -> None:
    """The same shard of another build of the same content: equal entries, another build id."""
    from sitegen.pipeline import shards as shards_module

    other = built_before(content, tmp_path / "other")
    shard = _edited_shard(content)
    shutil.copyfile(shards_module.shard_path(cache_dir(other), shard), shards_module.shard_path(cache_dir(out), shard))


def _stale_shard(out: Path, content: Path, tmp_path: Path) -> None:
    """A shard from before the last build beside that build's data file (a save torn between them)."""
    from sitegen.pipeline import shards as shards_module

    path = shards_module.shard_path(cache_dir(out), _edited_shard(content))
    before = path.read_bytes()
    build(content, out)  # the edited record: its shard written again
    assert path.read_bytes() != before
    path.write_bytes(before)
    record = sorted((content / "activities").iterdir())[0]
    os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 1_000_000_000))  # a build to do


def _a_build_to_do(content: Path) -> None:
    record = sorted((content / "activities").iterdir())[0]
    os.utime(record, ns=(record.stat().st_atime_ns, record.stat().st_mtime_ns + 1_000_000_000))


def _foreign_data_file(out: Path, content: Path, tmp_path: Path) -> None:
    """i-break10: the data file of another build of the same content beside this build's shards."""
    other = built_before(content, tmp_path / "other")
    shutil.copyfile(cache_dir(other) / "data.pickle", cache_dir(out) / "data.pickle")
    _a_build_to_do(content)


def _neighbours_shard(out: Path, content: Path, tmp_path: Path) -> None:
    """i-break10: a shard file of this very build copied over the next one (same build id, other index)."""
    from sitegen.pipeline import shards as shards_module

    shard = _edited_shard(content)
    where = cache_dir(out)
    shutil.copyfile(shards_module.shard_path(where, (shard + 1) % shards_module.SHARDS), shards_module.shard_path(where, shard))
    _a_build_to_do(content)


# A shard file that cannot be trusted: each gives a cold build (the cold build's bytes, the notice).
SHARD_MIXUPS = {
    "the data file of another build of the same content": _foreign_data_file,
    "a shard of this build copied over its neighbour": _neighbours_shard,
    "a bit flipped in a shard": _flip_shard,
    "a shard cut short": _cut_shard,
    "a shard deleted": _delete_shard,
    "a shard of another build of the same content": _foreign_shard,
    "a shard from before the last build": _stale_shard,
}


@pytest.mark.parametrize("name", SHARD_MIXUPS)
def test_a_shard_file_that_cannot_be_trusted_gives_a_cold_build(demo: tuple[Path, dict[str, bytes]], warm: Path,
                                                               tmp_path: Path, name: str) -> None:
    content, cold = demo
    out = warm_output(warm, tmp_path)
    SHARD_MIXUPS[name](out, content, tmp_path)
    report = build(content, out)
    assert report.cache_damaged
    assert tree_bytes(out) == cold
