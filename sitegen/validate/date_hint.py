"""A date typed the way people write one (2026年12月21日 下午3点, 2026/12/21 15:00, 2026.12.21（周一）)
read as the form the content contract wants (SPEC §2: 2026-12-21, 2026-12-21 15:00), so the message
refusing it can say exactly what to write. Only a hint: the field itself still takes the contract's
form alone, so a file means the same to every reader of it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Final

from sitegen.validate.number_hint import chinese_number

# A weekday after the date, as Chinese offices write it: （周五） (五) 星期五 礼拜五 (sheets/cells.py reads it too).
WEEKDAY: Final = re.compile(r"\s*(?:[(（]\s*(?:周|星期|礼拜)?[一二三四五六日天]\s*[)）]|(?<=\S)\s+(?:周|星期|礼拜)[一二三四五六日天])")
_DAY: Final = re.compile(r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*[日号]?")
# part of the day, hour, separator (a colon: the 24-hour clock; 点 or none: 3点 is 03:00 or 15:00), minute, 点半
TIME: Final = re.compile(r"(凌晨|上午|早上|早晨|中午|下午|傍晚|晚上)?\s*(\d{1,2})\s*(?:([:点时])\s*(\d{1,2})?\s*分?|(点半))?")
# The last day a date field takes (fields.py: beyond it is value.date_range): no suggested end passes it.
DATE_MAX: Final = date(2199, 12, 31)
_AFTERNOON: Final = frozenset({"下午", "傍晚", "晚上"})
_NOT_MIDNIGHT: Final = _AFTERNOON | {"中午"}  # 0点 after one of these is no hour of that part of the day
_NUMERALS: Final = re.compile(r"[零〇一二两三四五六七八九十]+(?=\s*[年月日号点时分])")  # 十二月一日, 下午三点
_SIMPLIFIED: Final = str.maketrans("點時號兩淩", "点时号两凌")  # 下午3點, 9時, 1號, 兩點, 淩晨 as a zh-Hant worker types them


# The night as workers say it (晚上8点到夜里12点, 晚上10点到深夜1点): before 7–11, 夜里/夜间/夜晚/深夜 is 晚上; before
# 12 or 0, any of them (半夜12点, 午夜12点) is the night's end, as 晚上12点 is; before 1–5, as the end of a range,
# any is 凌晨 (alone, 12月5日深夜1点 may be the 5th's or the night after it). Other hours (半夜10点, 深夜6点) are
# left as typed: no time (session 20: neither a date line nor a sheet read these words).
_NIGHT: Final = re.compile(r"(夜里|夜裡|夜间|夜間|夜晚|深夜|半夜|午夜)\s*(\d{1,2})(?=\s*[点:时])")
_LATE_EVENING: Final = frozenset({"夜里", "夜裡", "夜间", "夜間", "夜晚", "深夜"})
# 晚8点半, 早8点: the short words workers write for 晚上 and 早上 before an hour (break21: a 时间 cell 晚8点半-9点半 was told
# it crossed midnight); not the 晚 of 傍晚, 今晚 or 晚间, nor the 早 of 早晨, 今早 or 提早
_SHORT_PART: Final = re.compile(r"(?<![今昨明傍每当])(晚|早)(?![上晨间間])(?=\s*\d)")
_RANGE_TO: Final = re.compile(r"(?:到|至|[-~～—－])\s*$")  # what stands before a range's end


def _night(match: re.Match[str], end: bool = False) -> str:
    """One `_NIGHT` match as the part of the day it means; `end`: the text is a range's end (a sheet's cell split)."""
    word, hour = match.group(1), int(match.group(2))
    if hour in (0, 12):
        return f"晚上{hour}"
    if 1 <= hour <= 5:
        return f"凌晨{hour}" if end or _RANGE_TO.search(match.string, 0, match.start()) else match.group()
    return f"晚上{hour}" if 7 <= hour <= 11 and word in _LATE_EVENING else match.group()


def _night_end(match: re.Match[str]) -> str:
    return _night(match, end=True)


def typed_numbers(text: str, end: bool = False) -> str:
    """`text` with its Chinese numerals before 年月日号点时分 as digits (下午三点 → 下午3点), 點/時/號/兩 as 点/时/号/两,
    晚 and 早 before an hour as 晚上 and 早上 (晚8点半: `_whole_parts`), and the night's words as the parts of the day
    they mean (夜里11点 → 晚上11点: `_NIGHT`); `end`: `text` is the end of a range, cut from it (深夜1点 → 凌晨1点,
    which alone is not read)."""
    return _NIGHT.sub(_night_end if end else _night,
                      _whole_parts(_NUMERALS.sub(_arabic, unicodedata.normalize("NFKC", text).translate(_SIMPLIFIED))))


def _whole_parts(text: str) -> str:
    """`text` with 晚 and 早 before an hour as 晚上 and 早上 (`_SHORT_PART`: 晚8点半 → 晚上8点半)."""
    return _SHORT_PART.sub(lambda short: short.group(1) + "上", text)


def _normal(raw: str) -> str:
    """`raw` as the readers below take it: NFKC, 點 as 点 (`typed_numbers`), without its weekday, its Chinese numerals
    as digits, the night's words as parts of the day (`_NIGHT`)."""
    text = WEEKDAY.sub(" ", unicodedata.normalize("NFKC", raw).translate(_SIMPLIFIED), count=1).strip()
    return _NIGHT.sub(_night, _whole_parts(_NUMERALS.sub(_arabic, text)))


