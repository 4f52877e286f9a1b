"""No hidden state: what one build remembers lives in memo objects the build cache owns and passes down."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.pipeline.cache import BuildCache, State
from sitegen.render.qr import Codes, qr_modules
from sitegen.slugs import Levels, _word_pinyin, forget_pinyin, level_slug
from sitegen.validate.privacy import Variants, name_variants
from tests.conftest import NOW, ROOT

# Module-level containers that are process-wide on purpose, with the reason.
PROCESS_WIDE = {
    ("sitegen/write/lock.py", "_THREADS"),  # one lock per output folder in this process: threads must share it
    ("sitegen/write/lock.py", "_STARTED"),  # who holds each of those locks, for the waiting message
    ("sitegen/pipeline/workers.py", "_WORKER_JOB"),  # set by the pool initialiser in each forked worker alone, never in the build
    ("sitegen/street/ready.py", "_BUSY"),  # set by the pool initialiser in each forked worker alone: the street's "yield" flag
    ("sitegen/hanzi.py", "_BUILT"),  # OpenCC's converters (pure functions), built once per process, as @cache kept them
    ("sitegen/hanzi.py", "_OPENING"),  # the thread building one of them ahead of its use (hanzi.open_early)
    # a pure function's memo, bounded: (address, digest) → the record's Name values, which follow from what the
    # record shows, which its digest stands for (model/names.py _own_names); no build's state
    ("sitegen/model/names.py", "_OWN"),
    # the same: a record's digest (its fields and body) → whether a text of it holds a mask character
    ("sitegen/validate/masked_phones.py", "_MASKED"),
    # a street's community run alone (serve, the editor): its street as read, by the stamp (stats) of the files
    # it was read from, read again when one changes; a function of those files, as the build cache's stats are
    ("sitegen/street/lone.py", "_KNOWN"),
}
EMPTY = ("dict", "list", "set", "defaultdict", "OrderedDict", "Counter")


def _empty_container(value: ast.expr | None) -> bool:
    if isinstance(value, ast.Dict | ast.List | ast.Set):
        return not getattr(value, "keys", None) and not getattr(value, "elts", None)
    if isinstance(value, ast.Call) and not value.args and not value.keywords:
        name = value.func.id if isinstance(value.func, ast.Name) else getattr(value.func, "attr", "")
        return name in EMPTY
    return isinstance(value, ast.Constant) and value.value is None


def _module_memos() -> set[tuple[str, str]]:
    """Module-level names bound to an empty container or None: the shape of a memo filled at run time."""
    found = set()
    for path in sorted((ROOT / "sitegen").rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            if isinstance(target, ast.Name) and _empty_container(node.value):  # type: ignore[union-attr]
                found.add((path.relative_to(ROOT).as_posix(), target.id))
    return found


def test_no_module_level_memos() -> None:
    assert _module_memos() - PROCESS_WIDE == set()


LEVELS = [  # level → slug, as level_slug gives it and the memo remembers it
    ("福桂苑", "fuguiyuan"),
    ("9栋", "9dong"),
    ("重庆路", "chongqinglu"),
    ("A座", "azuo"),
    ("Ⅱ期", "iiqi"),
]


@pytest.mark.parametrize(("level", "slug"), LEVELS)
def test_levels_memo_gives_what_level_slug_gives(level: str, slug: str) -> None:
    memo = Levels()
    assert memo.slug(level) == level_slug(level) == slug
    assert memo.known == {level: slug}
    assert Levels({level: "kept"}).slug(level) == "kept"  # a known level is never slugged again


@pytest.mark.parametrize(("level", "slug"), LEVELS)
def test_slugs_after_pinyin_is_forgotten_are_the_same(level: str, slug: str) -> None:
    """forget_pinyin (before a pool forks) frees pypinyin's tables; the next slug loads them afresh, same slug."""
    assert level_slug(level) == slug
    forget_pinyin()
    assert not [name for name in sys.modules if name.split(".")[0] == "pypinyin"]
    _word_pinyin.cache_clear()  # so that pypinyin is asked again, not the memo
    assert level_slug(level) == slug and Levels().slug(level) == slug
    assert "pypinyin" in sys.modules


VARIANTS = [  # name → forms both ways (OpenCC)
    ("俞晓风", {"俞晓风", "俞曉風"}),
    ("劉曉東", {"劉曉東", "刘晓东"}),
    ("周桂芳", {"周桂芳"}),
]


