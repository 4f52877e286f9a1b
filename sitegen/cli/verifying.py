"""`sitegen verify`: a published folder or address still matches the manifest the build wrote."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from sitegen.cli.app import EXIT_INVALID, App
from sitegen.cli.errors import guarded
from sitegen.cli.group import cli
from sitegen.cli.options import out_option, output_options
from sitegen.errors import UsageProblem


@cli.command(help="help.verify")
@click.argument("target", metavar="[DIR|URL]", required=False)
@out_option
@output_options
@click.pass_obj
@guarded
def verify(app: App, target: str | None, out: Path) -> None:
    from sitegen.verify import verify_folder, verify_url
    from sitegen.write.slots import read_manifest

    messages = app.messages()
    folder: Path | None = None  # the folder verified, when not a web address
    if target and target.startswith(("http://", "https://")):
        manifest = read_manifest(out)
        if not manifest:
            _no_manifest(out)
        found = verify_url(target, manifest)
    else:
        folder = Path(target) if target else out
        if not folder.is_dir():  # a path mistyped, or a file: said as what it is, not as a site never built
            key = "verify.not_a_folder" if folder.exists() else "verify.folder_missing" if target else "verify.not_built"
            raise UsageProblem(key, path=str(folder), out=str(out))
        if not (folder / "manifest.sha256").is_file():
            published = _published_of(folder)
            if published is not None:  # the print folder: never uploaded, so never checked against an upload
                raise UsageProblem("verify.print_folder", path=str(folder), out=str(published))
            _no_manifest(folder)
        found = verify_folder(folder)
    for key, paths in (("verify.changed", found.changed), ("verify.missing", found.missing),
                       ("verify.extra", found.extra), ("verify.special", found.special)):
        for path in paths:
            click.echo(messages.text(key, path=path), err=True)
    if found.unreachable:  # an address that did not answer: nothing is known of those files, nothing to upload
        click.echo(messages.text("verify.unreachable", url=target or "", files=len(found.unreachable),
                                 why=messages.text(f"verify.why_{found.why or 'other'}")), err=True)
        raise SystemExit(EXIT_INVALID)
    if not found.clean:
        # an address: upload OUT again; a folder with our build cache beside it: build into it again, which
        # repairs what hands changed (the upload advice and its `sitegen build --no-cache` misled there)
        built_into = _built_into(folder) if folder is not None else None
        click.echo(messages.text(_failed_key(folder, built_into), changed=len(found.changed),
                                 missing=len(found.missing), extra=len(found.extra) + len(found.special),
                                 path=str(built_into or (folder if folder is not None else out))), err=True)
        raise SystemExit(EXIT_INVALID)
    app.echo(messages.text("verify.ok", files=found.checked))


def _failed_key(folder: Path | None, built_into: Path | None) -> str:
    """How a folder that differs from its manifest is said: a street's OUT whose last build stopped while it
    put the street pages in place (street/write.py TORN) as that, not as a change by hand; one with our
    build cache beside it as a folder a build repairs; else as an upload to redo."""
    from sitegen.street.swapped import torn_street

    if folder is not None and built_into == folder and torn_street(folder):
        return "verify.street_torn"
    return "verify.failed_built" if built_into else "verify.failed"


def _built_into(folder: Path) -> Path | None:
    """The output folder a build here makes `folder` from, its build cache beside it: `folder` itself, or,
    for a street's community folder (OUT/<slug>, its build kept in the street's cache), the street's OUT,
    which a build of the street repairs (break13b: it was told to upload itself after `build --no-cache`,
    which builds content/ into output/). None for a copy with no cache beside it."""
    from sitegen.paths import community_cache
    from sitegen.pipeline.cache import cache_dir

    resolved = folder.resolve()
    if cache_dir(resolved).is_dir():
        return folder
    if community_cache(cache_dir(resolved.parent), resolved.name).is_dir():
        return folder.parent if folder.name not in ("", ".", "..") else resolved.parent
    return None


def _published_of(folder: Path) -> Path | None:
    """The output folder whose print folder `folder` is (OUT for OUT-print, write/printfolder.py), when
    that output was built (holds a manifest); else None."""
    from sitegen.write.printfolder import print_folder

    real = folder.resolve()
    if not real.name.endswith("-print"):
        return None
    published = real.with_name(real.name.removesuffix("-print"))
    return published if print_folder(published) == real and (published / "manifest.sha256").is_file() else None


def _no_manifest(folder: Path) -> NoReturn:
    """UsageProblem: `folder` has no manifest to verify against; one a first street build that stopped
    part-way left holds communities (each with its own manifest): they are named, not called unbuilt."""
    from sitegen.street.swapped import left_stopped

    earlier = left_stopped(folder)
    if earlier:
        raise UsageProblem("verify.street_stopped", path=str(folder), slugs=", ".join(earlier), slug=earlier[0])
    raise UsageProblem("verify.no_manifest", path=str(folder))
