"""A street's view of a build stopped part-way (issue 14): the callback told of a community whose web
folder was swapped in (write/swapwatch.py finds out), and the communities a stopped first street build left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Swapped = Callable[[str, bool], None]  # (a community's slug, whether its print folder is in too) as its web folder is


def _built(out: Path) -> tuple[Path, Path]:
    """(OUT as a build takes it: as typed, a link followed, as pipeline.build does; its cache folder)."""
    from sitegen.pipeline.cache import cache_dir
    from sitegen.pipeline.inputs import absolute

    real = absolute(out)
    real = real.resolve() if real.is_symlink() else real
    return real, cache_dir(real)


def left_stopped(out: Path) -> list[str]:
    """The communities a first street build into `out` left when it stopped part-way (write/slots.py
    stopped_street); [] when there are none."""
    from sitegen.write.slots import stopped_street

    return stopped_street(*_built(out))


def torn_street(out: Path) -> bool:
    """A street build into `out` stopped while it put the street pages in place (street/write.py TORN):
    some may be that build's, the others and the manifest older ones."""
    from sitegen.street.write import torn_files

    return bool(torn_files(_built(out)[1]))
