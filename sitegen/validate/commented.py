"""A field the check asks for that the file has only as a comment is told to remove the `# `.

`status: claimed` with `# claimed_by: 社区志愿服务队` left commented (as `sitegen new` writes it) was told
that claimed_by is missing, at the status line; the worker saw it written and could not tell why.
Such a problem is now said at the commented line, with the mark to remove (load/comments.py finds them).
"""

from __future__ import annotations

from typing import Final

from sitegen.errors import Problem
from sitegen.load.records import RawRecord

# A problem saying a field is missing → the key saying it is there as a comment, the key saying its
# name has a mark before it (validate/marked.py), and the field it is about when its arguments do not name it.
_COMMENTED: Final = {
    "field.missing": ("field.missing_commented", "field.missing_marked", None),
    # inside a list's item (timeline[1].date): validate/check.py error_problem
    "field.missing_item": ("field.missing_commented", "field.missing_marked", None),
    "wish.field_required": ("wish.field_required_commented", "wish.field_required_marked", None),
    "deliberation.decision_missing": ("deliberation.decision_missing_commented",
                                      "deliberation.decision_missing_marked", "decision"),
}


# The same problem said for a form, which has no lines and no `#` (the editor: edit/checking.py).
# (the plain key of the field itself, for a nested one too: the form names the field, not a line to add)
UNCOMMENTED: Final = {key: plain for plain, keys in reversed(_COMMENTED.items()) for key in keys[:2]}


def commented_out(raw: RawRecord, problems: list[Problem]) -> list[Problem]:
    """`problems` with each "missing field" whose field `raw` has as a `# field: …` line said there,
    and each whose field it has behind a mark YAML read as part of the name (`＃ claimed_by: …`, a
    `field.marked` warning of validate/unknown.py) said at that line instead of both."""
    marked = {str(p.args.get("field")): p for p in problems if p.key == "field.marked"}
    if not raw.commented and not marked:
        return problems
    told = [_told(raw, problem, marked) for problem in problems]
    said = {id(marked[str(p.args["field"])]) for p in told if p.key.endswith("_marked")}
    return [p for p in told if id(p) not in said]


def _told(raw: RawRecord, problem: Problem, marked: dict[str, Problem]) -> Problem:
    """The problem said at the marked or commented line when it is about a field so written, else itself."""
    found = _COMMENTED.get(problem.key)
    if found is None:
        return problem
    commented, marked_key, implied = found
    field = str(problem.args.get("field", implied or ""))
    mark = marked.get(field)
    if mark is not None:  # read as a key: the worker sees the line, the mark is what to delete
        return Problem(problem.path, mark.line, marked_key, {**problem.args, **mark.args}, problem.warning)
    line = raw.commented.get(field)
    if line is None or field in raw.fields:  # also written uncommented (left empty): the plain message
        return problem
    return Problem(problem.path, line, commented, {**problem.args, "field": field}, problem.warning)
