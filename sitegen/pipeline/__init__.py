"""The whole flow in one place: load → validate → model → render → write. Nothing is written
until everything is known to be good, and then the new site replaces the old one whole.

Heavy modules are imported inside the functions: a rebuild with nothing to do answers from the
cache's small state file before pydantic, Jinja or Pillow are loaded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sitegen.errors import ContentInvalid, Problem, sorted_problems
from sitegen.load import history
from sitegen.options import Options
from sitegen.pipeline.cache import BuildCache, CacheDamaged, State, cache_dir
from sitegen.pipeline.inputs import absolute, changes_at, folder_stats, input_stats, outside_roots, real
from sitegen.pipeline.memory import Memory
from sitegen.pipeline.streetsecrets import secrets_digest, with_street_secrets
from sitegen.runtime import paused_collector
from sitegen.write.printfolder import print_folder

if TYPE_CHECKING:
    from sitegen.model.records import Model
    from sitegen.pipeline.execute import Outcome
    from sitegen.write.lock import Holder

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True, slots=True)
class Checked:
    model: Model
    warnings: list[Problem]
    records: int
    drafts: tuple[str, ...] = ()  # where each unpublished draft is: "wishes/a.yaml" or "wishes/list.yaml:12"


@dataclass(slots=True)
class Report:
    pages: int = 0
    copies: int = 0  # the pages' HTML files in every tree (Outcome.copies); 0 from a cache that did not count them
    trees: int = 1  # 2: each page has its 长辈版 copy; 4: its 繁體 copies too
    posters: int = 0
    photos: int = 0
    files: int = 0
    rendered: int = 0  # pages rendered this time; the rest were unchanged and kept
    seconds: float = 0.0
    unchanged: bool = False
    same: bool = False  # checked and built, and the output and print folder are what the last build left
    warnings: list[Problem] = field(default_factory=list)
    drafts: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    cache_damaged: bool = False  # the cache could not be trusted: this was a cold build
    roots: list[str] = field(default_factory=list)  # input folders besides the usual ones (pipeline.inputs)
    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # what this build read: path → (size, mtime)


def check(content: Path, options: Options, cache: BuildCache | None = None,
          stats: dict[str, tuple[int, int]] | None = None,
          overlay: Mapping[PurePosixPath, str] | None = None, memory: Memory | None = None) -> Checked:
    """Load, validate and model the content; raise ContentInvalid with every problem found.

    `overlay` (content-relative path → text) is checked as if written there; see load_content.
    `memory` (serve): each unchanged record's check and model are taken from the last build.
    """
    from sitegen.load import load_content
    from sitegen.model.build import build_model
    from sitegen.scaffold.samples import with_samples_left
    from sitegen.validate.check import validate_content

    from sitegen.slugs import Levels
    from sitegen.validate.privacy import Variants

    content = real(content)

    levels, variants = (cache.levels, cache.variants) if cache is not None else (Levels(), Variants())
    loaded = load_content(content, cache.files if cache else None, stats, overlay)
    if options.site_defaults:  # a street's community: what its site.yaml leaves out comes from street.yaml
        from sitegen.load.defaults import with_site_defaults

        loaded = with_site_defaults(loaded, options.site_defaults)
    validated = validate_content(loaded, content, cache.valid if cache else None, cache.clean if cache else None,
                                 cache.photo_checks if cache else None, variants=variants,
                                 phones_clean=cache.phones_clean if cache else None,
                                 street_names=_foreign(options, "name"), street_phones=_foreign(options, "phone"),
                                 street_nowhere=_foreign(options, "phone_none"),
                                 kept=memory.records_kept if memory is not None else None)
    problems = with_samples_left(validated.problems, loaded.records)  # `init`'s samples, unchanged: published
    if any(not p.warning for p in problems) or validated.site is None:
        raise ContentInvalid(problems)
    from sitegen.load.history import commit_times

    # Dates come from the records and from git, never from file times (model/dates.py).
    model, model_problems = build_model(validated, options, commit_times(content), levels=levels, variants=variants,
                                        kept=memory.models_kept if memory is not None else None)
    if model is None or model_problems:
        raise ContentInvalid([*problems, *model_problems])
    model = with_street_secrets(model, options)  # a street's community: the other communities' secrets too
    warnings = sorted_problems(_base_url_warnings([p for p in problems if p.warning], options))
    drafts = () if options.drafts else tuple(sorted(
        f"{v.raw.path}:{v.raw.line}" if v.raw.in_list else str(v.raw.path) for v in validated.records if v.fields.draft))
    return Checked(model=model, warnings=warnings, records=len(validated.records), drafts=drafts)


def _foreign(options: Options, kind: str) -> dict[str, str]:
    """A street's other communities' secrets of `kind` ("name", "phone" or "phone_none") → where each comes from.

    The community's own are left out: its check finds them in its own files as they are now (a
    wish it just deleted is still in the set the street kept from its last build).
    """
    own = f"{options.street_community}/"
    return {value: source for found, value, source in options.street_secrets
            if found == kind and not source.startswith(own)}


def _base_url_warnings(warnings: list[Problem], options: Options) -> list[Problem]:
    """The placeholder warning is about the address the build uses: --base-url, when given, replaces site.yaml's."""
    from pathlib import PurePosixPath

    from sitegen.validate.placeholder import is_placeholder_url
    from sitegen.validate.rules import BASE_URL_PLACEHOLDER

    if options.base_url is None:
        return warnings
    kept = [p for p in warnings if p.key != BASE_URL_PLACEHOLDER]
    if is_placeholder_url(options.base_url):
        kept.append(Problem(PurePosixPath("--base-url"), None, "cli.base_url_placeholder", {"url": options.base_url},
                            True))
    return kept


