"""The theme a rebuild loads: the last build's (PlanMemo.theme) while none of its files changed."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.errors import Problem
from sitegen.load.files import stat_mark
from sitegen.paths import default_theme_dir
from sitegen.pipeline.replan import PlanMemo
from sitegen.render.theme import Theme


def theme_stamp(language: str, folder: Path | None, shown: str) -> tuple[object, ...]:
    """What a Theme.load(language, folder, shown) is made of: its arguments and the (size, mtime) of
    every file and folder under the theme folders, the default theme's included."""
    entries: list[object] = [language, str(folder), shown]
    for root in ([folder] if folder is not None and folder.is_dir() else []) + [default_theme_dir()]:
        for where, dirs, files in os.walk(root, followlinks=True):
            dirs.sort()
            for name in [".", *sorted(files)]:
                try:
                    st = os.stat(os.path.join(where, name))
                except OSError:
                    st = None
                entries.append((where, name, os.path.islink(os.path.join(where, name)),
                                (*stat_mark(st), st.st_ino) if st is not None else None))
    return tuple(entries)


def kept_theme(language: str, folder: Path | None, shown: str, memo: PlanMemo) -> tuple[Theme, list[Problem]]:
    """Theme.load and its problems, or the theme the last build loaded when none of its files changed
    (it had no problems then): its labels, assets, template digests and parsed templates are kept."""
    stamp = theme_stamp(language, folder, shown)
    if memo.theme is not None and memo.theme[0] == stamp:
        return memo.theme[1], []
    theme = Theme.load(language, folder, shown)
    problems = theme.problems()
    memo.theme = None if problems else (stamp, theme)
    return theme, problems
