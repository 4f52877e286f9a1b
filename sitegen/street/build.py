"""Check a whole street, then build every community into OUT/<slug>/ and the street pages at OUT/.

Order (docs/spec.md §6): every community that changed is checked first, and one problem anywhere
stops the street before anything is written; then each changed community is built by
`pipeline.build`, one after another (each uses every core through the render workers), with its
cache in `.OUT.sitegen-cache/communities/<slug>/` and its posters for printing in `OUT-print/<slug>/`.
The street pages are made from the communities' summaries before any community is written (a street
theme that fails stops the street as a problem in its content does) and written after them where they
changed; `OUT/manifest.sha256` lists every file of the street, so `sitegen verify OUT` checks it whole.

A community whose files, street.yaml and sitegen are unchanged is neither checked nor built: its
summary is kept in the street's cache (`summaries/<slug>.json`) and reused.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitegen import pipeline
from sitegen.errors import ContentInvalid, Problem, UsageProblem, sorted_problems
from sitegen.hanzi import finish_opening, open_early
from sitegen.load import history
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache, cache_dir
from sitegen.pipeline.inputs import absolute
from sitegen.pipeline.streetsecrets import community_secrets, digest_of
from sitegen.runtime import paused_collector
from sitegen.street.caches import hold as _hold, keep as _keep, last_cache as _last_cache
from sitegen.street.unchanged import check_unchanged
from sitegen.street.community import community_options, relocated
from sitegen.street.config import Community, Street, community_url
from sitegen.street.ready import Question, unchanged_all
from sitegen.street.secrets import learn_secrets
from sitegen.street.shard import Shard
from sitegen.street.stamp import STAMP_SUFFIX, community_stamp
from sitegen.street.swapped import Swapped
from sitegen.street.state import StreetFolders, summary_digest, summary_year
from sitegen.street.write import first_pages, write_street
from sitegen.write.files import replace_file
from sitegen.write.swapwatch import told_if_swapped
from sitegen.write.printfolder import print_folder, print_folder_free

Told = Callable[[str, pipeline.Report], None]  # (community slug, its build report), as each one ends


@dataclass(slots=True)
class StreetReport:
    """What a street build did: each community's report (by slug) and the street pages written."""

    communities: dict[str, pipeline.Report] = field(default_factory=dict)
    street_files: int = 0  # files of the street's own pages
    written: int = 0  # of those, written this time (the rest were unchanged)
    seconds: float = 0.0
    warnings: list[Problem] = field(default_factory=list)
    assembled: int = 0  # communities put together from shard outputs (`assemble_street`)

    @property
    def unchanged(self) -> bool:
        return self.written == 0 and all(r.unchanged for r in self.communities.values())


def _read(folder: Path, options: Options, out: Path | None = None
          ) -> tuple[Street, list[Community], list[Problem], Callable[[], None]]:
    """street.yaml and the communities; ContentInvalid only when street.yaml itself is unusable (the
    communities' problems are then unknowable), else the street's problems go on with theirs. With
    `out`, the read kept by the last build into it (street/kept.py), and what keeps this one."""
    from sitegen.street.kept import read_kept

    read, keep = read_kept(folder, options.base_url, out)
    if read.street is None:
        raise ContentInvalid(read.problems)
    return read.street, read.communities, list(read.problems), keep


def _summary(checked: pipeline.Checked, street: Street, community: Community, options: Options,
             cache: BuildCache | None = None) -> str:
    """The community's summary (street/summary.py) as JSON; with its build `cache`, what the last
    summary made is reused and this one's kept there."""
    from sitegen.street.summary import Known, summarise

    known = Known(cache.summaries, cache.street_events) if cache is not None else None
    return summarise(checked.model, community_url(street, community), community.slug, options.now, known).to_json()


