"""The command line: build, check, init, new, serve. Exit 0 ok, 1 invalid content, 2 bad usage."""

from __future__ import annotations

import errno
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import click

from sitegen import __version__
from sitegen.errors import ContentInvalid, UsageProblem, printable
from sitegen.i18n.messages import LANGUAGES, Messages, language_from_env, normalise_language
from sitegen.options import Options
from sitegen.usage import Choice, IntRange, KeyedBadParameter, usage_message

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_IO = 74  # EX_IOERR (sysexits.h): the disk, not the content or sitegen, stopped the build
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: another build holds the output folder; try again later
EXIT_INTERRUPTED = 130


def _site_setting(content: Path, key: str) -> str | None:
    """One top-level value of site.yaml, read leniently: a broken file must not hide its own errors."""
    for name in ("site.yaml", "site.yml", "street.yaml"):  # a street's communities speak its language
        try:
            text = (content / name).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(rf"^{key}:\s*['\"]?([A-Za-z/_+-]+)", text, re.MULTILINE)
        return match.group(1) if match else None
    return None


def site_language(content: Path) -> str | None:
    return normalise_language(_site_setting(content, "language"))


_DISK_ERRORS: dict[int, str] = {errno.ENOSPC: "cli.disk_full", errno.EDQUOT: "cli.disk_full",
                                 errno.EROFS: "cli.disk_read_only", errno.EACCES: "cli.disk_denied",
                                 errno.EPERM: "cli.disk_denied"}


def messages_for(lang: str | None, content: Path | None) -> Messages:
    language = lang or language_from_env() or (site_language(content) if content else None)
    return Messages(language or "zh-Hans")


@dataclass
class App:
    """Per-invocation state: the language for messages and output flags."""

    lang: str | None = None
    quiet: bool = False
    verbose: bool = False

    def messages(self, content: Path | None = None) -> Messages:
        return messages_for(self.lang, content)

    def echo(self, text: str, err: bool = False) -> None:
        if not (self.quiet and not err):
            click.echo(text, err=err)


class Reportable(Protocol):
    """A problem to print: a content Problem, or a sheet row's RowProblem."""

    @property
    def warning(self) -> bool: ...

    def render(self, messages: Messages) -> str: ...


def report_problems(messages: Messages, problems: Sequence[Reportable]) -> None:
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    colour = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    for problem in problems:
        line = problem.render(messages)
        click.echo(click.style(line, fg="yellow" if problem.warning else "red") if colour else line, err=True)
    if errors or warnings:
        click.echo(messages.text("cli.problems_count", errors=len(errors), warnings=len(warnings)), err=True)


