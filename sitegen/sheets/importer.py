"""`sitegen import KIND FILE`: every row checked as `check` checks a record, then written, or nothing.

The rows become record texts that are validated in place — overlaid on the content folder, so
duplicate addresses, a wisher's name found elsewhere and place clashes are caught exactly as a
build would — and only when no row has an error are the files written (each atomically).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Final

from sitegen.errors import ContentInvalid, Problem
from sitegen.options import Options
from sitegen.street.lone import as_in_street
from sitegen.sheets.cells import plain
from sitegen.sheets.read import SheetError, Table, read_table
from sitegen.write.files import replace_file
from sitegen.sheets.records import (SUFFIX, RowRecord, from_an_import, read_record, record_text,
                                    untouched_since_import)

if TYPE_CHECKING:
    from sitegen.i18n.messages import Messages


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A problem of one row (and column) of the sheet, printed as `FILE:ROW: 列“…”：message`, or `FILE:ROW: message`
    with the column in it (列“日期”里的…) when the message names its field itself ({field_name}: check's advice)."""

    sheet: str
    row: int | None
    key: str
    args: dict[str, object] = field(default_factory=dict)
    column: str | None = None
    warning: bool = False

    def render(self, messages: Messages) -> str:
        where = f"{self.sheet}:{self.row}" if self.row else self.sheet
        text = messages.text(self.key, **self.args)
        if self.column and "\x00" in messages.text(self.key, **{**self.args, "field_name": "\x00"}):
            named = messages.text("import.column_named", column=self.column)  # 列“日期”, once: not 列“日期”：“日期”里的…
            text = messages.text(self.key, **{**self.args, "field_name": named})
        elif self.column:
            prefix = messages.text("import.column", column=self.column)
            text = prefix + (" " if prefix[-1:].isascii() else "") + text
        if self.warning:
            text = messages.text("cli.warning_line", text=text)
        return f"{where}: {text}"


@dataclass(frozen=True, slots=True)
class Planned:
    """One file the import adds, changes, leaves as it is, or may not touch (edited by hand)."""

    action: str  # "add", "change", "same", "conflict"
    path: PurePosixPath  # relative to the content folder
    row: int
    text: str


@dataclass(slots=True)
class ImportReport:
    planned: list[Planned] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    written: bool = False
    encoding: str | None = None

    @property
    def failed(self) -> bool:
        return any(not p.warning for p in self.problems)

    def count(self, action: str) -> int:
        return sum(1 for p in self.planned if p.action == action)


def import_sheet(content: Path, kind: str, sheet_path: Path, sheet: str | None = None, *,
                 dry_run: bool = False, overwrite: bool = False) -> ImportReport:
    """Read the sheet, validate every row, and write the records unless any row is wrong.

    Raises SheetError when the file is not a sheet we can read. Nothing is written when a row has
    an error, on a dry run, or for a file edited by hand since the last import (unless overwrite).
    """
    name = sheet_path.name
    table = read_table(sheet_path, sheet, kind)
    report = ImportReport(encoding=table.encoding)
    report.problems += _table_problems(table, kind, name)
    report.problems += _repeated_rows(table, name)
    report.problems += _example_rows(table, name)
    records = [read_record(table, row, kind) for row in table.rows]
    for record in records:
        report.problems += [RowProblem(name, record.row, e.key, dict(e.args_), header) for header, e in record.problems]
    _unique_slugs(records)
    texts: dict[PurePosixPath, tuple[RowRecord, str, dict[str, int]]] = {}
    for record in records:
        text, lines = record_text(record, kind)
        texts[_target(content, kind, record.slug)] = (record, text, lines)
    report.planned = [_plan(content, path, record.row, text, overwrite) for path, (record, text, _) in texts.items()]
    report.problems += _struck_rows(table, name, report.planned)
    overlay = {p.path: p.text for p in report.planned if p.action in ("add", "change")}
    report.problems += _validate(content, overlay, texts, name)
    report.problems += _left_out(content, kind, set(texts))
    report.problems.sort(key=lambda p: (p.sheet != name, p.row or 0))  # the sheet's rows in order, then the site
    if report.failed or dry_run:
        return report
    for planned in report.planned:
        if planned.action in ("add", "change"):
            replace_file(content.joinpath(*planned.path.parts), planned.text, shared=True)
    report.written = True
    return report


