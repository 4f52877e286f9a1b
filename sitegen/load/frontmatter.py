"""Split a Markdown record into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from sitegen.errors import Problem
from sitegen.load.slips import DASHES, code_of


@dataclass(frozen=True, slots=True)
class Split:
    yaml_text: str
    yaml_line: int  # file line of the first YAML line (2: just after the opening ---)
    body: str
    body_line: int


def split_front_matter(text: str, path: PurePosixPath) -> tuple[Split | None, Problem | None]:
    """`---` on the first line, YAML, `---` (or `...`) on its own line, then Markdown."""
    lines = text.split("\n")
    if lines and _look_alike_rule(lines[0]):
        return None, _separator(path, 1, lines[0])
    if not lines or lines[0].rstrip() != "---":
        return None, Problem(path, 1, "frontmatter.missing")
    for index in range(1, len(lines)):
        if _look_alike_rule(lines[index]):
            return None, _separator(path, index + 1, lines[index])
        if lines[index].rstrip() in ("---", "..."):
            rest = "\n".join(lines[index + 1 :])
            body = rest.lstrip("\n")
            return Split(
                yaml_text="\n".join(lines[1:index]) + "\n",
                yaml_line=2,
                body=body.rstrip(),
                body_line=index + 2 + (len(rest) - len(body)),
            ), None
    return None, Problem(path, 1, "frontmatter.unclosed")


def _look_alike_rule(line: str) -> bool:
    """`——` (an input method's dash), `－－－` or `—-—` typed where the `---` line belongs."""
    stripped = line.strip()
    return bool(stripped) and any(ch in DASHES for ch in stripped) and all(ch in DASHES or ch == "-" for ch in stripped)


def _separator(path: PurePosixPath, line: int, typed: str) -> Problem:
    first = next(ch for ch in typed.strip() if ch in DASHES)
    return Problem(path, line, "slip.separator", {"typed": typed.strip(), "code": code_of(first)})
