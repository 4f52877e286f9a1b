"""A theme is code: sandboxed templates, and theme files under content's rules (issue 12 §4).

Every hostile or broken theme file is a content error at its PATH:LINE (exit 1), never a traceback,
and never runs: the canary command's output must appear nowhere.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image

from sitegen.render.theme import default_theme_dir
from tests.conftest import SITE_YAML, MakeSite, error_lines, run, tree_bytes

THEMED = SITE_YAML + "theme: theme\n"
BASE = (default_theme_dir() / "templates" / "base.html").read_text("utf-8")
CANARY = "echo sitegen-canary-$((6*7))"  # prints sitegen-canary-42 only if the command ran

# (template text put on line 2 of the site theme's page.html, the message word)
ESCAPES = [
    "{{ cycler.__init__.__globals__.os.popen('CANARY').read() }}",
    "{{ lipsum.__globals__['os'].popen('CANARY').read() }}",
    "{{ joiner.__init__.__globals__['os'].popen('CANARY').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self._TemplateReference__context.environment }}",
    "{{ t.__class__.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ namespace.__init__.__globals__['os'].popen('CANARY').read() }}",
    "{% set x = t.update({'a': 'b'}) %}",  # a theme may not change the values it is given
    "{{ t.clear() }}",
    "{{ ('CANARY' | attr('__class__')) }}",
]


def _theme(content: Path, files: dict[str, str | bytes]) -> None:
    for rel, data in files.items():
        path = content / "theme" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


PAGE = "---\ntitle: 关于\n---\n正文\n"


@pytest.mark.parametrize("escape", ESCAPES)
def test_a_template_cannot_reach_python(make_site: MakeSite, tmp_path: Path, escape: str) -> None:
    content = make_site({"pages/about.md": PAGE}, site=THEMED)
    escape = escape.replace("CANARY", CANARY)
    _theme(content, {"templates/page.html": '{% extends "base.html" %}\n{% block main %}' + escape + "{% endblock %}\n"})
    out = tmp_path / "out"
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert any(line.startswith("theme/templates/page.html:2: ") for line in error_lines(result)), result.stderr
    assert "sitegen-canary-42" not in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize(("files", "where"), [
    ({"templates/page.html": "{% extends 'base.html' %}\n{% block main %}{% if %}{% endblock %}\n"}, "theme/templates/page.html:2"),
    ({"templates/page.html": "{% extends 'base.html' %}\n\n{% block main %}{{ no_such_thing.x }}{% endblock %}\n"},
     "theme/templates/page.html:3"),
    ({"templates/page.html": b"\xff\xfe{{ x }}"}, "theme/templates/page.html"),
    ({"i18n/zh-Hans.yaml": "skip: 跳过\nskip: 再次\n"}, "theme/i18n/zh-Hans.yaml:2"),
    ({"i18n/zh-Hans.yaml": "skip: !!python/object/apply:os.system ['id']\n"}, "theme/i18n/zh-Hans.yaml:1"),
    ({"i18n/zh-Hans.yaml": "- a\n- b\n"}, "theme/i18n/zh-Hans.yaml:1"),
    ({"i18n/zh-Hans.yaml": "skip:\n  nested: x\n"}, "theme/i18n/zh-Hans.yaml:1"),
    ({"theme.yaml": "name: [unclosed\n"}, "theme/theme.yaml:1"),  # the line the bracket opens on
    ({"static/logo.png": b"not a png"}, "theme/static/logo.png"),
])
def test_a_broken_theme_file_is_a_content_error(make_site: MakeSite, tmp_path: Path, files: dict[str, str | bytes],
                                                where: str) -> None:
    content = make_site({"pages/about.md": PAGE}, site=THEMED)
    _theme(content, files)
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert any(line.startswith(where + ":") for line in error_lines(result)), result.stderr
    assert "Traceback" not in result.output


def test_a_billion_laughs_label_file_is_refused_fast(make_site: MakeSite, tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    content = make_site(site=THEMED)
    _theme(content, {"i18n/zh-Hans.yaml": "\n".join(lines) + "\n"})
    started = time.perf_counter()
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert time.perf_counter() - started < 20
    assert result.exit_code == 1
    assert any(line.startswith("theme/i18n/zh-Hans.yaml:1: ") for line in error_lines(result)), result.stderr


# `check` says what `build` refuses (break15: check passed a theme outside the site, or none at all)
@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("theme", ["../../elsewhere", "/elsewhere", "link", "nosuch"])
def test_a_theme_outside_the_site_is_refused(make_site: MakeSite, tmp_path: Path, theme: str, command: str) -> None:
    elsewhere = Path(tempfile.mkdtemp(prefix="elsewhere-"))  # outside the folder that holds the content
    (elsewhere / "templates").mkdir(parents=True)
    content = make_site(site=SITE_YAML + f"theme: {theme if theme != '/elsewhere' else elsewhere}\n")
    os.symlink(elsewhere, content / "link")
    out = ("--out", str(tmp_path / "out")) if command == "build" else ()
    result = run(command, "--content", str(content), *out)
    shutil.rmtree(elsewhere)
    assert result.exit_code == 1, result.output
    said = "“theme” in site.yaml" if theme == "nosuch" else "--theme"
    assert any(line.startswith("site.yaml: ") and said in line for line in error_lines(result)), result.stderr


def test_a_theme_given_on_the_command_line_may_be_anywhere(make_site: MakeSite, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "static").mkdir(parents=True)
    (elsewhere / "static" / "extra.css").write_text("body{color:#111}", encoding="utf-8")
    content = make_site()
    out = tmp_path / "out"
    result = run("build", "--content", str(content), "--out", str(out), "--theme", str(elsewhere))
    assert result.exit_code == 0, result.output
    assert any(p.name.startswith("extra.") for p in (out / "static").iterdir())


def test_a_link_out_of_the_theme_is_refused(make_site: MakeSite, tmp_path: Path) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("/* 13805515678 */", encoding="utf-8")
    content = make_site(site=THEMED)
    (content / "theme" / "static").mkdir(parents=True)
    os.symlink(secret, content / "theme" / "static" / "leak.css")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert any(line.startswith("theme/static/leak.css: ") for line in error_lines(result)), result.stderr


def test_theme_images_lose_their_metadata(make_site: MakeSite, tmp_path: Path) -> None:
    image = Image.new("RGB", (64, 64), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 49.0, 12.34), 3: "E", 4: (117.0, 17.0, 45.67)}  # GPS
    exif[0x010E] = "家门口"  # ImageDescription
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"taken at home")
    content = make_site(site=THEMED)
    _theme(content, {"static/banner.jpg": buffer.getvalue()})
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    [published] = [p for p in (out / "static").iterdir() if p.name.startswith("banner.")]
    with Image.open(published) as again:
        assert not again.getexif() and "comment" not in again.info and "exif" not in again.info
        assert again.size == (64, 64)


@pytest.mark.parametrize("rel", ["static/extra.css", "static/data.js", "templates/page.html"])
def test_theme_files_are_scanned_for_private_data(make_site: MakeSite, tmp_path: Path, rel: str) -> None:
    disclosure = "name: 张建国\nrole: 单元长\nphone: 13805515678\nshow_phone: masked\n"
    content = make_site({"disclosures/d.yaml": disclosure, "pages/about.md": PAGE}, site=THEMED)
    (content / "theme").mkdir()
    out = tmp_path / "out"
    assert run("build", "--content", str(content), "--out", str(out)).exit_code == 0
    before = tree_bytes(out)
    text = "/* 值班电话 138.0551.5678 */"
    if rel.endswith(".html"):
        text = '{% extends "base.html" %}{% block main %}值班电话 138·0551·5678{% endblock %}'
    _theme(content, {rel: text})
    result = run("build", "--content", str(content), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "138****5678" in result.stderr
    assert tree_bytes(out) == before