def _layout_notes(table: Table, name: str) -> Iterator[RowProblem]:
    """Warnings of how the sheet is laid out: the worksheet chosen, columns and rows hidden in Excel
    yet imported, cells struck through yet imported, totals rows left out."""
    if table.sheet is not None:
        yield RowProblem(name, None, "import.sheet_chosen", {"sheet": table.sheet}, warning=True)
    for sheet in table.hidden_sheets:
        yield RowProblem(name, None, "import.hidden_sheet", {"sheet": sheet}, warning=True)
    for header in table.hidden:
        yield RowProblem(name, table.header_row, "import.hidden_column", {"column": header}, warning=True)
    for row in table.hidden_rows:
        yield RowProblem(name, row, "import.hidden_row", warning=True)
    for row, header in table.struck_cells:
        yield RowProblem(name, row, "import.struck_cell", {"column": header}, warning=True)
    for row, header in table.struck_parts:
        yield RowProblem(name, row, "import.struck_text", {"column": header}, warning=True)
    if table.struck_rules:
        yield RowProblem(name, table.header_row, "import.struck_by_rule", {"cells": "、".join(table.struck_rules)},
                         warning=True)
    for row in table.totals:
        yield RowProblem(name, row, "import.totals_row", warning=True)


def _struck_rows(table: Table, name: str, planned: list[Planned]) -> Iterator[RowProblem]:
    """A warning at each row struck through whole (how offices void a row), naming the record file it
    was imported into: the worker who finds it void deletes that file (deleting the row in the sheet
    alone leaves the file published, said at the next import as import.not_in_sheet: newcomer helper-121)."""
    files = {p.row: p.path for p in planned}
    for row in table.struck_rows:
        yield RowProblem(name, row, "import.struck_row", {"file": str(files.get(row, ""))}, warning=True)


def _example_rows(table: Table, name: str) -> Iterator[RowProblem]:
    """A warning at each row that is still the template's sample row (`import --template`): every
    column with an example holds it (想要一个助行器, 李秀兰, 2026-10-18 …). Imported untouched, it was
    published beside the real wishes with one 提醒 about 示例小区 at most (newcomer helper-119)."""
    examples = {p: column.example for p, (column, _) in table.columns.items() if column.example}
    if not examples:
        return
    for row in table.rows:
        if all(p < len(row.cells) and plain(row.cells[p]) == plain(example) for p, example in examples.items()):
            said = next(iter(examples.values()))
            yield RowProblem(name, row.number, "import.example_row", {"value": said}, warning=True)


def _repeated_rows(table: Table, name: str) -> Iterator[RowProblem]:
    """A warning at each row whose imported cells are those of a row above it: pasted twice, it would
    be two records (breaker helper-118: one wish twice on the wish wall, the counts up by one)."""
    seen: dict[tuple[object, ...], int] = {}
    for row in table.rows:
        cells = tuple(row.cells[p] if p < len(row.cells) else None for p in sorted(table.columns))
        first = seen.setdefault(tuple(str(cell).strip() if cell is not None else "" for cell in cells), row.number)
        if first != row.number:
            yield RowProblem(name, row.number, "import.repeated_row", {"first": first}, warning=True)


def _table_problems(table: Table, kind: str, name: str) -> Iterator[RowProblem]:
    from sitegen.sheets.columns import COLUMNS, says_private
    from sitegen.sheets.guarded import guarded_columns

    yield from _layout_notes(table, name)
    for column, written in table.columns.values():  # 联系电话（不对外公开）: the header says keep it back
        if column.target == "phone" and says_private(written):
            yield RowProblem(name, table.header_row, "import.phone_header_private", {}, written)
    guarded = {header: (key, args) for header, key, args in guarded_columns(table, kind)}
    for header, (key, args) in guarded.items():  # a column whose loss would publish what it should not
        yield RowProblem(name, table.header_row, key, args, header)
    for header in table.unknown.values():
        if header not in guarded:
            yield RowProblem(name, table.header_row, "import.unknown_column", {"column": header}, warning=True)
    present = {column.target for column, _ in table.columns.values()}
    for column in COLUMNS[kind]:
        if column.required and column.target not in present:
            yield RowProblem(name, table.header_row, "import.missing_column", {"column": column.headers[0]})
    if not table.rows:
        yield RowProblem(name, table.header_row, "import.no_rows", warning=True)


def _unique_slugs(records: list[RowRecord]) -> None:
    """Two rows that would share an address get -2, -3 … in row order (stable between imports)."""
    seen: dict[str, int] = {}
    for record in records:
        base = record.slug
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            record.slug = f"{base}-{seen[base]}"[:80]


