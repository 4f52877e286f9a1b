"""Fuzz the whole build (issue 12, "Done means"): front matter values, bodies and file names.

Invariants, for every input hypothesis makes:
- the exit status is 0 or 1, never 70, and no traceback is printed;
- no page holds a <script> the theme did not ship (`static/site.<hash>.js`, and `search.<hash>.js` on /search/);
- no output file holds the wisher's full name or the hidden phone, however spelled (the scanner's
  folding, and a plain byte search that does not depend on it);
- a failed build leaves the previous output byte for byte.

Bounded (max_examples) so it runs in under two minutes on one core; `SITEGEN_FUZZ_EXAMPLES` raises it.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sitegen.model.records import Secrets
from sitegen.validate.privacy import name_variants
from sitegen.write.leaks import LeakScanner
from tests.conftest import SITE_YAML, run, tree_bytes, write_files

pytestmark = pytest.mark.slow

NAME, PHONE = "俞晓风", "13805515678"
BASE = {
    "site.yaml": SITE_YAML,
    "wishes/w.yaml": f"wish: 助行器\nwisher: {NAME}\nposted_on: 2026-10-18\nstatus: open\n",
    "disclosures/d.yaml": f"name: 张建国\nrole: 单元长\nphone: {PHONE}\nshow_phone: masked\n",
}
SCANNER = LeakScanner(Secrets(names=frozenset(name_variants(NAME)), web_hidden_phones=frozenset({PHONE}),
                              poster_hidden_phones=frozenset({PHONE})))
THEME_SCRIPT = re.compile(  # site.js on every page; search.js on the search pages
    rb'<script src="(?:https://test\.example\.org/|(?:\.\./)*)static/(?:site|search)\.[0-9a-f]+\.js" defer></script>')
PLAIN_SECRETS = [s.encode() for s in (*name_variants(NAME), PHONE)]

# Pieces an attacker or a careless worker would type: disguised secrets, markup, YAML and path tricks.
PIECES = [
    NAME, "俞\u200b晓风", "俞**晓风**", "[俞](https://x.example/)晓风", "俞曉風", "俞\u00ad晓风",
    PHONE, "138.0551.5678", "１３８０５５１５６７８", "138–0551–5678", "tel:138-0551-5678", "138****5678",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{ 7*7 }}", "{% raw %}",
    "&#x3C;script&#x3E;", "</title><script>", "\x00", "\x1b[31m", "\u202e", "\r\n", "\n", "---", "&a", "*a",
    "9999-12-31", "0001-01-01", "2024-02-30", "9" * 30, "-1", "1e308", "nan", "../../etc/passwd", "/", "%00",
    "#", "- ", ": ", "'", '"', "\\", "。", "👨\u200d👩\u200d👧", "𠀀", "",
]
text = st.one_of(st.sampled_from(PIECES), st.text(max_size=40),
                 st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join))
value = st.one_of(text, st.integers(), st.lists(text, max_size=4), st.dictionaries(st.sampled_from(["a", "date", "note"]), text, max_size=2))
FIELDS = ["title", "date", "end", "place", "organizer", "partners", "project", "participants", "signup", "tags",
          "summary", "photos", "draft", "id"]
benign = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
line = st.one_of(benign, benign, benign, text).filter(lambda s: s.strip() != "")
day = st.one_of(st.dates(date(1990, 1, 1), date(2100, 1, 1)).map(str), st.dates(date(1990, 1, 1), date(2100, 1, 1)).map(str),
                st.dates().map(str), st.sampled_from(["2024-06-01", "2024-06-01 09:30", "9999-12-31", "2024-02-30"]))
# Mostly well-formed records, so that most builds get as far as rendering and the output checks;
# the rest are any shape at all.
well_formed = st.fixed_dictionaries(
    {"title": line, "date": day},
    optional={"place": line, "organizer": line, "partners": st.lists(line, max_size=3), "project": line,
              "participants": st.one_of(st.integers(0, 10**6), st.integers(0, 10**6), line), "signup": line,
              "tags": st.lists(line, max_size=4), "summary": line})
chaotic = st.dictionaries(st.sampled_from(FIELDS), value, max_size=6).map(
    lambda d: {"title": "七夕", "date": "2024-06-01", **d})
front = st.one_of(well_formed, well_formed, well_formed, chaotic)
stem = st.one_of(st.from_regex(r"[a-z0-9][a-z0-9-]{0,11}", fullmatch=True),
                 st.from_regex(r"[a-z0-9][a-z0-9-]{0,11}", fullmatch=True),
                 text.filter(lambda s: "/" not in s and s not in ("", ".", "..")))
body = st.one_of(benign, text, st.lists(st.one_of(benign, benign, text), max_size=8).map("\n".join))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("fuzz")
    content, out = root / "content", root / "out"
    write_files(content, BASE)
    (content / "activities").mkdir()
    assert run("build", "--content", str(content), "--out", str(out), "--jobs", "1").exit_code == 0
    return content, out


def _front_matter(data: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n"


@settings(max_examples=int(os.environ.get("SITEGEN_FUZZ_EXAMPLES", "200")), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(front=front, body=body, stem=stem, kind=st.sampled_from(["activities", "activities", "activities", "pages"]))
def test_fuzzed_content_keeps_every_invariant(site: tuple[Path, Path], front: dict[str, object], body: str, stem: str,
                                              kind: str) -> None:
    content, out = site
    for old in (*(content / "activities").iterdir(), *((content / "pages").iterdir() if (content / "pages").exists() else ())):
        old.unlink()
    before = tree_bytes(out)
    if kind == "pages":  # a free page: a title, a summary, tags
        front = {k: v for k, v in front.items() if k in ("title", "summary", "tags", "draft", "id")}
    target = content / kind / f"{stem}.md"
    try:
        target.parent.mkdir(exist_ok=True)
        target.write_text(_front_matter(front) + body, encoding="utf-8", errors="surrogatepass")
    except (OSError, UnicodeEncodeError, ValueError):  # a name the file system itself refuses: nothing to build
        event("file name refused by the file system")
        return
    result = run("build", "--content", str(content), "--out", str(out), "--jobs", "1")
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    after = tree_bytes(out)
    event(f"exit {result.exit_code}")
    if result.exit_code == 1:
        event("first problem: " + (result.stderr.split(": ", 2)[1:2] or ["?"])[0][:30])
        assert after == before
        return
    for rel, data in after.items():
        if rel.endswith(".html"):
            assert data.lower().count(b"<script") == len(THEME_SCRIPT.findall(data)), rel
        assert not any(secret in data for secret in PLAIN_SECRETS), rel
        assert SCANNER.scan(rel, data) is None, rel
