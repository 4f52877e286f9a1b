"""A street split across machines: `build --shard K/N` builds every N-th community, `--assemble`
puts the parts together (docs/spec.md §6, README "A district on many machines").

Communities are independent builds; a shard writes, beside its output, the summary of each of its
communities (`<out>.summaries/<slug>.json`), which is all the street pages need of them.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import UsageProblem
from sitegen.street.config import Community
from sitegen.street.state import StreetFolders
from sitegen.write.printfolder import link_or_copy, print_folder
from sitegen.write.slots import MANIFEST, discard_later

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
    """`target` becomes a copy of the folder `source` (hard links where the disk allows), swapped in whole."""
    stage = target.parent / f".{target.name}.assemble"
    shutil.rmtree(stage, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, stage, copy_function=lambda s, d: link_or_copy(Path(s), Path(d)))
    discard_later(target, trash)
    os.replace(stage, target)


def gather_parts(found: Mapping[str, Path], out: Path, folders: StreetFolders) -> dict[str, str]:
    """Copy each community's output (and print folder) from the shard output holding it into `out`;
    return every community's summary JSON by slug. A folder already equal (same manifest) is kept."""
    summaries = {}
    for slug, part in sorted(found.items()):
        source = part / slug
        if not (out / slug / MANIFEST).is_file() or (out / slug / MANIFEST).read_bytes() != (source / MANIFEST).read_bytes():
            shutil.rmtree(folders.community_cache(slug), ignore_errors=True)  # it described another copy
            _put(source, out / slug, folders.cache)
            printed = print_folder(part) / slug
            if printed.is_dir():
                _put(printed, folders.community_print(slug), folders.cache)
            else:
                discard_later(folders.community_print(slug), folders.cache)
        summaries[slug] = StreetFolders.shard_summary(part, slug).read_text("utf-8")
    return summaries