def _guarded(run: Callable[..., None]) -> Callable[..., None]:
    """Content problems → exit 1, usage → 2, Ctrl-C → 130; anything else is our bug: apologise, exit 70."""

    def wrapper(app: App, *args: Any, **kwargs: Any) -> None:
        content = kwargs.get("content")
        messages = app.messages(content if isinstance(content, Path) else None)
        try:
            run(app, *args, **kwargs)
        except ContentInvalid as e:
            report_problems(messages, e.problems)
            if run.__name__ != "check":
                click.echo(messages.text("cli.build_failed"), err=True)
            raise SystemExit(EXIT_INVALID) from None
        except UsageProblem as e:
            click.echo(messages.text(e.key, **{k: printable(str(v)) for k, v in e.args_.items()}), err=True)
            raise SystemExit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            click.echo(messages.text("cli.interrupted"), err=True)
            raise SystemExit(EXIT_INTERRUPTED) from None
        except (SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except OSError as e:  # a full or read-only disk: said plainly; the swap never happened
            click.echo(messages.text(_DISK_ERRORS.get(e.errno or 0, "cli.disk_error"),
                                     path=printable(str(e.filename or "")), detail=errno.errorcode.get(e.errno or 0, "")), err=True)
            click.echo(messages.text("cli.build_failed"), err=True)
            raise SystemExit(EXIT_IO) from None
        except Exception as e:  # noqa: BLE001 - the last line of defence against a traceback
            from sitegen.pipeline.execute import LeaksFound
            from sitegen.write.lock import OutputBusy

            if isinstance(e, OutputBusy):
                holder = e.holder
                click.echo(messages.text("cli.output_busy", out=str(kwargs.get("out", "")),
                                         pid=holder.pid if holder else "?",
                                         started=holder.started if holder else "?"), err=True)
                raise SystemExit(EXIT_BUSY) from None

            if isinstance(e, LeaksFound):
                for leak in e.leaks:
                    click.echo(leak.render(messages), err=True)
                click.echo(messages.text("cli.build_failed"), err=True)
                raise SystemExit(EXIT_INVALID) from None
            click.echo(messages.text("cli.internal_error", detail=f"{type(e).__name__}: {e}"), err=True)
            if app.verbose or os.environ.get("SITEGEN_DEBUG"):
                traceback.print_exc()
            raise SystemExit(EXIT_INTERNAL) from None

    wrapper.__name__ = run.__name__
    wrapper.__doc__ = run.__doc__
    return wrapper


def content_dir(path: Path) -> Path:
    if not path.exists():
        raise UsageProblem("cli.content_missing", path=str(path))
    if not path.is_dir():
        raise UsageProblem("cli.not_a_folder", path=str(path))
    return path


def output_dir(content: Path, out: Path) -> Path:
    """The output folder is replaced whole by every build: it may neither sit in nor hold the content."""
    if out.resolve().is_relative_to(content.resolve()):
        raise UsageProblem("cli.out_inside_content", out=str(out))
    if content.resolve().is_relative_to(out.resolve()):
        raise UsageProblem("cli.out_contains_content", out=str(out))
    from sitegen.write.printfolder import print_folder

    printed = print_folder(out.resolve())  # replaced whole as well (out inside content was refused above)
    if content.resolve().is_relative_to(printed):
        raise UsageProblem("cli.print_folder_inside", out=str(out), path=str(printed))
    return out


# A theme folder anywhere, because the user named it: site.yaml's `theme` must stay in the site's tree.
theme_option = click.option("--theme", type=click.Path(exists=True, file_okay=False, path_type=Path),
                            default=None, help="help.opt.theme")


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The same rule as site.yaml's base_url (length, characters, scheme), with its message."""
    if value is None:
        return None
    from pydantic_core import PydanticCustomError

    from sitegen.validate.fields import check_base_url

    try:
        return check_base_url(value)
    except PydanticCustomError as e:  # the same rule as site.yaml's base_url (length, characters, host)
        if e.type == "value.base_url":  # not an absolute http(s) address: say what one looks like
            raise KeyedBadParameter("cli.bad_base_url", ctx, param, value=value) from None
        args = {"value": value, "field": "--base-url", **(e.context or {})}
        raise KeyedBadParameter(e.type, ctx, param, **args) from None


@contextmanager
def progress_bar(app: App, messages: Messages) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress bar on a terminal for builds that take a while; nothing when piped or quiet."""
    if app.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                label = messages.text(f"progress.{stage}")
                tasks[stage] = bar.add_task(f"{messages.text('cli.progress')} {label}", total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


content_option = click.option("--content", type=click.Path(path_type=Path), default=Path("content"),
                              show_default=True, help="help.opt.content")
out_option = click.option("--out", type=click.Path(path_type=Path), default=Path("output"),
                          show_default=True, help="help.opt.out")


def _output_flag(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    """-q / -v set the invocation's output level, whichever command they follow."""
    app = ctx.find_object(App)
    if value and app is not None and param.name:
        setattr(app, param.name, True)
    return value


def output_options(command: Callable[..., None]) -> Callable[..., None]:
    """--quiet/-q (errors only) and --verbose/-v (more detail) on every command that prints something."""
    command = click.option("--verbose", "-v", is_flag=True, expose_value=False, callback=_output_flag,
                           help="help.opt.verbose")(command)
    return click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_output_flag,
                        help="help.opt.quiet")(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, help="help.cli")
@click.version_option(__version__, "--version", prog_name="sitegen", help="help.opt.version")
@click.option("--lang", type=Choice(LANGUAGES, case_sensitive=False), default=None, help="help.opt.lang")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    ctx.obj = App(lang=normalise_language(lang) if lang else None)


