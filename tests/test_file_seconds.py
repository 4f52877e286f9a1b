"""The suite's order comes from measured durations (tests/support/file_seconds.py)."""

from __future__ import annotations

from tests.support.file_seconds import TABLE, file_seconds, order

LOG = """============================ slowest durations =============================
46.16s setup    tests/browser/test_posters.py::test_chromium_print_decodes_to_the_page_url[activities/long]
29.34s call     tests/browser/test_pages.py::test_accessibility_axe_finds_nothing[]
3.10s call     tests/browser/test_posters.py::test_qr_code_is_printed_large_enough
0.50s teardown tests/browser/test_pages.py::test_accessibility_axe_finds_nothing[]
0.40s call     tests/test_hanzi.py::test_one
"""


def test_a_files_seconds_are_its_setups_calls_and_teardowns() -> None:
    assert file_seconds(LOG) == {"tests/browser/test_posters.py": 49.3, "tests/browser/test_pages.py": 29.8}


def test_the_table_orders_the_longest_first_and_knows_the_suites_files() -> None:
    ranks = order(["tests/pipeline/test_replan.py", "tests/test_file_seconds.py", "tests/browser/test_posters.py"])
    assert ranks["tests/pipeline/test_replan.py"] < ranks["tests/browser/test_posters.py"]
    assert "tests/test_file_seconds.py" not in ranks  # under a second: after the known ones
    assert TABLE.is_file()
