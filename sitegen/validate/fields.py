"""Field types of the content contract; each error type is also its message key."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Final
from urllib.parse import urlsplit

from pydantic import PlainValidator
from pydantic_core import PydanticCustomError

from sitegen.addresses import BadAddress, ascii_url
from sitegen.validate import numbers
from sitegen.validate.date_hint import DATE_MAX, explain
from sitegen.validate.typed import fail as _fail
from sitegen.validate.typed import text_of as _text
from sitegen.validate.typed import typed as _typed
from sitegen.validate.words import Words, chosen, listed, word_table
from sitegen.validate.yesno import yes_or_no
from sitegen.load.invisible import drop_invisible

SLUG_RE: Final = re.compile(r"[a-z0-9-]{1,80}")
WINDOWS_RESERVED: Final = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]
)
_DAY_RE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME_RE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})")
_PHONE_SEPARATORS: Final = re.compile(r"[\s\-()（）]")

# Limits that keep one mistyped value from crashing or swelling the build (issue 12 §5). Each is far
# beyond what a notice board holds; going past one is a content error naming the limit.
DATE_MIN: Final = date(1900, 1, 1)  # dates a notice board can mean; 9999-12-31 + 1 day overflows
# DATE_MAX (2199-12-31) is validate/date_hint.py's, whose suggestions keep to it
MAX_LINE: Final = 1000  # characters in a one-line field (a title is 10-40; a pasted summary may run long)
MAX_NAME: Final = 50  # characters in a person's name
MAX_TEXT: Final = 5000  # characters in a multi-line field (pledge, decision, thanks)
MAX_LEVEL: Final = 100  # characters in one level of a place path (its pinyin is a URL segment)
MAX_ITEMS: Final = 200  # items in a list field (partners, duties)
MAX_TAGS: Final = 20  # tags on one record: each tag writes a page
# MAX_COUNT (people, votes) and MAX_MONEY (yuan) are validate/numbers.py's, with the number fields
MAX_BASE_URL: Final = 200  # characters: every QR code holds base_url + a path, and must stay scannable
# No whitespace, control, format or quoting character in a base_url: it is written into robots.txt,
# the sitemap, feeds and QR codes, and a newline there forges lines of its own.
_URL_FORBIDDEN: Final = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\"<>\\^`{|}]")


def _limited(text: str, limit: int) -> str:
    if len(text) > limit:
        raise _fail("value.too_long", limit=limit, length=len(text))
    return text


def clean_line(value: str) -> str:
    """One line of text: no control, zero-width or bidi characters (emoji kept whole), whitespace collapsed."""
    value = drop_invisible(value, keep="\t\n")
    return " ".join(value.split())


def clean_text(value: str) -> str:
    """Multi-line text: keep line breaks, drop invisible characters that could hide or reorder text."""
    kept = drop_invisible(value, keep="\n")
    return "\n".join(line.rstrip() for line in kept.strip().split("\n"))


def _one_line(value: Any, limit: int = MAX_LINE) -> str:
    text = clean_line(_text(value))
    if not text:
        raise _fail("value.empty")
    return _limited(text, limit)


def _multi_line(value: Any) -> str:
    text = clean_text(_text(value))
    if not text:
        raise _fail("value.empty")
    return _limited(text, MAX_TEXT)


# What is never part of one person's name: a phone number (five digits or more), brackets (a note:
# 张桂英（独居）) and list separators (two people: 张桂英、王明). A space, a middle dot or a short number
# may be (John Smith, 阿卜杜拉·买买提, 居民3: a generated or numbered resident).
_NOT_IN_NAME: Final = re.compile(r"[0-9]{5}|[()\[\]【】〔〕、,;/:]")


def _name(value: Any) -> str:
    """One person's name: NFKC first, so ＷＡＮＧ and WANG are one name (names are compared for
    privacy: a wisher's full name anywhere in the published site stops the build).

    A name with a phone number, a note or a second person in it is refused, with the name it starts
    with as the example: `张桂英（电话13912345678）` as a wisher was the secret looked for, so the
    body's 张桂英奶奶 was published unseen (found by a newcomer, session 15).
    """
    name = _one_line(unicodedata.normalize("NFKC", _text(value)), MAX_NAME)
    extra = _NOT_IN_NAME.search(name)
    if extra is not None:
        before = name[:extra.start()].rstrip(" 0123456789，。.-—+")  # 李建国 0551-63351234 → 李建国
        raise _fail("value.name_extra", value=name, name=before or "张桂英")
    return name


def _format_fail(key: str, raw: str, with_time: bool) -> PydanticCustomError:
    """A date not in the contract's form: the message names the form to write when the value reads
    as one (2026年12月21日 下午3点 → 2026-12-21 15:00, 20261201 → 2026-12-01), says why when it reads
    as a day typed otherwise (no such day, no year, 下午 with no hour, a time where only a day is asked,
    a range: validate/date_hint.py `explain`); anything else is shown the pattern."""
    found = explain(raw, with_time, date.today().year)
    if found is not None:
        hint, args = found
        return _fail(hint, value=raw, **args)
    return _fail(key, value=raw)


def _checked_date(year: str, month: str, day: str, raw: str) -> date:
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        raise _fail("value.date_invalid", value=raw) from None
    if not DATE_MIN <= found <= DATE_MAX:
        raise _fail("value.date_range", value=raw, min=DATE_MIN.isoformat(), max=DATE_MAX.isoformat())
    return found


def _day(value: Any) -> date:
    raw = _typed(value)
    match = _DAY_RE.fullmatch(raw)
    if not match:
        raise _format_fail("value.date_format", raw, with_time=False)
    year, month, day = match.groups()
    return _checked_date(year, month, day, raw)


def _day_or_time(value: Any) -> date | datetime:
    raw = _typed(value)
    if _DAY_RE.fullmatch(raw):
        return _day(raw)
    match = _TIME_RE.fullmatch(raw)
    if not match:
        raise _format_fail("value.datetime_format", raw, with_time=True)
    year, month, day, hour, minute = match.groups()
    day_ = _checked_date(year, month, day, raw)
    if int(hour) > 23 or int(minute) > 59:
        raise _fail("value.time_invalid", value=raw)
    return datetime(day_.year, day_.month, day_.day, int(hour), int(minute))


read_day, read_day_or_time = _day, _day_or_time  # as the editor shows a date check reads (edit/values.py)


def _count(value: Any) -> int:
    return numbers.count(_typed(value))


def _percent(value: Any) -> int:
    return numbers.percent(_typed(value))


def _money(value: Any) -> float:
    return numbers.money(_typed(value))


def boolean(words: Words | None = None) -> Any:
    """The type of a yes-or-no field that takes `words` (a kind's `Field.words`) besides everyone's."""
    return Annotated[bool, PlainValidator(yes_or_no(words))]


_boolean = yes_or_no()  # named as the editor's checkbox knows it (edit/forms.py)


# What separates items when a worker types a list on one line: 邻里节，文艺 or 巡逻、消防检查.
LIST_SEPARATORS: Final = re.compile(r"[，、,；;]")


def split_one_line_list(value: str) -> list[str]:
    """`邻里节，文艺` → [邻里节, 文艺]: items typed on one line with a comma, 、 or semicolon; brackets
    around the whole line (`［邻里节，文艺］`, full-width or not) are the list's, not the items'."""
    value = value.strip()
    if len(value) > 2 and value[0] in "［[【" and value[-1] in "］]】":
        value = value[1:-1]
    return [item.strip() for item in LIST_SEPARATORS.split(value) if item.strip()]


def _string_list(value: Any) -> tuple[str, ...]:
    """A list of short texts; a single text is split at its commas (a warning says so), as a worker would mean."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else split_one_line_list(value) if isinstance(value, str) else [value]
    if len(items) > MAX_ITEMS:
        raise _fail("value.too_many", limit=MAX_ITEMS, count=len(items))
    out = []
    for item in items:
        if isinstance(item, (dict, list)):
            raise _fail("value.list_of_text")
        if item is not None and clean_line(str(item)):
            out.append(_limited(clean_line(str(item)), MAX_LINE))
    return tuple(out)


def split_tag_items(value: list[Any]) -> list[Any]:
    """A tag list with each item holding a comma, 、 or semicolon split there: `[邻里节，文艺]` is two
    tags typed with a Chinese comma (YAML's flow list splits at `,` alone), never one tag named
    邻里节，文艺 (breaker helper-123). Tags only: a duty or a partner may hold a 、 in its words."""
    return [part for item in value
            for part in (split_one_line_list(item) if isinstance(item, str) and LIST_SEPARATORS.search(item) else [item])]


def _tags(value: Any) -> tuple[str, ...]:
    """Tags: each writes a page of its own, so a record may have at most MAX_TAGS."""
    if isinstance(value, list):
        value = split_tag_items(value)
        if len(value) > MAX_TAGS:
            raise _fail("value.too_many", limit=MAX_TAGS, count=len(value))
    return tuple(_limited(tag, MAX_LEVEL) for tag in _string_list(value))


def _slug(value: Any) -> str:
    raw = _text(value).strip()
    if not SLUG_RE.fullmatch(raw):
        raise _fail("value.slug", value=raw)
    if raw in WINDOWS_RESERVED:
        raise _fail("value.slug_reserved", value=raw)
    return raw


@dataclass(frozen=True, slots=True)
class Phone:
    """A phone number as digits (for tel: links and masking) and as the worker wrote it."""

    digits: str
    shown: str


# A number starting with 1 is a mobile (11 digits, MIIT's numbering plan) or a short service number
# (12345, 10086: five digits); one of 6-10 or 12-15 digits is a mobile with a digit lost or doubled.
MOBILE_DIGITS: Final = 11
SERVICE_DIGITS: Final = 5


def parse_phone(value: Any) -> Phone:
    """A phone number as written: 5-15 digits after separators and +86 are taken out; one starting
    with 1 is 5 digits (a service number) or 11 (a mobile); one of 10 or 11 digits starting with 2-9,
    not written after +86, is a landline that lost its leading 0. Raises the `value.phone`,
    `value.phone_mobile_digits` or `value.phone_zero_lost` error."""
    raw = clean_line(_text(value))
    digits = _PHONE_SEPARATORS.sub("", raw)
    international = digits.startswith("+86")
    if international:
        digits = digits[3:]
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise _fail("value.phone", value=raw)
    if digits.startswith("1") and len(digits) not in (SERVICE_DIGITS, MOBILE_DIGITS):
        raise _fail("value.phone_mobile_digits", value=raw, count=len(digits))
    if not international and len(digits) in (10, 11) and digits[0] in "23456789":
        # A landline with its area code (0551-63351234) whose 0 a spreadsheet dropped (a number cell,
        # or a CSV it saved): every mainland area code starts with 0, and no number of ten or eleven
        # digits starts with 2-9 (breaker helper-124: 55163351234 printed on the poster residents call).
        raise _fail("value.phone_zero_lost", value=raw, fixed=f"0{digits}")
    shown = digits if len(digits) == MOBILE_DIGITS else re.sub(r"\s+", " ", raw)
    return Phone(digits=digits, shown=shown)


def _place(value: Any) -> tuple[str, ...]:
    raw = _text(value).replace("／", "/").replace("\\", "/")
    levels = tuple(clean_line(level) for level in raw.split("/"))
    if not raw.strip() or any(not level for level in levels):
        raise _fail("value.place", value=raw.strip())
    if len(levels) > 4:
        raise _fail("value.place_depth", value=raw.strip())
    for level in levels:
        _limited(level, MAX_LEVEL)
    return levels


def check_base_url(raw: str) -> str:
    """An absolute http(s) address that fits a QR code and cannot break a line of any file."""
    if _URL_FORBIDDEN.search(raw):
        raise _fail("value.base_url_character", value=raw.encode("unicode_escape").decode("ascii"))
    if len(raw) > MAX_BASE_URL:
        raise _fail("value.base_url_long", limit=MAX_BASE_URL, length=len(raw))
    try:
        parts = urlsplit(raw)
        port = parts.port  # noqa: F841 - urlsplit checks the port only when asked
    except ValueError:
        raise _fail("value.base_url", value=raw) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise _fail("value.base_url", value=raw)
    if "@" in parts.netloc:  # user:password@host would be printed on every page and in every QR code
        raise _fail("value.base_url_login", host=parts.hostname)
    try:
        ascii_url(raw)
    except BadAddress:
        raise _fail("value.base_url_host", value=raw, host=parts.hostname) from None
    return raw if raw.endswith("/") else raw + "/"


def _base_url(value: Any) -> str:
    return check_base_url(_text(value).strip())


def _path_text(value: Any) -> str:
    raw = _text(value).strip()
    if not raw:
        raise _fail("value.empty")
    return raw


def _choice(*allowed: str, words: Words | None = None, labels: Any = None) -> PlainValidator:
    """One of `allowed`, or a Chinese word for it: `words` maps each value to its spellings (the kind registry's);
    a message lists each with the word `labels` (the field's sheet_labels) gives it, the site's (words.listed)."""
    table = word_table(words) if words else {}

    def check(value: Any) -> str:
        raw = _typed(value)
        found = chosen(allowed, table, raw)  # ♥ 已认领, 【claimed】, 2. claimed: the word without its marks too
        if found is None:
            if words:
                raise _fail("value.choice_words", value=raw, allowed=", ".join(allowed), words=listed(allowed, words, labels))
            raise _fail("value.choice", value=raw, allowed=", ".join(allowed))
        return found

    check.allowed = allowed  # type: ignore[attr-defined]  # forms (sitegen edit) offer these
    return PlainValidator(check)


OneLine = Annotated[str, PlainValidator(_one_line)]
Text = Annotated[str, PlainValidator(_multi_line)]
Name = Annotated[str, PlainValidator(_name)]
Day = Annotated[date, PlainValidator(_day)]
DayOrTime = Annotated[date, PlainValidator(_day_or_time)]  # a datetime is a date too
Count = Annotated[int, PlainValidator(_count)]
Percent = Annotated[int, PlainValidator(_percent)]
Money = Annotated[float, PlainValidator(_money)]
Bool = boolean()
StrList = Annotated[tuple[str, ...], PlainValidator(_string_list)]
Tags = Annotated[tuple[str, ...], PlainValidator(_tags)]
Slug = Annotated[str, PlainValidator(_slug)]
PhoneNumber = Annotated[Phone, PlainValidator(parse_phone)]
PlacePath = Annotated[tuple[str, ...], PlainValidator(_place)]
BaseUrl = Annotated[str, PlainValidator(_base_url)]
RelPath = Annotated[str, PlainValidator(_path_text)]
choice = _choice
