"""A street's community checked, built, served, imported into or edited on its own.

A worker of one community runs `sitegen check --content wanghu` (or `serve`, `import`, `edit`) in
the street folder, as the sample street's site.yaml invites ("没写的项沿用上一级文件夹的 street.yaml").
The community is then what the street makes of it (docs/spec.md §6): what its site.yaml leaves out
comes from street.yaml, the street's theme unless it names its own, and the other communities'
secrets (wishers' full names, hidden phones) are refused in it as the street build refuses them.

breaker helper-124: run alone, a community read no street.yaml, so `check` said `base_url` was
missing and nothing was checked against the other communities.

Paths stay relative to the community folder the worker named: a problem in an inherited value is
at `../street.yaml:LINE`, another community's record at `../meihu/wishes/a.yaml:3`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitegen.errors import ContentInvalid, Problem, sorted_problems
from sitegen.load.files import SITE_FILE, discover, ignored
from sitegen.options import Options
from sitegen.runtime import die_with_parent, fork_context
from sitegen.pipeline.streetsecrets import SECRET_KINDS, secrets_read
from sitegen.street.community import at_street_yaml, community_options
from sitegen.street.config import STREET_FILE, Community, Street, StreetRead, is_street
from sitegen.street.read import read_street
from sitegen.street.state import StreetFolders
from sitegen.validate.placeholder import BASE_URL_PLACEHOLDER, STREET_BASE_URL_PLACEHOLDER

UP: PurePosixPath = PurePosixPath("..")


@dataclass(frozen=True, slots=True)
class Lone:
    """A community folder run on its own (`community`) and the street around it: `street` as
    street.yaml says, `others` the street's other communities in slug order."""

    street: Street
    community: Community
    others: tuple[Community, ...]
    problems: tuple[Problem, ...] = ()  # what reading the street says of this community, from its folder


def street_around(content: Path, base_url: str | None = None) -> Lone | None:
    """The street whose community `content` is, or None when it is no street's: its parent folder
    (links not followed) holds street.yaml and its name does not start with . or _. `base_url`
    (--base-url) is the street's address, as for the street's own build: the community is at it +
    its folder name.

    Raises ContentInvalid with street.yaml's errors (at `../street.yaml:LINE`) when it is unusable
    (what the community inherits is then unknowable), and with the street's refusal of the folder
    (`../WangHu: …`: a name that cannot be an address or is one of the street's pages, a link out).
    """
    folder = _place(content)
    if not is_street(folder.parent) or ignored(folder.name):
        return None
    read = read_street(folder.parent, base_url)
    if read.street is None:
        raise ContentInvalid([_up(p) for p in read.problems if not p.warning and p.path == PurePosixPath(STREET_FILE)])
    mine = next((c for c in read.communities if c.slug == folder.name), None)
    if mine is None:  # a name the street refuses (WangHu, care, a link out of it): as the street says it
        refused = [_up(p) for p in read.problems if p.path == PurePosixPath(folder.name) and not p.warning]
        if refused:
            raise ContentInvalid(refused)
        return None
    return Lone(read.street, mine, _neighbours(folder, read, mine), tuple(_said_here(read, mine)))


def _neighbours(folder: Path, read: StreetRead, mine: Community) -> tuple[Community, ...]:
    """The street's other communities, and every folder beside them the street refuses by its name or
    as a link out of it (`MeiHu`, `美湖`, `care`): still a community's, and its wishers still its
    secrets (breaker helper-128: a lone build published a wisher of a misnamed neighbour). Folders
    whose names start with . or _ are left out, as the street leaves them out."""
    known = {c.slug for c in read.communities}
    refused = {str(p.path) for p in read.problems if len(p.path.parts) == 1 and p.key.startswith("street.folder_")}
    extra = [Community(slug=name, content=folder.parent / name) for name in sorted(refused - known - {folder.name})
             if (folder.parent / name).is_dir()]
    return tuple(c for c in read.communities if c is not mine) + tuple(extra)