def _folders(out: Path) -> tuple[Path, StreetFolders]:
    """The street's output folder (write/slots.py output_folder: someone else's is refused), its print
    folder checked to hold nothing of anyone's (print_folder_free), and the folders beside it."""
    from sitegen.write.slots import output_folder

    out = output_folder(out, street=True)
    print_folder_free(out, print_folder(out), street=True)
    return out, StreetFolders(cache_dir(out), print_folder(out))


def build_street(folder: Path, out: Path, options: Options, progress: pipeline.Progress | None = None,
                 told: Told | None = None, shard: Shard | None = None, swapped: Swapped | None = None) -> StreetReport:
    """Build the street in `folder` into `out` (docs/spec.md §6); see the module docstring.

    `swapped(slug, print folder too)` is told of a community whose build raised after its web folder was swapped in
    (street/swapped.py). With `shard`, only its communities are built, their summaries written to `<out>.summaries/`,
    and no street page made (`assemble_street` does). Raises ContentInvalid (nothing written), UsageProblem, OutputBusy.
    """
    from sitegen.write.lock import output_lock

    started, folder, out = time.perf_counter(), absolute(folder), absolute(out)  # `--out .`: caches beside it
    street, communities, problems, keep_read = _read(folder, options, out)
    out, folders = _folders(out)
    picked = shard.picks(communities) if shard else communities
    with output_lock(folders.cache, options.lock_wait):
        keep_read()
        if shard is not None:  # the other shards' communities: their secrets are this shard's too
            problems += learn_secrets([c for c in communities if c not in picked],
                                      lambda c: community_options(street, c, options, folders), folders,
                                      lambda found, c: relocated(street, c, found))
        fresh, summaries, caches, plans, checks = _check_with_secrets(street, communities, picked, out, options,
                                                                     folders, problems)
        report = StreetReport(warnings=problems)
        kept = [c.slug for c in picked]
        summary_of = functools.partial(_kept_summary, street, picked, summaries, plans, folders, out, options)
        digests = [summary_digest(summaries[slug]) if slug in summaries else folders.summary_digest(slug) for slug in kept]
        pages, fingerprint = (None, "") if shard is not None else first_pages(
            street, lambda: [summary_of(slug) for slug in kept], digests, options, out, folders)
        for community in picked:  # all checked and good: only now is anything written
            slug = community.slug
            built = fresh.get(slug) or told_if_swapped(functools.partial(
                _build_one, community, out, plans[slug], progress, caches.pop(slug, None), checks.pop(slug, None),
                {c.slug for c in communities}, functools.partial(relocated, street, community)),
                out / slug, folders.community_print(slug), functools.partial(swapped, slug) if swapped else None)
            report.communities[slug] = built
            report.warnings += relocated(street, community, built.warnings)
            if told is not None:  # swapped in: told before anything else can stop the street
                told(slug, built)
            if slug not in fresh and slug in summaries:  # an unchanged community built for new secrets keeps its own
                folders.save_summary(slug, summaries[slug], summary_year(options.now, street.timezone))
        if shard is not None:
            folders.write_summaries(out, {slug: summary_of(slug) for slug in kept})
            for community in picked:  # what --assemble checks the part against
                replace_file(StreetFolders.shard_summaries(out) / f"{community.slug}{STAMP_SUFFIX}",
                             _stamp(street, community, plans[community.slug]))
        report.street_files, report.written = write_street(out, folders, kept, pages, fingerprint)
    report.warnings, report.seconds = sorted_problems(report.warnings), time.perf_counter() - started
    return report


def _kept_summary(street: Street, communities: Sequence[Community], summaries: Mapping[str, str],
                  plans: Mapping[str, Options], folders: StreetFolders, out: Path, options: Options, slug: str) -> str:
    """A community's summary: this build's, else the kept one, else (the kept one gone or changed by
    hand: StreetFolders.summary) made again from the community's content and kept."""
    if slug in summaries:
        return summaries[slug]
    try:
        return folders.summary(slug)
    except OSError:
        community, plan = next(c for c in communities if c.slug == slug), plans[slug]
        text = _summary(pipeline.check(community.content, plan, _last_cache(out / slug, plan)), street, community,
                        options)
        folders.save_summary(slug, text, summary_year(options.now, street.timezone))
        return text


