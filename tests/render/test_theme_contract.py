"""The theme contract (issue 13): a view per template, blocks in base.html, extending the default,
and per-tree values that are printed, never compared."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sitegen import pipeline
from sitegen.options import Options
from sitegen.render.page_views import PAGE_VIEWS
from sitegen.render.pages import Planner
from sitegen.render.poster_views import POSTER_VIEWS
from sitegen.render.posters import PosterPlanner
from sitegen.render.theme import Theme, ThemeFault, default_theme_dir
from tests.conftest import DEMO, NOW, SITE_YAML, MakeSite, error_lines, run

THEMED = SITE_YAML + "theme: theme\n"
PAGE = "---\ntitle: 关于\n---\n正文\n"
FOOTER_ONLY = '{% extends "default/base.html" %}\n{% block footer %}<footer class="mine">我们的页脚</footer>\n{% endblock %}\n'


def _build(make_site: MakeSite, tmp_path: Path, theme: dict[str, str], name: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    content = make_site({"pages/about.md": PAGE, **{f"theme/{k}": v for k, v in theme.items()}},
                        site=THEMED if theme else SITE_YAML, name=name)
    out = tmp_path / f"{name}-out"
    return run("build", "--content", str(content), "--out", str(out), env={"SITEGEN_LANG": lang}), out


def test_a_site_base_extending_the_default_changes_only_the_footer(make_site: MakeSite, tmp_path: Path) -> None:
    plain, plain_out = _build(make_site, tmp_path, {}, "plain")
    themed, themed_out = _build(make_site, tmp_path, {"templates/base.html": FOOTER_ONLY}, "themed")
    assert plain.exit_code == 0 and themed.exit_code == 0, themed.output
    for page in ("index.html", "pages/about/index.html", "care/index.html", "zh-hant/pages/about/index.html"):
        before = (plain_out / page).read_text("utf-8")
        after = (themed_out / page).read_text("utf-8")
        assert '<footer class="mine">' in after and '<footer class="footer">' not in after
        assert after.split('<footer class="mine">')[0] == before.split('<footer class="footer">')[0]
        assert after.endswith("</footer>\n</body>\n</html>\n")


@pytest.mark.parametrize("block", ["head", "scripts", "header", "main", "footer", "title"])
def test_base_has_the_documented_blocks(block: str) -> None:
    source = (default_theme_dir() / "templates" / "base.html").read_text("utf-8")
    assert f"{{% block {block} %}}" in source


# (the site theme's page.html line 2, the pages that must hold a text: {page: text}) — a value a theme may use
WORKING = [
    ("<p class=x>{{ lang }}</p>", {"pages/about/index.html": "<p class=x>zh-Hans</p>",
                                   "zh-hant/pages/about/index.html": "<p class=x>zh-Hant</p>",
                                   "care/pages/about/index.html": "<p class=x>zh-Hans</p>"}),
    ("{% if tree.has_script_switch %}<p class=x>有繁體</p>{% endif %}", {"pages/about/index.html": "<p class=x>有繁體</p>"}),
    ("<p class=x>{{ tree.care_label if tree.care_label else '' }}</p>",
     {"pages/about/index.html": "<p class=x>长辈版</p>", "care/pages/about/index.html": "<p class=x>标准版</p>"}),
    ("{% if site.language == 'zh-Hans' %}<p class=x>简</p>{% endif %}", {"pages/about/index.html": "<p class=x>简</p>"}),
    ("<p class=x{{ tree.html_class }}></p>", {"pages/about/index.html": "<p class=x></p>",
                                             "care/pages/about/index.html": '<p class=x class="care"></p>'}),
    # a test that gives every copy the same answer is no fault
    ("{% if lang is defined and lang and tree.has_script_switch %}<p class=x>{{ lang }}</p>{% endif %}",
     {"zh-hant/pages/about/index.html": "<p class=x>zh-Hant</p>"}),
]


@pytest.mark.parametrize(("line", "expected"), WORKING)
def test_a_theme_prints_per_tree_values(make_site: MakeSite, tmp_path: Path, line: str,
                                        expected: dict[str, str]) -> None:
    page = '{% extends "base.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    result, out = _build(make_site, tmp_path, {"templates/page.html": page}, "site")
    assert result.exit_code == 0, result.output
    for rel, text in expected.items():
        assert text in (out / rel).read_text("utf-8"), rel


# (the site theme's page.html line 2, the name the message gives): each would take one branch for every copy
COMPARED = [
    ('{% if lang == "zh-Hant" %}繁{% endif %}', "lang"),
    ('{% if lang != "zh-Hans" %}繁{% endif %}', "lang"),
    ('{% if "Hant" in lang %}繁{% endif %}', "lang"),
    ('{{ lang.startswith("zh") }}', "lang"),
    ("{{ lang | length }}", "lang"),
    ("{{ lang[:2] }}", "lang"),
    ("{% if tree.html_class %}长辈{% endif %}", "tree.html_class"),
    ("{{ 'x' if tree.care_data == 'on' else 'y' }}", "tree.care_data"),
    ('{% if tree.script_lang == "zh-Hant" %}{% endif %}', "tree.script_lang"),
    ("{% for c in tree.care_href %}{{ c }}{% endfor %}", "tree.care_href"),
    # made text first, a marker compares silently (the same answer in every copy): found when the theme is checked
    ('{% if lang|string == "zh-Hant" %}繁{% endif %}', "lang"),
    ('{% if "Hant" in lang|string %}繁{% endif %}', "lang"),
    ('{% if (lang ~ "") == "zh-Hant" %}繁{% endif %}', "lang"),
    ('{% if lang|lower|replace("-", "") == "zhhant" %}繁{% endif %}', "lang"),
    ('{% if lang is sameas "zh-Hant" %}繁{% endif %}', "lang"),
    ('{% set hant = lang|string == "zh-Hant" %}{{ hant }}', "lang"),
    ("{{ '长辈' if tree.html_class|trim else '' }}", "tree.html_class"),
    ('{% if not tree.care_label|string == "标准版" and true %}{% endif %}', "tree.care_label"),
    ('{% if tree.photo_sizes|string|length > 40 %}{% endif %}', "tree.photo_sizes"),
]


@pytest.mark.parametrize(("line", "name"), COMPARED)
@pytest.mark.parametrize(("lang", "word"), [("en", "differs"), ("zh-Hans", "各不相同")])
def test_comparing_a_per_tree_value_is_a_theme_error(make_site: MakeSite, tmp_path: Path, line: str, name: str,
                                                     lang: str, word: str) -> None:
    page = '{% extends "base.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    result, out = _build(make_site, tmp_path, {"templates/page.html": page}, "site", lang)
    assert result.exit_code == 1, result.output
    [where] = [e for e in error_lines(result) if e.startswith("theme/templates/page.html:2: ")]
    assert f"“{name}”" in where and word in where, where
    assert "Traceback" not in result.output and not out.exists()


def test_the_static_check_knows_every_per_tree_field() -> None:
    """markers.PER_TREE_FIELDS is every field of render/site.py's Tree that holds a Marker."""
    from dataclasses import fields

    from sitegen.render.markers import PER_TREE_FIELDS
    from sitegen.render.site import Tree

    assert {f.name for f in fields(Tree)} - {"has_script_switch"} == PER_TREE_FIELDS


