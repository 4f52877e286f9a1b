"""Plan every web page of SPEC §4: home, lists (paginated, per year, per tag), records, boards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import PurePosixPath
from typing import Final

from sitegen.model.records import DELIBERATION_STAGES, Activity, Deliberation, Model, Record
from sitegen.render.images import Photo
from sitegen.render.summary import Summaries, summarize
from sitegen.render.search import file_names
from sitegen.render.page_views import (RECORD_PAGES, HomePage, ListPage, NotFoundPage, PlacePage, PlacesPage,
                                       SearchPage, TagsPage, TextPage)
from sitegen.render.views import Chart, Crumb, Figure, Group, Overview, PageSpec, Pager, TagLink, YearLink, chart
from sitegen.slugs import Levels
from sitegen.load.files import KINDS
from sitegen.validate.rules import DECIDED

PER_PAGE: Final = 20


def list_urls(first: str, more: str, count: int) -> tuple[str, ...]:
    """Page 1 at `first`; page n at `more/page/n/`. Extra pages live outside /<kind>/ so no slug can clash."""
    return (first, *(f"{more}page/{n}/" for n in range(2, count + 1)))


def paginate(items: Sequence[Record], first: str, more: str) -> Iterator[tuple[str, Pager, tuple[Record, ...]]]:
    count = max(1, -(-len(items) // PER_PAGE))
    urls = list_urls(first, more, count)
    for number in range(1, count + 1):
        chunk = tuple(items[(number - 1) * PER_PAGE : number * PER_PAGE])
        yield urls[number - 1], Pager(number, count, urls), chunk


def latest(records: Sequence[Record]) -> datetime | None:
    return max((r.updated for r in records), default=None)


def _solved_year(d: Deliberation) -> int:
    """The year a completed issue was resolved: its last timeline entry, else when it was raised."""
    return d.timeline[-1].date.year if d.timeline else d.raised_on.year


def _months_back(year: int, month: int, count: int = 12) -> list[tuple[int, int]]:
    """`count` (year, month) pairs ending with the given month, oldest first."""
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def describe(record: Record, summaries: Summaries | None = None) -> str:
    """The one-line summary of feeds, calendar and share cards: `summary`, else the body's text, else the title.

    The title keeps its names marked for the 繁體 copy; feeds take `str()` of it. `summaries` is the
    build cache's memo of body summaries (pipeline/cache.py), kept between builds.
    """
    if record.summary:
        return record.summary
    return (summaries.of(record.body) if summaries is not None else summarize(record.body)) or record.title


class Planner:
    """Turns the model into page specs; labels give titles, photos give share-card images."""

    def __init__(self, model: Model, labels: Mapping[str, str], photos: Mapping[PurePosixPath, Photo],
                 levels: Levels | None = None, summaries: Summaries | None = None) -> None:
        self.model = model
        self.summaries = summaries or Summaries()  # the build's memo of summaries (pipeline/cache.py)
        self.t = labels
        self.photos = photos
        self.levels = levels or Levels()  # the build's memo of slugs (pipeline/cache.py), or a fresh one
        self.tag_urls = self._tag_urls()

    def cover(self, record: Record) -> Photo | None:
        return self.photos.get(record.photos[0]) if record.photos else None

    def _tag_urls(self) -> dict[str, str]:
        names = sorted({tag for r in (*self.model.records(), *self.model.pages) for tag in r.tags})
        urls: dict[str, str] = {}
        used: Counter[str] = Counter()
        taken: set[str] = set()
        for name in names:
            base = self.levels.slug(name)[:60] or "tag"  # phrase pinyin, as places: jieba's 33 MB stay unloaded
            url = ""
            while not url or url in taken:  # "tag-2" typed as a tag may already be a numbered slug
                used[base] += 1
                url = f"tags/{base}/" if used[base] == 1 else f"tags/{base}-{used[base]}/"
            taken.add(url)
            urls[name] = url
        return urls

    def plan(self) -> Iterator[PageSpec]:
        yield self.home()
        for kind in KINDS:
            yield from self.kind_lists(kind)
            for record in self.model.of_kind(kind):
                yield self.record_page(record)
        yield from self.tag_pages()
        yield from self.place_pages()
        yield from self.free_pages()
        yield self.search_page()
        yield self.not_found()

    def free_pages(self) -> Iterator[PageSpec]:
        """The site's own pages (关于我们 …), in their `order`."""
        for page in self.model.pages:
            yield PageSpec(url=page.url, template="page.html", title=page.title, data=TextPage(record=page),
                           description=describe(page, self.summaries), updated=page.updated, image=self.cover(page))

    def search_page(self) -> PageSpec:
        return PageSpec(url="search/", template="search.html", title=self.t["search"], noindex=True,
                        data=SearchPage(index=file_names(self.model, self.t)), description=self.t["search_about"],
                        updated=latest([*self.model.records(), *self.model.pages]))

    def not_found(self) -> PageSpec:
        return PageSpec(url="404.html", template="404.html", title=self.t["not_found"], noindex=True,
                        data=NotFoundPage(), variants=False, absolute_links=True)

    # -- home -----------------------------------------------------------------------------------
    def home(self) -> PageSpec:
        m = self.model
        year = self.figures_year()
        upcoming = tuple(sorted((a for a in m.activities if a.upcoming), key=lambda a: (a.day, a.slug)))
        past = tuple(a for a in m.activities if not a.upcoming)
        decided = tuple(d for d in m.deliberations if d.status in DECIDED)
        news = tuple(sorted(m.records(), key=lambda r: (r.updated, r.day, r.slug), reverse=True)[:8])
        data = HomePage(
            upcoming=upcoming[:6],
            recent=past[:4],
            open_wishes=tuple(w for w in m.wishes if w.status == "open")[:6],
            decisions=decided[:4],
            news=news,
            figures=self.figures(year),
            charts=self.charts(year),
            year=year,
            # The figures are for the latest year that has any: say so when it is not this year.
            figures_note=self.t["figures_from_year"].format(year=year) if year != m.today.year else "",
            pages=m.pages,
        )
        return PageSpec(url="", template="home.html", title=m.site.name, data=data,
                        description=m.site.intro or self.t["site_description"].format(name=m.site.name),
                        updated=latest([*m.records(), *m.pages]))

    def figure_years(self) -> set[int]:
        """Every year with something to count: a past activity, a wish taken on, an issue resolved."""
        m = self.model
        return ({a.day.year for a in m.activities if not a.upcoming}
                | {w.claimed_on.year for w in m.wishes if w.claimed_on}
                | {_solved_year(d) for d in m.deliberations if d.status == "completed"})

    def figures_year(self) -> int:
        """This year if it has figures; else the latest earlier year that has (four 0s tell nobody anything)."""
        this = self.model.today.year
        return max((y for y in self.figure_years() if y <= this), default=this)

    def figures(self, year: int) -> tuple[Figure, ...]:
        m, t = self.model, self.t
        wishes_year = [w for w in m.wishes if w.claimed_on and w.claimed_on.year == year]
        solved = [d for d in m.deliberations if d.status == "completed" and _solved_year(d) == year]
        activities_year = [a for a in m.activities if a.day.year == year and not a.upcoming]
        people = sum(a.participants or 0 for a in activities_year)
        return (
            Figure(t["fig_activities"].format(year=year), str(len(activities_year))),
            Figure(t["fig_participants"].format(year=year), str(people)),
            Figure(t["fig_wishes_claimed"].format(year=year), str(len(wishes_year))),
            Figure(t["fig_solved"].format(year=year), str(len(solved))),
        )

    def charts(self, year: int) -> tuple[Chart, ...]:
        m, t = self.model, self.t
        by_status = Counter(d.status for d in m.deliberations)
        statuses = [*DELIBERATION_STAGES, "rejected"]
        wishes = Counter(w.status for w in m.wishes if w.posted_on.year == year or
                         (w.claimed_on and w.claimed_on.year == year))
        per_month = Counter((a.day.year, a.day.month) for a in m.activities if not a.upcoming)  # held, as the figures
        months = _months_back(m.today.year, m.today.month)
        title = t["chart_activities"]
        if not any(per_month[ym] for ym in months) and year != m.today.year:  # a quiet year: the figures' year
            months, title = _months_back(year, 12), t["chart_activities_year"].format(year=year)
        return (
            chart(t["chart_deliberations"], [(t[f"status_{s}"], by_status[s]) for s in statuses]),
            chart(t["chart_wishes"].format(year=year),
                  [(t[f"wish_{s}"], wishes[s]) for s in ("open", "claimed", "fulfilled")]),
            chart(title, [(t["month_short"].format(month=mo, year=y), per_month[(y, mo)]) for y, mo in months]),
        )

    # -- lists ----------------------------------------------------------------------------------
    def ordered(self, kind: str) -> tuple[Record, ...]:
        records = self.model.of_kind(kind)
        if kind == "activities":  # what is coming first, soonest first; then the past, newest first
            up = sorted((a for a in records if isinstance(a, Activity) and a.upcoming), key=lambda a: (a.day, a.slug))
            return (*up, *(a for a in records if isinstance(a, Activity) and not a.upcoming))
        if kind == "wishes":  # open wishes first: the wall is for claiming
            order = {"open": 0, "claimed": 1, "fulfilled": 2, "withdrawn": 3}
            return tuple(sorted(records, key=lambda w: order.get(getattr(w, "status", ""), 9)))
        return records

    def kind_lists(self, kind: str) -> Iterator[PageSpec]:
        records = self.ordered(kind)
        years = sorted({r.year for r in records if r.year is not None}, reverse=True)
        year_links = tuple(YearLink(y, f"browse/{kind}/{y}/", sum(1 for r in records if r.year == y)) for y in years)
        overview = self.overview(kind)
        title = self.t["wish_wall"] if kind == "wishes" else self.t[f"kind_{kind}"]  # open wishes first: a wall
        for url, pager, chunk in paginate(records, f"{kind}/", f"browse/{kind}/"):
            yield PageSpec(url=url, template="list.html", title=title if pager.number == 1 else
                           f"{title} · {self.t['page_n'].format(n=pager.number)}",
                           data=ListPage(kind=kind, items=chunk, pager=pager, years=year_links, year=None,
                                         overview=overview if pager.number == 1 else None, tag=None),
                           description=self.t[f"about_{kind}"], updated=latest(chunk),
                           crumbs=(Crumb(title, f"{kind}/"),) if pager.number > 1 else ())
        for year in years:
            in_year = tuple(r for r in records if r.year == year)
            heading = self.t["year_of"].format(year=year, kind=title)
            for url, pager, chunk in paginate(in_year, f"browse/{kind}/{year}/", f"browse/{kind}/{year}/"):
                yield PageSpec(url=url, template="list.html", title=heading,
                               data=ListPage(kind=kind, items=chunk, pager=pager, years=year_links, year=year,
                                             overview=None, tag=None),
                               description=heading, updated=latest(chunk), crumbs=(Crumb(title, f"{kind}/"),))

    def overview(self, kind: str) -> Overview | None:
        """Where things stand: deliberations by lifecycle stage, wishes by status, people by place."""
        m = self.model
        if kind == "deliberations":
            counts = Counter(d.status for d in m.deliberations)
            return Overview(places=None, chart=chart(self.t["chart_deliberations"],
                            [(self.t[f"status_{s}"], counts[s]) for s in (*DELIBERATION_STAGES, "rejected")]))
        if kind == "wishes":
            counts = Counter(w.status for w in m.wishes)
            return Overview(places=None, chart=chart(self.t["chart_wishes_all"],
                            [(self.t[f"wish_{s}"], counts[s]) for s in ("open", "claimed", "fulfilled")]))
        if kind == "disclosures":
            return Overview(chart=None, places=tuple(m.places.roots()))
        return None

    # -- records --------------------------------------------------------------------------------
    def record_page(self, record: Record) -> PageSpec:
        kind_title = self.t[f"kind_{record.kind}"]
        extra: dict[str, object] = {}
        crumbs = [Crumb(kind_title, f"{record.kind}/")]
        place = getattr(record, "place", None)
        if record.kind == "disclosures" and place is not None:
            extra["board"] = self.model.places.nodes[place.slug]
            crumbs += [Crumb(n.name, n.url) for n in self.model.places.parents(place.slug)]
            crumbs.append(Crumb(place.levels[-1], f"places/{place.slug}/"))
        data = RECORD_PAGES[record.kind](record=record, poster_url=f"posters/{record.url}",
                                         tag_urls={t: self.tag_urls[t] for t in record.tags}, **extra)
        return PageSpec(url=record.url, template=f"{record.singular}.html", title=record.title, data=data,
                        description=describe(record, self.summaries), image=self.cover(record), updated=record.updated,
                        crumbs=tuple(crumbs))

    def tag_pages(self) -> Iterator[PageSpec]:
        records = [*self.model.records(), *self.model.pages]
        by_tag = self.by_tag()
        yield self.tag_index(by_tag, records)
        for name, tagged in by_tag.items():
            yield from self.tag_list(name, tagged)

    def by_tag(self) -> dict[str, list[Record]]:
        """Each tag → the records and pages holding it, in the model's order (tags first met first)."""
        by_tag: dict[str, list[Record]] = {}
        for record in (*self.model.records(), *self.model.pages):
            for tag in record.tags:
                by_tag.setdefault(tag, []).append(record)
        return by_tag

    def tag_index(self, by_tag: Mapping[str, Sequence[Record]], records: Sequence[Record]) -> PageSpec:
        """Every tag with its count, in pinyin order; dated by the newest of all `records`."""
        links = tuple(TagLink(name, self.tag_urls[name], len(by_tag[name])) for name in sorted(by_tag, key=self.levels.slug))
        return PageSpec(url="tags/", template="tags.html", title=self.t["tags"], data=TagsPage(tags=links),
                        description=self.t["tags"], updated=latest(records))

    def tag_list(self, name: str, tagged: Sequence[Record]) -> Iterator[PageSpec]:
        """One tag's list pages: its records newest first."""
        ordered = sorted(tagged, key=lambda r: (r.day, r.slug), reverse=True)
        first = self.tag_urls[name]
        for url, pager, chunk in paginate(ordered, first, first):
            yield PageSpec(url=url, template="list.html", title=f"{self.t['tag']}：{name}",
                           data=ListPage(kind=None, items=chunk, pager=pager, years=(), year=None,
                                         overview=None, tag=name),
                           description=f"{self.t['tag']}：{name}", updated=latest(chunk),
                           crumbs=(Crumb(self.t["tags"], "tags/"),))

    def place_pages(self) -> Iterator[PageSpec]:
        tree = self.model.places
        people = self.model.disclosures
        yield PageSpec(url="places/", template="places.html", title=self.t["places"],
                       data=PlacesPage(nodes=tuple(tree.nodes.values()),
                                       unplaced=tuple(d for d in people if d.place is None)),
                       description=self.t["about_places"], updated=latest(people))
        for node in tree.nodes.values():
            groups = tuple(Group(n, p) for n, p in tree.under(node.slug))
            everyone = [d for g in groups for d in g.people]
            crumbs = (Crumb(self.t["places"], "places/"), *(Crumb(n.name, n.url) for n in tree.parents(node.slug)))
            yield PageSpec(url=node.url, template="place.html", title=self.t["board_of"].format(place=node.full_name),
                           data=PlacePage(node=node, groups=groups, children=tuple(tree.nodes[c] for c in node.children),
                                          poster_url=f"posters/{node.url}"),
                           description=self.t["board_description"].format(place=node.full_name, count=len(everyone)),
                           updated=latest(everyone), crumbs=crumbs,
                           image=next((self.cover(d) for d in everyone if d.photos), None))
