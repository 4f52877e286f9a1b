"""Per-invocation state, exit codes and how problems are printed, shared by every command."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from sitegen.i18n.messages import Messages, language_from_env, normalise_language

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_IO = 74  # EX_IOERR (sysexits.h): the disk, not the content or sitegen, stopped the build
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: another build holds the output folder; try again later
EXIT_INTERRUPTED = 130


def site_setting(content: Path, key: str) -> str | None:
    """One top-level value of site.yaml, read leniently: a broken file must not hide its own errors."""
    # a street speaks its language, and so do its communities, run in it or alone (street/lone.py)
    for path in (content / "site.yaml", content / "site.yml", content / "street.yaml", content / ".." / "street.yaml"):
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        match = re.search(rf"^{key}:\s*['\"]?([A-Za-z/_+-]+)", text, re.MULTILINE)
        if match:
            return match.group(1)
    return None


def site_language(content: Path) -> str | None:
    """The language site.yaml names (normalised, e.g. "zh-Hant"), or None when it names none."""
    return normalise_language(site_setting(content, "language"))


def messages_for(lang: str | None, content: Path | None) -> Messages:
    """The catalogue to speak in: --lang, then the environment, then site.yaml, then zh-Hans."""
    language = lang or language_from_env() or (site_language(content) if content else None)
    return Messages(language or "zh-Hans")


@dataclass
class App:
    """Per-invocation state: the language for messages and output flags."""

    lang: str | None = None
    quiet: bool = False
    verbose: bool = False
    written: list[str] = field(default_factory=list)  # a street's communities this run swapped in (a failure says so)
    print_old: list[str] = field(default_factory=list)  # of those, any whose print folder is not swapped in yet
    # A site's build that raised after its output folder was swapped in: its print folder then was swapped in
    # too ("new"), is still the last build's ("old") or is not written yet ("none"); "" while the swap is not done.
    site_swapped: str = ""

    def messages(self, content: Path | None = None) -> Messages:
        return messages_for(self.lang, content)

    def echo(self, text: str, err: bool = False) -> None:
        if not (self.quiet and not err):
            click.echo(text, err=err)


def output_folders(out: Path) -> tuple[Path, Path]:
    """The folder a build into `out` swaps (the target of a symbolic link `out`: write/slots.py
    output_folder) and its print folder beside it."""
    from sitegen.write.printfolder import print_folder

    web = out.resolve() if out.is_symlink() else out
    return web, print_folder(web)


def echo_drafts(app: App, messages: Messages, drafts: tuple[str, ...]) -> None:
    """Name every draft left out of the site: a record kept as a draft by mistake is never published."""
    if drafts:
        app.echo(messages.text("cli.drafts", count=len(drafts)))
        for where in drafts:
            app.echo(f"  {where}")
