"""The command line: build, check, init, new, serve. Exit 0 ok, 1 invalid content, 2 bad usage."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from sitegen import __version__
from sitegen.errors import ContentInvalid, Problem, UsageProblem
from sitegen.i18n.messages import LANGUAGES, Messages, language_from_env, normalise_language
from sitegen.options import Options

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def site_language(content: Path) -> str | None:
    """The interface language from site.yaml, read leniently: a broken file must not hide its own errors."""
    import re

    for name in ("site.yaml", "site.yml"):
        try:
            text = (content / name).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(r"^language:\s*['\"]?([A-Za-z-]+)", text, re.MULTILINE)
        return normalise_language(match.group(1)) if match else None
    return None


@dataclass
class App:
    """Per-invocation state: the language for messages and output flags."""

    lang: str | None = None
    quiet: bool = False
    verbose: bool = False

    def messages(self, content: Path | None = None) -> Messages:
        language = self.lang or language_from_env() or (site_language(content) if content else None)
        return Messages(language or "zh-Hans")

    def echo(self, text: str, err: bool = False) -> None:
        if not (self.quiet and not err):
            click.echo(text, err=err)


def report_problems(app: App, messages: Messages, problems: list[Problem]) -> None:
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    for problem in problems:
        line = problem.render(messages)
        click.echo(click.style(line, fg="yellow" if problem.warning else "red") if sys.stderr.isatty() else line, err=True)
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
            report_problems(app, messages, e.problems)
            if run.__name__ != "check":
                click.echo(messages.text("cli.build_failed"), err=True)
            raise SystemExit(EXIT_INVALID) from None
        except UsageProblem as e:
            click.echo(messages.text(e.key, **e.args_), err=True)
            raise SystemExit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            click.echo(messages.text("cli.interrupted"), err=True)
            raise SystemExit(EXIT_INTERRUPTED) from None
        except (SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as e:  # noqa: BLE001 - the last line of defence against a traceback
            detail = f"{type(e).__name__}: {e}"
            click.echo(messages.text("cli.internal_error", detail=detail), err=True)
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


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.BadParameter("must be an absolute http:// or https:// URL")
    return value if value.endswith("/") else value + "/"


content_option = click.option("--content", type=click.Path(path_type=Path), default=Path("content"),
                              show_default=True, help="The content folder.")
out_option = click.option("--out", type=click.Path(path_type=Path), default=Path("output"),
                          show_default=True, help="Where the website is written.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="sitegen")
@click.option("--lang", type=click.Choice(LANGUAGES, case_sensitive=False), default=None,
              help="Language of messages (default: the site's, or SITEGEN_LANG).")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """sitegen: community notice boards as a website and printable posters."""
    ctx.obj = App(lang=normalise_language(lang) if lang else None)


@cli.command()
@content_option
@out_option
@click.option("--base-url", callback=_base_url, help="Override base_url of site.yaml.")
@click.option("--drafts", is_flag=True, help="Also build records marked draft.")
@click.option("--pdf", is_flag=True, help="Also write print-ready PDF posters (needs WeasyPrint).")
@click.option("--jobs", "-j", type=click.IntRange(0, 64), default=0, help="Worker processes (0: one per core).")
@click.option("--no-cache", is_flag=True, help="Rebuild everything, ignoring the cache.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@click.option("--verbose", "-v", is_flag=True, help="Print more detail.")
@click.pass_obj
@_guarded
def build(app: App, content: Path, out: Path, base_url: str | None, drafts: bool, pdf: bool, jobs: int,
          no_cache: bool, quiet: bool, verbose: bool) -> None:
    """Build the website and posters from the content folder."""
    from sitegen import pipeline

    app.quiet, app.verbose = quiet, verbose
    content = content_dir(content)
    messages = app.messages(content)
    if out.resolve().is_relative_to(content.resolve()):
        raise UsageProblem("cli.out_inside_content", out=str(out))
    options = Options(base_url=base_url, drafts=drafts, pdf=pdf, jobs=jobs, use_cache=not no_cache,
                      language=app.lang)
    report = pipeline.build(content, out, options)
    report_problems(app, messages, report.warnings)
    key = "cli.build_unchanged" if report.unchanged else "cli.build_done"
    app.echo(messages.text(key, pages=report.pages, posters=report.posters, photos=report.photos, out=str(out),
                           seconds=f"{report.seconds:.2f}"))


@cli.command()
@content_option
@click.pass_obj
@_guarded
def check(app: App, content: Path) -> None:
    """Validate the content folder and write nothing."""
    from sitegen import pipeline

    content = content_dir(content)
    messages = app.messages(content)
    checked = pipeline.check(content, Options(language=app.lang))
    report_problems(app, messages, checked.warnings)
    app.echo(messages.text("cli.check_ok", records=checked.records, warnings=len(checked.warnings)))


def main() -> None:
    cli(prog_name="sitegen")