def _said_here(read: StreetRead, mine: Community) -> list[Problem]:
    """What reading the street says of this community and of the street's address, from the community
    folder: its site.yaml's base_url not where the street puts it (newcomer helper-127: the street
    refused it, the community's own check passed it), and street.yaml's placeholder base_url, as the
    street says it (the community's own warning quoted an address street.yaml does not hold)."""
    own = PurePosixPath(mine.slug)
    return [dataclasses.replace(p, path=p.path.relative_to(own)) if p.path.is_relative_to(own) else _up(p)
            for p in read.problems
            if p.path.is_relative_to(own) or (p.path == PurePosixPath(STREET_FILE) and p.key == STREET_BASE_URL_PLACEHOLDER)]


def lone_options(lone: Lone, options: Options) -> tuple[Options, list[Problem]]:
    """The options `lone.community` is checked and built with on its own, and the warnings met.

    As the street builds it (street/community.py community_options: `--base-url` is the street's, read
    by `street_around`) but with its cache and print folder beside its own output. The other
    communities are each read for their secrets (their wishes and disclosures alone: pipeline/streetsecrets.py secrets_read),
    on every core (`options.workers()`); one whose wishes or disclosures are not all readable is named
    in a warning (`street.lone_other_invalid`), as some of its secrets may then be unknown.
    """
    made = community_options(lone.street, lone.community, options, StreetFolders(Path(), Path()))
    made = dataclasses.replace(made, cache_folder=options.cache_folder, print_to=options.print_to)
    plain = dataclasses.replace(options, base_url=None)
    questions = [(lone.street, other, plain) for other in lone.others]
    secrets: list[tuple[str, str, str]] = []
    warnings: list[Problem] = []
    for other, (found, complete) in zip(lone.others, _on_every_core(questions, options.workers()), strict=True):
        if not complete:
            warnings.append(Problem(UP / other.slug, None, "street.lone_other_invalid",
                                    {"slug": other.slug, "street": _as_typed(lone.street.folder)}, True))
        secrets += [(kind, value, f"{UP}/{source}") for kind, value, source in found]
    return dataclasses.replace(made, street_secrets=tuple(sorted(secrets))), warnings


Question = tuple[Street, Community, Options]


def _secrets_of(question: Question) -> tuple[list[tuple[str, str, str]], bool]:
    """One other community's secrets, street-relative, and whether all its wishes and disclosures
    could be read (pipeline/streetsecrets.py secrets_read: nothing else of it is checked)."""
    street, other, options = question
    return secrets_read(other.content, community_options(street, other, options, StreetFolders(Path(), Path())),
                        other.slug)


def _as_typed(folder: Path) -> str:
    """The street folder as the worker would type it here: relative to the working folder (`..` from
    inside the community; breaker helper-126: `..` was said to one who ran `--content st/wanghu`)."""
    try:
        return os.path.relpath(folder, Path.cwd())
    except (OSError, ValueError):
        return str(folder)


def _on_every_core(questions: list[Question], workers: int) -> list[tuple[list[tuple[str, str, str]], bool]]:
    """`_secrets_of` each question, in order: in forked processes when there are two or more and more
    than one core, else here. A 300-record community's check takes about a second on the 2-core bench
    machine: a street of 20 is checked in half the time."""
    context = fork_context()
    workers = min(workers, len(questions))
    if context is None or workers < 2:
        return [_secrets_of(q) for q in questions]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        return list(pool.map(_secrets_of, questions))


def in_street(content: Path, options: Options) -> tuple[Lone | None, Options, list[Problem]]:
    """`content` as it is checked and built when run on its own: the street around it (None when it
    is no street's community), its options (`lone_options`, else `options` as given) and the warnings
    met. Raises ContentInvalid as `street_around` does."""
    lone = street_around(content, options.base_url)
    if lone is None:
        return None, options, []
    if any(not p.warning for p in lone.problems):
        raise ContentInvalid(lone.problems)
    made, warnings = lone_options(lone, options)
    if options.base_url is None:  # what `as_in_street` asks next in this process (serve, every save)
        _KNOWN[_place(content)] = (street_stamp(content), lone, made)
    return lone, made, [*lone.problems, *warnings]