@pytest.mark.parametrize(("name", "forms"), VARIANTS)
def test_variants_memo_gives_what_name_variants_gives(name: str, forms: set[str]) -> None:
    memo = Variants()
    assert forms <= memo.of(name) == name_variants(name)
    assert Variants(memo.known).of(name) == memo.of(name)


def test_codes_hand_back_what_they_made_once() -> None:
    a, b = "https://test.example.org/wishes/a/", "https://test.example.org/wishes/b/"
    codes = Codes({a: qr_modules(a)})
    assert codes.modules(a) == qr_modules(a) and codes.take_made() == {}  # known: checked, not made
    assert codes.modules(b) == qr_modules(b)
    assert codes.take_made() == {b: qr_modules(b)}
    assert codes.take_made() == {}


def test_drawn_codes_are_remembered_within_a_bound_and_drawn_the_same() -> None:
    """Codes.svg remembers the last SVGS_KEPT drawings, not every poster's (a worker renders thousands);
    a drawing forgotten and drawn again is the same markup, and a remembered one is the same object."""
    from sitegen.render import qr

    codes, fresh = Codes(), Codes()
    urls = [f"https://x.example.org/wishes/w-{n}/" for n in range(qr.SVGS_KEPT + 40)]
    first = [codes.svg(url, "扫码") for url in urls]
    assert len(codes.svgs) == qr.SVGS_KEPT
    assert codes.svg(urls[-1], "扫码") is first[-1]  # remembered
    again = codes.svg(urls[0], "扫码")  # forgotten, drawn again
    assert again == first[0] == fresh.svg(urls[0], "扫码") and again is not first[0]
    assert len(codes.svgs) == qr.SVGS_KEPT


def test_the_cache_keeps_the_memos_and_not_their_process_state(tmp_path: Path) -> None:
    out = tmp_path / "output"
    url = "https://test.example.org/"
    # keys as a build makes them: the code digest, then the options (a key of other code keeps nothing)
    key, other_options = "0123abcd, 'https://a.example.org/', False", "0123abcd, 'https://b.example.org/', False"
    cache = BuildCache(key=key)
    cache.levels.slug("福桂苑")
    cache.variants.of("俞晓风")
    cache.qr.modules(url)
    cache.qr.svg(url)
    cache.save(out, State(key=key))
    loaded = BuildCache.load(out, key)
    assert loaded.levels.known == {"福桂苑": "fuguiyuan"}
    assert loaded.variants.known == cache.variants.known
    assert loaded.qr.known == {url: qr_modules(url)}
    assert (loaded.qr.checked, loaded.qr.made, loaded.qr.svgs) == (set(), [], {})  # decoded again before use
    other = BuildCache.load(out, other_options)  # parsed content and memos survive an options change
    assert other.levels.known == loaded.levels.known and other.qr.known == loaded.qr.known


REBUILD = """
import sys
from pathlib import Path
from sitegen import pipeline
from sitegen.options import Options
report = pipeline.build(Path(sys.argv[1]), Path(sys.argv[2]), Options(jobs=1))
print(report.rendered, "pypinyin" in sys.modules)
"""


def test_a_rebuild_with_known_places_and_tags_does_not_load_pypinyin(make_site: Callable[..., Path],
                                                                     tmp_path: Path) -> None:
    """The memos the cache keeps hold every slug the last build made, tags' included (render/pages.py)."""
    content = make_site({
        "disclosures/a.yaml": "name: 王德明\nrole: 楼栋长\nplace: 福桂苑/9栋\ntags: [党员先锋]\n",
        "activities/a.md": "---\ntitle: 七夕\ndate: 2026-08-19\ntags: [邻里节]\n---\n正文\n",
    })
    out = tmp_path / "output"

    def rebuild() -> list[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
        done = subprocess.run([sys.executable, "-c", REBUILD, str(content), str(out)], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert rebuild()[1] == "True"  # the cold build slugs with pypinyin
    (content / "activities" / "a.md").write_text("---\ntitle: 七夕\ndate: 2026-08-19\ntags: [邻里节]\n---\n又一段\n",
                                                  encoding="utf-8")
    rendered, loaded = rebuild()
    assert int(rendered) > 0 and loaded == "False"