def _arabic(numeral: re.Match[str]) -> str:
    number = chinese_number(numeral.group())
    return numeral.group() if number is None else str(number)


def suggested(raw: str, with_time: bool) -> str | None:
    """`raw` as YYYY-MM-DD (or YYYY-MM-DD HH:MM when `with_time` and a time was typed), or None when
    it does not read as one day (and time) that exists. 下午/晚上 before an hour under 12 adds 12,
    中午 before 1–10 too; 点半 is half past; 晚上12点 (midnight, the next day) and an hour of 1–11
    with 点 and no 上午/下午 (3点: 03:00 or 15:00) are left unread."""
    reading = read_typed(raw, with_time)
    return reading if isinstance(reading, str) else None


def impossible(raw: str, with_time: bool) -> bool:
    """True when `raw` is typed as a day (and time) people write, but no such day or time exists
    (2026年13月40日, 2026/2/30, 2026年12月21日 25点): the message then says to check the month and
    day, not to learn another form."""
    return read_typed(raw, with_time) is False


def read_clock(time: re.Match[str]) -> str | bool | None:
    """HH:MM of a matched `TIME` (a time as a worker types it: 09:00, 下午3点, 3点半); False when no
    such time; None when it does not say which: 晚上12点 (the next day's 00:00), 晚上0点, 凌晨12点
    (midnight: which day's?), 凌晨 after 6, or an hour of 1–11 written with 点 (or nothing) and no
    上午/下午 (3点: 03:00 or 15:00). A colon, and 时 as official notices write the 24-hour clock (9时30分,
    15时), are read as the hour they say."""
    part, hour, minute = time.group(1), int(time.group(2)), 30 if time.group(5) else int(time.group(4) or 0)
    if minute > 59:
        return False
    if (part in _AFTERNOON and hour == 12) or (part == "凌晨" and hour > 6) or (part in _NOT_MIDNIGHT and hour == 0):
        return None  # midnight said as evening (晚上12点, 晚上0点) or as 凌晨12点: which day's? 凌晨11点: no such time
    if part is None and time.group(3) not in (":", "时") and 1 <= hour <= 11:
        return None  # 时 with no part of the day is the 24-hour clock of notices (9时30分, 15时): read as it
    if (part in _AFTERNOON and hour < 12) or (part == "中午" and 1 <= hour <= 10):
        hour += 12
    return False if hour > 23 else f"{hour:02d}:{minute:02d}"