def _build_one(community: Community, out: Path, plan: Options, progress: pipeline.Progress | None,
               loaded: BuildCache | None, checked: pipeline.Checked | None, slugs: set[str],
               relocate: Callable[[list[Problem]], list[Problem]]) -> pipeline.Report:
    """pipeline.build of one community into `out/<slug>/` (with the cache `loaded` and the check
    `checked` the street made of it, not made again); a refusal to publish private data names
    its files and the records the secrets come from relative to the street folder, as problems do;
    problems its build finds (a theme fault, another community's secret typed into a record of one
    whose files did not change) are made street-relative by `relocate`."""
    from sitegen.pipeline.execute import LeaksFound

    slug = community.slug
    finish_opening()  # the renderers fork in this build: OpenCC's thread (_check_changed) has ended first
    try:
        return pipeline.build(community.content, out / slug, plan, progress, loaded=loaded, checked=checked)
    except ContentInvalid as e:
        raise ContentInvalid(relocate(e.problems)) from None
    except LeaksFound as e:
        def street_relative(source: str) -> str:
            return source if not source or source.split("/", 1)[0] in slugs else f"{slug}/{source}"

        raise LeaksFound([dataclasses.replace(leak, path=f"{slug}/{leak.path}", source=street_relative(leak.source))
                          for leak in e.leaks]) from None


def _check_with_secrets(street: Street, communities: Sequence[Community], picked: Sequence[Community], out: Path,
                        options: Options, folders: StreetFolders, problems: list[Problem]
                        ) -> tuple[dict[str, pipeline.Report], dict[str, str], dict[str, BuildCache], dict[str, Options],
                                   dict[str, pipeline.Checked]]:
    """_check_changed with every community's secrets in each one's options (pipeline/streetsecrets.py);
    also what the last check of each community whose cache is held gave, for its build.

    Each community is checked against the set the street kept from its last build. When the checked
    communities changed that set, they are checked again against the new one (their caches make it
    cheap: only the search for other communities' secrets runs again), so a record typing another
    community's new wisher is named at its line before anything is written; the unchanged ones are
    built too, and their build's check and leak scan see the new set."""
    stored = {c.slug: folders.secrets(c.slug) for c in communities}

    def plans_for(known: Mapping[str, list[tuple[str, str, str]]]) -> dict[str, Options]:
        union = tuple(sorted({s for found in known.values() for s in found}))
        given = dataclasses.replace(options, street_secrets=union, street_secrets_digest=digest_of(union))
        return {c.slug: community_options(street, c, given, folders) for c in picked}

    plans, used = plans_for(stored), stored
    fresh, summaries, caches, found, failed, checks = _check_changed(street, picked, out, options, plans, folders)
    try:
        # The first round learns the secrets of the communities that passed; a community refused for a
        # secret the new set no longer holds passes the second, which then knows every checked one's.
        for _ in range(2):
            current = {**stored, **found}
            if _union(current) == _union(used):
                break
            plans, fresh, used = plans_for(current), {}, current
            unchanged = [c for c in picked if c.slug not in found and c.slug not in failed]
            passed = _check_again(street, [c for c in picked if c.slug in found or c.slug in failed], plans, caches,
                                  problems)
            checks = {slug: checked for slug, checked in passed.items() if slug in caches}  # with the new plans
            for community in [c for c in picked if c.slug in failed]:
                slug = community.slug
                with paused_collector():
                    summaries[slug] = _summary(passed[slug], street, community, options, caches.get(slug))
                found[slug] = _own_secrets(passed[slug], slug, plans[slug])
                del failed[slug]
        if used is not stored:  # the set changed: the unchanged communities are checked too, before anything is written
            check_unchanged(street, unchanged, plans, out, problems)
        if any(not p.warning for p in problems) or failed:
            raise ContentInvalid(sorted_problems([*problems, *(p for f in failed.values() for p in f)]))
    except ContentInvalid:
        for slug, cache in caches.items():  # what checking parsed and validated is kept for the next try
            _keep(cache, out / slug, plans[slug])
        raise
    for slug, secrets in found.items():
        folders.save_secrets(slug, secrets)
    return fresh, summaries, caches, plans, checks


