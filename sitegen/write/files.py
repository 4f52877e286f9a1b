"""Replace one file whole: written beside it under a temporary name, then renamed over it.

A reader (a build, Excel, a person) sees the old file or the new one, never half of either; a
failure leaves the old file and no temporary behind. Used for record files (`import`, `edit`),
sheets (`export`, templates) and the build cache's files; `replace_files` for a street's own pages.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path


@contextmanager
def staged_beside(target: Path, suffix: str = "", shared: bool = False) -> Iterator[Path]:
    """A temporary path in `target`'s folder; when the block ends without error it replaces `target`.

    `suffix` keeps a type a writer looks at (openpyxl wants `.xlsx`). `shared`: the file is a person's
    (a record file, a sheet), so the replacement has the permission bits `target` has, or a new file's
    (0o644 less the umask, as `sitegen new` and an editor make it) where there is none; otherwise it
    keeps the temporary's own 0o600 (the build cache, a street's state: private data). A newcomer found
    every imported record and exported sheet readable by its owner alone. Raises what the block or the
    rename raises (OSError for a missing or read-only folder), the temporary removed.
    """
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        if shared:
            os.chmod(temporary, _mode_for(target))
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permission bits `target` has, or a new file's: 0o644 less the process's umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o644 & ~process_umask()


@cache
def process_umask() -> int:
    """This process's umask, read from /proc/self/status (Linux 4.7 on), elsewhere by setting it and
    putting it back at once (os.umask has no read). Read once a process: sitegen never sets it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


def staging_names(targets: Iterable[Path]) -> list[tuple[Path, Path]]:
    """[(temporary, target)]: the name (`.NAME.<12 hex>`, beside it) each of `targets` is staged under, in
    order; known before anything is written, so a caller can record them first (a kill leaves them named)."""
    return [(target.with_name(f".{target.name}.{secrets.token_hex(6)}"), target) for target in targets]


def stage_files(targets: Mapping[Path, bytes], names: list[tuple[Path, Path]] | None = None) -> list[tuple[Path, Path]]:
    """Each of `targets`' bytes written beside its file under a temporary name (`names`, else
    `staging_names`'), readable by all as a site's pages are (0o644 less the umask): [(temporary, target)],
    in `targets`' order. A failure (a full disk) removes every temporary and raises: nothing is left behind."""
    from sitegen.write.assembly import write_file  # the site's own file write: a new file, 0o644 less the umask

    staged: list[tuple[Path, Path]] = []
    try:
        for temporary, target in names if names is not None else staging_names(targets):
            staged.append((temporary, target))
            write_file(temporary.parent, temporary.name, targets[target])
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    return staged


def rename_staged(staged: list[tuple[Path, Path]], renamed: list[Path] | None = None) -> None:
    """Each staged temporary renamed over its target, in order, each target added to `renamed` once it is
    in; a stop part-way (Ctrl-C, an error) removes the temporaries not renamed yet, and raises."""
    done = renamed if renamed is not None else []
    try:
        for temporary, target in staged:
            os.replace(temporary, target)
            done.append(target)
    except BaseException:
        for temporary, _ in staged[len(done):]:
            temporary.unlink(missing_ok=True)
        raise


def replace_files(targets: Mapping[Path, bytes]) -> None:
    """Each of `targets` holds its bytes: all are written beside their files first (`stage_files`), then
    renamed over them, so a full disk (or any failure while writing) leaves every one of them as it was. A
    stop between two renames leaves some new and the others old (street/write.py says which were put in)."""
    rename_staged(stage_files(targets))


def replace_file(target: Path, data: str | bytes, shared: bool = False) -> None:
    """`target` holds `data` (text as UTF-8 with \\n line ends), replaced whole; its folder is made.
    `shared`: a person's file, its mode kept or a new file's given (staged_beside)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with staged_beside(target, shared=shared) as temporary:
        temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