def range_end(start: re.Match[str] | None, until: str) -> re.Match[str] | None:
    """The `TIME` match of a range's end as typed (`until`), with the part of the day of its `start` (a
    `TIME` match) when it has none: 下午2点到4点 ends 下午4点. 凌晨 carries as 上午 to an end of 7 to 12:
    凌晨5点到7点 ends at 07:00, which no one calls 凌晨 (s17: it was no time at all); to a later one, nothing
    (凌晨5点到13点 is the 24-hour clock's 13:00)."""
    end = TIME.fullmatch(until)
    if end is None or end.group(1) is not None or start is None or start.group(1) is None:
        return end
    part = start.group(1)
    if part == "凌晨" and int(end.group(2)) > 6:
        part = "上午" if int(end.group(2)) <= 12 else ""
    return TIME.fullmatch(part + until)


def midnight(time: re.Match[str]) -> bool:
    """Whether a `TIME` match is midnight said as the night's end (晚上12点, 晚上0点, 凌晨12点, or 24:00 and
    晚上24点 as timetables write it). Alone, it is not read (which day's midnight?); as the end of a range
    that starts the evening before, it is the next day's 00:00."""
    part, hour, minute = time.group(1), int(time.group(2)), 30 if time.group(5) else int(time.group(4) or 0)
    if hour == 24:
        return minute == 0 and part in (None, "下午", "傍晚", "晚上")
    return part in ("下午", "傍晚", "晚上", "凌晨") and hour in (0, 12) and minute == 0


def read_typed(raw: str, with_time: bool) -> str | bool | None:
    """The contract's form of `raw` (str: `suggested`); False when it reads as a day or time that
    does not exist (`impossible`); None when it does not read as one day (and time) at all."""
    text = _normal(raw)
    day = _DAY.match(text)
    if day is None:
        return None
    rest = text[day.end():].strip()
    time = TIME.fullmatch(rest) if rest else None
    if rest and (not with_time or time is None):
        return None
    try:
        found = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    except ValueError:
        return False
    if time is None:
        return found.isoformat()
    clock = read_clock(time)
    return clock if not isinstance(clock, str) else f"{found.isoformat()} {clock}"


_COMPACT: Final = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20261201, as a spreadsheet or a file name writes it
_NO_YEAR: Final = re.compile(r"(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*[日号]?")
_SHORT_YEAR: Final = re.compile(r"(\d{2})\s*年\s*(?=\d{1,2}\s*月)")  # 26年12月1日
_RANGE: Final = re.compile(r"\s*(?:至|到|~|～|—|–|－|-)\s*")
# A part of the day with no hour (晚上, 夜里, 凌晨) and a time said so that reads (break21: a sheet's 时间 cell 晚上 was
# told only "not a time"): the example a message offers; a date line's hint writes its hour as HH:00.
PART_EXAMPLES: Final = {"凌晨": "凌晨5点", "早上": "早上8点", "早晨": "早晨8点", "上午": "上午9点", "中午": "中午12点",
                        "下午": "下午3点", "傍晚": "傍晚6点", "晚上": "晚上7点", "夜里": "夜里10点", "夜裡": "夜裡10点",
                        "夜间": "夜间10点", "夜間": "夜間10点", "夜晚": "夜晚10点", "深夜": "深夜11点", "半夜": "晚上11点",
                        "午夜": "晚上11点"}
_PART_HOURS: Final = {"上午": 9, "早上": 8, "早晨": 8, "中午": 12, "下午": 15, "傍晚": 18, "晚上": 19, "凌晨": 5,
                      **dict.fromkeys(("夜里", "夜裡", "夜间", "夜間", "夜晚"), 22), **dict.fromkeys(("深夜", "半夜", "午夜"), 23)}
Hint = tuple[str, dict[str, str]]


def _day_of(text: str) -> tuple[date | None, str] | None:
    """The day `text` starts with (None when no such day) and what follows it; None when it starts with none."""
    found = _DAY.match(text) or _COMPACT.match(text)
    if found is None:
        return None
    try:
        day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        day = None
    return day, text[found.end():].strip()


