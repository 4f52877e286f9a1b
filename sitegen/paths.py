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