@cli.command(help="help.build")
@content_option
@out_option
@click.option("--base-url", callback=_base_url, help="help.opt.base_url")
@click.option("--drafts", is_flag=True, help="help.opt.drafts")
@click.option("--pdf", is_flag=True, help="help.opt.pdf")
@click.option("--jobs", "-j", type=IntRange(0, 64), default=0, help="help.opt.jobs")
@click.option("--no-cache", is_flag=True, help="help.opt.no_cache")
@theme_option
@click.option("--shard", default=None, metavar="K/N", help="help.opt.shard")
@click.option("--assemble", is_flag=True, help="help.opt.assemble")
@click.argument("parts", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@output_options
@click.pass_obj
@_guarded
def build(app: App, content: Path, out: Path, base_url: str | None, drafts: bool, pdf: bool, jobs: int,
          no_cache: bool, theme: Path | None, shard: str | None, assemble: bool, parts: tuple[Path, ...]) -> None:
    from sitegen import pipeline
    from sitegen.street.read import is_street

    content = content_dir(content)
    messages = app.messages(content)
    output_dir(content, out)
    options = Options(base_url=base_url, drafts=drafts, pdf=pdf, jobs=jobs, use_cache=not no_cache, language=app.lang,
                      theme=theme)
    if is_street(content):
        return build_street(app, messages, content, out, options, shard, parts if assemble else None)
    if shard or assemble or parts:
        raise UsageProblem("cli.street_only", option="--shard" if shard else "--assemble", path=str(content))

    def waiting(holder: Any) -> None:
        click.echo(messages.text("cli.output_busy_wait", out=str(out), pid=holder.pid if holder else "?",
                                 started=holder.started if holder else "?"), err=True)

    with progress_bar(app, messages) as progress:
        report = pipeline.build(content, out, options, progress, waiting)
    if report.cache_damaged:
        click.echo(messages.text("cli.cache_damaged"), err=True)
    report_problems(messages, report.warnings)
    key = "cli.build_unchanged" if report.unchanged else "cli.build_done"
    app.echo(messages.text(key, pages=report.pages, posters=report.posters, photos=report.photos, out=str(out),
                           seconds=f"{report.seconds:.2f}"))
    echo_drafts(app, messages, report.drafts)
    if report.posters:
        from sitegen.write.printfolder import print_folder

        app.echo(messages.text("cli.print_folder", path=str(print_folder(out))))
    if app.verbose:
        app.echo(" · ".join(f"{stage} {seconds:.2f}s" for stage, seconds in report.timings.items()))


def build_street(app: App, messages: Messages, content: Path, out: Path, options: Options, shard: str | None,
                 parts: Sequence[Path] | None) -> None:
    """`build` of a street folder (docs/spec.md §6): one line per community as it is built, then the street."""
    from sitegen.street.build import assemble_street, build_street as build_all
    from sitegen.street.shard import Shard
    from sitegen.street.state import StreetFolders

    def told(slug: str, report: Any) -> None:
        key = "cli.street_community_unchanged" if report.unchanged else "cli.street_community"
        click.echo(messages.text(key, slug=slug, pages=report.pages, posters=report.posters,
                                 seconds=f"{report.seconds:.2f}"), err=True)

    picked = Shard.parse(shard) if shard else None
    if parts is not None:
        for part in parts:
            output_dir(content, part)
        report = assemble_street(content, out, parts, options)
    else:
        with progress_bar(app, messages) as progress:
            report = build_all(content, out, options, progress, None if app.quiet else told, picked)
    report_problems(messages, report.warnings)
    if picked is not None:
        app.echo(messages.text("cli.street_shard_done", communities=len(report.communities), out=str(out),
                               summaries=str(StreetFolders.shard_summaries(out)), seconds=f"{report.seconds:.2f}"))
        return
    app.echo(messages.text("cli.street_done", communities=len(report.communities) or report.assembled, files=report.street_files,
                           written=report.written, out=str(out), seconds=f"{report.seconds:.2f}"))


def echo_drafts(app: App, messages: Messages, drafts: tuple[str, ...]) -> None:
    """Name every draft left out of the site: a record kept as a draft by mistake is never published."""
    if drafts:
        app.echo(messages.text("cli.drafts", count=len(drafts)))
        for where in drafts:
            app.echo(f"  {where}")


@cli.command(help="help.check")
@content_option
@output_options
@click.pass_obj
@_guarded
def check(app: App, content: Path) -> None:
    from collections import Counter

    from sitegen import pipeline

    content = content_dir(content)
    messages = app.messages(content)
    from sitegen.street.read import is_street

    if is_street(content):
        from sitegen.street.build import check_street

        communities, records, warnings = check_street(content, Options(language=app.lang))
        report_problems(messages, warnings)
        app.echo(messages.text("cli.street_check_ok", communities=communities, records=records,
                               warnings=len(warnings)))
        return
    checked = pipeline.check(content, Options(language=app.lang))
    report_problems(messages, checked.warnings)
    app.echo(messages.text("cli.check_ok", records=checked.records, warnings=len(checked.warnings)))
    echo_drafts(app, messages, checked.drafts)
    if app.verbose:
        model = checked.model
        counts = Counter({"activities": len(model.activities), "disclosures": len(model.disclosures),
                          "deliberations": len(model.deliberations), "wishes": len(model.wishes),
                          "pages": len(model.pages)})
        app.echo(messages.text("cli.check_kinds", **counts))


@cli.command(help="help.init")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--street", is_flag=True, help="help.opt.street")
@output_options
@click.pass_obj
@_guarded
def init(app: App, directory: Path, street: bool) -> None:
    from sitegen.scaffold import init_site
    from sitegen.sheets.workbook import KIND_TITLES, write_template

    if street:
        from sitegen.scaffold.street import init_street

        written = init_street(directory)
        if app.verbose:
            for path in written:
                app.echo(f"  {path}")
        app.echo(app.messages().text("init.street_done", path=str(directory)))
        return

    written = init_site(directory)
    messages = app.messages()
    for kind, title in KIND_TITLES.items():  # the sheets workers already keep, ready for `sitegen import`
        written.append(write_template(kind, directory / "表格模板" / f"{title}.xlsx", messages))
    if app.verbose:
        for path in written:
            app.echo(f"  {path}")
    app.echo(messages.text("init.done", path=str(directory)))
    app.echo(messages.text("init.base_url", path=str(directory / "content" / "site.yaml")))


@cli.command(help="help.new")
@click.argument("kind", metavar="KIND")
@click.argument("title", metavar="TITLE")
@content_option
@output_options
@click.pass_obj
@_guarded
def new(app: App, kind: str, title: str, content: Path) -> None:
    from zoneinfo import ZoneInfo

    from sitegen.scaffold import kind_of, new_record

    content = content_dir(content)
    messages = app.messages(content)
    folder = kind_of(kind)
    if folder is None:
        raise UsageProblem("new.unknown_kind", kind=kind)
    try:
        zone = ZoneInfo(_site_setting(content, "timezone") or "Asia/Shanghai")
    except (ValueError, KeyError, OSError):
        zone = ZoneInfo("Asia/Shanghai")
    path = new_record(content, folder, title, datetime.now(zone).date())
    app.echo(messages.text("new.done", path=str(path)))
    if app.verbose:
        app.echo(path.read_text("utf-8").rstrip("\n"))


def _sheet_kind(kind: str) -> str:
    from sitegen.scaffold import kind_of

    folder = kind_of(kind)
    if folder is None or folder == "pages":
        raise UsageProblem("import.unknown_kind", kind=kind)
    return folder


@cli.command("import", help="help.import")
@click.argument("kind", metavar="KIND")
@click.argument("file", metavar="FILE", required=False, type=click.Path(path_type=Path))
@click.option("--sheet", help="help.opt.sheet")
@click.option("--dry-run", is_flag=True, help="help.opt.dry_run")
@click.option("--overwrite", is_flag=True, help="help.opt.overwrite")
@click.option("--template", is_flag=True, help="help.opt.template")
@content_option
@click.option("--quiet", "-q", is_flag=True, help="help.opt.quiet")
@click.option("--verbose", "-v", is_flag=True, help="help.opt.verbose")
@click.pass_obj
@_guarded
def import_(app: App, kind: str, file: Path | None, sheet: str | None, dry_run: bool, overwrite: bool,
            template: bool, content: Path, quiet: bool, verbose: bool) -> None:
    from sitegen.sheets.importer import SheetError, import_sheet
    from sitegen.sheets.workbook import KIND_TITLES, write_template

    app.quiet, app.verbose = quiet, verbose
    folder = _sheet_kind(kind)
    messages = app.messages(content if content.is_dir() else None)
    if template:
        target = file or Path(f"{KIND_TITLES[folder]}导入模板.xlsx")
        _writable_sheet(target, overwrite)
        try:
            write_template(folder, target, messages)
        except OSError:
            raise UsageProblem("export.cannot_write", path=str(target)) from None
        app.echo(messages.text("import.template_done", path=str(target), kind=KIND_TITLES[folder]))
        return
    if file is None:
        raise UsageProblem("import.file_missing")
    if not file.is_file():
        raise UsageProblem("import.not_found", path=str(file))
    content = content_dir(content)
    try:
        report = import_sheet(content, folder, file, sheet, dry_run=dry_run, overwrite=overwrite)
    except SheetError as e:
        click.echo(f"{file.name}: {messages.text(e.key, **e.args_)}", err=True)
        raise SystemExit(EXIT_INVALID) from None
    if report.encoding:
        app.echo(messages.text("import.read_as", encoding=report.encoding))
    report_problems(messages, report.problems)
    if report.failed:
        errors = sum(1 for p in report.problems if not p.warning)
        click.echo(messages.text("import.failed", errors=errors), err=True)
        raise SystemExit(EXIT_INVALID)
    for planned in report.planned:  # unchanged files are only counted
        line = messages.text(f"import.{planned.action}", path=str(planned.path), row=planned.row)
        if planned.action == "conflict":
            click.echo(line, err=True)
        elif planned.action != "same":
            app.echo(line)
    counts = {"added": report.count("add"), "changed": report.count("change"), "same": report.count("same"),
              "conflicts": report.count("conflict")}
    app.echo(messages.text("import.dry_run" if dry_run else "import.done", **counts))


def _writable_sheet(target: Path, overwrite: bool) -> None:
    """A sheet sitegen may write: an .xlsx name, in a folder that exists, not over the worker's own file."""
    if target.suffix.lower() != ".xlsx":
        raise UsageProblem("export.not_xlsx", path=str(target))
    if target.is_dir() or not target.parent.is_dir():
        raise UsageProblem("export.cannot_write", path=str(target))
    if target.exists() and not overwrite:
        raise UsageProblem("import.exists", path=str(target))


@cli.command(help="help.export")
@click.argument("kind", metavar="KIND")
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="help.opt.overwrite")
@content_option
@click.option("--quiet", "-q", is_flag=True, help="help.opt.quiet")
@click.pass_obj
@_guarded
def export(app: App, kind: str, file: Path, overwrite: bool, content: Path, quiet: bool) -> None:
    from sitegen.sheets.workbook import export_records

    app.quiet = quiet
    folder = _sheet_kind(kind)
    content = content_dir(content)
    messages = app.messages(content)
    _writable_sheet(file, overwrite)
    try:
        rows = export_records(content, folder, file)
    except OSError:
        raise UsageProblem("export.cannot_write", path=str(file)) from None
    app.echo(messages.text("import.export_done", rows=rows, path=str(file)))
    if folder == "wishes" and rows:
        click.echo(messages.text("import.export_private"), err=True)