def explain(raw: str, with_time: bool, year: int) -> Hint | None:
    """Why `raw` is not the contract's date and what to write instead, as (message key, its arguments):
    `read_typed`'s reading (value.date_format_hint, value.date[time]_typed_invalid), then a day typed
    without dashes (20261201), with a time where only the day is asked (value.date_only), with an hour
    that does not say 上午 or 下午 (value.datetime_ambiguous_hour), with 上午/下午 and no hour
    (value.date_part_of_day), as a range (value.datetime_range_typed, value.date_range_typed: the end
    goes in `end`; value.date_range_one_day), with a two-digit year (value.date_short_year), without a
    year (value.date_no_year) or without a day (value.date_no_day; `year` is the examples', never taken
    as the value's). None when `raw` does not read as a day at all."""
    reading = read_typed(raw, with_time)
    if isinstance(reading, str):
        return "value.date_format_hint", {"suggestion": reading}
    if reading is False:
        return ("value.datetime_typed_invalid" if with_time else "value.date_typed_invalid"), {}
    text = _normal(raw)
    short = _SHORT_YEAR.match(text)
    if short is not None:
        return _short_year(f"20{short.group(1)}-{text[short.end():]}", with_time, year)
    found = _day_of(text)
    if found is None:
        return _without_year(text, with_time, year)
    day, rest = found
    if day is None:
        return ("value.datetime_typed_invalid" if with_time else "value.date_typed_invalid"), {}
    return _after_day(day.isoformat(), rest, with_time)


def _short_year(text: str, with_time: bool, year: int) -> Hint | None:
    """26年12月1日: what 2026年12月1日 would be told, said as a year to write in full, when that is a spelling."""
    found = explain(text, with_time, year)
    if found is None or found[0] not in ("value.date_format_hint", "value.date_only"):
        return None
    return "value.date_short_year", {"suggestion": found[1]["suggestion"], "year": text[:4]}


def _without_year(text: str, with_time: bool, year: int) -> Hint | None:
    """12月1日 (下午3点): no year, with the rest as it would be written; a time alone (16:00) has no day."""
    short = _NO_YEAR.match(text)
    if short is None or not 1 <= int(short.group(1)) <= 12 or not 1 <= int(short.group(2)) <= 31:
        return _no_day(text, with_time, year)
    rest = f"{int(short.group(1)):02d}-{int(short.group(2)):02d}"
    after = text[short.end():].strip()
    time = TIME.fullmatch(after) if after else None
    if after and not with_time and (time is not None or after in _PART_HOURS):
        after = ""  # a day-only field: the time is no part of the answer
    if after:
        clock = read_clock(time) if time is not None else None
        if not isinstance(clock, str):
            return None
        rest += f" {clock}"
    return "value.date_no_year", {"rest": rest, "example": f"{year}-{rest}"}


def _no_day(text: str, with_time: bool, year: int) -> Hint | None:
    """A time or a time range with no day (下午2点到4点): the day is to be written before the start."""
    span = _span(text) if with_time else None
    time = span[0] if span is not None else TIME.fullmatch(text) if with_time else None
    clock = read_clock(time) if time is not None and (time.group(3) or time.group(5)) else None
    if not isinstance(clock, str):
        return None
    return "value.date_no_day", {"example": f"{year}-10-01 {clock}"}


def _span(rest: str) -> tuple[re.Match[str], str] | None:
    """A time, then 至/到/~/- and what follows (its end): the start as a `TIME` match and the end as typed."""
    for joint in _RANGE.finditer(rest):
        start = TIME.fullmatch(rest[:joint.start()])
        if start is not None and joint.start() > 0 and joint.end() < len(rest):
            return start, rest[joint.end():]
    return None


