"""Options and folder checks several commands share: --content, --out, --theme, --base-url, -q/-v."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from sitegen.cli.app import App
from sitegen.errors import UsageProblem
from sitegen.usage import KeyedBadParameter, is_site, shell_word


def content_dir(path: Path) -> Path:
    """The content folder the user named; UsageProblem when it is missing or not a folder. The default
    `content` missing where a site is near says where to go (newcomer17: `sitegen build` run in the
    folder holding 我的社区, or inside its content folder, was told only that there is none)."""
    if not path.exists():
        if path == Path("content"):
            if Path("site.yaml").is_file():  # run inside the content folder itself
                if Path("..", "street.yaml").is_file():  # a street's community: `cd ..` led to another dead end
                    raise UsageProblem("cli.content_missing_in_community", path=str(path))  # (newcomer helper-129)
                raise UsageProblem("cli.content_missing_inside", path=str(path))
            if Path("street.yaml").is_file():  # the street folder itself
                raise UsageProblem("cli.content_missing_in_street", path=str(path))
            sites = sorted(child.name for child in Path().iterdir() if is_site(child))
            if len(sites) == 1:
                raise UsageProblem("cli.content_missing_below", path=str(path), site=sites[0], typed=shell_word(sites[0]))
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
    published = _published_around(out.resolve())
    if published is not None:
        raise UsageProblem("cli.out_inside_output", out=str(out), path=str(published))
    return out


def _published_around(out: Path) -> Path | None:
    """The nearest folder above `out` that a build published (it holds our manifest), or None.

    A build puts its print folder (posters with full phone numbers) and its cache (wishers' full names)
    beside its output folder: inside such a folder they would be uploaded with it, and no build of
    that folder removes them. newcomer helper-129: `build --content baohe/meihu --out
    street-output/meihu` left meihu-print/ and .meihu.sitegen-cache/ in the street's upload folder.
    """
    from sitegen.write.slots import MANIFEST

    for folder in out.parents:
        if (folder / MANIFEST).is_file():
            return folder
    return None


# A theme folder anywhere, because the user named it: site.yaml's `theme` must stay in the site's tree.
theme_option = click.option("--theme", type=click.Path(exists=True, file_okay=False, path_type=Path),
                            default=None, help="help.opt.theme")


def base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
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
    """--quiet/-q (problems only: errors and warnings) and --verbose/-v (more detail) on every command that prints something."""
    command = click.option("--verbose", "-v", is_flag=True, expose_value=False, callback=_output_flag,
                           help="help.opt.verbose")(command)
    return click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_output_flag,
                        help="help.opt.quiet")(command)
