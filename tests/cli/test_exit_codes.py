"""Exit status 0 on success, 1 on invalid content, 2 on bad usage; --version; never a traceback."""

from __future__ import annotations

from pathlib import Path

import sitegen
from tests.conftest import MakeSite, run


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and sitegen.__version__ in result.output


def test_unknown_command_and_option_are_usage_errors() -> None:
    assert run("frobnicate").exit_code == 2
    assert run("build", "--frob").exit_code == 2


def test_missing_content_folder_is_usage_error(tmp_path: Path) -> None:
    result = run("check", "--content", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "nope" in result.stderr


def test_bad_base_url_flag_is_usage_error(make_site: MakeSite) -> None:
    content = make_site()
    assert run("build", "--content", str(content), "--base-url", "not a url").exit_code == 2


def test_output_inside_content_is_refused(make_site: MakeSite) -> None:
    content = make_site()
    assert run("build", "--content", str(content), "--out", str(content / "output")).exit_code == 2


def test_output_holding_the_content_is_refused(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site()
    result = run("build", "--content", str(content), "--out", str(tmp_path))
    assert result.exit_code == 2 and content.is_dir()


def test_build_success_and_base_url_override(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n"})
    out = tmp_path / "site"
    result = run("build", "--content", str(content), "--out", str(out), "--base-url", "https://other.example.net/x")
    assert result.exit_code == 0, result.stderr
    poster = (out / "posters" / "activities" / "a" / "index.html").read_text("utf-8")
    assert 'data-qr-url="https://other.example.net/x/activities/a/"' in poster


def test_check_writes_nothing(make_site: MakeSite, tmp_path: Path) -> None:
    content = make_site({"activities/a.md": "---\ntitle: 七夕\ndate: 2019-08-06\n---\n"})
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert run("check", "--content", str(content)).exit_code == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
