"""Summaries are kept in the build cache (render/summary.py Summaries): a rebuild after one change
renders the changed body's Markdown for its summary, not every body's again."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sitegen.render import summary
from sitegen.render.summary import Summaries
from tests.support.rebuild import calls_after_one_edit


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
    def edit(text: str) -> str:
        summary.summarize.cache_clear()  # what this process remembers is not what the cache kept
        return text + "\n新加的一段话。\n"

    calls = calls_after_one_edit(tmp_path, monkeypatch, memory, summary, "plain_text", edit)
    summarised = [str(args[0]) for args in calls]
    assert len(summarised) == 1 and "新加的一段话" in summarised[0]
