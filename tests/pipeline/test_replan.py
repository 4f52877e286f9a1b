"""A rebuild plans only the slots whose inputs changed (pipeline/replan.py): after every kind of
edit the kept plan gives the full plan spec for spec and fingerprint for fingerprint, takes again
as much as the edit allows, and the warm serve-like rebuild writes a cold build's bytes."""

from __future__ import annotations

import io
import pickle
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo
from pathlib import Path

import pytest
from PIL import Image

from sitegen import pipeline
from sitegen.options import Options
from sitegen.paths import default_theme_dir
from sitegen.pipeline import execute, printing
from sitegen.pipeline import shards as shards_module
from sitegen.pipeline.cache import BuildCache, cache_dir, read_checked
from sitegen.pipeline.memory import Memory
from sitegen.pipeline.published import Plan
from sitegen.model.records import Record
from sitegen.pipeline.recordsig import exact, record_sig
from sitegen.pipeline.replan import PlanMemo, Replanner
from sitegen.write.printfolder import print_folder
from tests.conftest import NOW, tree_bytes
from tests.support.cold import ColdBuilds

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import generate  # noqa: E402

# Upcoming at tests.conftest.NOW (12:00 on 24 November in Shanghai), past an hour after the next morning.
SOON = "---\ntitle: 明早义诊\ndate: 2026-11-25 09:30\ntags: [健康]\n---\n社区医生来义诊。\n"
LATER = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai


def _first(content: Path, kind: str, n: int = 0) -> Path:
    return content / "site.yaml" if kind == "site" else sorted((content / kind).iterdir())[n]


def _sub(kind: str, pattern: str, replacement: str, n: int = 0) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        path = _first(content, kind, n)
        text = path.read_text("utf-8")
        changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
        assert changed != text, f"{path.name}: {pattern} not found"
        path.write_text(changed, encoding="utf-8")
    return edit


def _append(kind: str, text: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        path = _first(content, kind)
        path.write_text(path.read_text("utf-8") + text, encoding="utf-8")
    return edit


def _oldest_activity_to_newest(content: Path) -> None:
    """The oldest activity (last on the list's last page) becomes the newest past one (first page)."""
    dated = {p: re.search(r"^date: '?(\S+ \S+)", p.read_text("utf-8"), re.M) for p in (content / "activities").iterdir()}
    oldest = min((m.group(1), p) for p, m in dated.items() if m)[1]
    oldest.write_text(re.sub(r"^date: .*$", "date: 2026-11-20 09:30", oldest.read_text("utf-8"), count=1, flags=re.M),
                      encoding="utf-8")


def _photo(content: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 200)).save(buffer, "JPEG")
    sorted((content / "media").glob("*.jpg"))[0].write_bytes(buffer.getvalue())


def _add(content: Path) -> None:
    (content / "deliberations" / "new-one.md").write_text(
        "---\ntitle: 新议题\nraised_on: 2026-01-05\nstatus: proposed\ntags: [环境]\n---\n新的背景。\n", encoding="utf-8")


def _rename(content: Path) -> None:
    path = _first(content, "wishes", 2)
    path.rename(path.with_name("renamed-" + path.name))


def _rename_tag(content: Path) -> None:
    """A tag renamed in every record that has it: its page moves, every record page linking it changes."""
    for path in sorted(content.rglob("*.md")):
        text = path.read_text("utf-8")
        if "- 朝阳\n" in text:
            path.write_text(text.replace("- 朝阳\n", "- 朝晖\n"), encoding="utf-8")


def _colocate(content: Path) -> None:
    """The second person placed where the first is: two people on one board."""
    first, second = sorted((content / "disclosures").iterdir())[:2]
    place = re.search(r"^place: .*$", first.read_text("utf-8"), re.M)
    assert place is not None
    second.write_text(re.sub(r"^place: .*$", place.group(0), second.read_text("utf-8"), count=1, flags=re.M),
                      encoding="utf-8")