def as_in_street(content: Path, options: Options) -> Options:
    """`options` with what the street around `content` adds (`in_street`): the street read again only
    when `street_stamp` changed, as the editor, `import` and `serve` ask on every save (breaker
    helper-126: read once, a wish added next door while `serve` ran was published here). Raises
    ContentInvalid as `street_around` does."""
    lone, made = _current(_place(content))
    if lone is None:
        return options
    return dataclasses.replace(options, theme=options.theme or made.theme, site_defaults=made.site_defaults,
                               street_community=made.street_community, street_secrets=made.street_secrets)


def said_in_street(content: Path, problems: list[Problem]) -> list[Problem]:
    """`problems` of `content` as `as_lone` says them when it is a street's community (the street
    as `as_in_street` knows it); as they are otherwise."""
    try:
        lone = _current(_place(content))[0]
    except ContentInvalid:
        return problems
    return as_lone(lone, problems)


def street_stamp(content: Path) -> tuple[tuple[str, int, int], ...]:
    """What a community alone takes from its street, as (path, size, mtime) of each file: its own
    site.yaml, street.yaml, and every other community's site.yaml, wishes and disclosures (where its
    secrets come from);
    () when `content` is in no street. Stats only: a save under `serve` pays a few milliseconds."""
    folder = _place(content)
    if not is_street(folder.parent):
        return ()
    found: list[tuple[str, int, int]] = []
    own = folder / SITE_FILE  # its base_url is held to the street's rule (breaker helper-128: added under serve)
    if own.is_file():
        info = own.stat()
        found.append((str(own), info.st_size, info.st_mtime_ns))
    street = folder.parent / STREET_FILE
    info = street.stat()
    found.append((str(street), info.st_size, info.st_mtime_ns))
    for entry in sorted(os.scandir(folder.parent), key=lambda e: e.name):
        if entry.name != folder.name and not ignored(entry.name) and entry.is_dir():
            # the files secrets_read reads, found as it finds them (load/files.py discover)
            found += [(f"{entry.name}/{f.rel}", f.size, f.mtime_ns) for f in discover(Path(entry.path))[0]
                      if f.folder in ("site", *SECRET_KINDS)]
    return tuple(found)


# content folder → (its street's stamp, the street around it, the options `in_street` made): read again
# when the stamp changes. One process (jobs=1): the editor asks from a request thread, and a process
# with threads is not forked.
_KNOWN: dict[Path, tuple[tuple[tuple[str, int, int], ...], Lone | None, Options]] = {}


def _current(content: Path) -> tuple[Lone | None, Options]:
    stamp = street_stamp(content)
    known = _KNOWN.get(content)
    if known is None or known[0] != stamp:
        lone, made, _ = in_street(content, Options(jobs=1))
        known = _KNOWN[content] = (stamp, lone, made)
    return known[1], known[2]


def as_lone(lone: Lone | None, problems: list[Problem]) -> list[Problem]:
    """Problems of the community run alone: an inherited value's at `../street.yaml:LINE`
    (`problems` as they are when `lone` is None)."""
    if lone is None:
        return problems
    # the community's own placeholder warning names its address; street.yaml's own says it (`_said_here`)
    placed = at_street_yaml([p for p in problems if not (p.warning and p.key == BASE_URL_PLACEHOLDER)], lone.street,
                            lone.community)
    return sorted_problems(_up(p) if p.path == PurePosixPath(STREET_FILE) else p for p in placed)


@contextmanager
def told_as_lone(lone: Lone | None) -> Iterator[None]:
    """Re-raise a ContentInvalid of the body with its problems as `as_lone` places them."""
    try:
        yield
    except ContentInvalid as e:
        if lone is None:
            raise
        raise ContentInvalid(as_lone(lone, e.problems)) from None


def _place(content: Path) -> Path:
    """The folder named, absolute, links not followed: a community is a folder of the street by its
    name there, as the street reads it (street/read.py), whatever a link in its place leads to."""
    return Path(os.path.abspath(content))


def _up(problem: Problem) -> Problem:
    return dataclasses.replace(problem, path=UP / problem.path)
