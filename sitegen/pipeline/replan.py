"""Plan a rebuild at the cost of what changed: the last plan's specs and fingerprints are taken
again wherever what made them is unchanged.

The plan is cut into slots: each record's page, each record's poster, each kind's lists, the tag pages, the
place pages, the boards, the home page, the poster index. A slot's key is a digest of everything its planner
reads (render/pages.py Planner, render/posters.py PosterPlanner) and everything its fingerprint holds
(pipeline/published.py fingerprints): the theme's labels and the slot's templates, the site, the free pages, and
the records it shows by their identity (URL, digest, day, date shown, source, tags, place, photos' hashes). Same
key, same specs and same fingerprints: the memo is a pure function's cache, right whatever build wrote it, so
there is no rule for when to fall back; a slot whose inputs changed (a record edited, a list reordered by a new
date, a tag added, site.yaml, the theme, a photo, the day that ends "upcoming") has a new key and is planned
again. The free pages, the search page, 404 and the wish wall are planned every time (one or a few specs each).
What the argument rests on is what the fingerprints rest on: a record's digest changes whenever anything the
record shows changes (model/records.py Record). A build whose cache stays in memory (`serve`) keeps every slot
whole and takes its specs again, and keys them cheaper: a record's page and poster are taken without digesting
their key when what it holds of them (the record's ident, the board) and of the whole build (`PlanMemo.context`)
are the last build's; idents and place texts come from the last build by equal parts (pipeline/recordsig.py),
and a group slot's key by equal parts, compared as strings instead of digested. A build from the cache files
(the CLI) finds each slot's key and fingerprints there (PlanMemo's pickled form: no specs, which hold whole
records and would cost more to read than to plan): it plans every slot again but digests only those whose key
changed, the fingerprints being most of what planning costs (2.4 of 3.4 s at 10,000 records).

`tests/pipeline/test_replan.py` holds it: after every kind of edit the plan equals the full plan
spec for spec and fingerprint for fingerprint, and the site equals a cold build byte for byte, both
with the memo kept in memory and with the memo read back from the cache files.
"""

from __future__ import annotations

import hashlib
import itertools
from functools import partial
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from sitegen.kinds import kind as kind_entry
from sitegen.load.files import KINDS
from sitegen.model.places import PlaceNode
from sitegen.model.records import Model, Record
from sitegen.pipeline.published import fingerprints, site_base
from sitegen.pipeline.recordsig import record_sig
from sitegen.render.images import Photo
from sitegen.render.kept import Kept
from sitegen.render.pages import Planner, latest
from sitegen.render.posters import PosterPlanner
from sitegen.render.theme import Theme
from sitegen.render.views import PageSpec

Asked = tuple[tuple[tuple[Any, Any], ...], ...]  # per memo of `Replanner.kept`: the (key, value) a slot asked it
# (key, specs, their fingerprints, what they asked); specs None: read from the cache files (PlanMemo)
Slot = tuple[str, tuple[PageSpec, ...] | None, tuple[str, ...], Asked]


