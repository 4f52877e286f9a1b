"""`sitegen verify`: is what a host serves what was built? The seeds' sites were altered on their
hosts (link farms in footers); a static site can at least tell.

A folder is compared file by file with its manifest.sha256: changed, missing and extra files
(`sha256sum -c` misses added ones), and anything that is not a regular file (a symbolic link, a
pipe, a device: a build never writes one) is reported without being followed, opened or read.
A web address is compared page by page with the local output's manifest (extra files cannot be
listed over HTTP).
"""

from __future__ import annotations

import hashlib
import os
import stat
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
    special: list[str] = field(default_factory=list)  # links, pipes, devices: reported, never followed or read
    checked: int = 0
    # An address: files that could not be fetched at all (no such host, refused, timed out, a bad
    # certificate): whether they match is unknown, so they are neither "missing" nor "changed".
    unreachable: list[str] = field(default_factory=list)
    why: str = ""  # the first unreachable file's cause: "name", "refused", "timeout", "certificate" or "other"

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.extra or self.special or self.unreachable)


def _sha(path: Path) -> str | None:
    """sha256 of a regular file; None when it is anything else by the time it is opened."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        digest = hashlib.sha256()
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_folder(folder: Path, manifest: dict[str, str] | None = None) -> Findings:
    """Compare `folder` with its manifest (or `manifest`); links and special files are listed, not read."""
    expected = manifest if manifest is not None else read_manifest(folder)
    found = Findings()
    present = set()
    for root, dirs, names in os.walk(folder):  # never descends into a linked folder
        for name in [*dirs, *names]:
            path = Path(root, name)
            rel = path.relative_to(folder).as_posix()
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                continue
            present.add(rel)
            _sort_file(found, path, rel, mode, expected)
    found.missing = sorted(set(expected) - present)
    for names in (found.changed, found.extra, found.special):
        names.sort()
    found.checked = len(expected)
    return found


def _sort_file(found: Findings, path: Path, rel: str, mode: int, expected: dict[str, str]) -> None:
    """Add one file that is not a folder to the findings it belongs to (none when it matches)."""
    if not stat.S_ISREG(mode):
        found.special.append(rel)
    elif rel == MANIFEST:
        return
    elif rel not in expected:
        found.extra.append(rel)
    else:
        sha = _sha(path)
        if sha is None:
            found.special.append(rel)
        elif sha != expected[rel]:
            found.changed.append(rel)


def verify_url(base_url: str, manifest: dict[str, str], workers: int = 8) -> Findings:
    try:
        base_url = ascii_url(base_url)  # https://望湖.中国/… as typed: urllib needs punycode and %-escapes
    except BadAddress:
        pass  # urllib refuses it (ValueError): the address is said not to answer
    base = base_url if base_url.endswith("/") else base_url + "/"

    def check(item: tuple[str, str]) -> tuple[str, str]:
        rel, sha = item
        url = base + urllib.parse.quote(rel)
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Cache-Control": "no-cache"}),
                                        timeout=20) as response:
                return rel, "ok" if hashlib.sha256(response.read()).hexdigest() == sha else "changed"
        except urllib.error.HTTPError as e:
            return rel, "missing" if e.code == 404 else "changed"
        except (urllib.error.URLError, OSError, ValueError) as e:  # ValueError: an address urllib cannot take
            return rel, _unreachable_cause(e)

    items = sorted(manifest.items())
    found = Findings(checked=len(manifest))
    first = [check(items[0])] if items else []
    if first and first[0][1] not in _READ:  # the address does not answer: not asked again for every file
        found.unreachable, found.why = [rel for rel, _ in items], first[0][1]
        return found
    with ThreadPoolExecutor(workers) as pool:
        for rel, outcome in [*first, *pool.map(check, items[1:])]:
            if outcome == "changed":
                found.changed.append(rel)
            elif outcome == "missing":
                found.missing.append(rel)
            elif outcome != "ok":
                found.unreachable.append(rel)
                found.why = found.why or outcome
    return found


_READ = frozenset({"ok", "changed", "missing"})  # a file's outcomes when the address answered


def _unreachable_cause(error: BaseException) -> str:
    """Why a file could not be fetched, as one of Findings.why's words (the library's English is never shown)."""
    import socket
    import ssl

    cause = getattr(error, "reason", error)
    if isinstance(cause, socket.gaierror):
        return "name"
    if isinstance(cause, ConnectionRefusedError):
        return "refused"
    if isinstance(cause, TimeoutError):  # socket.timeout too
        return "timeout"
    if isinstance(cause, ssl.SSLError):
        return "certificate"
    return "other"
