"""Write the street's own pages into OUT beside the community folders, and the street manifest.

Community folders are written by their own builds (swapped in whole, pipeline.build); this writes
only the street's files, each replaced whole and only when its bytes changed (all written beside
their places before any is renamed in: a full disk leaves every one as it was), then removes what a
community that left the street or a street page no longer made left behind, and lists every file
of OUT in `OUT/manifest.sha256` (the street's files and every community's, `<slug>/…`), so that
`sitegen verify OUT` checks the whole street as it checks one site.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from sitegen.options import Options
from sitegen.street.config import COMMUNITY_NAME, Street
from sitegen.street.state import StreetFolders
from sitegen.write.assembly import UnsafePath, checked_path, written_modes
from sitegen.write.files import rename_staged, replace_file, stage_files, staging_names
from sitegen.write.slots import MANIFEST, discard_later, read_manifest, remove_empty_parents, stopped_street

Pages = Callable[[], dict[str, bytes]]  # output-relative path → bytes of every street file


def street_pages(street: Street, summaries: Callable[[], Sequence[str]], options: Options,
                 folders: StreetFolders) -> Pages:
    """Every file of the street's own pages, made (when called) from the summaries `summaries()` reads (street/pages.py).

    Their QR codes (one a wish on the wish wall poster: hundreds in a street) are drawn from the
    matrices kept in `folders` from the last time; only new ones are encoded, and the kept ones are
    then those these pages show. A street theme's template that fails is ContentInvalid at its line."""

    def make() -> dict[str, bytes]:
        from sitegen.errors import ContentInvalid
        from sitegen.render.qr import Codes
        from sitegen.render.theme import ThemeFault
        from sitegen.street.pages import render_street
        from sitegen.street.summary import CommunitySummary

        codes = Codes(folders.codes())
        try:
            files = render_street(street, [CommunitySummary.from_json(text) for text in summaries()], options.now, codes)
        except ThemeFault as fault:
            raise ContentInvalid([fault.problem()]) from None
        if codes.made or codes.known.keys() != codes.checked:
            codes.keep(codes.checked)
            folders.save_codes(codes.known)
        return files

    return make


def first_pages(street: Street, summaries: Callable[[], Sequence[str]], digests: Sequence[str], options: Options,
                out: Path, folders: StreetFolders) -> tuple[Pages, str]:
    """The street pages (`street_pages`) and their fingerprint (`street_fingerprint` of the summaries'
    `digests`); the pages are made now when write_street will need them, else when called.

    The street build calls this before any community is swapped in or any shard's part put in: a street
    theme's template that fails (ContentInvalid) then stops the build with nothing written, as a problem
    in a community does, never after the communities were replaced. Street files are written by
    write_street alone, and community builds write only under OUT/<slug>/, so whether the pages are
    needed does not change in between.
    """
    pages, fingerprint = street_pages(street, summaries, options, folders), street_fingerprint(street, digests, options)
    if _as_left(out, _load(folders.cache / "street.json"), fingerprint):
        return pages, fingerprint
    made = pages()
    return (lambda: made), fingerprint


def street_fingerprint(street: Street, digests: Sequence[str], options: Options) -> str:
    """What the street pages are made from: sitegen's code, street.yaml's values, the street theme's files,
    every summary (its `digests`, street/state.py) and the day (in the street's zone) the clock says; the
    pages are made again when it changes."""
    from sitegen.paths import code_digest

    values = dataclasses.asdict(street)
    values.pop("folder")
    day = options.now.astimezone(ZoneInfo(street.timezone)).date().isoformat()
    theme = _folder_digest(street.folder / street.theme) if street.theme else ""
    head = json.dumps([code_digest(), values, theme, day], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b("\n".join([head, *digests]).encode("utf-8"), digest_size=16).hexdigest()



def _folder_digest(folder: Path) -> str:
    """Every file's path and bytes under `folder` (a theme: a few templates, labels and images), as one
    digest; i-break12: a street theme's street page edited alone left the street pages as they were."""
    digest = hashlib.blake2b(digest_size=16)
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root, name)
            try:
                data = path.read_bytes()
            except OSError:
                data = b"?"
            digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _as_left(out: Path, last: dict[str, object], fingerprint: str) -> bool:
    """The street pages need no making: made from `fingerprint` last time, every file as that build left it."""
    old_stats: dict[str, list[int]] = dict(last.get("stats") or {})  # type: ignore[call-overload]
    old_files: dict[str, str] = dict(last.get("files") or {})  # type: ignore[call-overload]
    return last.get("fingerprint") == fingerprint and all(_stat(out / rel) == old_stats.get(rel) for rel in old_files)