def cache_key(options: Options) -> str:
    """The code and the options a cache was made with, its code digest first (pipeline/cache.py same_code)."""
    from sitegen.paths import code_digest

    # The theme by where it is, not how it was spelt: `--theme t` and `--theme /site/t` share a cache.
    theme = str(options.theme.resolve()) if options.theme is not None else "None"
    key = (code_digest(), options.base_url, options.drafts, options.pdf, options.pages_only, theme)
    return repr(key + (sorted(options.site_defaults.items()),) if options.site_defaults else key)


def unchanged(content: Path, out: Path, options: Options, revision: str | None = None) -> Report | None:
    """The report `build` would give when it finds nothing to do, else None: the same cheap test it
    starts with, nothing loaded. A street (sitegen/street/) asks this of every community first, with
    the `revision` (load/history.py) of the checkout they share, asked once: else git is asked here.
    """
    started = time.perf_counter()
    if not options.use_cache:
        return None
    last = _last_build(real(content), absolute(out), options, None, revision)
    return _unchanged_report(last, started) if last.unchanged else None


def build(content: Path, out: Path, options: Options, progress: Progress | None = None,
          waiting: Callable[[Holder | None], None] | None = None, memory: Memory | None = None,
          loaded: BuildCache | None = None, checked: Checked | None = None, fill: bool = False) -> Report:
    """Check everything, render what changed into the shadow copy, scan it, then swap it in.

    One build at a time per output folder: the folder's lock is taken first (write/lock.py), and
    `waiting` is told who holds it while this build waits; OutputBusy after `options.lock_wait`
    seconds. A symbolic link `out` is built through to its target; someone else's folder is
    refused (UsageProblem, write/slots.py output_folder). With `memory` (serve), the cache stays
    in the process between builds instead of in its files (pipeline/memory.py). `loaded` is this
    output's cache as the caller read it from its files for these options (a street checks its
    communities first, sitegen/street/build.py): used instead of reading it again; `checked` is what
    `check(content, options, loaded)` gave the caller just before: used instead of checking again
    when `loaded` is the cache this build uses. `fill` (serve, with `memory`): build even when
    nothing changed, so that the memory holds the site's check, models and plan for the next save.
    """
    from sitegen.write.lock import output_lock
    from sitegen.write.printfolder import print_folder, print_folder_free
    from sitegen.write.slots import output_folder

    out, content = output_folder(absolute(out)), real(content)
    print_folder_free(out, print_folder(out, options.print_to))
    with output_lock(cache_dir(out, options.cache_folder), options.lock_wait, waiting, out):
        return _build(content, out, options, progress, memory if options.use_cache else None, loaded, checked, fill)