def test_every_planned_page_gets_the_view_of_its_template() -> None:
    model = pipeline.check(DEMO, Options(now=NOW, use_cache=False)).model
    labels = Theme.load(model.site.language).labels
    specs = [*Planner(model, labels, {}).plan(), *PosterPlanner(model, labels, {}).plan()]
    for spec in specs:
        assert spec.template == type(spec.data).TEMPLATE, spec.url
    views = {v.TEMPLATE for v in PAGE_VIEWS + POSTER_VIEWS}
    assert {s.template for s in specs} == views  # the demo has every kind: every view is used
    assert views <= {p.name for p in (default_theme_dir() / "templates").iterdir()}


def test_a_theme_fault_keeps_its_message_key_across_processes() -> None:
    """A worker's fault reaches the parent pickled: the per-tree key and name must survive."""
    fault = ThemeFault("theme/templates/page.html", 2, "lang", "theme.per_tree_compared", (("name", "lang"),))
    problem = pickle.loads(pickle.dumps(fault)).problem()
    assert (str(problem.path), problem.line, problem.key, problem.args["name"]) == (
        "theme/templates/page.html", 2, "theme.per_tree_compared", "lang")


# i-break10: a theme reaching through `asset` for more than a link, or naming no file of its static/:
# a theme error at the template's line (before: `asset.urls` printed the URL table, a missing name
# stopped the build as sitegen's own fault, KeyError). Session 11: the same for sitegen's functions,
# filters and macros called with the wrong number or kind of arguments, and for arithmetic that fails
# (before: "sitegen internal error… TypeError").
MISUSE = ["{{ asset.urls }}", "{{ asset.link.here }}", "{{ asset._urls }}", "{{ asset('none.css') }}",
                "{{ asset(7) }}", "{{ asset.__call__('style.css') }}",
                # called with the wrong number or kind of arguments (before: an internal TypeError)
                "{{ asset() }}", "{{ asset('style.css', 2) }}",
                "{{ link(1) }}", "{{ link() }}", "{{ link('/', 2, 3) }}", "{{ link(none) }}", "{{ link(x='/') }}",
                "{{ qr_for() }}", "{{ qr_for(1) }}", "{{ absolute() }}", "{{ absolute(none) }}", "{{ shown_url(3) }}",
                "{{ 1|day }}", "{{ 'x'|money }}", "{{ 1|clip }}", "{{ 1|markdown }}", "{{ 1|stamp }}", "{{ 1|span }}",
                "{{ 'x'|format_with(1) }}", "{{ fmt.day_parts(1) }}", "{{ fmt.money('x') }}",
                "{{ 1 / 0 }}", "{{ range(1, 5, 0)|list }}", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2, 3) }}",
                "{{ '%d'|format('x') }}",
                # one of our macros given what it cannot use, and a macro calling itself for ever (before: internal errors)
                '{% from "default/macros.html" import poster_link with context %}{{ poster_link(1) }}',
                '{% from "default/poster_macros.html" import qr_block with context %}{{ qr_block(1, 2) }}',
                "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"]