def _stat(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _load(file: Path) -> dict[str, object]:
    try:
        found = json.loads(file.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


TORN = "street-torn.json"  # in the street's cache: the street files a stopped build was putting in place


def write_street(out: Path, folders: StreetFolders, slugs: Sequence[str], pages: Pages | None,
                 fingerprint: str) -> tuple[int, int]:
    """Bring OUT's street files and manifest up to date: (street files, of those written now).

    `pages` is called only when `fingerprint` (what the pages are made from) differs from the last
    build's, or a street file is not as that build left it; None (a shard) means no street pages. After a
    build that stopped while putting street files in place (`TORN`), every street file is written again
    (one it put in may have a page's size and the last build's name) and what it put in that is no longer
    made is removed.
    """
    record = folders.cache / "street.json"
    last, torn = _load(record), torn_files(folders.cache)
    old_files: dict[str, str] = dict(last.get("files") or {})  # type: ignore[call-overload]
    out.mkdir(parents=True, exist_ok=True)
    for staged in torn.values():  # what a build killed between its renames left staged
        (out / staged).unlink(missing_ok=True)
    files, changed = old_files, dict[Path, bytes]()
    if pages is None:
        files = {}
    elif torn or not _as_left(out, last, fingerprint):
        files, changed = _changed_pages(out, pages(), {} if torn else old_files)
    # The street manifest lists every community's files: made again (every manifest read, hundreds of
    # thousands of lines in a district) only when a community's manifest, the street's files or the
    # street manifest itself is not as the last build left it.
    manifests = {slug: _stat(out / slug / MANIFEST) for slug in slugs}
    if torn or files != old_files or last.get("manifests") != manifests or last.get("manifest") != _stat(out / MANIFEST):
        manifest = _manifest(out, files, slugs, manifests, folders.cache / "manifests")
        if _stat(out / MANIFEST) is None or (out / MANIFEST).read_bytes() != manifest:
            changed[out / MANIFEST] = manifest
    # Every street file written at once (a full disk leaves them all as they were), and only then is
    # anything removed: what stops the street here leaves its pages and departed communities in place.
    # A first street build that stopped part-way recorded none: what it swapped in is read from OUT.
    departed = {*(last.get("communities") or ()), *stopped_street(out, folders.cache)} - set(slugs)  # type: ignore[misc]
    _put_in(out, folders.cache, changed)
    for slug in departed:
        if COMMUNITY_NAME.fullmatch(str(slug)):  # never a path from a hand-edited cache file
            _remove_community(out, folders, str(slug))
    for rel in (old_files.keys() | torn.keys()) - files.keys() - {MANIFEST}:
        (out / rel).unlink(missing_ok=True)
        remove_empty_parents(out, rel)
    replace_file(record, json.dumps({"fingerprint": fingerprint if pages is not None else "", "files": files,
                                     "stats": {rel: _stat(out / rel) for rel in files}, "manifests": manifests,
                                     "manifest": _stat(out / MANIFEST), "communities": list(slugs)}, sort_keys=True))
    (folders.cache / TORN).unlink(missing_ok=True)  # every street file as this build made it
    return len(files), len(changed) - (out / MANIFEST in changed)


def torn_files(cache: Path) -> dict[str, str]:
    """The street files (OUT-relative) a build that stopped while putting them in place named in `cache/TORN`,
    each with its staged name: {} when none stopped so. Only plain relative paths are kept (a hand-edited
    file names nothing outside OUT)."""
    found = _load(cache / TORN)
    return {rel: staged for rel, staged in found.items() if isinstance(staged, str)
            and all(_plain(path) for path in (rel, staged))}


def _plain(rel: str) -> bool:
    """Whether `rel` is a plain relative path inside OUT (write/assembly.py checked_path's test)."""
    try:
        return bool(rel) and checked_path(rel) == rel
    except UnsafePath:
        return False


def _put_in(out: Path, cache: Path, changed: dict[Path, bytes]) -> None:
    """Every changed street file put in place: all staged beside their places first (a full disk there
    leaves every one as it was), then renamed in one by one, the manifest last. Before the first is staged
    (a kill while staging left them in OUT, named nowhere), `cache/TORN` names each with its staged file: a
    stop after some renames and before the others leaves it, for the CLI's closing line, `verify` and the
    next build (which writes every street file again); a stop before any rename removes it (unless an
    earlier stop left it) with every staged file; a kill leaves it, naming what the next build removes."""
    if not changed:
        return
    names = staging_names(changed)  # named in TORN before any is written: a kill while staging leaves none unnamed
    torn = cache / TORN
    earlier = torn_files(cache)
    renamed: list[Path] = []
    try:
        replace_file(torn, json.dumps({**earlier, **{target.relative_to(out).as_posix(): temporary.relative_to(out)
                                                     .as_posix() for temporary, target in names}}, sort_keys=True))
        rename_staged(stage_files(changed, names), renamed)
    except BaseException:
        if not renamed:
            for temporary, _ in names:
                temporary.unlink(missing_ok=True)
            if not earlier:
                torn.unlink(missing_ok=True)
        raise


def _changed_pages(out: Path, pages: dict[str, bytes], old: dict[str, str]) -> tuple[dict[str, str], dict[Path, bytes]]:
    """(every street file's sha256, the files to write: those not as the last build left them)."""
    files, changed = {}, dict[Path, bytes]()
    for rel in sorted(pages):
        parts = PurePosixPath(rel).parts
        if not parts or ".." in parts or rel.startswith("/") or rel == MANIFEST:
            raise ValueError(f"street page path {rel!r}")
        data = pages[rel]
        sha = hashlib.sha256(data).hexdigest()
        files[rel] = sha
        try:
            info = (out / rel).stat()
        except OSError:
            info = None
        # (i-break12) a page left 0600 by an earlier sitegen is written again, readable as a community's
        if old.get(rel) == sha and info is not None and info.st_size == len(data) and \
                info.st_mode & 0o777 in written_modes():
            continue
        changed[out / rel] = data
    return files, changed


def _manifest(out: Path, files: dict[str, str], slugs: Sequence[str], stats: dict[str, list[int] | None],
              blocks: Path) -> bytes:
    """Every file of the street, sorted by path: its own pages, and each community's from that
    community's manifest.

    A community's lines all start with `<slug>/`, and no street file does, so they sort as one block
    (the street's paths compare with the block's at a character before the `/` or at it): the block
    is placed by `<slug>/` and made only when its community's manifest changed (`stats`, its size and
    mtime), else read as the last build left it in `blocks`. One community changed in a district
    reads one community manifest, not hundreds.
    """
    parts = [(rel, f"{sha}  {rel}\n") for rel, sha in files.items()]
    for slug in slugs:
        if stats.get(slug) is not None and (out / slug / MANIFEST).is_file():
            parts.append((f"{slug}/", _block(out, slug, stats[slug], blocks)))
    return "".join(text for _, text in sorted(parts)).encode()


def _block(out: Path, slug: str, stat: list[int] | None, blocks: Path) -> str:
    """The street manifest's lines of one community (`<slug>/manifest.sha256` among them), sorted."""
    key = f"{stat}\n"
    kept = blocks / slug
    try:
        text = kept.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if text.startswith(key):
        return text[len(key):]
    own = out / slug / MANIFEST
    everything = {rel: sha for rel, sha in read_manifest(out / slug).items()}
    everything[MANIFEST] = hashlib.sha256(own.read_bytes()).hexdigest()
    block = "".join(f"{sha}  {slug}/{rel}\n" for rel, sha in sorted(everything.items()))
    replace_file(kept, key + block)
    return block


def _remove_community(out: Path, folders: StreetFolders, slug: str) -> None:
    """A community folder that left the street (or this shard): its output, cache and posters go."""
    discard_later(out / slug, folders.cache)
    discard_later(folders.community_print(slug), folders.cache)
    shutil.rmtree(folders.community_cache(slug), ignore_errors=True)
    (folders.cache / "manifests" / slug).unlink(missing_ok=True)
    folders.forget(slug)
