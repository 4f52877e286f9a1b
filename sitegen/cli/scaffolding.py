"""`sitegen init` (a new site with sample records and sheet templates) and `sitegen new` (one record)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from sitegen.cli.app import App, site_setting
from sitegen.cli.errors import guarded
from sitegen.cli.group import cli
from sitegen.cli.options import content_dir, content_option, output_options
from sitegen.errors import UsageProblem


@cli.command(help="help.init")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--street", is_flag=True, help="help.opt.street")
@output_options
@click.pass_obj
@guarded
def init(app: App, directory: Path, street: bool) -> None:
    from sitegen.scaffold import GUIDE, init_site

    if street:  # a sample street of two communities (docs/spec.md §6)
        from sitegen.scaffold.street import GUIDE_OUT, init_street

        for path in init_street(directory):
            if app.verbose:
                app.echo(f"  {path}")
        app.echo(app.messages().text("init.street_done", path=str(directory), out=GUIDE_OUT, guide=GUIDE))
        return
    from sitegen.sheets.workbook import KIND_TITLES, write_template

    written = init_site(directory)
    messages = app.messages()
    for kind, title in KIND_TITLES.items():  # the sheets workers already keep, ready for `sitegen import`
        written.append(write_template(kind, directory / "表格模板" / f"{title}.xlsx", messages))
    if app.verbose:
        for path in written:
            app.echo(f"  {path}")
    app.echo(messages.text("init.done", path=str(directory), guide=GUIDE))  # its name as written, never converted
    app.echo(messages.text("init.base_url", path=str(directory / "content" / "site.yaml")))


@cli.command(help="help.new")
@click.argument("kind", metavar="KIND")
@click.argument("title", metavar="TITLE")
@content_option
@output_options
@click.pass_obj
@guarded
def new(app: App, kind: str, title: str, content: Path) -> None:
    from zoneinfo import ZoneInfo

    from sitegen.scaffold import kind_of, new_record, record_path

    content = content_dir(content)
    messages = app.messages(content)
    folder = kind_of(kind)
    if folder is None:
        raise UsageProblem("new.unknown_kind", kind=kind)
    try:
        zone = ZoneInfo(site_setting(content, "timezone") or "Asia/Shanghai")
    except (ValueError, KeyError, OSError):
        zone = ZoneInfo("Asia/Shanghai")
    today = datetime.now(zone).date()
    first = record_path(content, folder, title, today)
    path = new_record(content, folder, title, today)
    app.echo(messages.text("new.done", path=str(path)))
    if path != first:  # the same title again: the worker may have meant to open the first one
        app.echo(messages.text("new.same_title", path=str(path), first=str(first)))
    if app.verbose:
        app.echo(path.read_text("utf-8").rstrip("\n"))
