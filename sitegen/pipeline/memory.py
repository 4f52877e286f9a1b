"""What a long-lived process (`serve`) keeps between builds instead of re-reading the cache files.

A build's BuildCache is pickled beside the output and read back by the next build: at 10,000
records that is seconds on every save under `serve`. A `Memory` holds the cache in the process
instead; the build writes neither cache file while it does, and the cache files on disk are left
as they were (an older cache is only a slower one: every reused file is checked by size and mtime).

The memory is trusted only while nobody else built the same output meanwhile: a `sitegen build`
next to `serve` rewrites the cache files, and their (size, mtime) no longer match the mark the
memory took. Then, and after any build that failed past checking, the next build reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sitegen.model.kept import ModelKept
from sitegen.pipeline.cache import BuildCache, cache_dir
from sitegen.pipeline.inputs import input_stats
from sitegen.validate.kept import RecordsKept
from sitegen.write.folderwatch import FolderWatch

Mark = tuple[tuple[int, int] | None, tuple[int, int] | None]  # (state.pickle, data.pickle) as (size, mtime)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def disk_mark(out: Path) -> Mark:
    """The cache files of `out` as they are now: any build that saved a cache changes this."""
    folder = cache_dir(out)
    return (_stat(folder / "state.pickle"), _stat(folder / "data.pickle"))


@dataclass
class Memory:
    """The last build's cache and the input folders it found, held by `serve` between rebuilds."""

    cache: BuildCache | None = None
    roots: list[str] = field(default_factory=list)
    mark: Mark = (None, None)
    inputs: tuple[tuple[str, ...], dict[str, tuple[int, int]]] | None = None  # see read_inputs
    # The check's: each record's own check and its model from the last build, found by the very
    # RawRecord and Valid objects an unchanged file gives again (validate/kept.py, model/kept.py).
    records_kept: RecordsKept = field(default_factory=RecordsKept)
    models_kept: ModelKept = field(default_factory=ModelKept)
    # The slots' folders watched for a hand's changes (write/folderwatch.py), made at the first build.
    watch: FolderWatch | None = None

    def folder_watch(self) -> FolderWatch:
        """The process's watch of the slots' folders, made on first use (an inotify instance)."""
        if self.watch is None:
            self.watch = FolderWatch()
        return self.watch

    def read_inputs(self, content: Path, extra: list[str]) -> dict[str, tuple[int, int]]:
        """input_stats(content, extra), which the next build takes instead of walking the folders again:
        `serve` reads them before each build (a save during the build is seen later), the build to
        know what it reads; one walk of 10,000 records is 40 ms."""
        stats = input_stats(content, extra)
        self.inputs = (tuple(extra), stats)
        return stats

    def taken_inputs(self, extra: list[str]) -> dict[str, tuple[int, int]] | None:
        """A copy of the stats read_inputs read last, once, if it read these folders; else None."""
        given, self.inputs = self.inputs, None
        return dict(given[1]) if given is not None and given[0] == tuple(extra) else None

    def recall(self, out: Path, key: str) -> BuildCache | None:
        """The kept cache when it is still the truth about `out` and was made with the same options (`key`)."""
        if self.cache is None or self.cache.key != key or disk_mark(out) != self.mark:
            self.forget()
            return None
        return self.cache

    def keep(self, out: Path, cache: BuildCache, roots: list[str]) -> None:
        """Remember a build that finished and swapped its output in."""
        self.cache, self.roots, self.mark = cache, list(roots), disk_mark(out)

    def forget(self) -> None:
        """A build failed after it began to change the cache, or someone else built: read the files next time."""
        self.cache, self.roots, self.mark, self.inputs = None, [], (None, None), None

    def persist(self, out: Path) -> bool:
        """Write the kept cache's data file for the builds after this process (`serve` stopping).

        Only the data file: without a state file the next build is never taken as "unchanged" on
        our word, and checks the output itself. False, and nothing written, when there is nothing
        kept, another build holds the output or built it meanwhile, or the write fails: the cache
        is only ever a speed-up.
        """
        from sitegen.write.lock import output_lock

        if self.cache is None:
            return False
        try:
            with output_lock(cache_dir(out), 1.0):
                if disk_mark(out) != self.mark:
                    return False
                (cache_dir(out) / "state.pickle").unlink(missing_ok=True)
                self.cache.save_data(out)
        except Exception:  # noqa: BLE001 - OutputBusy, a full disk: the next build is a slower one, nothing worse
            return False
        self.mark = disk_mark(out)
        return True
