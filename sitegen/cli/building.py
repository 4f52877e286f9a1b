"""`sitegen build` and `sitegen check`: the site from the content folder, or only its problems."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from sitegen.cli.app import App, echo_drafts, output_folders
from sitegen.reporting import built_counts, report_problems
from sitegen.cli.errors import guarded
from sitegen.cli.group import cli
from sitegen.cli.options import base_url as base_url_option
from sitegen.cli.options import content_dir, content_option, out_option, output_dir, output_options, theme_option
from sitegen.errors import UsageProblem
from sitegen.i18n.messages import Messages
from sitegen.options import Options
from sitegen.usage import IntRange, extra_words

T = TypeVar("T")


class Bar:
    """The progress bar of a build on a terminal (rich): called as (stage, done, total) by the pipeline."""

    def __init__(self, progress: Any, messages: Messages) -> None:
        self._progress, self._messages = progress, messages
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            label = self._messages.text(f"progress.{stage}")
            self._tasks[stage] = self._progress.add_task(f"{self._messages.text('cli.progress')} {label}", total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def say(self, line: str) -> None:
        """A line above the bar, which starts again below it: a street's community done. Written past
        the bar, the line was cut by its next redraw and the old bars stayed on screen (newcomer helper-127)."""
        for task in self._tasks.values():
            self._progress.remove_task(task)
        self._tasks.clear()
        self._progress.console.print(line, markup=False, highlight=False, emoji=False)


@contextmanager
def progress_bar(app: App, messages: Messages) -> Iterator[Bar | None]:
    """A progress bar on a terminal for builds that take a while; nothing when piped or quiet."""
    if app.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield Bar(progress, messages)


@cli.command(help="help.build")
@content_option
@out_option
@click.option("--base-url", callback=base_url_option, help="help.opt.base_url")
@click.option("--drafts", is_flag=True, help="help.opt.drafts")
@click.option("--pdf", is_flag=True, help="help.opt.pdf")
@click.option("--jobs", "-j", type=IntRange(0, 64), default=0, help="help.opt.jobs")
@click.option("--no-cache", is_flag=True, help="help.opt.no_cache")
@theme_option
@click.option("--shard", default=None, metavar="K/N", help="help.opt.shard")
@click.option("--assemble", is_flag=True, help="help.opt.assemble")
@click.argument("parts", nargs=-1, type=click.Path(path_type=Path))  # checked in build_street, named in the message
@output_options
@click.pass_obj
@guarded
def build(app: App, content: Path, out: Path, base_url: str | None, drafts: bool, pdf: bool, jobs: int,
          no_cache: bool, theme: Path | None, shard: str | None, assemble: bool, parts: tuple[Path, ...]) -> None:
    from sitegen import pipeline
    from sitegen.street.config import is_street

    content = content_dir(content)
    messages = app.messages(content)
    output_dir(content, out)
    options = Options(base_url=base_url, drafts=drafts, pdf=pdf, jobs=jobs, use_cache=not no_cache, language=app.lang,
                      theme=theme)
    if is_street(content):  # a street folder (docs/spec.md §6): every community, then the street's pages
        if parts and not assemble:
            raise UsageProblem("cli.parts_without_assemble", path=str(parts[0]))
        return build_street(app, messages, content, out, options, shard, parts if assemble else None)
    if parts and not (shard or assemble):  # `sitegen build content` (break17b: was told --assemble, never typed)
        key, values = extra_words([str(part) for part in parts], "sitegen build")
        raise UsageProblem(key, **values)
    if shard or assemble or parts:
        raise UsageProblem("cli.street_only", option="--shard" if shard else "--assemble", path=str(content))
    from sitegen.street.lone import as_lone, in_street, told_as_lone

    lone, options, met = in_street(content, options)  # a street's community built on its own: as the street has it

    def waiting(holder: Any) -> None:
        click.echo(messages.text("cli.output_busy_wait", out=str(out), pid=holder.pid if holder else "?",
                                 started=holder.started if holder else "?"), err=True)

    with progress_bar(app, messages) as progress, told_as_lone(lone):
        report = _watched(app, out, lambda: pipeline.build(content, out, options, progress, waiting))
    if report.cache_damaged:
        click.echo(messages.text("cli.cache_damaged"), err=True)
    report_problems(messages, [*met, *as_lone(lone, report.warnings)])
    # checked again (the cache was not saved: serve stopped, the cache deleted) and found the same
    key = "cli.build_unchanged" if report.unchanged else "cli.build_same" if report.same else "cli.build_done"
    counts = built_counts(messages, report.pages, report.copies, report.trees, report.posters, report.photos)
    app.echo(messages.text(key, **counts, out=str(out), seconds=f"{report.seconds:.2f}"))
    echo_drafts(app, messages, report.drafts)
    if report.posters:
        from sitegen.write.printfolder import print_folder

        app.echo(messages.text("cli.print_folder", path=str(print_folder(out))))
    if app.verbose:
        app.echo(" · ".join(f"{stage} {seconds:.2f}s" for stage, seconds in report.timings.items()))


def _watched(app: App, out: Path, build: Callable[[], T]) -> T:
    """`build()`; should it raise after the output folder was swapped in, `app.site_swapped` says so and
    whether the print folder was swapped in too, is still the last build's, or is not written yet (the
    error's message says what is true of both: sitegen/cli/errors.py)."""
    from sitegen.write.swapwatch import told_if_swapped

    web, printing = output_folders(out)
    had_print = printing.exists()

    def swapped(printed: bool) -> None:
        app.site_swapped = "new" if printed else "old" if had_print else "none"

    return told_if_swapped(build, web, printing, swapped)


