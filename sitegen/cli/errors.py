"""The guard around every command: each failure becomes a message in the user's language and an exit code."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from sitegen.cli.app import (EXIT_BUSY, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_IO, EXIT_USAGE, App,
                             output_folders)
from sitegen.errors import ContentInvalid, UsageProblem, disk_text
from sitegen.failure import Kind, busy_text, kind_of, one_line, usage_text
from sitegen.reporting import report_problems
from sitegen.hanzi import OpenCCBroken
from sitegen.i18n.messages import Messages

if TYPE_CHECKING:
    from sitegen.write.lock import OutputBusy



def _first(kwargs: Mapping[str, Any]) -> bool:
    """The output folder holds no site yet (a first build; a street's manifest is written last)."""
    out = kwargs.get("out")
    return isinstance(out, Path) and not (out / "manifest.sha256").is_file()


def _stopped(kwargs: Mapping[str, Any]) -> list[str]:
    """The communities in an output folder that an earlier first street build left when it stopped."""
    from sitegen.street.swapped import left_stopped

    out = kwargs.get("out")
    return left_stopped(out) if isinstance(out, Path) else []


def _torn(kwargs: Mapping[str, Any]) -> bool:
    """A street build into the output folder stopped while it put the street pages in place (this one or an
    earlier one; street/write.py TORN): some may be new, the others older. A shard makes no street pages."""
    from sitegen.street.swapped import torn_street

    out = kwargs.get("out")
    return isinstance(out, Path) and not kwargs.get("shard") and torn_street(out)


def _sharded(key: str, kwargs: Mapping[str, Any]) -> str:
    """`key`, or its wording for a `--shard K/N` build (`KEY_shard`), which makes no street pages: it speaks
    of the shard's communities and of building the shard again."""
    return f"{key}_shard" if kwargs.get("shard") else key


def _street_written(app: App, messages: Messages, key: str, kwargs: Mapping[str, Any], **values: str) -> str:
    """The message `key` naming the communities a stopped street build swapped in (one whose print folder
    was not swapped in after its web folder said so); the rest are as the last build left them, or, on a
    first build, not built yet, but for those an earlier first build that stopped left (a shard's rest: its
    own communities, no street pages)."""
    out = str(kwargs.get("out"))
    if _torn(kwargs):
        rest = messages.text("cli.street_rest_torn")
    elif not _first(kwargs):
        rest = messages.text(_sharded("cli.street_rest_kept", kwargs))
    else:
        earlier = [slug for slug in _stopped(kwargs) if slug not in app.written]
        rest = messages.text(_sharded("cli.street_rest_stopped", kwargs), slugs=", ".join(earlier)) if earlier \
            else messages.text(_sharded("cli.street_rest_first", kwargs), out=out)
    slugs = [messages.text("cli.street_print_old", slug=slug) if slug in app.print_old else slug
             for slug in app.written] or [messages.text("cli.street_none")]  # none, the street pages half put in
    return messages.text(key, slugs=", ".join(slugs), rest=rest, **values)


def _site_written(app: App, messages: Messages, key: str, kwargs: Mapping[str, Any], **values: str) -> str:
    """The message `key` of a site's build that stopped after its output folder was swapped in: OUT holds
    the new site; its print folder is the new one, still the last build's, or not written yet; the cache
    was not saved (the next build checks everything again and redoes what it cannot keep)."""
    out = kwargs.get("out")
    web, printing = output_folders(out) if isinstance(out, Path) else (Path(), Path())
    held = messages.text(f"cli.site_held_print_{app.site_swapped}", out=str(web), printing=str(printing))
    return messages.text(key, held=held, **values)


def _failed(app: App, messages: Messages, kwargs: Mapping[str, Any]) -> str:
    """"Nothing written, the last site unchanged", or, when the output folder holds no site yet
    (a first build), "nothing written" alone: there is no last site to keep, only what an earlier
    first street build that stopped left, if any (named). A street build that stops after some of its
    communities were swapped in names them: they hold the new build; a site's build that stops after its
    output was swapped in says so."""
    if app.site_swapped:
        return _site_written(app, messages, "cli.site_partly_written", kwargs)
    if app.written or _torn(kwargs):
        return _street_written(app, messages, _sharded("cli.street_partly_written", kwargs), kwargs)
    if not _first(kwargs):
        return messages.text("cli.build_failed")
    earlier = _stopped(kwargs)
    return messages.text(_sharded("cli.build_failed_stopped", kwargs), out=str(kwargs.get("out")),
                         slugs=", ".join(earlier)) \
        if earlier else messages.text("cli.build_failed_first")


def _content_invalid(e: ContentInvalid, command: str, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    report_problems(messages, e.problems)
    if command != "check":
        click.echo(_failed(app, messages, kwargs), err=True)
    return EXIT_INVALID


def _disk(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """A full or read-only disk: said plainly, naming the file when the error does; then what the
    build left (`_failed`: nothing written, or what was swapped in before the disk stopped it)."""
    click.echo(disk_text(cast(OSError, e), messages), err=True)
    click.echo(_failed(app, messages, kwargs), err=True)
    return EXIT_IO


def _busy(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """Another build held the output folder for two minutes (exit 75)."""
    click.echo(busy_text(cast("OutputBusy", e), messages, str(kwargs.get("out", ""))), err=True)
    return EXIT_BUSY


def _leaks(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """Private data found in the new site: each leak, then what the build left (exit 1)."""
    for leak in getattr(e, "leaks", []):
        click.echo(leak.render(messages), err=True)
    click.echo(_failed(app, messages, kwargs), err=True)
    return EXIT_INVALID


def _interrupted(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """Ctrl-C: what the build had put in place before it, if anything (exit 130)."""
    click.echo(_site_written(app, messages, "cli.site_interrupted", kwargs) if app.site_swapped
               else _street_written(app, messages, _sharded("cli.street_interrupted", kwargs), kwargs)
               if app.written or _torn(kwargs)
               else messages.text("cli.interrupted"), err=True)
    return EXIT_INTERRUPTED


def _other(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """Our own bug (exit 70): an apology, what the build had put in place before it; a traceback only
    with --verbose or SITEGEN_DEBUG."""
    detail = one_line(e)
    if app.site_swapped:
        said = _site_written(app, messages, "cli.internal_error_site", kwargs, detail=detail)
    elif app.written or _torn(kwargs):
        said = _street_written(app, messages, "cli.internal_error_street", kwargs, detail=detail)
    else:
        said = messages.text("cli.internal_error", detail=detail)
    click.echo(said, err=True)
    if app.verbose or os.environ.get("SITEGEN_DEBUG"):
        traceback.print_exception(e)
    return EXIT_INTERNAL


def _install(e: BaseException, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """An installation to repair (OpenCC), said in the user's language (exit 2)."""
    click.echo(messages.text(OpenCCBroken.KEY), err=True)
    return EXIT_USAGE


_Said = Callable[[BaseException, App, Messages, Mapping[str, Any]], int]
_BY_KIND: dict[Kind, _Said] = {Kind.INSTALL: _install, Kind.INTERRUPTED: _interrupted, Kind.BUSY: _busy,
                               Kind.LEAKS: _leaks, Kind.DISK: _disk, Kind.INTERNAL: _other}


def _exit_code(e: BaseException, command: str, app: App, messages: Messages, kwargs: Mapping[str, Any]) -> int:
    """Print what went wrong in the user's language and return the exit code (see `guarded`); the kind of
    each failure is failure.kind_of's, as serve's."""
    if isinstance(e, ContentInvalid):
        return _content_invalid(e, command, app, messages, kwargs)
    if isinstance(e, UsageProblem):
        click.echo(usage_text(e, messages), err=True)
        return EXIT_USAGE
    return _BY_KIND[kind_of(e)](e, app, messages, kwargs)


def guarded(run: Callable[..., None]) -> Callable[..., None]:
    """Content problems → exit 1, usage → 2, Ctrl-C → 130; anything else is our bug: apologise, exit 70.

    A full or read-only disk exits 74, an output folder another build holds 75 (sysexits.h). Click's own
    exits and usage errors pass through to `main`, which prints them in the user's language.
    """

    def wrapper(app: App, *args: Any, **kwargs: Any) -> None:
        content = kwargs.get("content")
        messages = app.messages(content if isinstance(content, Path) else None)
        try:
            run(app, *args, **kwargs)
        except (SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except (Exception, KeyboardInterrupt) as e:  # noqa: BLE001 - the last line of defence against a traceback
            raise SystemExit(_exit_code(e, run.__name__, app, messages, kwargs)) from None

    wrapper.__name__ = run.__name__
    wrapper.__doc__ = run.__doc__
    return wrapper
