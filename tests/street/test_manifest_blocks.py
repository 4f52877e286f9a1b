"""street/write.py _manifest: the street manifest put together from each community's block equals the
whole list sorted by path, whatever the slugs and street paths, and whatever the block cache holds."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from sitegen.street.write import _manifest, _stat
from sitegen.write.slots import MANIFEST

# Slugs that are prefixes of each other and of street paths, and street paths on both sides of "/".
SLUGS = ["a", "a-b", "ab", "b0", "zh"]
STREET = ["a.html", "a-", "a0/index.html", "ab-x/index.html", "b/index.html", "index.html", "zh-hant/index.html",
          "zh.xml", "~end.txt"]
COMMUNITY = ["index.html", "a/index.html", "a-b/index.html", "zh-hant/index.html", "feed.xml", "z/y/x.html"]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _street(out: Path) -> dict[str, str]:
    for slug in SLUGS:
        lines = "".join(f"{_sha(slug + rel)}  {rel}\n" for rel in sorted(COMMUNITY))
        (out / slug).mkdir(parents=True)
        (out / slug / MANIFEST).write_text(lines, encoding="utf-8")
    return {rel: _sha(rel) for rel in STREET}


def _expected(out: Path, files: dict[str, str]) -> bytes:
    """The street manifest as the whole list sorted (what the street manifest was before blocks)."""
    everything = dict(files)
    for slug in SLUGS:
        everything.update({f"{slug}/{rel}": _sha(slug + rel) for rel in COMMUNITY})
        everything[f"{slug}/{MANIFEST}"] = hashlib.sha256((out / slug / MANIFEST).read_bytes()).hexdigest()
    return "".join(f"{sha}  {rel}\n" for rel, sha in sorted(everything.items())).encode()



# (what happened to the block cache between two street manifests)
CASES: list[tuple[str, Callable[[Path, Path], object]]] = [
    ("nothing", lambda out, blocks: None),
    ("the block cache deleted", lambda out, blocks: [p.unlink() for p in blocks.iterdir()]),
    ("a block emptied", lambda out, blocks: (blocks / "a").write_text("", encoding="utf-8")),
    ("a block not UTF-8", lambda out, blocks: (blocks / "a-b").write_bytes(b"\xff\xfe")),
]


@pytest.mark.parametrize(("change", "act"), CASES, ids=[case[0] for case in CASES])
def test_the_street_manifest_is_the_sorted_whole(change: str, act: Callable[[Path, Path], object],
                                                  tmp_path: Path) -> None:
    out, blocks = tmp_path / "out", tmp_path / "cache" / "manifests"
    files = _street(out)
    stats = {slug: _stat(out / slug / MANIFEST) for slug in SLUGS}
    assert _manifest(out, files, SLUGS, stats, blocks) == _expected(out, files)
    act(out, blocks)
    assert _manifest(out, files, SLUGS, stats, blocks) == _expected(out, files), change


def test_a_changed_community_manifest_is_read_again(tmp_path: Path) -> None:
    out, blocks = tmp_path / "out", tmp_path / "cache" / "manifests"
    files = _street(out)
    _manifest(out, files, SLUGS, {slug: _stat(out / slug / MANIFEST) for slug in SLUGS}, blocks)
    path = out / "ab" / MANIFEST
    path.write_text(path.read_text("utf-8") + f"{_sha('x')}  new/index.html\n", encoding="utf-8")
    made = _manifest(out, files, SLUGS, {slug: _stat(out / slug / MANIFEST) for slug in SLUGS}, blocks)
    assert f"{_sha('x')}  ab/new/index.html\n".encode() in made
    assert f"{hashlib.sha256(path.read_bytes()).hexdigest()}  ab/{MANIFEST}\n".encode() in made
    lines = made.decode().splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == sorted(line.split("  ", 1)[1] for line in lines)