def _build(content: Path, out: Path, options: Options, progress: Progress | None, memory: Memory | None,
           loaded: BuildCache | None = None, given: Checked | None = None, fill: bool = False) -> Report:
    started = time.perf_counter()
    # The last build's small state first: a site with nothing to do is answered from it and from
    # file stats alone, before the cache, pydantic, Jinja or Pillow are loaded.
    last = _last_build(content, out, options, memory)
    if last.unchanged and not fill:
        return _unchanged_report(last, started)
    if options.use_cache and not last.damaged:  # until this build ends, nothing is "unchanged"
        (cache_dir(out, options.cache_folder) / "state.pickle").unlink(missing_ok=True)
    # objects by the hundred thousand, hardly a cycle; under serve, frozen as it ends (sitegen/runtime.py)
    with paused_collector(long_lived=memory is not None):
        # The cache before the check: parsed files, validated records and slugs are reused from it.
        cache, damaged = _open_cache(out, options, last, loaded)
        # The plan is keyed by slot, for the next build: whole under serve, as keys and fingerprints in
        # the cache files (pipeline/replan.py); a build without a cache plans everything, keys nothing.
        cache.plans.wanted, cache.plans.whole = options.use_cache, memory is not None
        # Load → validate → model: every problem in the content is found before anything is written.
        checked = given if given is not None and cache is loaded else check(content, options, cache, last.stats, memory=memory)
        # A theme outside the usual folders is watched from now on; only the model says where it is.
        roots, stats = _watch_theme(content, checked, options, last)
        loaded_at = time.perf_counter()
        # Render and write: every output a product, kept or made, scanned, then swapped in whole.
        # Whether the site came out the same is asked only after a build that left no record (its cache
        # deleted, serve stopped): it reads the live output, and the CLI says it only then.
        outcome = _written(checked.model, content, out, options, progress, cache, memory, roots,
                           compare=memory is None and not last.state.key)
        # The cache last, the state after the data: "unchanged" never outlives the site it describes.
        # Under serve the cache stays in memory instead (pipeline/memory.py).
        if options.use_cache and memory is None:
            _save_cache(out, cache, checked, outcome, last, stats, roots, options)
    return Report(pages=outcome.pages, copies=outcome.copies, trees=outcome.trees, posters=outcome.posters,
                  photos=outcome.photos, files=outcome.files,
                  rendered=outcome.rendered, same=outcome.same, seconds=time.perf_counter() - started, warnings=checked.warnings,
                  drafts=checked.drafts, timings={"check": loaded_at - started, **outcome.timings},
                  cache_damaged=damaged, roots=roots, inputs=stats)


@dataclass(frozen=True, slots=True)
class _LastBuild:
    """What the last build left (its small state) and what this one reads, before anything is loaded."""

    key: str  # cache_key of this build's options
    state: State
    damaged: bool  # the state file could not be trusted: a cold build
    stats: dict[str, tuple[int, int]]  # input file → (size, mtime)
    revision: str  # the content's git commit
    unchanged: bool = False  # nothing to do: the output is as this build would leave it
    kept: BuildCache | None = None  # the cache serve kept in memory since its last build


def _last_build(content: Path, out: Path, options: Options, memory: Memory | None,
                given: str | None = None) -> _LastBuild:
    """Read the last build's state and this build's inputs; decide whether there is anything to do.

    With a cache `memory` kept (serve), there is no "unchanged" answer: serve builds only when a file changed.
    """
    key, state, damaged = cache_key(options), State(), False
    kept = memory.recall(out, key) if memory is not None else None
    if kept is not None and memory is not None:
        extra = [*memory.roots, *([str(options.theme.resolve())] if options.theme else [])]
        stats = memory.taken_inputs(extra) or input_stats(content, extra)  # serve read them just now
        return _LastBuild(key, State(key=key, roots=memory.roots), False, stats, history.revision(content), kept=kept)
    if options.use_cache:
        try:
            state = State.load(out, options.cache_folder)
        except CacheDamaged:
            damaged = True
    stats = input_stats(content, [*state.roots, *([str(options.theme.resolve())] if options.theme else [])])
    revision = (history.revision(content) if given is None else given) if options.use_cache else ""
    unchanged = (options.use_cache and not damaged and state.revision == revision
                 and state.street_secrets == secrets_digest(options)
                 and _unchanged(state, key, stats, out, options.now, options.print_to))
    return _LastBuild(key, state, damaged, stats, revision, unchanged)


def _written(model: Model, content: Path, out: Path, options: Options, progress: Progress | None,
             cache: BuildCache, memory: Memory | None, roots: list[str], compare: bool = False) -> Outcome:
    """write_site (`compare`: see there); with `memory`, the cache is kept after it swapped the site in,
    forgotten when it failed (it may describe a half-made shadow: the files are read next time)."""
    from sitegen.pipeline.execute import write_site

    try:
        outcome = write_site(model, content, out, options, progress, cache,
                             memory.folder_watch() if memory is not None else None, compare)
    except BaseException:
        if memory is not None:
            memory.forget()
        raise
    if memory is not None:
        memory.keep(out, cache, roots)
    return outcome


def _unchanged_report(last: _LastBuild, started: float) -> Report:
    counts = last.state.report
    return Report(unchanged=True, seconds=time.perf_counter() - started, pages=counts.get("pages", 0),
                  copies=counts.get("copies", 0), trees=counts.get("trees", 1),
                  posters=counts.get("posters", 0), photos=counts.get("photos", 0), files=counts.get("files", 0),
                  warnings=list(last.state.warnings), drafts=last.state.drafts, roots=last.state.roots,
                  inputs=last.stats)


