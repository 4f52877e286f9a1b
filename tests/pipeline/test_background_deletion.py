"""A folder deleted in the background never moves a live file's ctime after the build stamped its output.

A build throws some folders away in the background (write/trash.py): a shadow a killed build left
half-built (`sitegen serve` stopped with Ctrl-C during a rebuild), a print shadow likewise, a trash
folder whose deleter was killed. Such a folder holds hard links of live files: of the output's, and
of posters the print folder links from it. When the background deletion unlinked them after the
build had stamped its folders (write/stamp.py, which keeps each file's ctime), the next build, with
nothing to do, built the whole site again; CI saw it once as a failure of
tests/cli/test_serve_robust.py::test_a_theme_outside_the_content_folder_is_an_input.

Rows: what a killed build or deleter left in the cache. The background deletion is held until the
build has ended, the latest it can come.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import cache_dir
from sitegen.write import trash
from tests.conftest import NOW, SITE_YAML, write_files

ACTIVITY = "---\ntitle: {title}\ndate: 2026-03-01 09:00\n---\n正文。\n"
WISH = "wish: 助行器\nwisher: 周桂芳\nposted_on: 2026-10-18\nstatus: open\n"


def _half_built(name: str) -> Callable[[Path], None]:
    def leave(cache: Path) -> None:
        (cache / name).touch()  # as a build leaves it from its prepare until the exchange
    return leave


def _deleter_killed(cache: Path) -> None:
    """The shadow moved into a trash folder whose deleter never ran (discard_later, then a kill)."""
    (cache / "trash-killed").mkdir()
    os.replace(cache / "shadow", cache / "trash-killed" / "x")


LEFT = {
    "a shadow left half-built": _half_built("shadow.dirty"),
    "a print shadow left half-built": _half_built("print-shadow.dirty"),
    "a trash folder whose deleter was killed": _deleter_killed,
}


@pytest.mark.parametrize("name", LEFT)
def test_a_build_after_it_has_nothing_to_do(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, out = tmp_path / "content", tmp_path / "output"
    write_files(content, {"site.yaml": SITE_YAML, "activities/a.md": ACTIVITY.format(title="第一版"),
                          "wishes/w.yaml": WISH})
    options = Options(now=NOW, use_cache=True, jobs=1)
    pipeline.build(content, out, options)
    (content / "activities" / "a.md").write_text(ACTIVITY.format(title="第二版"), encoding="utf-8")
    pipeline.build(content, out, options)
    LEFT[name](cache_dir(out))
    (content / "site.yaml").write_text(SITE_YAML.replace("测试社区", "望湖社区"), encoding="utf-8")
    held: list[Callable[[], None]] = []
    monkeypatch.setattr(trash, "in_background", held.append)
    pipeline.build(content, out, options)
    assert held  # the folder left was thrown away
    for work in held:
        work()
    assert pipeline.unchanged(content, out, options) is not None