@cli.command(help="help.check")
@content_option
@output_options
@click.pass_obj
@guarded
def check(app: App, content: Path) -> None:
    from sitegen import pipeline
    from sitegen.kinds import ALL_KINDS

    from sitegen.street.config import is_street

    content = content_dir(content)
    messages = app.messages(content)
    if is_street(content):
        return check_street(app, messages, content)
    from sitegen.street.lone import as_lone, in_street, told_as_lone

    lone, options, met = in_street(content, Options(language=app.lang))  # a street's community: as the street has it
    with told_as_lone(lone):
        checked = pipeline.check(content, options)
    from sitegen.pipeline.execute import theme_folder

    theme_folder(content, checked.model, options.theme)  # site.yaml's theme: outside the site, or not there, as build says it
    warnings = [*met, *as_lone(lone, checked.warnings)]
    report_problems(messages, warnings, counted=app.quiet)  # the next line counts them, unless quiet
    app.echo(messages.text("cli.check_ok", records=checked.records, warnings=len(warnings)))
    echo_drafts(app, messages, checked.drafts)
    if app.verbose:
        model = checked.model
        counts = {k.folder: len(model.of_kind(k.folder)) for k in ALL_KINDS}
        app.echo(messages.text("cli.check_kinds", **counts))


def _check_parts(content: Path, parts: Sequence[Path], shard: str | None) -> None:
    """`--assemble DIR…`: every DIR a shard's output folder, and no --shard in the same run (UsageProblem)."""
    if shard:
        raise UsageProblem("cli.shard_with_assemble")
    if not parts:
        raise UsageProblem("cli.assemble_no_parts")
    for part in parts:
        if not part.is_dir():
            raise UsageProblem("cli.assemble_part_missing", path=str(part))
        output_dir(content, part)


def build_street(app: App, messages: Messages, content: Path, out: Path, options: Options, shard: str | None,
                 parts: Sequence[Path] | None) -> None:
    """`build` of a street folder (docs/spec.md §6): one line per community as it is built, then the street;
    `--shard K/N` builds every N-th community, `--assemble DIR…` puts shards' outputs together."""
    from sitegen.street.build import assemble_street
    from sitegen.street.build import build_street as build_all
    from sitegen.street.shard import Shard
    from sitegen.street.state import StreetFolders

    def swapped(slug: str, printed: bool) -> None:  # should the street stop later, its message names this one
        if slug not in app.written:
            app.written.append(slug)
        if printed == (slug in app.print_old):  # its print folder may be the old one until it is swapped in too
            (app.print_old.remove if printed else app.print_old.append)(slug)

    bar: list[Bar | None] = [None]  # the progress bar, while there is one

    def told(slug: str, report: Any) -> None:
        if not report.unchanged:  # swapped in, its print folder too
            swapped(slug, True)
        if app.quiet:
            return
        key = "cli.street_community_unchanged" if report.unchanged else "cli.street_community"
        counts = built_counts(messages, report.pages, report.copies, report.trees, report.posters, report.photos)
        _said(bar[0], messages.text(key, slug=slug, **counts, seconds=f"{report.seconds:.2f}"))

    picked = Shard.parse(shard) if shard else None
    if parts is not None:
        _check_parts(content, parts, shard)
        report = assemble_street(content, out, parts, options, swapped)  # named should it stop
    else:
        with progress_bar(app, messages) as progress:
            bar[0] = progress
            report = build_all(content, out, options, progress, told, picked, swapped)
        bar[0] = None
    report_problems(messages, report.warnings)
    drafts = tuple(f"{slug}/{where}" for slug, built in sorted(report.communities.items()) for where in built.drafts)
    if picked is not None:
        app.echo(messages.text("cli.street_shard_done", communities=len(report.communities), out=str(out),
                               summaries=str(StreetFolders.shard_summaries(out)), seconds=f"{report.seconds:.2f}"))
        echo_drafts(app, messages, drafts)
        return
    app.echo(messages.text("cli.street_done", communities=len(report.communities) or report.assembled,
                           files=report.street_files, written=report.written, out=str(out),
                           seconds=f"{report.seconds:.2f}"))
    echo_drafts(app, messages, drafts)
    from sitegen.write.printfolder import print_folder

    if print_folder(out).is_dir():  # as a community's build says it: where to print from, never to upload
        app.echo(messages.text("cli.print_folder", path=str(print_folder(out))))


def _said(bar: Bar | None, line: str) -> None:
    """A line on stderr: above the progress bar while there is one."""
    if bar is not None:
        bar.say(line)
    else:
        click.echo(line, err=True)


def check_street(app: App, messages: Messages, content: Path) -> None:
    """`check` of a street folder: every community's problems in one run, paths relative to the street."""
    from sitegen.street.checking import check_street as check_all

    checked = check_all(content, Options(language=app.lang))
    report_problems(messages, checked.warnings, counted=app.quiet)
    app.echo(messages.text("cli.street_check_ok", communities=checked.communities, records=checked.records,
                           warnings=len(checked.warnings)))
    echo_drafts(app, messages, tuple(checked.drafts))
    if app.verbose and checked.kinds:  # as a site's `check -v`: each community's, then the street's
        for slug, counts in checked.kinds.items():
            app.echo(messages.text("cli.street_check_kinds", slug=slug, kinds=messages.text("cli.check_kinds", **counts)))
        total = {kind: sum(counts[kind] for counts in checked.kinds.values()) for kind in next(iter(checked.kinds.values()))}
        app.echo(messages.text("cli.street_check_kinds_total", kinds=messages.text("cli.check_kinds", **total)))
