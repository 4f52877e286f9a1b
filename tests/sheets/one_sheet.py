"""Steps the sheet tests share: a one-sheet workbook imported into a site in Chinese, and the words a record
file's check says for a typed number (the import and check share validate/number_hint.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from openpyxl import load_workbook
from pydantic_core import PydanticCustomError

from sitegen.i18n.messages import Messages
from sitegen.validate import fields
from tests.conftest import run
from tests.sheets.test_import import xlsx

ZH = Messages("zh-Hans")
CHECKS: dict[str, Callable[[str], object]] = {"Money": fields._money, "Count": fields._count}


def import_rows(content: Path, tmp_path: Path, kind: str, rows: list[list[Any]],
                formats: dict[tuple[int, int], str] | None = None) -> Result:
    """`sitegen import KIND 表.xlsx` of a workbook of `rows` (header first) into `content`, said in zh-Hans;
    `formats`: (row, column), 1-based as Excel counts → that cell's number format (0%, 0.00, 0"号楼")."""
    sheet = xlsx(tmp_path / "表.xlsx", rows)
    if formats:
        book = load_workbook(sheet)
        worksheet = book.active
        assert worksheet is not None
        for (row, column), number_format in formats.items():
            worksheet.cell(row=row, column=column).number_format = number_format
        book.save(sheet)
    return run("import", kind, str(sheet), "--content", str(content), env={"SITEGEN_LANG": "zh-Hans"})


def check_said(check: str, typed: str) -> str:
    """What a record file's check says, in zh-Hans, of `typed` in a field of type `check` (Money, Count)."""
    with pytest.raises(PydanticCustomError) as caught:
        CHECKS[check](typed)
    context: dict[str, Any] = dict(caught.value.context or {})
    return ZH.text(caught.value.type, field="value", **context)