def _after_day(day: str, rest: str, with_time: bool) -> Hint | None:
    """The hint for a day followed by `rest` (nothing, a time, 下午, or 至 another day or time)."""
    if not rest:
        return "value.date_format_hint", {"suggestion": day}
    span = _span(rest)
    if not with_time and (TIME.fullmatch(rest) or span or rest in _PART_HOURS):
        return "value.date_only", {"suggestion": day}
    if rest in _PART_HOURS:
        return "value.date_part_of_day", {"part": rest, "suggestion": day, "example": f"{day} {_PART_HOURS[rest]:02d}:00"}
    time = TIME.fullmatch(rest) or (span[0] if span is not None else None)
    if time is not None and read_clock(time) is None and time.group(1) is None:
        return _ambiguous(day, time)
    if span is not None:
        return _time_range(day, span[0], span[1])
    after = _RANGE.match(rest)
    if after is not None and after.end() < len(rest):
        return _day_range(day, rest[after.end():], with_time)
    return None


def _said(part: str, time: re.Match[str]) -> str:
    """下午3点, 下午3点半, 下午3点20分: `time` (with no part of the day) said with `part`."""
    minute = int(time.group(4) or 0)
    return f"{part}{int(time.group(2))}点" + ("半" if time.group(5) else f"{minute}分" if minute else "")


def readings(time: re.Match[str]) -> tuple[tuple[str, str], tuple[str, str]]:
    """The two clocks an hour of 1–11 with 点 and no 上午/下午 may be (a `TIME` match, `clock` None):
    ((HH:MM, said in words), (HH:MM, said)), the one in daylight (07:00–18:59) first: 3点 →
    ((15:00, 下午3点), (03:00, 凌晨3点)); 9点 → ((09:00, 上午9点), (21:00, 晚上9点))."""
    hour, minute = int(time.group(2)), 30 if time.group(5) else int(time.group(4) or 0)
    early = (f"{hour:02d}:{minute:02d}", _said("凌晨" if hour < 6 else "上午", time))
    late = (f"{hour + 12:02d}:{minute:02d}", _said("下午" if hour < 6 else "晚上", time))
    return (early, late) if hour >= 7 else (late, early)


def _ambiguous(day: str, time: re.Match[str]) -> Hint:
    """3点 on its own: 03:00 (凌晨3点) or 15:00 (下午3点), the one in daylight (07:00–18:59) first."""
    first, second = readings(time)
    return "value.datetime_ambiguous_hour", {"hour": time.group(), "first": f"{day} {first[0]}",
                                             "first_words": first[1], "second": f"{day} {second[0]}",
                                             "second_words": second[1]}


def _time_range(day: str, start: re.Match[str], until: str) -> Hint | None:
    """14:00-16:00, 下午2点到4点: the start in `date`, the end in `end` (下午 carries over to 4点). An end
    not after the start is not suggested (14:00-13:00; 上午11点到1点 is no 01:00, and 13:00 a guess):
    the start alone, the end as typed."""
    begun = read_clock(start)
    if not isinstance(begun, str):
        return None
    span = clock_span(start, until)
    if span is not None and (not span[2] or day < str(DATE_MAX)):  # no day after the last a date field takes
        finish: str | bool | None = f"{date.fromisoformat(day) + timedelta(days=span[2])} {span[1]}"
    else:  # an end typed with its own day: 2026-12-01 20:00 至 2026-12-02 01:00
        finish = read_typed(until, True) if range_end(start, until) is None else None
    if not isinstance(finish, str) or finish <= f"{day} {begun}":
        return "value.date_range_typed", {"suggestion": f"{day} {begun}", "until": until}
    return "value.datetime_range_typed", {"start": f"{day} {begun}", "end": finish}