def _open_cache(out: Path, options: Options, last: _LastBuild,
                loaded: BuildCache | None = None) -> tuple[BuildCache, bool]:
    """The build cache (empty when not used or not trusted) and whether it was damaged; `loaded`
    (read from its files by the caller) when the state is trusted and its key is this build's."""
    if last.kept is not None:
        return last.kept, False
    damaged = last.damaged
    if loaded is not None and options.use_cache and not damaged and loaded.key == last.key:
        return loaded, False
    cache = BuildCache(key=last.key)
    if options.use_cache and not damaged:
        try:
            cache = BuildCache.load(out, last.key, options.cache_folder)
        except CacheDamaged:
            damaged = True
    if damaged:  # nothing from it is trusted: the shadow is rebuilt from nothing too
        (cache_dir(out, options.cache_folder) / "state.pickle").unlink(missing_ok=True)
        (cache_dir(out, options.cache_folder) / "data.pickle").unlink(missing_ok=True)
    return cache, damaged


def _watch_theme(content: Path, checked: Checked, options: Options,
                 last: _LastBuild) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The input folders outside the usual ones (a site's own theme) and the input stats with them."""
    from sitegen.pipeline.execute import theme_folder

    roots = outside_roots(content, theme_folder(content, checked.model, options.theme)[0])
    stats = last.stats
    if roots != last.state.roots:  # a theme outside the usual folders: part of the change check from now on
        gone = tuple(os.path.join(root, "") for root in set(last.state.roots) - set(roots))
        stats = {path: stat for path, stat in stats.items() if not path.startswith(gone)} if gone else stats
        stats.update(folder_stats(Path(root) for root in roots if root not in last.state.roots))
    return roots, stats


def _save_cache(out: Path, cache: BuildCache, checked: Checked, outcome: Outcome, last: _LastBuild,
                stats: dict[str, tuple[int, int]], roots: list[str], options: Options) -> None:
    """Save the cache and the small state the next build reads first (its time in outcome.timings);
    in Options.cache_folder for a street's community, else beside `out`."""
    from sitegen.write.stamp import entries_stamp, stamp_entries, unshared_entries

    saving = time.perf_counter()
    entries = stamp_entries(out)
    printing = print_folder(out, options.print_to)
    # The posters hard-linked from the output are stamped there (write/stamp.py): not stat'ed twice.
    printed = unshared_entries(printing, cache.print_files, out, frozenset(entries)) if cache.print_files else ()
    manifest = (out / "manifest.sha256").stat()
    report = {"pages": outcome.pages, "copies": outcome.copies, "trees": outcome.trees,
              "posters": outcome.posters, "photos": outcome.photos, "files": outcome.files}
    cache.save(out, State(key=last.key, inputs=stats, upcoming_until=changes_at(checked.model).isoformat(),
                          built_at=options.now.isoformat(),
                          report=report, manifest=(manifest.st_size, manifest.st_mtime_ns),
                          revision=last.revision, warnings=checked.warnings, drafts=checked.drafts,
                          roots=roots, tree=entries_stamp(out, entries), street_secrets=secrets_digest(options),
                          print_tree=entries_stamp(printing, printed) if printed else "",
                          tree_entries="\0".join(entries), print_entries="\0".join(printed)),
               options.cache_folder)
    outcome.timings["cache"] = time.perf_counter() - saving


def _unchanged(state: State, key: str, stats: dict[str, tuple[int, int]], out: Path, now: datetime,
               print_to: Path | None = None) -> bool:
    """Nothing to do: same files, same options, no page due to change with the date, output as left."""
    if state.key != key or not state.inputs or state.inputs != stats or not state.upcoming_until:
        return False
    if now >= datetime.fromisoformat(state.upcoming_until):
        return False
    if not state.built_at or now < datetime.fromisoformat(state.built_at):
        return False  # the clock went back (SOURCE_DATE_EPOCH of an older commit, a clock set right)
    try:
        manifest = (out / "manifest.sha256").stat()
    except OSError:
        return False
    if "posters" in state.report and state.report["posters"] and not print_folder(out, print_to).is_dir():
        return False  # the print folder was deleted: make it again
    if (manifest.st_size, manifest.st_mtime_ns) != state.manifest:
        return False
    from sitegen.write.stamp import joined_stamp

    # What the stamps stat was named by the last build (its manifest is as it left it: checked above).
    if state.print_entries and joined_stamp(print_folder(out, print_to), state.print_entries) != state.print_tree:
        return False  # a poster to print deleted, added or written to by hand
    # Nothing in output/ added, deleted or written to by hand.
    return bool(state.tree_entries) and joined_stamp(out, state.tree_entries) == state.tree