def _neighbour(content: Path) -> None:
    """The first person edited: the second, on the same board (`_colocate`), shows them there."""
    _sub("disclosures", r"^role: .*$", "role: 楼栋长")(content)


def _site_theme(content: Path) -> None:
    """The site's own theme: the default wish page with one change, and one label."""
    templates = content / "theme" / "templates"
    templates.mkdir(parents=True)
    wish = (default_theme_dir() / "templates" / "wish.html").read_text("utf-8")
    (templates / "wish.html").write_text(wish.replace("{{ t.how_to_claim }}", "怎样认领"), encoding="utf-8")
    (content / "theme" / "i18n").mkdir()
    (content / "theme" / "i18n" / "zh-Hans.yaml").write_text("search: 找一找\n", encoding="utf-8")
    (content / "site.yaml").write_text((content / "site.yaml").read_text("utf-8") + "theme: theme\n", encoding="utf-8")


def _theme_file(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        path = content / "theme" / rel
        path.write_text(path.read_text("utf-8").replace(old, new), encoding="utf-8")
    return edit


@dataclass(frozen=True)
class Case:
    edit: Callable[[Path], None]
    least: float  # the share of specs the rebuild must take from the kept plan (what the edit cannot reach)
    most: float = 1.0  # and at most: 0 when everything depends on what changed
    now: datetime = NOW  # the rebuild's clock
    setup: Callable[[Path], None] = lambda content: None  # before the first build


CASES = {
    "body edit": Case(_append("wishes", "\n又补充了一段说明。\n"), 0.9),
    "title edit": Case(_sub("activities", r"^title: ", "title: 改过"), 0.9),
    "date edit across a page boundary": Case(_oldest_activity_to_newest, 0.8),
    "tag added": Case(_sub("deliberations", r"^tags:$", "tags:\n- 新标签"), 0.8),
    "tag removed": Case(_sub("wishes", r"^tags:\n- .*$", "tags:", 1), 0.8),
    "record added": Case(_add, 0.8),
    "record removed": Case(lambda content: _first(content, "wishes", 1).unlink(), 0.8),
    "record renamed": Case(_rename, 0.8),
    "person moved to another place": Case(_sub("disclosures", r"^place: .*$", "place: 新小区/1栋/1单元"), 0.5),
    "site.yaml changed": Case(_sub("site", r"^name: .*$", "name: 望湖新街道"), 0.0, 0.0),
    "photo changed": Case(_photo, 0.8),
    "tag renamed": Case(_rename_tag, 0.3),  # in a third of the records
    "a neighbour on the same board edited": Case(_neighbour, 0.5, setup=_colocate),  # the places and boards too
    "site theme's template changed": Case(_theme_file("templates/wish.html", "怎样认领", "如何认领"), 0.8,
                                          setup=_site_theme),
    "site theme's label changed": Case(_theme_file("i18n/zh-Hans.yaml", "找一找", "搜一搜"), 0.0, 0.0,
                                       setup=_site_theme),
    # A new day re-dates what shows the build day (people with no `since`, and so the site's date
    # every list holds): their slots and the lists are planned again, the other records' are not.
    "upcoming ended by the clock": Case(lambda content: None, 0.3, now=LATER),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 23 activities: two list pages; of the other kinds, enough for every case (two people on one board, a
    # photo): 47 records, where 70 in the usual proportions made each of the suite's ~100 builds here a third longer
    content = generate(tmp_path_factory.mktemp("gen"), 0,
                       counts={"activities": 23, "disclosures": 10, "deliberations": 6, "wishes": 8}).content
    (content / "activities" / "soon.md").write_text(SOON, encoding="utf-8")
    return content


def _options(now: datetime = NOW, cache: bool = True) -> Options:
    return Options(now=now, use_cache=cache, jobs=1)


def _watch_plans(monkeypatch: pytest.MonkeyPatch, plans: list[tuple[Plan, Plan]]) -> None:
    """Every build also plans from nothing, beside the plan it made from what it kept."""
    plan_site = execute.plan_site

    def watched(model, content, options, cache):  # type: ignore[no-untyped-def]
        plan = plan_site(model, content, options, cache)
        plans.append((plan, plan_site(model, content, options, BuildCache(key=cache.key))))
        return plan

    monkeypatch.setattr(execute, "plan_site", watched)


def _plans_read(out: Path) -> PlanMemo:
    """The plan memo a new process reads from the cache files of `out`."""
    read = read_checked(cache_dir(out) / "data.pickle")
    assert isinstance(read, BuildCache)
    return read.plans


def _watch_printed(monkeypatch: pytest.MonkeyPatch, printed: list[tuple[list[str | None], list[str]]]) -> None:
    """The print folder's posters as planned through the memo, beside their fingerprints from nothing."""
    printed_plan = printing._printed_plan

    def watched(model, plan, cache):  # type: ignore[no-untyped-def]
        specs, digests = printed_plan(model, plan, cache)
        fresh = list(printing._PrintedPlanner(model, plan, BuildCache(key=cache.key)).plan())
        assert specs == fresh  # a kept printed spec is what planning it again gives
        printed.append((digests, [plan.print_of(spec) for spec in fresh]))
        return specs, digests

    monkeypatch.setattr(printing, "_printed_plan", watched)


def _printed_slots(out: Path, memory: Memory | None) -> dict[str, object]:
    """The printed posters' fingerprints the plan memo keeps: in `memory` (serve) or in the cache files of `out`."""
    memo = memory.cache.plans if memory is not None and memory.cache is not None else _plans_read(out)
    return {name: slot[2] for name, slot in memo.printed.items()}


SOURCES = ("site.yaml", "activities", "disclosures", "deliberations", "wishes", "pages")


def _sources(content: Path) -> dict[str, tuple[int, int]]:
    """Every content file the load stage may read (relative path → (size, mtime))."""
    found = {}
    for top in SOURCES:
        for path in [content / top] if top.endswith(".yaml") else sorted((content / top).rglob("*")):
            if path.is_file():
                info = path.stat()
                found[path.relative_to(content).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found


def _shard_ids(out: Path) -> dict[int, str]:
    """The id of each shard file the cache of `out` holds (pipeline/shards.py)."""
    return dict(BuildCache.load(out, pipeline.cache_key(_options())).shards.ids)


@pytest.mark.parametrize("kept", ["serve", "files"])
@pytest.mark.parametrize("name", CASES)
def test_replan_after_an_edit_is_the_full_plan_and_the_cold_site(name: str, kept: str, generated: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   cold_builds: ColdBuilds) -> None:
    """The memo kept in memory (serve: slots taken whole), or read back from the cache files by a new
    process (the CLI: the fingerprints of slots whose key stayed), plans the published site and the
    print folder's posters as planning from nothing does, and the rebuild writes the cold build's bytes.
    (The published and the printed plan are watched in the same rebuild: one build of each kind a case.)

    The CLI's rebuild (its cache read from the files) is also the one the shard files and the plan memo
    in the cache files are checked on (`_files_kept_as_made_afresh`): the same two builds, made once."""
    case = CASES[name]
    content, out = tmp_path / "content", tmp_path / "output"
    memory = Memory() if kept == "serve" else None
    shutil.copytree(generated, content)
    case.setup(content)
    pipeline.build(content, out, _options(), memory=memory)
    before = _printed_slots(out, memory)
    sources, ids = (_sources(content), _shard_ids(out)) if memory is None else ({}, {})
    case.edit(content)
    plans: list[tuple[Plan, Plan]] = []
    printed: list[tuple[list[str | None], list[str]]] = []
    _watch_plans(monkeypatch, plans)
    _watch_printed(monkeypatch, printed)
    pipeline.build(content, out, _options(case.now), memory=memory)
    monkeypatch.undo()
    (plan, full), = plans
    assert [s.url for s in plan.specs] == [s.url for s in full.specs]
    assert plan.prints == full.prints
    assert plan.specs == full.specs  # what a kept spec holds is what planning it again gives
    assert case.least * len(plan.specs) <= plan.reused <= case.most * len(plan.specs)

    (digests, fresh), = printed
    assert [d for d in digests if d is not None] == [f for d, f in zip(digests, fresh) if d is not None]
    assert sum(d is not None for d in digests) > 1  # the people's posters, the boards and the index
    now = _printed_slots(out, memory)
    taken = sum(1 for name, slot in now.items() if before.get(name) == slot and kept == "files"
                or before.get(name) is slot)
    if case.most == 0:  # the edit reaches every page
        assert taken == 0
    elif case.least >= 0.5:  # the edit reaches a few records: the other people's posters are taken again
        assert taken > 0

    # The build from nothing of this content at this clock, made once for both kinds of memo (a cold
    # build that saves its cache, whose bytes are a cold build's without one, as
    # tests/pipeline/test_incremental.py checks).
    cold = cold_builds.out(content, _options(case.now))
    assert tree_bytes(out) == tree_bytes(cold)
    assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold))
    if memory is None:
        _files_kept_as_made_afresh(content, out, cold, sources, ids)


def _files_kept_as_made_afresh(content: Path, out: Path, cold: Path, sources: dict[str, tuple[int, int]],
                               ids: dict[int, str]) -> None:
    """After a CLI rebuild: the shard files of exactly the changed source files were written again
    (pipeline/shards.py), and the cache files hold what a build from nothing keeps: the parsed files
    and their checks, and the plan memo (key and fingerprints of every slot)."""
    assert sorted(ids) == list(range(shards_module.SHARDS))
    after = _sources(content)
    changed = {rel for rel in sources.keys() | after.keys() if sources.get(rel) != after.get(rel)}
    again = _shard_ids(out)
    assert {i for i in ids if again[i] != ids[i]} == {shards_module.shard_of(rel) for rel in changed}
    kept, made = (BuildCache.load(where, pipeline.cache_key(_options())) for where in (out, cold))
    assert {rel: entry[2:] for rel, entry in kept.files.items()} == {rel: entry[2:] for rel, entry in made.files.items()}
    assert kept.valid == made.valid
    assert len(kept.plans.slots) > 100
    assert kept.plans.slots == made.plans.slots


def test_slots_taken_again_still_ask_the_kept_memos(generated: Path, tmp_path: Path) -> None:
    """Summaries and fits keep what a build asked for: a reused slot asks again what its making asked."""
    content, out, memory = tmp_path / "content", tmp_path / "output", Memory()
    shutil.copytree(generated, content)
    pipeline.build(content, out, _options(), memory=memory)
    assert memory.cache is not None
    fits, summaries = set(memory.cache.fits.known), set(memory.cache.summaries.known)
    _append("wishes", "\n补充。\n")(content)
    pipeline.build(content, out, _options(), memory=memory)
    cache = memory.cache
    assert cache is not None and len(cache.plans.slots) > 0
    assert set(cache.fits.known) - fits == {k for k in cache.fits.known if k not in fits}  # the edited wish's
    assert len(fits - set(cache.fits.known)) == len(set(cache.fits.known) - fits) == 1
    assert len(summaries - set(cache.summaries.known)) <= 1


def test_the_cache_files_keep_the_plan_as_keys_and_fingerprints_alone() -> None:
    memo = PlanMemo(slots={"home": ("key", ("a spec",), ("print",), ((("asked", 1),),))})  # type: ignore[dict-item]
    assert pickle.loads(pickle.dumps(memo)).slots == {"home": ("key", None, ("print",), ())}


def _hand_change(out: Path) -> None:
    """A hand edits a page in output/ and a poster in the print folder between two saves."""
    page = sorted((out / "wishes").glob("*/index.html"))[0]
    page.write_text("手改的页面", encoding="utf-8")
    poster = sorted((print_folder(out) / "posters" / "disclosures").glob("*/index.html"))[0]
    poster.write_text("手改的海报", encoding="utf-8")


# (step, the edit of the content, or of the output for a hand change, and the clock of the build after it)
SEQUENCE: list[tuple[str, Callable[[Path], None], datetime]] = [
    ("body edit", _append("wishes", "\n又补充了一段说明。\n"), NOW),
    ("the same body edited again", _append("wishes", "\n再补充一句。\n"), NOW),
    ("title edit", _sub("activities", r"^title: ", "title: 改过"), NOW),
    ("tag renamed", _rename_tag, NOW),
    ("record added", _add, NOW),
    ("date across a page boundary", _oldest_activity_to_newest, NOW),
    ("two people at one place", _colocate, NOW),
    ("neighbour edited", _neighbour, NOW),
    ("person moved", _sub("disclosures", r"^place: .*$", "place: 新小区/1栋/1单元"), NOW),
    ("record removed", lambda content: _first(content, "wishes", 1).unlink(), NOW),
    ("record renamed", _rename, NOW),
    ("photo changed", _photo, NOW),
    ("hand change in output", lambda content: None, NOW),
    ("site.yaml changed", _sub("site", r"^name: .*$", "name: 望湖新街道"), NOW),
    ("the clock crosses midnight", lambda content: None, LATER),
    ("body edit on the new day", _append("deliberations", "\n新的一天。\n"), LATER),
]


def test_a_sequence_of_edits_under_serve_plans_and_builds_as_from_nothing(generated: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          cold_builds: ColdBuilds) -> None:
    """One serve memory through every kind of edit in turn: what each build keeps for the next
    (slots, what their keys held, idents, group keys) never gives a plan or a site a cold build would not."""
    content, out, memory = tmp_path / "content", tmp_path / "output", Memory()
    shutil.copytree(generated, content)
    pipeline.build(content, out, _options(), memory=memory)
    for step, (name, edit, now) in enumerate(SEQUENCE):
        if name == "hand change in output":
            _hand_change(out)
        edit(content)
        plans: list[tuple[Plan, Plan]] = []
        _watch_plans(monkeypatch, plans)
        pipeline.build(content, out, _options(now), memory=memory)
        monkeypatch.undo()
        (plan, full), = plans
        assert plan.prints == full.prints, name
        assert plan.specs == full.specs, name
        # from nothing, once for each content and clock: the hand change leaves the content as the photo left it
        cold = cold_builds.out(content, _options(now, cache=False))
        assert tree_bytes(out) == tree_bytes(cold), name
        assert tree_bytes(print_folder(out)) == tree_bytes(print_folder(cold)), name


# edit → how many record pages and posters a serve rebuild keys again (digests a key for): the
# edited record's own; a person's also their neighbours' on the board they share.
KEYED = {
    "body edit": (1, 1),
    "title edit": (1, 1),
    "record added": (1, 1),
    "a neighbour on the same board edited": (2, 1),
    "site.yaml changed": (None, None),  # every one: the context every record key holds changed
}


@pytest.mark.parametrize("name", KEYED)
def test_serve_keys_only_the_record_slots_an_edit_reaches(name: str, generated: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    content, out, memory = tmp_path / "content", tmp_path / "output", Memory()
    shutil.copytree(generated, content)
    CASES[name].setup(content)
    pipeline.build(content, out, _options(), memory=memory)
    pipeline.build(content, out, _options(), memory=memory)  # steady: the memo is a serve build's
    CASES[name].edit(content)
    keyed = {"page": 0, "poster": 0}
    page_key, poster_key = Replanner._page_key, Replanner._poster_key

    def counted(kind: str, key: Callable[[Replanner, Record], str]) -> Callable[[Replanner, Record], str]:
        def count(self: Replanner, record: Record) -> str:
            keyed[kind] += 1
            return key(self, record)
        return count

    monkeypatch.setattr(Replanner, "_page_key", counted("page", page_key))
    monkeypatch.setattr(Replanner, "_poster_key", counted("poster", poster_key))
    pipeline.build(content, out, _options(), memory=memory)
    monkeypatch.undo()
    assert memory.cache is not None
    records = sum(1 for slot in memory.cache.plans.slots if slot.startswith("page:"))
    pages, posters = KEYED[name]
    assert records > 40  # every record of the generated site (47 and `soon`)
    assert keyed == {"page": records if pages is None else pages, "poster": records if posters is None else posters}


SHANGHAI = ZoneInfo("Asia/Shanghai")
# (a, b): a record's day or date changed, as the ident cache compares them (pipeline/recordsig.py exact): the same
# only when the text the ident shows (repr) is the same.
EXACT = {
    "the same moment in the same zone": (datetime(2026, 11, 24, 12, tzinfo=SHANGHAI),
                                         datetime(2026, 11, 24, 12, tzinfo=SHANGHAI)),
    "the same moment in another zone": (datetime(2026, 11, 24, 4, tzinfo=UTC),
                                        datetime(2026, 11, 24, 12, tzinfo=SHANGHAI)),
    "a date and midnight of that day": (date(2026, 11, 24), datetime(2026, 11, 24)),
    "the second of a repeated hour": (datetime(2026, 11, 1, 1, 30), datetime(2026, 11, 1, 1, 30, fold=1)),
    "a zone of one offset under two names": (datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=8))),
                                             datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=8), "CST"))),
    "the same day": (date(2026, 11, 24), date(2026, 11, 24)),
    "no date": (None, None),
}


