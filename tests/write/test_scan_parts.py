"""A search data file is scanned part by part, only its new parts (write/leaks.py): the result equals a scan
of the whole file, whether the parts were seen before or not."""

from __future__ import annotations

import pytest

from sitegen.model.records import Secrets
from sitegen.render.search import _script
from sitegen.write.leaks import LeakScanner

SECRETS = Secrets(names=frozenset({"周桂芳"}), web_hidden_phones=frozenset({"13956781234"}),
                  poster_hidden_phones=frozenset())
ODD = Secrets(names=frozenset({"周,桂芳"}), web_hidden_phones=frozenset(), poster_hidden_phones=frozenset())
PATH = "static/search-index.0123456789abcdef.js"
ROW = ["activities/a/", "activities", "电梯加装协调会", "2024年6月1日", "社区会议室", "", "讨论分摊比例。"]


def _file(rows: list[list[str]], keys: dict[str, str]) -> bytes:
    return _script({"v": "1", "kinds": {"activities": "社区活动"}, "fold": {"偉": "伟"}, "docs": rows, "keys": keys})


def _row(n: int, body: str = "讨论分摊比例。", title: str = "电梯加装协调会") -> list[str]:
    return [f"activities/{n}/", *ROW[1:2], title, *ROW[3:6], body]


ROWS = [_row(n) for n in range(8)]
KEYS = {"1": "0,1", "13": "2", "139": "5678,1", "电梯": "0,0,0", "协调": "0,1,1", "周": "3", "桂芳": "4"}


def _with(rows: dict[int, list[str]] | None = None, keys: dict[str, str] | None = None) -> bytes:
    changed = [rows.get(n, row) if rows else row for n, row in enumerate(ROWS)]
    return _file(changed, dict(sorted({**KEYS, **(keys or {})}.items())))


# what changed after a clean build → the file the scan sees; its parts seen before are not scanned again
CASES = {
    "nothing": _with(),
    "a row's body, clean": _with({3: _row(3, "讨论施工时间。")}),
    "a name in a row": _with({3: _row(3, "谢谢周桂芳的帮助。")}),
    "a name spaced out in a row": _with({3: _row(3, "谢谢周 桂\u200b芳。")}),
    "a phone spaced out in a row": _with({5: _row(5, "请打 139 5678 1234")}),
    "a phone in full-width digits": _with({5: _row(5, "请打１３９５６７８１２３４")}),
    "a name in a title": _with({0: _row(0, title="周桂芳的心愿")}),
    "a name in the last row": _with({7: _row(7, "周桂芳")}),
    "a name across two rows (not one text)": _with({2: _row(2, "周"), 3: ["桂芳", *ROW[1:]]}),
    "a name as a key": _with(keys={"周桂芳": "5"}),
    "a phone as a key": _with(keys={"13956781234": "5"}),
    "a phone across two digit keys": _with(keys={"1395678": "1", "1396": "1234"}),
    "a phone across keys and postings": _with(keys={"139": "5678,1234"}),  # 139":"5678,1 was clean
    "a phone escaped": _with({5: _row(5, "请打 \\u0031\\u0033\\u0039 5678 1234")}),
    "a phone in Chinese numerals": _with({5: _row(5, "请打一三九五六七八一二三四")}),
    "a phone in numerals and digits": _with({5: _row(5, "请打139五六七八1234")}),
    "a phone in numerals across keys (not one text)": _with(keys={"一三九五": "1", "一六七八一二三四": "2"}),
    "numerals across rows (not one text)": _with({2: _row(2, "一三九五六"), 3: ["七八一二三四", *ROW[1:]]}),
}