def clock_span(start: re.Match[str], until: str) -> tuple[str, str, int] | None:
    """The range a `TIME` match `start` and its end as typed (`until`) make, as a date line reads it:
    (start HH:MM, end HH:MM, 0 when the end is the start's day or 1 when it is the next day's), or None
    when the start is no sure time (3点: `read_clock` None) or the end is no time after it. The start's
    part of the day carries to the end (`range_end`: 下午2点到4点 is 14:00-16:00); midnight said as the
    night's end (`midnight`: 晚上11点到12点, 23:00-24:00) is the next day's 00:00; an evening into the
    small hours ends the next day (`_after_midnight`: 晚上8点到12点半 at 00:30, 20:00-01:00, 晚上11点到次日
    凌晨1点). The sheet import reads a time cell's range with it too (sheets/cells.py `read_time`)."""
    begun = read_clock(start)
    if not isinstance(begun, str):
        return None
    end = range_end(start, until)
    finished = read_clock(end) if end is not None else None
    if isinstance(finished, str) and finished > begun:
        return begun, finished, 0
    if end is not None and not isinstance(finished, str) and midnight(end):
        return begun, "00:00", 1  # 晚上11点到12点: ends the next day
    after = _after_midnight(start, begun, until)  # 晚上8点到12点半: 00:30 the next day
    return (begun, after, 1) if after is not None else None


_NEXT_DAY: Final = re.compile(r"(?:次日|第二天|隔天|翌日)\s*")  # 晚上11点到次日凌晨1点
# An end before 08:00 after an evening start is the next morning's (22:00-7:59; 22:00-8:00 is not guessed): the
# import says so where it reads no range (sheets/records.py).
NIGHT_ENDS: Final = "08:00"
_DAYTIME: Final = frozenset({"上午", "中午", "下午", "傍晚"})  # an end said so is no small hour


def _after_midnight(start: re.Match[str], begun: str, until: str) -> str | None:
    """HH:MM on the next day at which an evening that runs past midnight ends, or None. An end said to
    be the next day's (次日凌晨1点, 第二天早上6点, 次日下午1点 13:00) is read as its part of the day says
    (次日晚上12点, the day after's midnight: None); after a start at 18:00 or later, an end before 08:00
    (`NIGHT_ENDS`) as the next morning's, the start's part of the day carried: 晚上8点到12点半 and
    晚上8点到凌晨12点半 end at 00:30 (12 in the evening or the small hours is 0), 20:00-00:30 at 00:30,
    晚上11点到1点 at 01:00, 晚上7点到早上6点 at 06:00 (s16's leftover: told only to use the end line),
    22:00-7:00 at 07:00 (break21: 22:00-6:59 was read, 22:00-7:00 refused); an end said in the daytime
    (晚上8点到下午1点) is no small hour: None."""
    told = _NEXT_DAY.match(until)
    end = TIME.fullmatch(until[told.end():] if told else until)
    if end is None:
        return None
    part = end.group(1) or start.group(1)
    hour, minute = int(end.group(2)), 30 if end.group(5) else int(end.group(4) or 0)
    if minute > 59 or hour > 24:
        return None
    if told and end.group(1) not in (None, "凌晨"):
        clock = read_clock(end)  # 次日上午10点, 次日下午1点 (13:00), 次日傍晚6点: as its part says
        return clock if isinstance(clock, str) else None  # 次日晚上12点 is the day after's midnight
    if hour == 24 or (hour == 12 and part in ("凌晨", *_AFTERNOON)):
        hour = 0
    # an end said in the daytime (晚上8点到下午1点: 13:00) is no small hour; a start's 上午 or 中午 carried neither
    clock = f"{hour:02d}:{minute:02d}"
    if end.group(1) in _DAYTIME or part in ("上午", "中午") or clock >= NIGHT_ENDS or (not told and begun < "18:00"):
        return None
    return clock


def _day_range(day: str, until: str, with_time: bool) -> Hint:
    """2026-12-01 至 2026-12-03 (or 至 12月3日): one day in this field; an activity's last day in `end`."""
    if not with_time:
        return "value.date_range_one_day", {"suggestion": day}
    finished = read_typed(until, True)
    if not isinstance(finished, str):
        short = _without_year(until, True, int(day[:4]))
        finished = short[1]["example"] if short is not None and short[0] == "value.date_no_year" else None
    if finished is None or finished < day:
        return "value.date_range_typed", {"suggestion": day, "until": until}
    return "value.datetime_range_typed", {"start": day, "end": finished}
