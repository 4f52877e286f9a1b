"""A street split across machines: `build --shard K/N` builds every N-th community, `--assemble`
puts the parts together (docs/spec.md §6, README "A district on many machines").

Communities are independent builds; a shard writes, beside its output, the summary of each of its
communities (`<out>.summaries/<slug>.json`), which is all the street pages need of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import UsageProblem
from sitegen.street.config import Community
from sitegen.street.state import StreetFolders
from sitegen.street.swapped import Swapped
from sitegen.write.printfolder import link_or_copy, print_folder
from sitegen.write.slots import MANIFEST, discard_later, read_manifest
from sitegen.write.stamp import tree_stamp

ASSEMBLED = "assembled.json"  # in a community's cache folder of an assembled street: its folders as put
_SHARD = re.compile(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*")


@dataclass(frozen=True, slots=True)
class Shard:
    """`--shard K/N`: the communities whose index in slug order is K-1 modulo N (1 <= K <= N)."""

    number: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """"2/4" → Shard(2, 4); UsageProblem (cli.shard_bad) for anything else."""
        match = _SHARD.fullmatch(text)
        if match is None or not 1 <= int(match[1]) <= int(match[2]):
            raise UsageProblem("cli.shard_bad", value=text)
        return cls(int(match[1]), int(match[2]))

    def picks(self, communities: Sequence[Community]) -> list[Community]:
        """This shard's communities: stable by slug, whatever order the folders were listed in."""
        ordered = sorted(communities, key=lambda c: c.slug)
        return [c for index, c in enumerate(ordered) if index % self.count == self.number - 1]


def _put(source: Path, target: Path, trash: Path) -> None:
    """`target` becomes a copy of the folder `source` (hard links where the disk allows), swapped in whole.
    A copy that stops half-way (a full disk, Ctrl-C) is removed: left in OUT, it was a folder without our
    manifest, so the next build took OUT for someone else's and verify named its files as not sitegen's."""
    stage = target.parent / f".{target.name}.assemble"
    shutil.rmtree(stage, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copytree(source, stage, copy_function=lambda s, d: link_or_copy(Path(s), Path(d)))
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    discard_later(target, trash, linked=True)  # its files and the stage's link the same part's files
    os.replace(stage, target)


def _as_put(out: Path, printed: Path, names: Sequence[str]) -> list[str]:
    """The stamps (write/stamp.py) of a community's assembled output and print folder: a file there
    written to, added or deleted by hand changes them."""
    return [tree_stamp(out), tree_stamp(printed, names)]


def _put_community(source: Path, printed: Path, slug: str, out: Path, folders: StreetFolders,
                   put: Swapped | None = None) -> None:
    """The community's output and print folder copied from a part into `out`, and recorded as put;
    `put(slug, False)` is told once its web folder is in, `put(slug, True)` once its print folder is too."""
    shutil.rmtree(folders.community_cache(slug), ignore_errors=True)  # it described another copy
    folders.community_cache(slug).mkdir(parents=True)  # a first assemble stopped after the put: OUT/<slug> is ours
    _put(source, out / slug, folders.cache)
    if put is not None:  # should the street stop before its print folder is in, it is named all the same
        put(slug, False)
    target = folders.community_print(slug)
    if printed.is_dir():
        _put(printed, target, folders.cache)
    else:
        discard_later(target, folders.cache, linked=True)  # posters linked from the part's output
    if put is not None:
        put(slug, True)
    names = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if not p.is_dir()) if target.is_dir() else []
    record = folders.community_cache(slug) / ASSEMBLED
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"names": names, "stamps": _as_put(out / slug, target, names)}), "utf-8")


def _still_put(slug: str, out: Path, folders: StreetFolders) -> bool:
    """The community's folders in `out` are as the last assemble put them (no hand changed them)."""
    try:
        record = json.loads((folders.community_cache(slug) / ASSEMBLED).read_text("utf-8"))
        names = [str(name) for name in record["names"]]
        return bool(record["stamps"] == _as_put(out / slug, folders.community_print(slug), names))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _refuse_damaged(source: Path, slug: str, part: Path) -> None:
    """Every file the part's manifest names holds the bytes it names: else UsageProblem
    street.assemble_damaged (a hand changed it, maybe through the assembled copy's hard link)."""
    for rel, sha in sorted(read_manifest(source).items()):
        try:
            data = (source / rel).read_bytes()
        except OSError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            raise UsageProblem("street.assemble_damaged", slug=slug, part=str(part), path=rel)


def part_summaries(found: Mapping[str, Path]) -> dict[str, str]:
    """Every community's summary JSON by slug, as the shard output holding it (`found[slug]`) wrote it."""
    return {slug: StreetFolders.shard_summary(part, slug).read_text("utf-8") for slug, part in sorted(found.items())}


def gather_parts(found: Mapping[str, Path], out: Path, folders: StreetFolders, put: Swapped | None = None) -> None:
    """Copy each community's output (and print folder) from the shard output holding it into `out`,
    `put(slug, print folder too)` told as each one's web folder is in, and again as its print folder is.
    A folder already equal (same manifest) and as the last assemble put it (its stamps, `_still_put`) is kept.
    Every part is checked (`_refuse_damaged`) before any community is put in: a refusal leaves `out` as it was."""
    wanted = []
    for slug, part in sorted(found.items()):
        source = part / slug
        same = (out / slug / MANIFEST).is_file() and (out / slug / MANIFEST).read_bytes() == (source / MANIFEST).read_bytes()
        if not same or not _still_put(slug, out, folders):
            if same:  # a hand in `out`: through a hard link it may have changed the part's file too
                _refuse_damaged(source, slug, part)
            wanted.append((slug, part))
    for slug, part in wanted:
        _put_community(part / slug, print_folder(part) / slug, slug, out, folders, put)
