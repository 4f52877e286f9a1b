"""A calendar (activities.ics) is scanned part by part, one event a part, only its new parts
(write/leaks.py): the result equals a scan of the whole file, whether the parts were seen before or not."""

from __future__ import annotations

import pytest

from sitegen.model.records import Secrets
from sitegen.write.leaks import LeakScanner

SECRETS = Secrets(names=frozenset({"周桂芳"}), web_hidden_phones=frozenset({"13956781234"}),
                  poster_hidden_phones=frozenset())
# a name holding the letter every cut is next to: "…END:VEVENT" + "BEGIN…" folds to "…VEVENTBEGIN…"
LETTERED = Secrets(names=frozenset({"TB"}), web_hidden_phones=frozenset(), poster_hidden_phones=frozenset())
PATH = "activities.ics"
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:社区活动\r\n"


def _event(n: int, text: str = "讨论分摊比例。") -> str:
    return (f"BEGIN:VEVENT\r\nUID:act-{n}@example.org\r\nSUMMARY:电梯加装协调会{n}\r\n"
            f"DESCRIPTION:{text}\r\nEND:VEVENT\r\n")


def _calendar(texts: dict[int, str] | None = None) -> bytes:
    events = [_event(n, (texts or {}).get(n, "讨论分摊比例。")) for n in range(8)]
    return (HEAD + "".join(events) + "END:VCALENDAR\r\n").encode("utf-8")


CASES = {
    "nothing": _calendar(),
    "an event's text, clean": _calendar({3: "讨论施工时间。"}),
    "a name in an event": _calendar({3: "谢谢周桂芳的帮助。"}),
    "a name folded over two lines": _calendar({3: "谢谢周桂\r\n 芳。"}),
    "a name spaced out": _calendar({3: "谢谢周 桂\u200b芳。"}),
    "a phone spaced out": _calendar({5: "请打 139 5678 1234"}),
    "a phone escaped": _calendar({5: "请打 \\u0031\\u0033\\u0039 5678 1234"}),
    "a phone in Chinese numerals": _calendar({5: "请打一三九五六七八一二三四"}),
    "a name in the last event": _calendar({7: "周桂芳"}),
    "a phone across two events (not one text)": _calendar({2: "13956", 3: "781234"}),
}


@pytest.mark.parametrize("batch", [1 << 16, 40, 1], ids=["one text", "a few parts a text", "each part alone"])
@pytest.mark.parametrize("secrets", [SECRETS, LETTERED], ids=["names and phones", "a name holding B"])
@pytest.mark.parametrize("after", list(CASES.values()), ids=list(CASES))
def test_a_scan_of_the_new_events_equals_a_scan_of_the_whole_calendar(after: bytes, secrets: Secrets, batch: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitegen.write.leaks.SCAN_BATCH", batch)
    whole = LeakScanner(secrets).scan(PATH, after)
    assert LeakScanner(secrets, clean=set()).scan(PATH, after) == whole  # nothing seen before
    clean: set[str] = set()
    warm = LeakScanner(secrets, clean=clean)
    first = warm.scan(PATH, _calendar())
    assert (first is None) == (secrets is SECRETS)
    assert warm.scan(PATH, after) == whole


def test_the_cases_hold_leaks_and_clean_files() -> None:
    found = {name: LeakScanner(SECRETS).scan(PATH, data) for name, data in CASES.items()}
    assert [name for name, leak in found.items() if leak is None] == [
        "nothing", "an event's text, clean", "a phone across two events (not one text)"]
    # the guard: a word holding "B" would be found only across a cut, so such a calendar is scanned whole
    assert LeakScanner(LETTERED).scan(PATH, _calendar()) is not None
    assert LeakScanner(LETTERED, clean=set()).scan(PATH, _calendar()) is not None


def test_events_found_clean_are_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    clean: set[str] = set()
    scanner = LeakScanner(SECRETS, clean=clean)
    assert scanner.scan(PATH, _calendar()) is None
    seen: list[str] = []
    find = scanner.find
    monkeypatch.setattr(scanner, "find", lambda path, text: seen.append(text) or find(path, text))
    edited = _calendar({3: "讨论施工时间。"})
    assert scanner.scan(PATH, edited) is None
    assert seen[-1] == _event(3, "讨论施工时间。")  # the file's name, then the edited event alone
    assert scanner.scan(PATH, edited) is None and seen[-1] == PATH  # all of it seen: only the name is scanned


def test_a_calendar_part_is_not_taken_for_a_search_file_part_seen_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    # the views differ by kind (disguise.views: a calendar's lines are unfolded), so a part found clean
    # in a search file is scanned again in a calendar: here the same bytes, one part in either
    clean: set[str] = set()
    scanner = LeakScanner(SECRETS, clean=clean)
    data = (HEAD + "END:VCALENDAR\r\n").encode("utf-8")
    assert scanner.scan("static/search-index.0123456789abcdef.js", data) is None and clean
    seen: list[str] = []
    find = scanner.find
    monkeypatch.setattr(scanner, "find", lambda path, text: seen.append(text) or find(path, text))
    assert scanner.scan(PATH, data) is None
    assert seen == [PATH, data.decode("utf-8")]