@cli.command(help="help.edit")
@content_option
@out_option
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8765, show_default=True, help="help.opt.port")
@click.option("--open", "open_browser", is_flag=True, help="help.opt.open")
@click.pass_obj
@_guarded
def edit(app: App, content: Path, out: Path, port: int, open_browser: bool) -> None:
    from sitegen.edit.server import run_editor

    content = content_dir(content)
    output_dir(content, out)
    run_editor(content, out, port, open_browser, app.messages(content))


@cli.command(help="help.serve")
@content_option
@out_option
@click.option("--port", "-p", type=IntRange(0, 65535), default=8000, show_default=True, help="help.opt.port")
@click.option("--open", "open_browser", is_flag=True, help="help.opt.open")
@click.option("--drafts", is_flag=True, help="help.opt.drafts")
@theme_option
@click.pass_obj
@_guarded
def serve(app: App, content: Path, out: Path, port: int, open_browser: bool, drafts: bool, theme: Path | None) -> None:
    from sitegen.serve import run_server
    from sitegen.street.read import is_street

    content = content_dir(content)
    output_dir(content, out)
    street: Callable[..., Any] | None = None
    if is_street(content):
        from sitegen.street.build import serve_build

        street = serve_build
    run_server(content, out, port, open_browser, Options(drafts=drafts, language=app.lang, serve=True, theme=theme),
               app.messages(content), street)