def _left_out(content: Path, kind: str, written: set[PurePosixPath]) -> list[RowProblem]:
    """A warning for each record of `kind` an earlier import wrote that this sheet has no row for, when
    the sheet is that list again (some row of it is a record an earlier import wrote): such a record
    stays published (breaker helper-118: a 楼栋长 deleted from the sheet, or moved to another 楼栋,
    stayed on the old board with his phone). A sheet none of whose rows was imported before is another
    list (April's activities after March's, another 小区's roster: breaker helper-120), and nothing is
    said. Never deleted here: the worker decides."""
    folder = content / kind
    if not folder.is_dir():
        return []
    imported = [rel for rel in (PurePosixPath(kind) / path.name for path in sorted(folder.iterdir())
                                if path.suffix in (".yaml", ".yml", ".md") and path.is_file())
                if _from_an_import(content / rel)]
    if not written.intersection(imported):
        return []
    return [RowProblem(str(rel), None, "import.not_in_sheet", warning=True) for rel in imported if rel not in written]


def _from_an_import(path: Path) -> bool:
    try:
        return from_an_import(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return False


def _target(content: Path, kind: str, slug: str) -> PurePosixPath:
    """The record's file: an existing one of that address (any suffix), else a new one of the kind's."""
    for suffix in (SUFFIX[kind], ".yaml", ".yml", ".md"):
        path = PurePosixPath(kind) / f"{slug}{suffix}"
        if content.joinpath(*path.parts).is_file():
            return path
    return PurePosixPath(kind) / f"{slug}{SUFFIX[kind]}"


def _plan(content: Path, path: PurePosixPath, row: int, text: str, overwrite: bool) -> Planned:
    target = content.joinpath(*path.parts)
    try:
        current = target.read_text("utf-8-sig")
    except FileNotFoundError:
        return Planned("add", path, row, text)
    except (OSError, UnicodeDecodeError):
        current = None
    if current == text:
        return Planned("same", path, row, text)
    if overwrite or (current is not None and untouched_since_import(current)):
        return Planned("change", path, row, text)
    return Planned("conflict", path, row, text)


def _validate(content: Path, overlay: dict[PurePosixPath, str],
              texts: dict[PurePosixPath, tuple[RowRecord, str, dict[str, int]]], name: str) -> list[RowProblem]:
    """Check the content as if the rows were written; problems in row files map back to rows."""
    from sitegen import pipeline

    try:
        checked = pipeline.check(content, as_in_street(content, Options()), overlay=overlay)
        problems: list[Problem] = checked.warnings
    except ContentInvalid as e:
        problems = e.problems
    found = []
    for problem in problems:
        entry = texts.get(problem.path)
        if entry is None or problem.path not in overlay:
            if not problem.warning:  # the site has a problem of its own: say so, it would stop a build
                found.append(RowProblem(str(problem.path), problem.line, problem.key, dict(problem.args), warning=True))
            continue
        record, _, lines = entry
        if problem.key == "field.missing":  # an empty required cell: name its column, not a field
            if str(problem.args.get("field", "")) in record.unreadable:
                continue  # its cell was reported already, as what it says
            header = _header_of(record.kind, str(problem.args.get("field", "")))
            found.append(RowProblem(name, record.row, "import.cell.empty", {}, header, problem.warning))
            continue
        column = _column_of(record, lines, problem)
        if column is not None or problem.key not in _NAMES_A_FIELD:
            found.append(RowProblem(name, record.row, problem.key, dict(problem.args), column, problem.warning))
    return found


# Rules said at one field's line that name another field to fill → that field ("": the one its {field}
# argument names): a 已认领 wish's 认领日期 (breaker helper-118: 需要填写列“状态” named the status column,
# not the 认领日期 the row was missing), a 实施中 deliberation's 决定.
_NAMES_A_FIELD: Final = {"wish.field_required": "", "deliberation.decision_missing": "decision"}


def _column_of(record: RowRecord, lines: dict[str, int], problem: Problem) -> str | None:
    """The sheet column a check problem of `record` is about; None for a field another problem of the
    row named already (its cell could not be read: #N/A in 认领人 is said once, as what it says)."""
    if problem.key.startswith("slug."):
        return _header_of(record.kind, "id")
    if problem.key in _NAMES_A_FIELD:
        target = _NAMES_A_FIELD[problem.key] or str(problem.args.get("field", ""))
        return None if target in record.unreadable else _header_of(record.kind, target)
    return _column_at(record, lines, problem.line)


def _header_of(kind: str, field_name: str) -> str:
    from sitegen.sheets.columns import COLUMNS

    return next((c.headers[0] for c in COLUMNS[kind] if c.target.split(".")[0] == field_name), field_name)


def _column_at(record: RowRecord, lines: dict[str, int], line: int | None) -> str | None:
    """The header of the column whose field sits on (or encloses) this line of the generated file."""
    if line is None:
        return None
    best = None
    for name, at in lines.items():
        if at <= line and (best is None or at > lines[best]):
            best = name
    return record.source.get(best) if best else None


__all__ = ["ImportReport", "Planned", "RowProblem", "SheetError", "import_sheet"]
