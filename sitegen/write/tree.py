"""The folder tree of a slot (write/slots.py): what each folder should hold by its manifest, which
the sweep walks; derived from the manifest's paths, or patched from the tree of the last build."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

MANIFEST: Final = "manifest.sha256"

Tree = tuple[dict[str, set[str]], dict[str, list[str]]]  # see folder_tree


def folder_tree(holds: dict[str, str], top: tuple[str, ...] = (MANIFEST,)) -> Tree:
    """What each folder of a slot should hold by its manifest: (folder → its file names, folder → the
    paths of its subfolders); the slot's own folder is "", holding `top` besides (its manifest)."""
    files: dict[str, set[str]] = {"": set(top)}
    subs: dict[str, list[str]] = {"": []}
    for rel in holds:
        head, _, name = rel.rpartition("/")
        names = files.get(head)
        if names is not None:
            names.add(name)
            continue
        files[head] = {name}
        child = None
        while True:  # register the folder and its parents up to one already known
            folders = subs.get(head)
            registered = folders is not None
            if folders is None:
                folders = subs[head] = []
            if child is not None:
                folders.append(child)
            if registered:
                break
            child, head = head, head.rpartition("/")[0]
    return files, subs


def patched_tree(tree: Tree, added: Iterable[str], removed: Iterable[str]) -> Tree | None:
    """folder_tree of the paths of `tree` with `added` and without `removed` (paths it holds), made
    from `tree` without changing it (what changes is copied); None when a folder would be left
    holding no file (derive the tree whole: folder_tree lists no such folder)."""
    files, subs = dict(tree[0]), dict(tree[1])
    copied: set[str] = set()  # folders whose names in `files` are a copy already
    for rel in removed:
        head, _, name = rel.rpartition("/")
        if head not in copied:
            files[head] = set(files[head])
            copied.add(head)
        files[head].discard(name)
    for rel in added:
        head, _, name = rel.rpartition("/")
        if head in files:
            if head not in copied:
                files[head] = set(files[head])
                copied.add(head)
            files[head].add(name)
        else:
            files[head] = {name}
            copied.add(head)
            _register(subs, head)
    if any(not files[head] for head in copied):
        return None
    return files, subs


def _register(subs: dict[str, list[str]], head: str) -> None:
    """As folder_tree does: register a new folder and its parents up to one already known, each
    changed list a copy (the tree patched from stays as it was)."""
    child = None
    while True:
        folders = subs.get(head)
        if child is not None:
            subs[head] = [*folders, child] if folders is not None else [child]
        elif folders is None:
            subs[head] = []
        if folders is not None:
            return
        child, head = head, head.rpartition("/")[0]