@cli.command(help="help.verify")
@click.argument("target", metavar="DIR|URL", required=False)
@out_option
@output_options
@click.pass_obj
@_guarded
def verify(app: App, target: str | None, out: Path) -> None:
    from sitegen.verify import verify_folder, verify_url
    from sitegen.write.slots import read_manifest

    messages = app.messages()
    if target and target.startswith(("http://", "https://")):
        manifest = read_manifest(out)
        if not manifest:
            raise UsageProblem("verify.no_manifest", path=str(out))
        found = verify_url(target, manifest)
    else:
        folder = Path(target) if target else out
        if not (folder / "manifest.sha256").is_file():
            raise UsageProblem("verify.no_manifest", path=str(folder))
        found = verify_folder(folder)
    for key, paths in (("verify.changed", found.changed), ("verify.missing", found.missing),
                       ("verify.extra", found.extra), ("verify.special", found.special)):
        for path in paths:
            click.echo(messages.text(key, path=path), err=True)
    if not found.clean:
        click.echo(messages.text("verify.failed", changed=len(found.changed), missing=len(found.missing),
                                 extra=len(found.extra) + len(found.special)), err=True)
        raise SystemExit(EXIT_INVALID)
    app.echo(messages.text("verify.ok", files=found.checked))


def localise(group: click.Group, messages: Messages) -> None:
    """Put the catalogue's texts into Click's help: `--help` reads in the user's language."""

    keys: dict[int, str] = getattr(localise, "keys", {})  # the catalogue key of each help text, kept across calls
    localise.keys = keys  # type: ignore[attr-defined]

    def text(owner: object, current: str | None) -> str | None:
        if current and current.startswith("help."):
            keys[id(owner)] = current
        key = keys.get(id(owner))
        return messages.text(key) if key else current

    def apply(command: click.Command) -> None:
        command.help = text(command, command.help)
        command.short_help = None
        for param in command.params:
            if isinstance(param, click.Option):
                param.help = text(param, param.help)

    apply(group)
    for command in group.commands.values():
        apply(command)


