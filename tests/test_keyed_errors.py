"""Every error told by a message key shares one shape (errors.KeyedError): the key, its placeholders, the key as text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitegen.edit.files import EditError
from sitegen.errors import KeyedError, UsageProblem
from sitegen.sheets.cells import CellError
from sitegen.sheets.read import SheetError

# (how it is raised, the key, the placeholders, what else it carries)
CASES = [
    (lambda: UsageProblem("cli.print_folder_inside", out="site", path="site/print"), "cli.print_folder_inside",
     {"out": "site", "path": "site/print"}, {}),
    (lambda: CellError("import.cell.date", value="三月"), "import.cell.date", {"value": "三月"}, {}),
    (lambda: SheetError("import.no_header"), "import.no_header", {}, {}),
    (lambda: EditError(404, "edit.not_found", path="wishes/a.yaml"), "edit.not_found", {"path": "wishes/a.yaml"},
     {"status": 404}),
]


@pytest.mark.parametrize(("raise_", "key", "args", "extra"), CASES, ids=[c[1] for c in CASES])
def test_a_keyed_error_carries_its_key_and_placeholders(raise_: Callable[[], Exception], key: str, args: dict[str, object],
                                                        extra: dict[str, object]) -> None:
    error = raise_()
    assert isinstance(error, KeyedError)
    assert (error.key, error.args_, str(error)) == (key, args, key)
    assert {name: getattr(error, name) for name in extra} == extra