@pytest.mark.parametrize("batch", [1 << 16, 40, 1], ids=["one text", "a few parts a text", "each part alone"])
@pytest.mark.parametrize("secrets", [SECRETS, ODD], ids=["names and phones", "a name holding a comma"])
@pytest.mark.parametrize("after", list(CASES.values()), ids=list(CASES))
def test_a_scan_of_the_new_parts_equals_a_scan_of_the_whole_file(after: bytes, secrets: Secrets, batch: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitegen.write.leaks.SCAN_BATCH", batch)  # new parts scanned that many bytes at a time
    whole = LeakScanner(secrets).scan(PATH, after)
    assert LeakScanner(secrets, clean=set()).scan(PATH, after) == whole  # nothing seen before
    clean: set[str] = set()
    warm = LeakScanner(secrets, clean=clean)
    assert warm.scan(PATH, _with()) is None
    assert clean or not warm.cuttable
    assert warm.scan(PATH, after) == whole


def test_the_cases_hold_leaks_and_clean_files() -> None:
    found = {name: LeakScanner(SECRETS).scan(PATH, data) for name, data in CASES.items()}
    assert found["nothing"] is None and found["a row's body, clean"] is None
    assert found["a name across two rows (not one text)"] is None
    assert found["numerals across rows (not one text)"] is None
    assert found["a phone in numerals across keys (not one text)"] is None
    assert all(found[name] is not None for name in ("a name in a row", "a name spaced out in a row",
                                                    "a phone spaced out in a row", "a name as a key",
                                                    "a phone in full-width digits", "a phone escaped",
                                                    "a phone across keys and postings", "a phone in Chinese numerals",
                                                    "a phone in numerals and digits"))


def test_parts_found_clean_are_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    clean: set[str] = set()
    scanner = LeakScanner(SECRETS, clean=clean)
    scanner.scan(PATH, _with())
    seen: list[str] = []
    find = scanner.find
    monkeypatch.setattr(scanner, "find", lambda path, text: seen.append(text) or find(path, text))
    edited = _with({3: _row(3, "讨论施工时间。")})
    assert scanner.scan(PATH, edited) is None
    assert 0 < len(seen[-1]) < len(edited) / 4  # the file's name, then the edited row alone
    assert scanner.scan(PATH, edited) is None and seen[-1] == PATH  # all of it seen: only the name is scanned
    known = len(clean)
    assert LeakScanner(SECRETS, clean=clean, printed=True).scan(PATH, edited) is None
    assert len(clean) > known  # other secrets: every part scanned again, remembered under them


# keys starting with every ideograph of a stretch, and rows: where the file is cut (rows, one key in eight)
CUT_CASES = {
    "rows only": _with(),
    "keys of a stretch of ideographs": _with(keys={chr(c) + "梯": "1" for c in range(0x4E00, 0x4E40)}),
    "keys at the ends of the block": _with(keys={"\u4e00a": "1", "\u9ff8b": "2", "\u9fffc": "3", "\u3400d": "4"}),
    "keys of digits and letters": _with(keys={"0": "1", "wifi": "2", "13": "3"}),
}


@pytest.mark.parametrize("data", list(CUT_CASES.values()), ids=list(CUT_CASES))
def test_a_file_is_cut_between_rows_and_before_one_key_in_eight(data: bytes) -> None:
    import re

    from sitegen.write.leaks import _CUT

    text = data.decode("utf-8")
    wanted = [end for m in re.finditer(r'"\](?=,\[")|"(?=,"[\u4e00-\u9fff])', text)
              if text[(end := m.end()) + 1] == "[" or ord(text[end + 2]) % 8 == 0]
    assert [m.end() for m in _CUT.finditer(text)] == wanted and wanted


SOURCED = Secrets(names=frozenset({"周桂芳", "劉曉東"}), web_hidden_phones=frozenset({"13956781234"}),
                  poster_hidden_phones=frozenset({"13805515678"}),
                  sources={"周桂芳": "wishes/w.yaml:2", "13956781234": "disclosures/d.yaml:3"},
                  script_chars=(("劉", "刘"), ("曉", "晓"), ("東", "东")))


@pytest.mark.parametrize("printed", [False, True], ids=["web", "paper"])
@pytest.mark.parametrize("secrets", [SECRETS, ODD, SOURCED], ids=["names and phones", "a comma", "sources and scripts"])
def test_tables_remembered_for_a_process_equal_tables_made_fresh(secrets: Secrets, printed: bool) -> None:
    from sitegen.write.leaks import _prepared

    args = (printed, secrets.names, secrets.web_hidden_phones, secrets.poster_hidden_phones, secrets.script_chars,
            tuple(secrets.sources.items()))
    LeakScanner(secrets, printed)  # remembered
    kept, fresh = LeakScanner(secrets, printed), _prepared.__wrapped__(*args)
    assert (kept.table, kept.cuttable, kept.ics_cuttable, kept.salt, kept.sources) == fresh[:1] + fresh[3:]
    assert kept.script.chars == fresh.script.chars
    assert (kept.matcher is None) == (fresh.matcher is None)
    if kept.matcher is not None and fresh.matcher is not None:
        assert sorted(kept.matcher.keys()) == sorted(fresh.matcher.keys())
    assert (kept.scan(PATH, _with({3: _row(3, "谢谢劉晓東。")})) is not None) == (secrets is SOURCED)


BYTE_CUT_CASES = {**CUT_CASES,
                  "keys of every ideograph and its neighbours": _with(keys={chr(c) + "x": "1" for c in range(0x4DF0, 0xA010)}),
                  "four-byte characters and rows": _with({2: _row(2, "𠮷野家"), 3: _row(3, title="𠀀")},
                                                         keys={"𠮷": "1", "x": "2"})}


@pytest.mark.parametrize("data", list(BYTE_CUT_CASES.values()), ids=list(BYTE_CUT_CASES))
def test_the_file_is_cut_in_its_bytes_where_it_is_cut_in_its_text(data: bytes) -> None:
    from sitegen.write.leaks import _CUT, _CUT_BYTES

    text = data.decode("utf-8")
    in_text = [len(text[: m.end()].encode("utf-8")) for m in _CUT.finditer(text)]
    assert [m.end() for m in _CUT_BYTES.finditer(data)] == in_text and in_text


def _told(base: bytes, after: bytes, sealed: set[bytes] | None) -> bytes:
    """`after` told against `base`: one span from their common start to their common end."""
    from sitegen.render.search_file import told

    start = next((i for i, (a, b) in enumerate(zip(base, after, strict=False)) if a != b), min(len(base), len(after)))
    tail = next((i for i, (a, b) in enumerate(zip(reversed(base[start:]), reversed(after[start:]), strict=False)) if a != b),
                min(len(base), len(after)) - start)
    return told(after, sealed, [(start, len(after) - tail)])


@pytest.mark.parametrize("secrets", [SECRETS, ODD], ids=["names and phones", "a name holding a comma"])
@pytest.mark.parametrize("after", list(CASES.values()), ids=list(CASES))
def test_a_told_scan_equals_a_scan_of_the_whole_file(after: bytes, secrets: Secrets) -> None:
    from sitegen.render.search_file import told

    whole = LeakScanner(secrets).scan(PATH, after)
    base = told(_with(), None, [])
    assert LeakScanner(secrets, clean=set()).scan(PATH, base) is None and base.seal  # the base found clean: sealed
    assert LeakScanner(secrets, clean=set()).scan(PATH, _told(base, after, base.seal)) == whole
    assert LeakScanner(secrets, clean=set()).scan(PATH, _told(base, after, set())) == whole  # a base not found clean
    assert LeakScanner(secrets, clean=set()).scan(PATH, _told(base, after, {b"other secrets"})) == whole


def test_a_told_scan_reads_only_the_parts_around_what_is_new(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.render.search_file import told

    base = told(_with(), None, [])
    assert LeakScanner(SECRETS, clean=set()).scan(PATH, base) is None
    scanner = LeakScanner(SECRETS, clean=set())  # nothing remembered clean: only the telling spares the rest
    seen: list[str] = []
    find = scanner.find
    monkeypatch.setattr(scanner, "find", lambda path, text: seen.append(text) or find(path, text))
    edited = _told(base, _with({3: _row(3, "讨论施工时间。")}), base.seal)
    assert scanner.scan(PATH, edited) is None and edited.seal == base.seal  # found clean: sealed in turn
    assert 0 < len(seen[-1]) < len(edited) / 4 and "施工时间" in seen[-1]