@pytest.mark.parametrize("name", EXACT)
def test_dates_compare_for_the_ident_cache_as_their_text_does(name: str) -> None:
    a, b = EXACT[name]
    assert (exact(a) == exact(b)) == (repr(a) == repr(b))


# edit between two serve builds → whether the records are the last build's objects again
OBJECT_EDITS = {
    "body edit": (_append("wishes", "\n又补充了一段说明。\n"), True),
    "photo changed (its records kept as objects, their photos' hashes not)": (_photo, True),
    "the clock crosses midnight (records made again)": (lambda content: None, False),
}


@pytest.mark.parametrize("name", OBJECT_EDITS)
def test_idents_known_by_record_object_are_the_idents_made_afresh(name: str, generated: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Replanner.ident takes a kept record object's sig and ident from the last build (PlanMemo.objects):
    each is what record_sig and _ident give for that record and this build's photos."""
    edit, same_objects = OBJECT_EDITS[name]
    content, out, memory = tmp_path / "content", tmp_path / "output", Memory()
    shutil.copytree(generated, content)
    pipeline.build(content, out, _options(), memory=memory)
    pipeline.build(content, out, _options(), memory=memory)  # steady: the memo is a serve build's
    assert memory.cache is not None
    before = dict(memory.cache.plans.objects)
    edit(content)
    plans: list[tuple[Plan, Plan]] = []
    _watch_plans(monkeypatch, plans)
    pipeline.build(content, out, _options(LATER if "clock" in name else NOW), memory=memory)
    monkeypatch.undo()
    (plan, full), = plans
    assert plan.prints == full.prints and plan.specs == full.specs
    assert memory.cache is not None
    objects = memory.cache.plans.objects
    assert len(objects) > 40  # every record of the generated site (47 and `soon`)
    again = sum(1 for at, entry in objects.items() if at in before and before[at][0] is entry[0])
    assert (again > len(objects) // 2) == same_objects
    fresh = Replanner.__new__(Replanner)  # only _ident's one input besides the record: the photos
    fresh.photos = plan.photos
    for record, shas, sig, ident in objects.values():
        assert sig == record_sig(record, plan.photos)
        assert ident == fresh._ident(record)
        assert shas == sig[-1]