@dataclass
class PlanMemo:
    """The last build's slots: slot name ("page:wishes/x/", "lists:wishes") → (key, specs, prints, asked).

    Kept whole in memory by `serve` with the build cache (pipeline/memory.py). Pickled into the
    cache files as slot name → (key, prints) alone (and the planned photos), and read back with no
    specs (None) and nothing asked: a slot read so is planned again and only its fingerprints are
    taken (Replanner.slot).
    A key is a 32-hex-digit digest (`_key`), so the pickled form is small: 26,000 slots at 10,000 records.
    """

    slots: dict[str, Slot] = field(default_factory=dict)
    printed: dict[str, Slot] = field(default_factory=dict)  # the print folder's posters (PrintedSlots)
    photos: dict[tuple[PurePosixPath, str], Photo] = field(default_factory=dict)  # (path, sha256) → planned photo

    theme: tuple[tuple[object, ...], Theme] | None = None  # (what theme_stamp gave, the theme loaded then)
    # Set by a build with a cache: only then are slots keyed and kept; one without plans as Planner.plan does.
    wanted: bool = False
    # Set by a build whose cache stays in memory after it (serve): only then are specs and what their
    # making asked kept, for the next build to take whole; the cache files keep neither.
    whole: bool = False
    # Kept by a `whole` build alone, for the next to take a record's page and poster without keying them (Replanner.
    # record_slot): each record slot's key's own parts, and `context`, the parts all share (prefix, templates, tag URLs).
    held: dict[str, tuple[str, ...]] = field(default_factory=dict)
    context: tuple[object, ...] = ()
    keys: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)  # group slot → (its key's parts, key)
    idents: dict[tuple[object, ...], str] = field(default_factory=dict)  # a record's `record_sig` → its ident
    nodes: dict[tuple[object, ...], str] = field(default_factory=dict)  # a place's parts → Replanner.node
    # id(record) → (the record, its photos' hashes, its record_sig, its ident): the record objects the model kept
    # (model/kept.py) known again without their sig (Replanner.ident); held, so an id is never another object's.
    objects: dict[int, tuple[Record, tuple[str, ...], tuple[object, ...], str]] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        # The planned photos too: a rebuild takes each unchanged photo's sizes from them instead of
        # opening its file with Pillow (15 photos: 35 ms of a street's one-record rebuild). The printed
        # slots' keys and fingerprints as the published ones' (pipeline/printedslots.py).
        return {"prints": {name: (slot[0], slot[2]) for name, slot in self.slots.items()}, "photos": self.photos,
                "printed": {name: (slot[0], slot[2]) for name, slot in self.printed.items()}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.slots, self.printed = (_read_slots(state.get(name)) for name in ("prints", "printed"))
        photos = state.get("photos")
        self.theme, self.wanted, self.whole = None, False, False
        # A photo is taken again only under its own (path, sha256): an entry mixed up in the file is planned anew.
        self.photos = {k: v for k, v in photos.items() if (getattr(v, "source", None), getattr(v, "sha", None)) == k} \
            if isinstance(photos, dict) else {}
        self.held, self.context, self.keys, self.idents, self.nodes = {}, (), {}, {}, {}
        self.objects = {}


def _read_slots(prints: object) -> dict[str, Slot]:
    """PlanMemo's pickled slots (name → (key, fingerprints)) as slots with no specs and nothing asked."""
    return {name: (key, None, found, ()) for name, (key, found) in prints.items()} if isinstance(prints, dict) else {}


@dataclass(frozen=True, slots=True)
class Planned:
    """Every page and poster in the full plan's order, their fingerprints, and how many were taken again."""

    specs: list[PageSpec]
    prints: list[str]
    print_of: Callable[[PageSpec], str]
    reused: int  # specs whose fingerprints were taken from the memo, not digested again (nor planned, under serve)


def asked_since(memo: Kept[Any, Any], count: int) -> tuple[tuple[Any, Any], ...]:
    """What `memo` was first asked after it held `count` answers this build (a dict keeps insertion order)."""
    return tuple(reversed(list(itertools.islice(reversed(memo.asked.items()), len(memo.asked) - count))))


def _one(plan: Callable[[Record], PageSpec], record: Record) -> list[PageSpec]:
    return [plan(record)]


def _key(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).hexdigest()


class Replanner:
    """One build's planning through the memo of the last one (`memo`, replaced by this build's slots)."""

    def __init__(self, model: Model, theme: Theme, photos: dict[PurePosixPath, Photo], memo: PlanMemo,
                 planner: Planner, posters: PosterPlanner, kept: Sequence[Kept[Any, Any]] = ()) -> None:
        self.model, self.theme, self.photos, self.memo = model, theme, photos, memo
        # The build cache's memos the planners ask (summaries, fits) keep what this build asked for
        # (render/kept.py): a slot taken again asks them again what its making asked.
        self.kept = tuple(kept)
        self.planner, self.posters = planner, posters
        base = site_base(model, theme, photos)
        self.print_of = fingerprints(model, theme, photos, base)
        # A spec dated by nothing shows the site's date (published.fingerprints): every group slot holds
        # it; a record's page and poster show the record's date, which its identity holds.
        self.prefix = "\x1f".join(base)  # of every record's page and poster key
        self.base = (*base, repr(model.site.updated))
        self.nodes: dict[str, str] = {}  # place slug → node(), once per build
        self.digests: dict[tuple[str, ...], str] = {}  # template names → their digests, once per build
        self.idents: dict[int, str] = {}
        self.slots: dict[str, Slot] = {}
        self.reused = 0
        self.held: dict[str, tuple[str, ...]] = {}  # this build's PlanMemo.held (under serve)
        self.context: tuple[object, ...] = ()  # this build's PlanMemo.context (under serve)
        self.same = False  # the context is the last build's
        self.keys: dict[str, tuple[tuple[str, ...], str]] = {}  # this build's PlanMemo.keys (under serve)
        self.sigs: dict[tuple[object, ...], str] = {}  # this build's PlanMemo.idents (under serve)
        self.node_sigs: dict[tuple[object, ...], str] = {}  # this build's PlanMemo.nodes (under serve)
        self.objects: dict[int, tuple[Record, tuple[str, ...], tuple[object, ...], str]] = {}  # PlanMemo.objects

    def ident(self, record: Record) -> str:
        """What a record is to every page showing it: the text its fingerprint part is taken from
        (URL, digest, its photos' hashes), and what lists sort and group it by. Under serve, the
        last build's text for a record of the same `record_sig` (a new record object each build)."""
        found = self.idents.get(id(record))
        if found is None:
            if self.memo.whole:
                # The last build's very record object (its file as it was), its photos' hashes too: its sig and ident stand.
                photos = self.photos
                shas = tuple(photos[p].sha if p in photos else "-" for p in record.photos) if record.photos else ()
                last = self.memo.objects.get(id(record))
                if last is not None and last[0] is record and last[1] == shas:
                    sig, found = last[2], last[3]
                else:
                    sig = record_sig(record, photos)
                    found = self.memo.idents.get(sig)
                    if found is None:
                        found = self._ident(record)
                self.sigs[sig] = found
                self.objects[id(record)] = (record, shas, sig, found)
            else:
                found = self._ident(record)
            self.idents[id(record)] = found
        return found

    def _ident(self, record: Record) -> str:
        place = getattr(record, "place", None)
        return "\x1e".join([
            record.url, record.digest, repr(record.day), repr(record.updated), repr(str(record.source)),
            repr(record.year), repr(record.tags), getattr(place, "slug", "") if place is not None else "",
            *(self.photos[p].sha if p in self.photos else "-" for p in record.photos)])

    def key(self, name: str, *parts: str) -> str:
        """_key(*parts), the key of group slot `name`; under serve, the last build's key when its
        parts are the same (strings compared, not digested again)."""
        if not self.memo.whole:
            return _key(*parts)
        old = self.memo.keys.get(name)
        found = old[1] if old is not None and old[0] == parts else _key(*parts)
        self.keys[name] = (parts, found)
        return found

    def node(self, node: PlaceNode) -> str:
        """What a place shows of itself: its name, slug, the places under it and who is placed right
        there. Under serve, the last build's text for the same parts (tuples of strings, whose
        equality is their text's)."""
        found = self.nodes.get(node.slug)
        if found is None:
            here = [self.ident(r) for r in node.here]
            if self.memo.whole:
                sig = (node.slug, node.levels, node.children, *here)
                found = self.memo.nodes.get(sig)
                if found is None:
                    found = "\x1e".join([node.slug, repr(node.levels), repr(node.children), "\x1d".join(here)])
                self.node_sigs[sig] = found
            else:
                found = "\x1e".join([node.slug, repr(node.levels), repr(node.children), "\x1d".join(here)])
            self.nodes[node.slug] = found
        return found

    def idents_of(self, records: Iterable[Record]) -> str:
        """The idents of `records`, joined; a list of a thousand costs one pass of lookups once each is known."""
        known = self.idents
        try:
            return "\x1d".join(map(known.__getitem__, map(id, records)))
        except KeyError:  # one not seen yet this build
            return "\x1d".join([self.ident(r) for r in records])

    def templates(self, *names: str) -> str:
        found = self.digests.get(names)
        if found is None:
            found = self.digests[names] = "\x1d".join(self.theme.template_digest(name) for name in names)
        return found

    def slot(self, name: str, key: str, make: Callable[[], Iterable[PageSpec]]) -> tuple[PageSpec, ...]:
        """The slot's specs: the memo's when its key is `key` (a `_key` digest), else made and digested
        now; a slot read from the cache files (no specs) is made again and its fingerprints taken."""
        old = self.memo.slots.get(name)
        if old is not None and old[0] == key and old[1] is not None:
            return self._taken(name, old, old[1])
        if not self.memo.whole:  # the cache files keep keys and fingerprints alone
            specs = tuple(make())
            if old is not None and old[0] == key and len(old[2]) == len(specs):  # same key: same fingerprints
                self.reused += len(specs)
                self.slots[name] = (key, None, old[2], ())
            else:
                self.slots[name] = (key, None, tuple(self.print_of(spec) for spec in specs), ())
            return specs
        before = [len(memo.asked) for memo in self.kept]
        specs = tuple(make())
        asked = tuple(asked_since(memo, count) for memo, count in zip(self.kept, before, strict=True))
        if old is not None and old[0] == key and len(old[2]) == len(specs):  # same key: same fingerprints
            self.reused += len(specs)
            self.slots[name] = (key, specs, old[2], asked)
        else:
            self.slots[name] = (key, specs, tuple(self.print_of(spec) for spec in specs), asked)
        return specs

    def _taken(self, name: str, old: Slot, specs: tuple[PageSpec, ...]) -> tuple[PageSpec, ...]:
        """The memo's slot `old` (its `specs`) taken whole; the kept memos are asked again what its making asked."""
        self.slots[name] = old
        self.reused += len(specs)
        for memo, answers in zip(self.kept, old[3], strict=True):
            if answers:  # each value is its key's pure function: an answer asked again is the same
                memo.asked.update(answers)
        return specs

    def record_slot(self, name: str, held: tuple[str, ...], record: Record, poster: bool) -> tuple[PageSpec, ...]:
        """A record's page (or its poster): Replanner.slot keyed by `_page_key` (`_poster_key`), but
        under serve the memo's slot is taken without digesting a key when `held` (what that key
        holds of this slot alone: the record's ident, its board) and the build-wide `context` are
        the last build's: equal parts, equal key."""
        if self.memo.whole:
            self.held[name] = held
            old = self.memo.slots.get(name)
            if self.same and old is not None and old[1] is not None and self.memo.held.get(name) == held:
                return self._taken(name, old, old[1])
        if poster:
            return self.slot(name, self._poster_key(record), partial(_one, self.posters.record_poster, record))
        return self.slot(name, self._page_key(record), partial(_one, self.planner.record_page, record))

    def plan(self) -> Planned:
        """The full plan's specs in its order (Planner.plan, then PosterPlanner.plan)."""
        m = self.model
        if self.memo.whole:  # what every record slot's key holds beside the record (record_slot)
            self.context = (self.prefix, self.planner.tag_urls,
                            *[self.templates(f"{prefix}{kind_entry(folder).singular}.html")
                              for folder in KINDS for prefix in ("", "poster_")])
            self.same = self.context == self.memo.context
        records = [r for kind in KINDS for r in m.of_kind(kind)]
        for record in records:  # every record's ident once: the places, lists, tags and keys below look them up
            self.ident(record)
        places = self.key("~places", *[self.node(node) for node in m.places.nodes.values()])  # the tree, parents before children
        people = self.idents_of(m.disclosures)
        groups: list[tuple[str, tuple[PageSpec, ...]]] = []  # (slot, its specs) in plan order; "": planned every time
        self._pages(groups, places, people)
        self._posters(groups, records, places, people)
        return self._assembled(groups)

    def _pages(self, groups: list[tuple[str, tuple[PageSpec, ...]]], places: str, people: str) -> None:
        """The web pages, as Planner.plan lists them."""
        m, planner = self.model, self.planner
        groups.append(("home", self.slot("home", self.key("home", *self.base, self.templates("home.html"), repr(m.today),
                                                      self.idents_of(m.records()), self.idents_of(m.pages)),
                                         lambda: [planner.home()])))
        for kind in KINDS:
            of_kind = m.of_kind(kind)
            name = f"lists:{kind}"
            groups.append((name, self.slot(name, self.key(name, *self.base, self.templates("list.html"), kind,
                                                      self.idents_of(of_kind), places if kind == "disclosures" else ""),
                                           partial(planner.kind_lists, kind))))
            for record in of_kind:
                name = f"page:{record.url}"
                groups.append((name, self.record_slot(name, (self.ident(record), self._board(record)), record, False)))
        every = [*m.records(), *m.pages]
        by_tag = planner.by_tag()
        groups.append(("tags", self.slot("tags", self.key("tags", *self.base, self.templates("tags.html"), repr(latest(every)),
                                                      repr([(t, planner.tag_urls[t], len(rs))
                                                            for t, rs in by_tag.items()])),
                                         lambda: [planner.tag_index(by_tag, every)])))
        for tag, tagged in by_tag.items():
            name = f"tag:{tag}"
            groups.append((name, self.slot(name, self.key(name, *self.base, self.templates("list.html"), tag,
                                                      planner.tag_urls[tag], self.idents_of(tagged)),
                                           partial(planner.tag_list, tag, tagged))))
        groups.append(("places", self.slot("places", self.key("places", *self.base, self.templates("places.html", "place.html"),
                                                          places, people), lambda: list(planner.place_pages()))))
        groups.append(("", (*planner.free_pages(), planner.search_page(), planner.not_found())))

    def _posters(self, groups: list[tuple[str, tuple[PageSpec, ...]]], records: list[Record], places: str,
                 people: str) -> None:
        """The posters, as PosterPlanner.plan lists them: the index first, which lists every other one."""
        posters = self.posters
        record_posters = [self.record_slot(f"poster:{r.url}", (self.ident(r),), r, True)[0] for r in records]
        boards = self.slot("boards", self.key("boards", *self.base, self.templates("poster_board.html"), places, people),
                           posters.boards)
        wall = posters.wall()
        # The index lists each record by its title and paper only: a body edit leaves it as it was.
        listed = "\x1d".join([f"{r.url}\x1e{r.title!r}\x1e{getattr(r.title, 'parts', '')!r}\x1e{r.poster_paper}"
                              f"\x1e{r.updated!r}" for r in records])
        groups.append(("posters", self.slot("posters", self.key("posters", *self.base, self.templates("posters.html"), places,
                                                            listed),
                                            lambda: [posters.index(records, [*record_posters, *boards, wall])])))
        groups += [(f"poster:{r.url}", (spec,)) for r, spec in zip(records, record_posters, strict=True)]
        groups += [("boards", boards), ("", (wall,))]

    def _assembled(self, groups: list[tuple[str, tuple[PageSpec, ...]]]) -> Planned:
        specs = list(itertools.chain.from_iterable(group for _, group in groups))
        slots, print_of = self.slots, self.print_of
        prints = list(itertools.chain.from_iterable(slots[name][2] if name else [print_of(spec) for spec in group]
                                                    for name, group in groups))
        self.memo.slots, self.memo.held, self.memo.context = self.slots, self.held, self.context
        self.memo.keys, self.memo.idents, self.memo.nodes = self.keys, self.sigs, self.node_sigs
        self.memo.objects = self.objects
        return Planned(specs, prints, self.print_of, self.reused)

    def _board(self, record: Record) -> str:
        """What a person's page shows of the board they are on: their place and the places above it."""
        place = getattr(record, "place", None)
        if place is None or record.kind != "disclosures":
            return ""
        tree = self.model.places
        return "\x1c".join([self.node(node) for node in (tree.nodes[place.slug], *tree.parents(place.slug))])

    def _page_key(self, record: Record) -> str:
        """A record page shows the record, its tags' pages and, for a person, the board they are on."""
        tags = repr([(t, self.planner.tag_urls[t]) for t in record.tags])
        return _key(self.prefix, self.templates(f"{record.singular}.html"), self.ident(record), tags,
                    self._board(record))

    def _poster_key(self, record: Record) -> str:
        return _key(self.prefix, self.templates(f"poster_{record.singular}.html"), self.ident(record))
