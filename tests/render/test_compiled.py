"""Compiled templates are kept across theme loads (render/compiled.py), never past an edit."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.sandbox
import pytest

from sitegen.render.compiled import REMEMBERED, CompiledTemplates

# (the template as first loaded, the same file when loaded again, what the second load renders)
CASES = [
    ("{{ n }} 户", "{{ n }} 户", "3 户"),
    ("{{ n }} 户", "{{ n + 1 }} 户", "4 户"),
    ("{% if n %}有{% endif %}", "{% if not n %}有{% endif %}无", "无"),
    ("旧", "新的内容比旧的长得多", "新的内容比旧的长得多"),
]


def environment(folder: Path, compiled: CompiledTemplates) -> jinja2.Environment:
    return jinja2.sandbox.ImmutableSandboxedEnvironment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                                                        auto_reload=False, bytecode_cache=compiled)


@pytest.mark.parametrize(("first", "second", "expected"), CASES)
def test_a_new_environment_renders_the_file_as_it_is_now(tmp_path: Path, first: str, second: str, expected: str) -> None:
    compiled = CompiledTemplates()
    (tmp_path / "page.html").write_text(first, encoding="utf-8")
    environment(tmp_path, compiled).get_template("page.html").render(n=3)
    assert len(compiled.stored) == 1
    (tmp_path / "page.html").write_text(second, encoding="utf-8")
    assert environment(tmp_path, compiled).get_template("page.html").render(n=3) == expected


def test_an_unchanged_template_is_not_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = CompiledTemplates()
    (tmp_path / "page.html").write_text("{{ n }}", encoding="utf-8")
    environment(tmp_path, compiled).get_template("page.html")
    compiles: list[str] = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *a, **k: compiles.append("x") or original(self, *a, **k))
    assert environment(tmp_path, compiled).get_template("page.html").render(n=5) == "5"
    assert compiles == []


def test_the_oldest_are_dropped_past_the_limit(tmp_path: Path) -> None:
    compiled = CompiledTemplates()
    env = environment(tmp_path, compiled)
    for n in range(REMEMBERED + 3):
        (tmp_path / f"t{n}.html").write_text(str(n), encoding="utf-8")
        env.get_template(f"t{n}.html")
    assert len(compiled.stored) == REMEMBERED


def test_another_process_finds_the_compiled_template_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process (a new CompiledTemplates over the same folder) compiles nothing that is unchanged, an
    edited template again; a damaged file on disk is compiled again; other sitegen code has other files."""
    folder, disk = tmp_path / "templates", tmp_path / "bytecode"
    folder.mkdir()
    disk.mkdir(mode=0o700)
    (folder / "page.html").write_text("{{ n }} 户", encoding="utf-8")
    environment(folder, CompiledTemplates(str(disk))).get_template("page.html")
    assert len(list(disk.iterdir())) == 1
    compiles: list[str] = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, *a, **k: compiles.append("x") or original(self, *a, **k))
    assert environment(folder, CompiledTemplates(str(disk))).get_template("page.html").render(n=3) == "3 户"
    assert compiles == []
    (folder / "page.html").write_text("{{ n + 1 }} 户", encoding="utf-8")
    assert environment(folder, CompiledTemplates(str(disk))).get_template("page.html").render(n=3) == "4 户"
    assert compiles == ["x"]
    for file in disk.iterdir():
        file.write_bytes(file.read_bytes()[:20])  # cut short
    assert environment(folder, CompiledTemplates(str(disk))).get_template("page.html").render(n=3) == "4 户"
    monkeypatch.setattr("sitegen.paths.code_digest", lambda: "f" * 16)
    assert environment(folder, CompiledTemplates(str(disk))).get_template("page.html").render(n=3) == "4 户"
    assert len(list(disk.iterdir())) == 2


def test_an_unusable_folder_leaves_the_templates_in_memory(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ n }}", encoding="utf-8")
    compiled = CompiledTemplates(str(tmp_path / "missing" / "deeper"))
    assert environment(tmp_path, compiled).get_template("page.html").render(n=2) == "2"
    assert len(compiled.stored) == 1
