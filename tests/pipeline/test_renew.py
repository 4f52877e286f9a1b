"""A build that rewrote most of the site leaves a shadow made anew by links (write/slots.py renewed).

Before, the old output became the shadow as it was: the next build (a save under serve) replaced
every kept file in it through a temporary link, and those links moved the ctime of the live files,
so the build after it read and hashed them all again (1,000 records after a site.yaml change:
4.8, 2.2 and 0.9 s where a save takes 0.35 s). Each row is a change, whether it renews the shadow,
then two one-record saves: the first after a renewal may neither replace nor hash a kept file (the
second is as any save: it checks what the first one linked), and the output and print folder are
then a cold build's, byte for byte.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.pipeline.cache import cache_dir
from tests.conftest import NOW, tree_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402


def _site_wide(content: Path, out: Path) -> None:
    site = content / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("name: ", "name: 新", 1), encoding="utf-8")


def _cache_deleted(content: Path, out: Path) -> None:
    shutil.rmtree(cache_dir(out))  # a cold build over the output the last one left (a new sitegen)


def _one_record(content: Path, out: Path) -> None:
    _save(content, 1)


def _save(content: Path, n: int) -> None:
    record = sorted((content / "activities").iterdir())[n]
    record.write_text(record.read_text("utf-8") + f"\n追加第{n}段。\n", encoding="utf-8")


# (change, whether the build after it leaves a renewed shadow)
ROWS: list[tuple[Callable[[Path, Path], None], bool]] = [
    (_site_wide, True),
    (_cache_deleted, True),
    (_one_record, False),
]


class _Count:
    """Kept files replaced through a temporary link, and the files read to hash them, by builds."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.replaced = 0
        self.hashed: list[str] = []
        replace, digest = os.replace, hashlib.file_digest

        def counted_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str], **kw: object) -> None:
            self.replaced += os.fspath(src).endswith(".link")
            replace(src, dst, **kw)  # type: ignore[arg-type]

        def counted_digest(*args: object, **kw: object) -> object:
            self.hashed.append(str(getattr(args[0], "name", args[0])))
            return digest(*args, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", counted_replace)
        monkeypatch.setattr(hashlib, "file_digest", counted_digest)


def _build(content: Path, out: Path) -> None:
    pipeline.build(content, out, Options(now=NOW, jobs=1))


def _same_as_cold(content: Path, out: Path, tmp: Path) -> None:
    cold = tmp / "cold" / "out"
    shutil.rmtree(tmp / "cold", ignore_errors=True)
    pipeline.build(content, cold, Options(now=NOW, jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(out.parent / f"{out.name}-print") == tree_bytes(cold.parent / "out-print")


@pytest.mark.parametrize(("change", "renews"), ROWS, ids=[c.__name__.strip("_") for c, _ in ROWS])
def test_after_a_build_that_rewrote_the_site_a_save_replaces_and_hashes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[Path, Path], None], renews: bool) -> None:
    monkeypatch.setattr("sitegen.write.slots.RENEW_AT", 20, raising=False)  # 40 records: a few hundred files
    content, out = generate(tmp_path / "gen", 40).content, tmp_path / "site" / "out"
    _build(content, out)
    _save(content, 0)
    _build(content, out)  # the output and its shadow as a day of saves leaves them
    live = out.stat().st_ino
    change(content, out)
    _build(content, out)
    fresh = (cache_dir(out) / "shadow").stat().st_ino != live  # renewed: a fresh shadow, not the old output
    for n in (2, 3):
        count = _Count(monkeypatch)
        _save(content, n)
        _build(content, out)
        if renews and n == 2:  # the first save: its record's own poster may be read (an earlier build linked it)
            others = [path for path in count.hashed if f"/act-{n:05d}/" not in path]
            assert (count.replaced, others) == (0, []), f"save {n - 1} after {change.__name__}"
    assert fresh is renews
    _same_as_cold(content, out, tmp_path)
