"""One content edit as the search and memo tests describe it: (path, old text, new text)."""

from __future__ import annotations

from pathlib import Path


def save_edit(content: Path, path: str, old: str, new: str) -> None:
    """Replace `old` by `new` in content/path; with no `old`, write `new` as the whole file, or
    delete the file when `new` is empty too."""
    target = content / path
    if old:
        target.write_text(target.read_text("utf-8").replace(old, new), encoding="utf-8")
    elif new:
        target.write_text(new, encoding="utf-8")
    else:
        target.unlink()
