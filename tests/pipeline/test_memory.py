"""`serve` keeps the build cache in the process (pipeline/memory.py): the same bytes as a cold build,
no cache file read or written between rebuilds, and never trusted after someone else built."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.errors import ContentInvalid
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache, cache_dir
from sitegen.pipeline.memory import Memory
from tests.conftest import NOW, tree_bytes
from tests.support.cold import ColdBuilds

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def options(cache: bool = True) -> Options:
    return Options(now=NOW, use_cache=cache, jobs=1)


def cold(content: Path, cold_builds: ColdBuilds) -> dict[str, bytes]:
    """The bytes of a cold build of `content` as it is now: made once a session for each content state
    (tests/support/cold.py); the tests below reach three (the generated site, one record touched once,
    and twice)."""
    return tree_bytes(cold_builds.out(content, options(cache=False)))


def touch_record(content: Path, n: int) -> None:
    record = sorted((content / "activities").iterdir())[0]
    record.write_text(record.read_text("utf-8") + f"\n第{n}次修改。\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return generate(tmp_path / "gen", 60).content


def test_kept_cache_is_used_and_gives_the_cold_bytes(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     cold_builds: ColdBuilds) -> None:
    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)
    assert memory.cache is not None
    assert not (cache_dir(out) / "state.pickle").exists()  # nothing says "unchanged" while serve builds

    def no_disk(*args: object) -> None:
        raise AssertionError("the cache files were touched")

    monkeypatch.setattr(BuildCache, "load", classmethod(lambda cls, *a: no_disk()))
    monkeypatch.setattr(BuildCache, "save", no_disk)
    for n in (1, 2):
        touch_record(site, n)
        report = pipeline.build(site, out, options(), memory=memory)
        assert 0 < report.rendered < report.pages / 4
        assert tree_bytes(out) == cold(site, cold_builds)
    monkeypatch.undo()

    assert memory.persist(out)  # serve stopping: the next build starts from this cache, and checks
    report = pipeline.build(site, out, options())
    assert not report.unchanged and report.rendered == 0
    assert tree_bytes(out) == cold(site, cold_builds)


def test_a_build_by_someone_else_is_noticed(site: Path, tmp_path: Path, cold_builds: ColdBuilds) -> None:
    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)
    touch_record(site, 1)
    pipeline.build(site, out, options())  # `sitegen build` beside serve writes its own cache files
    assert memory.recall(out, pipeline.cache_key(options())) is None
    assert not memory.persist(out)
    touch_record(site, 2)
    pipeline.build(site, out, options(), memory=memory)
    assert tree_bytes(out) == cold(site, cold_builds)


def test_invalid_content_keeps_the_memory(site: Path, tmp_path: Path, cold_builds: ColdBuilds) -> None:
    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)
    kept = memory.cache
    record = sorted((site / "wishes").iterdir())[0]
    good = record.read_text("utf-8")
    record.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(ContentInvalid):
        pipeline.build(site, out, options(), memory=memory)
    assert memory.cache is kept
    record.write_text(good, encoding="utf-8")
    pipeline.build(site, out, options(), memory=memory)
    assert tree_bytes(out) == cold(site, cold_builds)


def test_a_failed_render_forgets_the_memory(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            cold_builds: ColdBuilds) -> None:
    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("sitegen.pipeline.execute.write_site", broken)
    touch_record(site, 1)
    with pytest.raises(OSError):
        pipeline.build(site, out, options(), memory=memory)
    assert memory.cache is None
    monkeypatch.undo()
    pipeline.build(site, out, options(), memory=memory)
    assert tree_bytes(out) == cold(site, cold_builds)


def test_other_options_are_not_served_from_memory(site: Path, tmp_path: Path) -> None:
    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)
    assert memory.recall(out, pipeline.cache_key(Options(now=NOW, drafts=True))) is None
    assert memory.cache is None


# the folders serve read the inputs of before the build (besides the content's) → whether the build takes them
GIVEN_INPUTS = {"the build's own folders": ([], True), "other folders": (["/nonexistent-theme"], False),
                "nothing read": (None, False)}


@pytest.mark.parametrize(("extra", "taken"), list(GIVEN_INPUTS.values()), ids=list(GIVEN_INPUTS))
def test_inputs_serve_read_are_the_build_s_own(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              extra: list[str] | None, taken: bool, cold_builds: ColdBuilds) -> None:
    from sitegen.pipeline.inputs import input_stats

    out, memory = tmp_path / "output", Memory()
    pipeline.build(site, out, options(), memory=memory)
    touch_record(site, 1)
    if extra is not None:
        memory.read_inputs(site, extra)
    walks: list[int] = []
    monkeypatch.setattr(pipeline, "input_stats", lambda *args: walks.append(1) or input_stats(*args))
    report = pipeline.build(site, out, options(), memory=memory)
    assert report.inputs == input_stats(site) and len(walks) == (0 if taken else 1)
    assert memory.inputs is None  # taken once: a later build walks again
    assert tree_bytes(out) == cold(site, cold_builds)
