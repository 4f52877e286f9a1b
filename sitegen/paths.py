"""Where sitegen's own files are: the default theme, in a checkout or installed with the package."""

from __future__ import annotations

from pathlib import Path

import sitegen


def default_theme_dir() -> Path:
    """themes/default beside the package in a checkout, or the copy installed with it."""
    checkout = Path(sitegen.__file__).resolve().parent.parent / "themes" / "default"
    if (checkout / "templates").is_dir():
        return checkout
    from importlib import resources

    return Path(str(resources.files("sitegen_themes").joinpath("default")))


def code_digest() -> str:
    """Changes when sitegen's own code or built-in templates change: a cache built by other code is not reused."""
    import hashlib
    import os

    package = Path(sitegen.__file__).resolve().parent
    parts = [sitegen.__version__]
    for folder, names, files in os.walk(package):
        names[:] = sorted(n for n in names if n != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".xml", ".txt", ".yaml")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()