class _TranslatedFormatter(click.HelpFormatter):
    """Click's own words (Usage, Options, Commands, default) in the catalogue's language."""

    messages: Messages = Messages("en")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=self.messages.text("click.usage") + " ")

    def write_heading(self, heading: str) -> None:
        names = {"Options": "click.options", "Commands": "click.commands", "Arguments": "click.arguments"}
        text = self.messages.text(names[heading]).rstrip(":：") if heading in names else heading
        super().write_heading(text)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        default = self.messages.text("click.default")
        rows = [(a, b.replace("default:", default).replace("Show this message and exit.",
                                                            self.messages.text("help.opt.help")))
                for a, b in rows]
        super().write_dl(rows, col_max, col_spacing)


def _argv_language(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return normalise_language(argv[index + 1])
        if arg.startswith("--lang="):
            return normalise_language(arg.split("=", 1)[1])
    return None


def _argv_content(argv: list[str]) -> Path:
    for index, arg in enumerate(argv):
        if arg == "--content" and index + 1 < len(argv):
            return Path(argv[index + 1])
        if arg.startswith("--content="):
            return Path(arg.split("=", 1)[1])
    return Path("content")


def main(argv: list[str] | None = None) -> None:
    arguments = list(sys.argv[1:] if argv is None else argv)
    messages = messages_for(_argv_language(arguments), _argv_content(arguments))
    localise(cli, messages)
    _TranslatedFormatter.messages = messages
    click.Context.formatter_class = _TranslatedFormatter
    try:
        result = cli.main(args=arguments, prog_name="sitegen", standalone_mode=False)
        code = result if isinstance(result, int) else 0
        if argv is None:  # a real run: everything is written and saved; skip freeing a large heap one object at a time
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        sys.exit(code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.exceptions.NoArgsIsHelpError as e:  # `sitegen` alone: the help, in the user's language
        click.echo(e.ctx.get_help(), err=True)
        sys.exit(EXIT_USAGE)
    except click.UsageError as e:  # Click's own usage errors: exit 2, message in the user's language
        if e.ctx is not None:
            click.echo(e.ctx.get_usage(), err=True)
        click.echo(f"{messages.text('click.error')} {usage_message(e, messages)}", err=True)
        if e.ctx is not None:
            click.echo(messages.text("click.see_help", command=e.ctx.command_path), err=True)
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo(messages.text("cli.interrupted"), err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
