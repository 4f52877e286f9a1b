"""Shared fixtures: small content folders built in tmp dirs, the CLI through Click's runner."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner, Result

from sitegen.cli import cli

if TYPE_CHECKING:
    from tests.support.cold import ColdBuilds

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
SITE_YAML = "name: 测试社区\nbase_url: https://test.example.org/\nstreet: 测试街道\n"
# A fixed clock: "upcoming" and "this year" must not depend on the day the tests run.
NOW = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)

MakeSite = Callable[..., Path]


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> MakeSite:
    """A content folder holding `files` (and a minimal site.yaml unless `site` is given)."""

    def make(files: Mapping[str, str | bytes] | None = None, site: str | None = SITE_YAML, name: str = "content") -> Path:
        content = tmp_path / name
        content.mkdir()
        if site is not None:
            (content / "site.yaml").write_text(site, encoding="utf-8")
        write_files(content, files or {})
        return content

    return make


def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run the CLI in-process, messages in English unless told otherwise."""
    environment = {"SITEGEN_LANG": "en", "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    environment.update(env or {})
    return CliRunner().invoke(cli, list(args), env=environment, catch_exceptions=False)


def error_lines(result: Result, of: str = "") -> list[str]:
    """The PATH:LINE: lines of a run's errors and warnings; `of`: only those of paths starting so."""
    return [line for line in result.stderr.splitlines()
            if ": " in line and not line.startswith(("Build stopped",)) and line.startswith(of)]


@pytest.fixture(scope="session")
def cold_builds(tmp_path_factory: pytest.TempPathFactory) -> ColdBuilds:
    """Cold builds made once a session per content state and options (tests/support/cold.py)."""
    from tests.support.cold import ColdBuilds

    return ColdBuilds(tmp_path_factory.mktemp("cold-builds"))


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/sites/<case>/expected/ from this build (review the change as a git diff)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The test files longest first, as tests/support/file_seconds.json measured them; each file's tests,
    and the files it does not know, in collection order (tests/support/file_seconds.py says why)."""
    from tests.support.file_seconds import order

    rank = order(sorted({item.nodeid.split("::", 1)[0] for item in items}))
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """With `-n`, each test file runs whole on one worker (xdist's loadfile), in the order above: a
    module's fixtures are made once, not once per worker. Only when no other `--dist` was asked for;
    here rather than in pyproject's addopts, where `pytest -p no:xdist` would not know `--dist`."""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadFileScheduling

    return LoadFileScheduling(config, log)