@pytest.mark.parametrize("line", MISUSE)
@pytest.mark.parametrize(("lang", "word"), [("en", "template"), ("zh-Hans", "模板")])
def test_misusing_asset_link_filters_or_macros_is_a_theme_error(make_site: MakeSite, tmp_path: Path, line: str, lang: str, word: str) -> None:
    page = '{% extends "base.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    result, out = _build(make_site, tmp_path, {"templates/page.html": page}, "site", lang)
    assert result.exit_code == 1, result.output
    [where] = [e for e in error_lines(result) if e.startswith("theme/templates/page.html:2: ")]
    assert word in where, where
    assert "Traceback" not in result.output and "KeyError" not in result.output and not out.exists()


# A theme beside the content folder (site.yaml `theme: ../brand`, or --theme content/../brand) is reached as
# `content/../brand`, while Jinja names its files `brand/templates/…`: a misuse there was "sitegen internal
# error… AttributeError" (exit 70), and an undefined name was told at a bare `page.html:2`.
BESIDE = [(["theme: ../brand"], "../brand"), ([], "content/../brand")]


@pytest.mark.parametrize(("site", "theme"), BESIDE, ids=[row[1] for row in BESIDE])
@pytest.mark.parametrize("line", ["{{ link(1) }}", "{{ 1 / 0 }}", "{{ nosuch.x }}"])
def test_a_theme_beside_the_content_is_told_at_its_line(make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      site: list[str], theme: str, line: str) -> None:
    make_site({"pages/about.md": PAGE}, site=SITE_YAML + "".join(f"{row}\n" for row in site))
    (tmp_path / "brand" / "templates").mkdir(parents=True)
    page = '{% extends "base.html" %}\n{% block main %}' + line + "{% endblock %}\n"
    (tmp_path / "brand" / "templates" / "page.html").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", "--content", "content", "--out", "out", *([] if site else ["--theme", theme]))
    assert result.exit_code == 1, result.output
    assert [e for e in error_lines(result) if e.startswith(f"{theme}/templates/page.html:2: ")], result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


@pytest.mark.parametrize("theme", [{}, {"templates/page.html": '{% extends "base.html" %}\n{% block main %}<p>x</p>{% endblock %}\n'}],
                         ids=["no theme", "a block of ours around the site's"])
def test_our_own_code_failing_in_our_templates_stays_an_internal_error(make_site: MakeSite, tmp_path: Path, theme: dict[str, str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """sitegen's own bug (here the `stamp` filter, which base.html's footer calls) is never told as the theme's."""
    import sitegen.render.site as site

    def broken(labels: object) -> dict[str, object]:
        def stamp(*_: object) -> str:
            raise TypeError("our bug")
        return {**real(labels), "stamp": stamp}  # type: ignore[arg-type]

    real = site.template_filters
    monkeypatch.setattr(site, "template_filters", broken)
    result, out = _build(make_site, tmp_path, theme, "site")
    assert result.exit_code == 70, result.output
    assert "our bug" in result.output and "theme" not in result.output and not out.exists()
