"""`sitegen import` and `sitegen export`: records to and from the spreadsheets community workers keep."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sitegen.cli.app import EXIT_INVALID, App
from sitegen.reporting import report_problems
from sitegen.cli.errors import guarded
from sitegen.cli.group import cli
from sitegen.cli.options import content_dir, content_option
from sitegen.errors import UsageProblem
from sitegen.i18n.messages import Messages

if TYPE_CHECKING:
    from sitegen.sheets.importer import ImportReport


def _sheet_kind(kind: str) -> str:
    """The content folder of a kind a sheet can hold (any spelling `new` accepts; not pages)."""
    from sitegen.scaffold import kind_of
    from sitegen.sheets.columns import COLUMNS

    folder = kind_of(kind)
    if folder is None or folder not in COLUMNS:  # a kind whose registry entry gives no sheet columns (free pages) has no sheet
        raise UsageProblem("import.unknown_kind", kind=kind)
    return folder


def _writable_sheet(target: Path, overwrite: bool) -> None:
    """A sheet sitegen may write: an .xlsx name, in a folder that exists, not over the worker's own file."""
    if target.suffix.lower() != ".xlsx":
        raise UsageProblem("export.not_xlsx", path=str(target))
    if target.is_dir() or not target.parent.is_dir():
        raise UsageProblem("export.cannot_write", path=str(target))
    if target.exists() and not overwrite:
        raise UsageProblem("import.exists", path=str(target))


def _write_import_template(app: App, messages: Messages, folder: str, file: Path | None, overwrite: bool) -> None:
    """`import --template`: an empty sheet of the kind's columns, to fill in and import."""
    from sitegen.sheets.workbook import KIND_TITLES, write_template

    target = file or Path(f"{KIND_TITLES[folder]}导入模板.xlsx")
    _writable_sheet(target, overwrite)
    try:
        write_template(folder, target, messages)
    except OSError:
        raise UsageProblem("export.cannot_write", path=str(target)) from None
    app.echo(messages.text("import.template_done", path=str(target), kind=KIND_TITLES[folder]))


def _echo_import(app: App, messages: Messages, report: ImportReport, dry_run: bool) -> None:
    """Every file added, changed or in conflict (conflicts on stderr), then the counts; exit 1 on bad rows."""
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
@guarded
def import_(app: App, kind: str, file: Path | None, sheet: str | None, dry_run: bool, overwrite: bool,
            template: bool, content: Path, quiet: bool, verbose: bool) -> None:
    from sitegen.sheets.importer import SheetError, import_sheet

    app.quiet, app.verbose = quiet, verbose
    folder = _sheet_kind(kind)
    messages = app.messages(content if content.is_dir() else None)
    if template:
        _write_import_template(app, messages, folder, file, overwrite)
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
    _echo_import(app, messages, report, dry_run)


@cli.command(help="help.export")
@click.argument("kind", metavar="KIND")
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="help.opt.overwrite")
@content_option
@click.option("--quiet", "-q", is_flag=True, help="help.opt.quiet")
@click.pass_obj
@guarded
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
