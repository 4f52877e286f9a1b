"""A rebuild's folder tree patched from the last one (write/slots.py Manifests, patched_tree) is the
tree folder_tree derives, and the tree it was patched from is left as it was."""

from __future__ import annotations

import copy

import pytest

from sitegen.write.slots import MANIFEST, Manifests, Tree, folder_tree, patched_tree

SITE = ["index.html", "static/site.css", "static/search-index.aaaa.js", "static/search-index-hant.aaaa.js",
        "wishes/index.html", "wishes/a/index.html", "wishes/b/index.html", "hant/wishes/a/index.html",
        "posters/wishes/a/index.html", "media/p/w640.jpg", "media/p/w320.jpg"]


def _swap(site: list[str], old: str, new: str) -> list[str]:
    return [new if rel == old else rel for rel in site]


# edit kind → (the paths after it, whether the kept tree is patched (True) or derived whole (False))
CASES: dict[str, tuple[list[str], bool]] = {
    "body edited (search index renamed)": (_swap(_swap(SITE, "static/search-index.aaaa.js", "static/search-index.bbbb.js"),
                                                "static/search-index-hant.aaaa.js", "static/search-index-hant.bbbb.js"),
                                          True),
    "record added (new folders)": ([*SITE, "wishes/c/index.html", "hant/wishes/c/index.html",
                                    "posters/wishes/c/index.html"], True),
    "record added under a new tree": ([*SITE, "care/wishes/a/index.html"], True),
    "record removed (its folders emptied)": ([rel for rel in SITE if "/b/" not in rel], False),
    "record renamed": ([rel.replace("/b/", "/b2/") for rel in SITE], False),
    "photo size dropped": ([rel for rel in SITE if rel != "media/p/w320.jpg"], True),
    "file added beside the home page": ([*SITE, "robots.txt"], True),
    "nothing changed": (list(SITE), True),
}


def _shape(tree: Tree) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """A tree compared as sets: the order of subfolders is the walk's, not the tree's meaning."""
    return {k: set(v) for k, v in tree[0].items()}, {k: set(v) for k, v in tree[1].items()}


@pytest.mark.parametrize("name", CASES)
def test_a_patched_tree_is_the_derived_one(name: str) -> None:
    after, patches = CASES[name]
    before = folder_tree(dict.fromkeys(SITE, "sha"))
    kept = copy.deepcopy(before)
    patched = patched_tree(before, set(after) - set(SITE), set(SITE) - set(after))
    assert (patched is not None) == patches
    if patched is not None:
        assert _shape(patched) == _shape(folder_tree(dict.fromkeys(after, "sha")))
    assert before == kept  # the kept tree is never changed


@pytest.mark.parametrize("name", CASES)
def test_manifests_give_the_derived_tree_after_each_edit(name: str) -> None:
    after, _ = CASES[name]
    manifests = Manifests()
    first = manifests.tree(dict.fromkeys(SITE, "sha"))
    kept = copy.deepcopy(first)
    assert _shape(manifests.tree(dict.fromkeys(after, "sha2"))) == _shape(folder_tree(dict.fromkeys(after, "sha")))
    assert _shape(manifests.tree(dict.fromkeys(SITE, "sha3"))) == _shape(kept)  # and back
    assert first == kept
    assert MANIFEST in first[0][""]


def test_many_changes_derive_the_tree_whole() -> None:
    many = [f"wishes/w{n}/index.html" for n in range(Manifests.PATCHED + 1)]
    manifests = Manifests()
    manifests.tree(dict.fromkeys(SITE, "sha"))
    assert _shape(manifests.tree(dict.fromkeys([*SITE, *many], "sha"))) == _shape(
        folder_tree(dict.fromkeys([*SITE, *many], "sha")))
