"""Summaries are kept in the build cache (render/summary.py Summaries): a rebuild after one change
renders the changed body's Markdown for its summary, not every body's again."""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render import summary
from sitegen.render.summary import Summaries
from tests.conftest import NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def test_a_summary_is_asked_once_and_kept_only_while_asked() -> None:
    memo = Summaries()
    assert memo.of("**粗体**与[链接](https://a.example/)") == "粗体与链接"
    memo.of("第二段")
    kept = memo.settled()
    assert set(kept.known.values()) == {"粗体与链接", "第二段"}
    kept.of("第二段")
    again = pickle.loads(pickle.dumps(kept))  # what the cache file holds: what this build asked for
    assert list(again.known.values()) == ["第二段"] and again.asked == {}
    assert kept.settled().known == again.known


@pytest.mark.parametrize("memory", [False, True], ids=["cli", "serve"])
def test_a_rebuild_summarises_only_the_changed_body(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    memory: bool) -> None:
    content = generate(tmp_path / "gen", 40).content
    out, options = tmp_path / "output", Options(now=NOW, jobs=1)
    kept = pipeline.Memory() if memory else None
    pipeline.build(content, out, options, memory=kept)
    summarised: list[str] = []
    plain_text = summary.plain_text

    def counted(markdown: str) -> str:
        summarised.append(markdown)
        return plain_text(markdown)

    monkeypatch.setattr(summary, "plain_text", counted)
    summary.summarize.cache_clear()  # what this process remembers is not what the cache kept
    record = sorted((content / "activities").iterdir())[0]
    record.write_text(record.read_text("utf-8") + "\n新加的一段话。\n", encoding="utf-8")
    pipeline.build(content, out, options, memory=kept)
    assert len(summarised) == 1 and "新加的一段话" in summarised[0]
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold)
