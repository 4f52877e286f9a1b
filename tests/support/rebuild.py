"""One record edited between two builds of a generated site, with a memo's maker counted: what the
tests of the build cache's memos share (tests/pipeline/test_fits.py, test_summaries.py)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def calls_after_one_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory: bool, module: object, name: str,
                         edit: Callable[[str], str]) -> list[tuple[object, ...]]:
    """Build 40 generated records (kept in a serve-like Memory when `memory`), then count the calls to
    `module.name` while the site is built again after `edit` rewrote the first activity's text.

    Returns the arguments of each call; asserts the rebuilt site is a cold build's, byte for byte.
    """
    content = generate(tmp_path / "gen", 40).content
    out, options = tmp_path / "output", Options(now=NOW, jobs=1)
    kept = pipeline.Memory() if memory else None
    pipeline.build(content, out, options, memory=kept)
    calls: list[tuple[object, ...]] = []
    maker = getattr(module, name)

    def counted(*args: object) -> object:
        calls.append(args)
        return maker(*args)

    monkeypatch.setattr(module, name, counted)
    record = sorted((content / "activities").iterdir())[0]
    record.write_text(edit(record.read_text("utf-8")), encoding="utf-8")
    pipeline.build(content, out, options, memory=kept)
    monkeypatch.setattr(module, name, maker)  # the cold build below is not counted
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold)
    return calls
