"""Which sheet column fills which record field: the headers workers write, in Chinese and English.

A column has a *target* (a field, a nested field such as `meeting.date`, a part of a place, the
activity's time, or the Markdown body) and a *cell type* saying how its cells are read
(`sitegen/sheets/cells.py`). The first header of each column is the one `--template` and
`export` write; every header is matched after `header_key` folds width, case, spaces, a
required mark (`*`, 必填) and a unit in brackets (价值（元） → 价值).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

from sitegen.kinds import RECORD_KINDS
from sitegen.kinds.common import YES_NO_WORDS
from sitegen.kinds.shape import Column, Field, Words
from sitegen.validate.yesno import folded

__all__ = ["BOOL_WORDS", "COLUMNS", "SHOW_PHONE_WORDS", "STATUS_WORDS", "Column", "column_for", "header_key", "shown_header",
           "word_key"]

# Each kind's columns are its registry entry's (sitegen/kinds/): the kinds a sheet may carry.
COLUMNS: Final[dict[str, tuple[Column, ...]]] = {k.folder: k.columns for k in RECORD_KINDS if k.columns}


def _labelled(words: Words, labels: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """value → (label, every spelling, the value itself): the words a cell may hold, label first.

    The words are `check`'s own (the registry's, which validate/words.py reads), so a sheet and a
    record file accept the same; the first, which export and the template's drop-down lists
    write, is the website's label for it (居民提事, 已办结 …) where the entry gives one.
    """
    return {value: tuple(dict.fromkeys((labels.get(value, spellings[0]), *spellings, value)))
            for value, spellings in words.items()}


def _cell_words(spec: Field | None) -> dict[str, tuple[str, ...]]:
    return _labelled(spec.words, spec.sheet_labels) if spec is not None and spec.words else {}


STATUS_WORDS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    k.folder: words for k in RECORD_KINDS if (words := _cell_words(k.field("status")))
}
SHOW_PHONE_WORDS: Final = next(words for k in RECORD_KINDS if (words := _cell_words(k.field("show_phone"))))
# Yes and no, the registry's (kinds/common.py), which a record file takes too: the first of each is what
# export and the template's drop-down write. A field's own words (党员, 群众) are its Field.words.
BOOL_WORDS: Final[dict[bool, tuple[str, ...]]] = {True: YES_NO_WORDS["true"], False: YES_NO_WORDS["false"]}

_BRACKETS: Final = re.compile(r"[(\[【〔〖][^)\]】〕〗]*[)\]】〕〗]")  # a unit: (元) [元] 【元】 〔元〕 after NFKC
_MARKS: Final = re.compile(r"[\s*：:＊]|必填|选填")


# What a header's brackets say when the column is to be kept back: 联系电话（不对外公开）, 电话(保密).
# header_key drops a bracket as a unit (价值（元）), which read such a column as the phone to publish
# (breaker helper-118: printed in full on the posters).
_PRIVATE_WORDS: Final = ("不公开", "不对外", "勿公开", "不宜公开", "不予公开", "非公开", "不公布", "不公示", "保密", "隐私",
                         "内部", "不显示", "不外传", "勿外传", "外泄", "不上墙", "不张贴", "核对", "存档", "备查", "留存")


def says_private(header: str) -> bool:
    """Whether the brackets of `header` (as written) say its cells are not to be shown: 联系电话（不对外公开）."""
    folded = unicodedata.normalize("NFKC", header)
    return any(word in part for part in _BRACKETS.findall(folded) for word in _PRIVATE_WORDS)


def header_key(text: str) -> str:
    """Fold a header as written (`价值（元）*`, ` 姓 名 `, `Name`) to the form headers are matched in."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return _MARKS.sub("", _BRACKETS.sub("", folded))


# A required or optional mark on a header as a template writes it: 日期*, *日期, 日期（必填）, 备注(选填)
_REQUIRED_MARK: Final = re.compile(r"\s*(?:[*＊]+|[(（\[【]\s*(?:必填|选填)\s*[)）\]】]|必填|选填)\s*")


def shown_header(text: str) -> str:
    """A header as messages name its column: as written, without a required mark (日期* → 日期, 价值（元）* →
    价值（元）); breaker s21: “列‘日期*’：‘日期*’里的…” repeated the template's asterisk."""
    return _REQUIRED_MARK.sub("", text).strip() or text


def word_key(text: str) -> str:
    """Fold a cell's enumeration word (` 已认领 `, `OPEN`, ✔️ as ✔) for matching, as yes and no are (validate/yesno.py)."""
    return folded(text)


# Columns sheets carry that are no field: a row number. They are skipped without a warning.
ROW_NUMBER_HEADERS: Final = frozenset({"序号", "编号", "no", "no.", "#", "行号"})


def column_for(kind: str, header: str) -> Column | None:
    """The column a header names for this kind, or None."""
    key = header_key(header)
    if not key:
        return None
    for column in COLUMNS[kind]:
        if key in (header_key(h) for h in column.headers):
            return column
    return None
