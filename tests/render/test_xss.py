"""Hostile content: script-injection payloads in every text field and body; none may survive."""

from __future__ import annotations

import itertools
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from sitegen import pipeline
from sitegen.options import Options
from tests.conftest import NOW, write_files
from tests.support.html import html_files, parse
from tests.support.xss import MARKDOWN_PAYLOADS, PAYLOADS

FORBIDDEN = {"script", "iframe", "frame", "frameset", "object", "embed", "base", "form", "style", "input", "button",
             "meta", "link", "svg", "math", "video", "audio", "source", "bgsound", "details", "noscript", "applet"}
THEME_ALLOWS = {"meta", "link", "script", "svg", "button"}  # the theme's own, checked separately below
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def hostile_site(root: Path) -> Path:
    cycle = itertools.cycle(PAYLOADS)

    def p() -> str:
        return next(cycle)

    body = "\n\n".join(PAYLOADS + MARKDOWN_PAYLOADS)
    site = {"name": "社区" + p(), "base_url": "https://hostile.example.org/", "street": p(), "district": p(),
            "city": p(), "intro": p(), "wish_claim": p(), "office": {"address": p(), "hours": p(), "phone": "0551-63351234"}}
    files: dict[str, str] = {"site.yaml": yaml.safe_dump(site, allow_unicode=True)}
    for i in range(4):
        front = {"title": p(), "date": f"2026-12-0{i + 1}", "place": p(), "organizer": p(), "partners": [p(), p()],
                 "project": p(), "signup": p(), "summary": p(), "tags": [p(), "标签" + str(i)]}
        files[f"activities/a{i}.md"] = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
        person = {"name": "张" + "一二三四"[i], "role": p(), "place": f"小区{i}/" + p().replace("/", ""), "duties": [p(), p()],
                  "pledge": p(), "summary": p(), "phone": "1380000000" + str(i), "show_phone": "full"}
        files[f"disclosures/d{i}.md"] = "---\n" + yaml.safe_dump(person, allow_unicode=True) + "---\n" + body
        issue = {"title": p(), "raised_on": "2024-01-01", "raised_by": p(), "channel": p(), "status": "implementing",
                 "decision": p(), "progress": 50, "meeting": {"date": "2024-02-01", "place": p(), "host": p()},
                 "timeline": [{"date": "2024-03-01", "note": p()}], "summary": p()}
        files[f"deliberations/l{i}.md"] = "---\n" + yaml.safe_dump(issue, allow_unicode=True) + "---\n" + body
        wish = {"wish": p(), "wisher": "钱文" + "华华华华"[i], "wisher_alias": p() if i % 2 else None, "place": p(),
                "category": p(), "posted_on": "2026-01-01", "status": "fulfilled", "claimed_by": p(),
                "claimed_on": "2026-01-02", "fulfilled_on": "2026-01-03", "thanks": p(), "summary": p()}
        files[f"wishes/w{i}.md"] = "---\n" + yaml.safe_dump({k: v for k, v in wish.items() if v is not None},
                                                             allow_unicode=True) + "---\n" + body
    files["pages/about.md"] = "---\n" + yaml.safe_dump({"title": p(), "summary": p()}, allow_unicode=True) + "---\n" + body
    content = root / "content"
    write_files(content, files)
    return content


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = hostile_site(root)
    out = root / "output"
    pipeline.build(content, out, Options(now=NOW, use_cache=False))
    return out


def test_no_payload_survives_in_any_page(hostile_out: Path) -> None:
    pages = html_files(hostile_out)
    assert len(pages) > 40
    for page in pages:
        doc = parse(page)
        rel = page.relative_to(hostile_out).as_posix()
        for element in doc.elements:
            search_page = rel.endswith("search/index.html")
            if element.tag in FORBIDDEN and element.tag not in THEME_ALLOWS and not (
                    search_page and element.tag in ("form", "input")):  # the search form, checked below
                pytest.fail(f"<{element.tag}> in {rel}")
            for name, value in element.attrs.items():
                assert not name.startswith("on"), f"{name} on <{element.tag}> in {rel}"
                if name in ("href", "src", "action", "formaction", "background", "dynsrc", "data", "srcset"):
                    scheme = urlsplit((value or "").strip()).scheme.lower()
                    assert scheme in SAFE_SCHEMES, f"{name}={value!r} in {rel}"
        for script in doc.find("script"):
            name = (script.attrs.get("src") or "").split("/")[-1]
            assert name.startswith("site.") or (name.startswith("search.") and rel.endswith("search/index.html")), rel
        assert all((m.attrs.get("http-equiv") or "").lower() != "refresh" for m in doc.find("meta")), rel
        for link in doc.find("link"):
            assert (link.attrs.get("rel") or "") in ("stylesheet", "icon", "alternate", "canonical"), rel
        for svg in doc.find("svg"):
            assert "qr" in (svg.attrs.get("class") or "") or "chart-svg" in (svg.attrs.get("class") or ""), rel
        for form in doc.find("form"):
            assert (form.attrs.get("action"), form.attrs.get("method")) == ("index.html", "get"), rel
        assert [i.attrs.get("name") for i in doc.find("input")] in ([], ["q"]), rel
        for button in doc.find("button"):
            search_form = rel.endswith("search/index.html") and button.attrs.get("type") == "submit"
            assert "data-speak" in button.attrs or search_form, rel


def test_content_is_never_a_template(hostile_out: Path) -> None:
    html = (hostile_out / "activities/a0/index.html").read_text("utf-8")
    assert "{{ 7*7 }}" in html and "loop" not in html.replace("{% for x in range(3) %}loop", "")


def test_payload_text_is_shown_escaped(hostile_out: Path) -> None:
    html = (hostile_out / "index.html").read_text("utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html or "&lt;script&gt;" in html