def _union(known: Mapping[str, list[tuple[str, str, str]]]) -> set[tuple[str, str, str]]:
    return {s for found in known.values() for s in found}


def _own_secrets(checked: pipeline.Checked, slug: str, plan: Options) -> list[tuple[str, str, str]]:
    """The secrets a checked community holds itself (community_secrets), not those the street gave it."""
    given = {value: source for _, value, source in plan.street_secrets}
    return [s for s in community_secrets(checked.model, slug) if s[2] != f"{slug}/{given.get(s[1])}"]


def _check_again(street: Street, checked: Sequence[Community], plans: Mapping[str, Options],
                 caches: Mapping[str, BuildCache], street_problems: list[Problem]) -> dict[str, pipeline.Checked]:
    """Check `checked` again with the street's new set of secrets: what each check gives (slug →
    Checked), or ContentInvalid with every error found (street-relative) and the street's own warnings."""
    errors: list[Problem] = []
    passed: dict[str, pipeline.Checked] = {}
    for community in checked:
        try:
            with paused_collector():  # as in _check_changed
                passed[community.slug] = pipeline.check(community.content, plans[community.slug],
                                                        caches.get(community.slug))
        except ContentInvalid as e:
            errors += [p for p in relocated(street, community, e.problems) if not p.warning]
    if errors:
        raise ContentInvalid(sorted_problems([*street_problems, *errors]))
    return passed


def _questions(picked: Sequence[Community], out: Path, plans: Mapping[str, Options]) -> list[Question]:
    """The "nothing to do?" question of each community (street/ready.py): its options without the
    secrets (a district's are megabytes; the digest is enough) and the commit of its checkout, git
    asked once for the checkout the communities share, not once each (load/history.py Revisions)."""
    revisions = history.Revisions()
    return [(c.content, out / c.slug, dataclasses.replace(plans[c.slug], street_secrets=()), revisions.of(c.content))
            for c in picked]


def _check_changed(street: Street, picked: Sequence[Community], out: Path, options: Options,
                   plans: Mapping[str, Options], folders: StreetFolders
                   ) -> tuple[dict[str, pipeline.Report], dict[str, str], dict[str, BuildCache],
                              dict[str, list[tuple[str, str, str]]], dict[str, list[Problem]], dict[str, pipeline.Checked]]:
    """Check every community that changed against the secrets in `plans`.

    Also returns the secrets each checked community holds itself (slug → community_secrets), and the problems
    (street-relative) of each that failed its check: the caller decides, knowing the street's new secrets, if they stand.

    Returns the reports of the unchanged ones (not built again), the summaries (JSON) of the checked
    ones, and the caches they were checked with (slug → cache) with what each check gave (for those whose
    cache is held), handed to their builds: read and checked once; their warnings come with their reports.
    """
    fresh: dict[str, pipeline.Report] = {}
    summaries: dict[str, str] = {}
    caches: dict[str, BuildCache] = {}
    found: dict[str, list[tuple[str, str, str]]] = {}
    failed: dict[str, list[Problem]] = {}
    checks: dict[str, pipeline.Checked] = {}
    year = summary_year(options.now, street.timezone)
    # Answers come as the workers give them (street/ready.py): a changed community is answered first and checked
    # here while the rest are asked. What is kept is by slug, so the order of checking changes nothing written.
    answers = unchanged_all(_questions(picked, out, plans), options.workers())
    for index, ready in answers:
        community = picked[index]
        slug = community.slug
        if ready is not None and folders.has_summary(slug, year):
            fresh[slug] = ready
            continue
        if street.language == "zh-Hans":  # its 繁體 street pages (street/pages.py) need OpenCC, loaded on
            open_early()  # another core while this community is checked (sitegen/hanzi.py)
        with paused_collector():  # objects by the hundred thousand, hardly a cycle: as a build (pipeline._build)
            cache = _last_cache(out / slug, plans[slug])
            try:
                checked = pipeline.check(community.content, plans[slug], cache)
            except ContentInvalid as e:
                failed[slug] = relocated(street, community, e.problems)
                continue
            finally:
                _hold(caches, slug, cache, out / slug, plans[slug])
            if slug in caches:
                checks[slug] = checked
            summaries[slug] = _summary(checked, street, community, options, cache)
            found[slug] = _own_secrets(checked, slug, plans[slug])
        if ready is not None:  # built and unchanged, but its summary was missing or of another year
            fresh[slug] = ready
            folders.save_summary(slug, summaries[slug], year)
    return fresh, summaries, caches, found, failed, checks


