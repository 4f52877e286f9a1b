"""Find text that must never be published: lost characters, classic mojibake runs, control characters.

U+FFFD stands where a converter lost a character; 锟斤拷 is U+FFFD written as UTF-8 and read back as
GBK; 烫烫烫 and 屯屯屯 are uninitialised memory of MSVC debug builds (0xCC and 0xCD read as GBK) that
an old tool wrote into a file. A C0 or C1 control character (other than tab and line end) is
invisible on screen, makes feed.xml ill-formed XML (XML 1.0 §2.2 allows none of C0 but tab, LF and
CR) and can hide or reorder text; it comes from Word page breaks or broken copy and paste.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Final

from sitegen.errors import Problem

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RUNS: Final = re.compile(r"锟斤拷|烫烫烫|屯屯屯|\ufffd")


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def garbled_run(text: str) -> str | None:
    """The first U+FFFD or mojibake run in `text` (a value spelled with YAML escapes: `"\\uFFFD"`)."""
    run = _RUNS.search(text)
    return run.group() if run else None


def find_garbage(text: str, path: PurePosixPath) -> list[Problem]:
    """One problem per line holding a control character, U+FFFD or a mojibake run (text after decoding)."""
    if not (_CONTROL.search(text) or _RUNS.search(text)):
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        control = _CONTROL.search(line)
        if control:
            problems.append(Problem(path, number, "file.control_char",
                                    {"code": _code(control.group()), "column": control.start() + 1}))
            continue
        run = _RUNS.search(line)
        if run and run.group() == "\ufffd":
            problems.append(Problem(path, number, "file.replacement_char", {"column": run.start() + 1}))
        elif run:
            problems.append(Problem(path, number, "file.garbled_run", {"run": run.group()}))
    return problems
