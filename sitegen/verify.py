"""`sitegen verify`: is what a host serves what was built? The seeds' sites were altered on their
hosts (link farms in footers); a static site can at least tell.

A folder is compared file by file with its manifest.sha256: changed, missing and extra files
(`sha256sum -c` misses added ones). A web address is compared page by page with the local
output's manifest (extra files cannot be listed over HTTP).
"""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.addresses import BadAddress, ascii_url
from sitegen.write.slots import MANIFEST, read_manifest


@dataclass
class Findings:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.extra)


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_folder(folder: Path, manifest: dict[str, str] | None = None) -> Findings:
    expected = manifest if manifest is not None else read_manifest(folder)
    found = Findings()
    present = set()
    for root, _, names in os.walk(folder):
        for name in names:
            rel = Path(root, name).relative_to(folder).as_posix()
            if rel == MANIFEST:
                continue
            present.add(rel)
            if rel not in expected:
                found.extra.append(rel)
            elif _sha(folder / rel) != expected[rel]:
                found.changed.append(rel)
    found.missing = sorted(set(expected) - present)
    found.changed.sort()
    found.extra.sort()
    found.checked = len(expected)
    return found


def verify_url(base_url: str, manifest: dict[str, str], workers: int = 8) -> Findings:
    try:
        base_url = ascii_url(base_url)  # https://望湖.中国/… as typed: urllib needs punycode and %-escapes
    except BadAddress:
        pass  # every file then reads as missing, which the report says
    base = base_url if base_url.endswith("/") else base_url + "/"

    def check(item: tuple[str, str]) -> tuple[str, str]:
        rel, sha = item
        url = base + urllib.request.quote(rel)
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Cache-Control": "no-cache"}),
                                        timeout=20) as response:
                return rel, "ok" if hashlib.sha256(response.read()).hexdigest() == sha else "changed"
        except urllib.error.HTTPError as e:
            return rel, "missing" if e.code == 404 else "changed"
        except (urllib.error.URLError, OSError):
            return rel, "missing"

    found = Findings(checked=len(manifest))
    with ThreadPoolExecutor(workers) as pool:
        for rel, outcome in pool.map(check, sorted(manifest.items())):
            if outcome == "changed":
                found.changed.append(rel)
            elif outcome == "missing":
                found.missing.append(rel)
    return found