def assemble_street(folder: Path, out: Path, parts: Sequence[Path], options: Options,
                    put: Swapped | None = None) -> StreetReport:
    """Put the outputs of `build --shard` runs (`parts`) together into `out` and make the street pages;
    `put(slug, print folder too)` is told as each community that changed has its web folder put in, and
    again as its print folder is (should the street stop later).

    Every community of the street must be in exactly one part, with its summary beside it
    (`<part>.summaries/<slug>.json`); UsageProblem names the first that is not.
    """
    from sitegen.street.shard import gather_parts, part_summaries
    from sitegen.write.lock import output_lock

    started, folder, out, parts = time.perf_counter(), absolute(folder), absolute(out), [*map(absolute, parts)]
    street, communities, warnings, _ = _read(folder, options)
    if any(not p.warning for p in warnings):
        raise ContentInvalid(warnings)
    out, folders = _folders(out)
    found = {}
    for community in communities:
        holders = [part for part in parts if (part / community.slug / "manifest.sha256").is_file()
                   and StreetFolders.shard_summary(part, community.slug).is_file()]
        if len(holders) != 1:
            raise UsageProblem("street.assemble_missing" if not holders else "street.assemble_twice",
                               slug=community.slug, parts=", ".join(str(p) for p in holders or parts))
        found[community.slug] = holders[0]
        _refuse_stale(street, community, holders[0], options)
    with output_lock(folders.cache, options.lock_wait):
        summaries = part_summaries(found)
        slugs = [c.slug for c in communities]
        texts = [summaries[slug] for slug in slugs]
        report = StreetReport(warnings=warnings, assembled=len(slugs))
        pages, fingerprint = first_pages(street, lambda: texts, list(map(summary_digest, texts)), options, out, folders)
        gather_parts(found, out, folders, put)
        report.street_files, report.written = write_street(out, folders, slugs, pages, fingerprint)
    report.seconds = time.perf_counter() - started
    return report


def _stamp(street: Street, community: Community, plan: Options) -> str:
    return community_stamp(community.content, plan.site_defaults or {}, plan, street.timezone)


def _refuse_stale(street: Street, community: Community, part: Path, options: Options) -> None:
    """The part must hold what building the community now would make (street/stamp.py): else
    UsageProblem street.assemble_stale, before anything is written."""
    plan = community_options(street, community, options, StreetFolders(cache_dir(part), print_folder(part)))
    stamp = StreetFolders.shard_summaries(part) / f"{community.slug}{STAMP_SUFFIX}"
    if not stamp.is_file() or stamp.read_text("utf-8") != _stamp(street, community, plan):
        raise UsageProblem("street.assemble_stale", slug=community.slug, part=str(part))


def serve_build(folder: Path, out: Path, options: Options, waiting: object = None) -> pipeline.Report:
    """`sitegen serve` of a street: build it as `build_street` does, in the shape serve.py reads
    (`serve.run_server(build=…)`); the street folder is watched whole, its theme included."""
    report = build_street(folder, out, options)
    return pipeline.Report(unchanged=report.unchanged, seconds=report.seconds, warnings=report.warnings)
