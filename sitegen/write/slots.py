"""Two copies of the site: the live `output/` and a shadow in the cache folder.

A build updates the shadow (never the live copy) to the new site, writing only files that
differ from what the shadow already holds, then exchanges the two folders in one step. A failed
or killed build leaves `output/` exactly as it was; the worst it leaves is a shadow marked dirty,
which the next build throws away and rebuilds. Every slot carries its own manifest.sha256, so
what each copy holds is read from the copy itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from sitegen.errors import UsageProblem
from sitegen.paths import community_cache
from sitegen.write.folderwatch import FolderWatch
from sitegen.write.pathorder import PathOrder
from sitegen.write.sweeping import Dirs as Dirs
from sitegen.write.sweeping import sweep as sweep
from sitegen.write.swap import exchange, recover
from sitegen.write.trash import being_deleted, discard_later as discard_later, unlink_linked
from sitegen.write.tree import MANIFEST as MANIFEST, Tree as Tree, folder_tree as folder_tree, patched_tree



def read_manifest(folder: Path) -> dict[str, str]:
    """path → sha256 from a `sha256sum` style manifest; {} when there is none."""
    try:
        data = (folder / MANIFEST).read_bytes()
    except OSError:
        return {}
    return _parse(data)


def _parse(data: bytes) -> dict[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    found = {}
    for line in text.splitlines():
        sha, _, path = line.partition("  ")
        if len(sha) == 64 and path:
            found[path] = sha
    return found


# ASCII holding no line break of str.splitlines but "\n" (\r \x0b \x0c \x1c-\x1e): one line per "\n",
# seen without decoding (1 ms at 1,000 records)
_ONE_LINE_EACH: Final = re.compile(rb"[\x00-\x0a\x0e-\x1b\x1f-\x7f]*")


class Manifests:
    """The manifests a long-lived process (`serve`) read lately, parsed, with the folder tree of each.

    A slot's manifest is read as bytes every build and taken as parsed before only when the bytes
    are equal, so a manifest written or edited by any hand is parsed again: equal bytes parse
    equally. Parsing (and deriving the tree the sweep walks) is what costs, at 8,000 lines per 1,000
    records, not reading. The build cache holds one; it is never pickled (a CLI build reads once).
    Callers never change the dicts returned.
    """

    KEPT = 3  # the live output's manifest, the shadow's, and the one just written
    PATCHED = 64  # at most this many paths added or removed: a kept tree is patched, not derived again

    def __init__(self) -> None:
        self.parsed: list[tuple[bytes, dict[str, str], list[Tree]]] = []  # newest first; the tree once asked
        self.trees: list[tuple[tuple[str, ...], frozenset[str], Tree]] = []  # (top, paths, tree), newest first
        self.paths = PathOrder()  # the last manifest's paths, sorted (write/pathorder.py)

    def read(self, folder: Path) -> dict[str, str]:
        """read_manifest(folder), the same dict as last time when the bytes are the same."""
        try:
            data = (folder / MANIFEST).read_bytes()
        except OSError:
            return {}
        for index, (known, holds, _) in enumerate(self.parsed):
            if known == data:
                self.parsed.insert(0, self.parsed.pop(index))
                return holds
        holds = _parse(data)
        self.parsed = [(data, holds, []), *self.parsed][:self.KEPT]
        return holds

    def remember(self, data: bytes, files: Mapping[str, str]) -> None:
        """A manifest just written (`data`) and the files it lists (path → sha256, itself too): parsed
        without parsing when each file is one line of it, as _parse would read it back."""
        holds = {rel: sha for rel, sha in files.items() if rel != MANIFEST}
        if data.count(b"\n") != len(holds) or not _ONE_LINE_EACH.fullmatch(data) and len(
                data.decode("utf-8").splitlines()) != len(holds):
            return  # a path holding a line break of some kind: the next read parses the file
        self.parsed = [(data, holds, []), *self.parsed][:self.KEPT]

    def tree(self, holds: dict[str, str], top: tuple[str, ...] = (MANIFEST,)) -> Tree:
        """folder_tree(holds, top), derived once for a manifest this memo returned, and once for each
        set of paths: the tree is a function of the paths alone, and a rebuild after an edit lists
        the same paths (compared whole, as sets). Callers never change the tree returned."""
        for _, known, tree in self.parsed:
            if known is holds and top == (MANIFEST,):
                if not tree:
                    tree.append(self._derived(holds, top))
                return tree[0]
        return self._derived(holds, top)

    def _derived(self, holds: dict[str, str], top: tuple[str, ...]) -> Tree:
        keys = holds.keys()
        for index, (given, paths, tree) in enumerate(self.trees):
            if given == top and paths == keys:
                self.trees.insert(0, self.trees.pop(index))
                return tree
        # A one-record edit renames a few files (the search index's content-named scripts): the
        # newest tree of the same `top`, patched, instead of deriving all of it again.
        found = None
        near = next((known for known in self.trees if known[0] == top), None)
        if near is not None and abs(len(near[1]) - len(keys)) <= self.PATCHED:
            added, removed = keys - near[1], near[1] - keys
            if len(added) + len(removed) <= self.PATCHED:
                found = patched_tree(near[2], added, removed)
        tree = found if found is not None else folder_tree(holds, top)
        self.trees = [(top, frozenset(keys), tree), *self.trees][:self.KEPT]
        return tree

    def __getstate__(self) -> dict[str, object]:
        return {"parsed": []}  # not empty: pickle calls __setstate__ only for a true state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.parsed, self.trees, self.paths = [], [], PathOrder()


CLOCK: Final = "clock"  # a file in the cache folder, touched to read the file system's clock


def fs_clock(folder: Path) -> int:
    """The present on the clock that stamps files in `folder` (ctime ns of a file touched now there).

    File systems stamp times from their own clock (a coarse kernel tick, 2 s on FAT, the server's
    on NFS): reading it this way compares like with like. OSError as raised.
    """
    probe = folder / CLOCK
    with open(probe, "a", encoding="utf-8"):
        pass
    os.utime(probe)
    return os.stat(probe).st_ctime_ns


# What Finder and Explorer leave in any folder they show: an output folder holding nothing else is empty
# (breaker helper-117: a worker on a Mac who looked into the new, empty output folder was refused).
OS_LITTER: Final = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db"})


_DEEPEST: Final = 32  # folders below folders looked into for work at most: deeper is taken as someone's


def no_ones_work(entry: Path, depth: int = 0) -> bool:
    """Whether `entry` is no one's work: a file the system left (OS_LITTER), or a real folder holding
    nothing but such files and such folders (an empty 新建文件夹 a worker made while looking, a
    folder a zip tool left empty). A link, any other file, a hidden folder (.git, even empty: some
    tool's mark), or a folder that cannot be listed is someone's. Never raises."""
    try:
        if entry.is_symlink():
            return False
        if entry.is_file():
            return entry.name in OS_LITTER
        if not entry.is_dir() or entry.name.startswith(".") or depth >= _DEEPEST:
            return False
        return all(no_ones_work(inside, depth + 1) for inside in entry.iterdir())
    except OSError:
        return False


def output_folder(out: Path, street: bool = False) -> Path:
    """The folder a build may replace: `out` itself, or the folder a symbolic link `out` points to.

    A build swaps the output folder whole, so it refuses (UsageProblem) a non-folder, a link into
    a folder that does not exist, and an existing non-empty folder without our manifest.sha256 (someone else's files,
    which the swap would move away and the next build delete); files the system leaves in folders it shows
    (OS_LITTER: .DS_Store, Thumbs.db) and folders holding nothing else are no one's. A `street`'s output is also its own
    when every entry is a community's output (a folder holding our manifest): what a first street
    build stopped before its street pages leaves (the street's manifest is written last).
    """
    if out.is_symlink():
        target = out.resolve()
        if not target.parent.is_dir():
            raise UsageProblem("cli.out_dangling_link", out=str(out), target=str(target))
        out = target  # build beside the target; the link keeps pointing at the new site
    if not out.exists():
        return out
    if not out.is_dir():
        raise UsageProblem("cli.out_not_folder", out=str(out))
    if not (out / MANIFEST).is_file() and any(not no_ones_work(entry) for entry in out.iterdir()):
        if street and all(no_ones_work(entry) or (entry.is_dir() and not entry.is_symlink() and (entry / MANIFEST).is_file())
                          for entry in out.iterdir()):
            return out
        raise UsageProblem("cli.out_foreign", out=str(out))
    return out


def stopped_street(out: Path, cache: Path) -> list[str]:
    """The communities of an output folder holding no manifest of its own that a street build swapped
    in: what a first street build that stopped part-way left (its manifest is written last). One is a
    sub-folder holding our manifest whose build the street's cache folder `cache` keeps
    (paths.community_cache): another sitegen site put in OUT by hand is none
    (i-break13: it was named as the street's and removed as a community that left it). [] for a built
    site, a street, or a folder that is not there. Only an OUT that a street build takes as its own
    (`output_folder`: every entry a community's folder) has any: beside the street's pages (its manifest
    deleted by hand), "build the street again" was advice the build then refused (helper-70).
    """
    try:
        if (out / MANIFEST).is_file():
            return []
        entries = [entry for entry in out.iterdir() if not no_ones_work(entry)]
        if not all(entry.is_dir() and not entry.is_symlink() and (entry / MANIFEST).is_file() for entry in entries):
            return []
        return sorted(entry.name for entry in entries if community_cache(cache, entry.name).is_dir())
    except OSError:
        return []


class Slots:
    """The live output `out` and its shadow in the cache folder `cache`: prepare, build, commit."""

    def __init__(self, out: Path, cache: Path, manifests: Manifests | None = None) -> None:
        self.out = out
        self.manifests = manifests if manifests is not None else Manifests()  # kept by the build cache
        self.cache = cache
        self.shadow = cache / "shadow"
        self.dirty = cache / "shadow.dirty"
        self.dirs: Dirs = {}  # the stage's folders known clean (sweep), set by prepare

    def live_manifest(self) -> dict[str, str]:
        return self.manifests.read(self.out) if self.out.is_dir() else {}

    def prepare(self, known: Dirs | None = None, left: Mapping[str, object] | None = None,
                watch: FolderWatch | None = None) -> tuple[Path, dict[str, str]]:
        """The folder to build into, and what it already holds (nothing, for a fresh one).

        `known`: the shadow's folders known clean by the sweep before (see sweep); `left`: the
        paths the build that made the shadow left in it (its file stats, manifest included). The
        record is used only when the shadow's manifest lists exactly those paths: a manifest edited
        by hand could otherwise hide a file in a folder that is not listed. The folders known clean
        now are in `self.dirs` afterwards. `watch` (serve): see sweep.
        """
        self.out.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out)
        self.cache.mkdir(parents=True, exist_ok=True)
        for trash in self.cache.glob("trash-*"):
            if not being_deleted(trash):  # a deleter killed: deleted again, links of live files first
                discard_later(trash, self.cache, linked=True)  # (a shadow, a print shadow, nested trash)
        holds: dict[str, str] = {}
        if self.shadow.is_dir() and not self.dirty.exists():
            holds = self.manifests.read(self.shadow)
        self.dirs = {}
        if not holds:
            if self.shadow.is_dir():  # half-built, or without a manifest: its links of live files first
                unlink_linked(self.shadow, [*self.live_manifest(), MANIFEST])
            discard_later(self.shadow, self.cache)
            self.shadow.mkdir()
        else:
            trusted = known if known and left is not None and holds.keys() | {MANIFEST} == left.keys() else None
            self.dirs = sweep(self.shadow, holds, trusted, fs_clock(self.cache), self.manifests.tree(holds),
                              watch.slot(self.shadow) if watch is not None else None)
        self.dirty.touch()  # from here until the exchange, the shadow is half-built
        return self.shadow, holds

    def commit(self) -> bool:
        """Swap the finished shadow in as the live output; the old output becomes the next shadow.
        True when there was no output before: the shadow became it, and none is left (see `mirror`)."""
        made = not self.out.exists()
        if made:
            os.replace(self.shadow, self.out)
        else:
            exchange(self.shadow, self.out)
        self.dirty.unlink(missing_ok=True)
        return made

    def mirror(self, files: Mapping[str, str], shared: Iterable[str] = (),
               watch: FolderWatch | None = None) -> tuple[Dirs, Dirs] | None:
        """After the build that made the output (`commit` True), or one that wrote most of it anew
        (`renewed`): a shadow for the next build, every file of `files` (the output's, path → sha256,
        its manifest too) hard-linked into it; the old output the swap left there is deleted in the
        background first (`shared`: see unlink_shared). `watch` (serve): the sweeps watch the folders
        they list, so the next save's sweep need not watch a new shadow's every folder first.

        Without it the next build links every kept file into a fresh shadow and the two after it
        list every folder in their sweep: 83,000 links and 75,000 listings at 10,000 records, paid
        here once instead, where the build wrote them all. Returns the folders known clean of the
        shadow and of the output (both swept), or None, and no shadow, when a file cannot be linked
        (another file system): the next build makes a fresh one as before.
        """
        holds = {rel: sha for rel, sha in files.items() if rel != MANIFEST}
        unlink_shared(self.shadow, shared)
        discard_later(self.shadow, self.cache)  # the old output, after a swap that renews it (renewed)
        found = mirrored(self.out, self.shadow, self.dirty, files, folder_tree(holds), self.cache, watch)
        if found is None:
            discard_later(self.shadow, self.cache)
        return found


# A shadow holding this many stale files, and at least a quarter of its site, is made anew by links
# after the swap (`renewed`) instead of being brought up to date file by file by the next build.
RENEW_AT: Final = 500


def renewed(written: int, files: int) -> bool:
    """Whether a build that wrote `written` of its `files` files leaves a renewed shadow (Slots.renew).

    A site-wide change (site.yaml, the theme, a new sitegen) rewrites every page. The old output,
    which becomes the shadow, then holds a stale copy of each, and the next build (a save under
    serve) replaced each kept file through a temporary link (0.28 ms a file on ext4, 2.1 s at 1,000
    records), moving the ctime of every live file it linked, so the build after it read and hashed
    them all again, and the one after that swept the folders the replacements touched (1,000
    records: 4.8, 2.2 and 0.9 s where a save takes 0.35 s). Linking the new output into a fresh
    shadow costs one link a file (about 20 µs), paid by the build that wrote them all; the old
    copy is deleted in the background.
    """
    return written >= RENEW_AT and written * 4 >= files


def unlink_shared(old: Path, shared: Iterable[str]) -> None:
    """Unlink `shared` (paths of the new site, relative) from `old`, a folder about to be deleted in the
    background (discard_later): files the new site kept share their inode with it, and an unlink moves
    an inode's change time, so done later it would make the next build read and hash them all (the
    stats are read after the links). An unlink of a shared file is about 10 µs (ext4; the last link of
    a file, 260 µs, stays with the background deletion)."""
    base = os.path.join(os.fspath(old), "")
    for rel in shared:
        try:
            os.unlink(base + rel)
        except OSError:
            continue


def mirrored(folder: Path, shadow: Path, dirty: Path, files: Iterable[str], tree: Tree,
             clock_in: Path, watch: FolderWatch | None = None) -> tuple[Dirs, Dirs] | None:
    """Hard-link `files` of `folder` into a new `shadow`, marked `dirty` until done, and sweep both
    (`tree`: their folder_tree; the clock read in `clock_in`): the folders known clean of the shadow
    and of `folder`, or None when a file could not be linked (the shadow is left dirty)."""
    try:
        dirty.touch()
        if not mirror_into(folder, shadow, files):
            return None
        settled = fs_clock(clock_in)
    except OSError:
        return None
    shadow_dirs = sweep(shadow, {}, None, settled, tree, watch.slot(shadow) if watch is not None else None)
    dirs = sweep(folder, {}, None, settled, tree, watch.slot(folder) if watch is not None else None)
    dirty.unlink(missing_ok=True)
    return shadow_dirs, dirs


def mirror_into(source: Path, target: Path, files: Iterable[str]) -> bool:
    """Hard-link each of `files` ("/"-separated, relative) of `source` into the fresh folder `target`,
    folders made as needed; False (target left half-made) when one cannot be linked."""
    src, dst = os.path.join(os.fspath(source), ""), os.path.join(os.fspath(target), "")
    try:
        os.makedirs(target, exist_ok=True)
        for rel in files:
            try:
                os.link(src + rel, dst + rel)
            except FileNotFoundError:  # its folder is not there yet
                os.makedirs(os.path.dirname(dst + rel), exist_ok=True)
                os.link(src + rel, dst + rel)
    except OSError:
        return False
    return True



def remove_empty_parents(stage: Path, rel: str) -> None:
    folder = (stage / rel).parent
    while folder != stage:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
