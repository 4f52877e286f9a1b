"""Where sitegen's own files are: the default theme, in a checkout or installed with the package; and where a
street's cache folder keeps each community's build cache (`community_cache`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sitegen


def default_theme_dir() -> Path:
    """themes/default beside the package in a checkout, or the copy installed with it."""
    checkout = Path(sitegen.__file__).resolve().parent.parent / "themes" / "default"
    if (checkout / "templates").is_dir():
        return checkout
    from importlib import resources

    return Path(str(resources.files("sitegen_themes").joinpath("default")))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Changes when sitegen's own code changes: a cache built by other code is not reused.

    A digest of the contents of the package's source and data files (the default theme's files are
    inputs of every build, watched by their stats: pipeline/inputs.py). Contents, not modification
    times: installing the same version again (`pip install '.[test]'` after `pip install .`) is not
    new code, and neither is the same commit checked out elsewhere. About 1.5 MB read once per
    process (the process runs the code it loaded, so its digest never changes while it runs): a
    street asks it of every community.
    """
    import hashlib
    import os

    package = Path(sitegen.__file__).resolve().parent
    digest = hashlib.blake2b(sitegen.__version__.encode(), digest_size=8)
    for folder, names, files in os.walk(package):
        names[:] = sorted(n for n in names if n != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".xml", ".txt", ".yaml")):
                path = os.path.join(folder, name)
                digest.update(f"\0{os.path.relpath(path, package)}\0".encode("utf-8", "surrogateescape"))
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


def community_cache(street_cache: Path, slug: str) -> Path:
    """The build cache of the street's community `slug` in the street's cache folder `street_cache`
    (`.OUT.sitegen-cache/communities/<slug>/`): the one place this layout is spelt, for the street's build
    (street/state.py StreetFolders), the stopped first build's communities (write/slots.py stopped_street) and
    verify's advice (cli/verifying.py). Here, at the bottom of the layers, so that write/ may read it too."""
    return street_cache / "communities" / slug


def same_code(key: str, other: str) -> bool:
    """Whether two cache keys were made by the same code: a key (pipeline.cache_key) is the repr of a
    tuple whose first item is the code digest (`code_digest`, hex: no comma in it)."""
    return key.split(",", 1)[0] == other.split(",", 1)[0]
