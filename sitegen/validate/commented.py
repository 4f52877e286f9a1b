"""A field the check asks for that the file has only as a comment is told to remove the `# `.

`status: claimed` with `# claimed_by: 社区志愿服务队` left commented (as `sitegen new` writes it) was told
that claimed_by is missing, at the status line; the worker saw it written and could not tell why.
Such a problem is now said at the commented line, with the mark to remove (load/comments.py finds them).
"""

from __future__ import annotations

from typing import Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord

# A problem saying a field is missing → the key saying it is there as a comment, and the field it is
# about when its arguments do not name it.
_COMMENTED: Final = {
    "field.missing": ("field.missing_commented", None),
    "wish.field_required": ("wish.field_required_commented", None),
    "deliberation.decision_missing": ("deliberation.decision_missing_commented", "decision"),
}


# The same problem said for a form, which has no lines and no `#` (the editor: edit/checking.py).
UNCOMMENTED: Final = {key: plain for plain, (key, _) in _COMMENTED.items()}


def commented_out(raw: RawRecord, problems: list[Problem]) -> list[Problem]:
    """`problems` with each "missing field" whose field `raw` has as a `# field: …` line said there."""
    if not raw.commented:
        return problems
    return [_told(raw, problem) for problem in problems]


def _told(raw: RawRecord, problem: Problem) -> Problem:
    """The problem said at the commented line when it is about a field commented out, else itself."""
    found = _COMMENTED.get(problem.key)
    if found is None:
        return problem
    key, implied = found
    field = str(problem.args.get("field", implied or ""))
    line = raw.commented.get(field)
    if line is None or field in raw.fields:  # also written uncommented (left empty): the plain message
        return problem
    return Problem(problem.path, line, key, {**problem.args, "field": field}, problem.warning)
