"""The code digest (paths.code_digest) that keys every cache follows the code, not file times: the same
code installed again (new modification times) reuses the cache; other code does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sitegen
from sitegen.paths import code_digest


def test_new_file_times_are_not_new_code() -> None:
    source = Path(sitegen.__file__).resolve().parent / "paths.py"
    before = os.stat(source)
    digest = code_digest.__wrapped__()
    try:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
        assert code_digest.__wrapped__() == digest
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_other_code_is_another_digest(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = tmp_path / "sitegen"
    copy.mkdir()
    package = Path(sitegen.__file__).resolve().parent
    for name in ("__init__.py", "paths.py"):
        (copy / name).write_bytes((package / name).read_bytes())
    monkeypatch.setattr(sitegen, "__file__", str(copy / "__init__.py"))
    first = code_digest.__wrapped__()
    with (copy / "paths.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert code_digest.__wrapped__() != first
