"""A field whose loss publishes what should not be, typed under another name: an error, never ignored.

Check reads field names as written (lower-case English, SPEC §3) and warns about any other name as an
unknown field it ignores (validate/unknown.py), with a hint. For most fields that loses a detail. For
these it publishes what the worker meant to keep back (breaker s21): `草稿: 是`, `Draft: true` or
`DRAFT: yes` published a worker's draft; `显示电话: 不显示` or `Show_Phone: none` printed the phone in
full on the poster (the default, `poster`); `政治面貌: 群众` showed a volunteer as 党员 (the default);
`化名: 爱心奶奶` showed 王** instead of the chosen alias; `许愿人: 王秀英` left the check without the
name it must keep off the site. Such a key is an error at its line that says the line to write.

A key stands for a guarded field when, folded (NFKC, lower case, no blanks, `_`, `-` or a closing
`?`/`：`), it is the field's name (`Draft`, `show-phone`, `ＤＲＡＦＴ`), one of the headers a sheet takes
for it (sitegen/kinds/: `草稿`, `电话公开方式`, `政治面貌`, `许愿人`, `化名`), or one of NAMES below
(`草稿箱`, `不发布`, `暂不发布`, `隐藏`, `发布`, `公开` …: a field that decides whether the record is shown).
Only top-level keys of a record whose kind has that field are looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

from sitegen.errors import Problem
from sitegen.kinds import ALL_KINDS, FOLDERS, kind
from sitegen.kinds.disclosures import PARTY_MEMBER_WORDS, SHOW_PHONE_WORDS
from sitegen.load.records import RawRecord
from sitegen.validate.guarded_parts import DRAFT_WORDS, YES_NO, bare, by_parts, by_value, is_date, negative
from sitegen.validate.words import chosen, word_table
from sitegen.validate.yesno import folded as folded_word
from sitegen.validate.yesno import yes_no_table

# Names workers give these fields beyond the sheets' headers, Simplified and Traditional.
NAMES: Final[dict[str, tuple[str, ...]]] = {
    "draft": ("草稿", "草稿箱", "是否草稿", "存草稿", "不发布", "暂不发布", "先不发布", "暂缓发布", "是否发布",
              "发布", "隐藏", "是否隐藏", "公开", "是否公开", "不公开", "暂不公开", "不公布", "不發布", "暫不發布",
              "先不發布", "暫緩發布", "是否發布", "發布", "隱藏", "是否隱藏", "公開", "是否公開", "不公開", "暫不公開",
              "公示", "是否公示", "不公示", "暂不公示", "暫不公示", "发布时间", "發布時間",
              "drafts", "isdraft", "hidden", "hide", "publish", "published", "unpublished", "private"),
    "show_phone": ("显示电话", "是否显示电话", "电话公开", "公开电话", "是否公开电话", "号码显示", "显示号码",
                   "手机显示", "显示手机", "电话怎么显示", "電話公開方式", "電話顯示", "顯示電話", "電話公開",
                   "公開電話", "號碼顯示", "顯示號碼", "phonedisplay", "showmobile"),
    "party_member": ("是否是党员", "党员身份", "黨員", "是否黨員", "政治面貌", "partymember"),
    "wisher": ("许愿者", "许愿人姓名", "心愿人姓名", "心願人", "許願人", "許願者"),
    "wisher_alias": ("化名", "称呼", "显示名", "昵称", "稱呼", "顯示名", "暱稱", "alias"),
}
# A person's consent, as a form asks it (手机号码公开: 不同意): a yes or a no for these fields alone.
_CONSENT: Final = {folded_word(w): yes for w, yes in (("同意", True), ("不同意", False), ("愿意", True),
                                                      ("不愿意", False), ("願意", True), ("不願意", False))}
_KEY_NOISE: Final = re.compile(r"[\s_\-－＿·.]+|[?？:：]+$")


def folded(key: str) -> str:
    """A field name as it is matched: NFKC, lower case, without blanks, `_`, `-`, `·`, `.` or a closing `?`/`:`."""
    return _KEY_NOISE.sub("", unicodedata.normalize("NFKC", key).casefold())


def _names() -> dict[str, str]:
    """folded name → the guarded field it stands for: the field itself, its sheet headers, NAMES."""
    table: dict[str, str] = {}
    for field, words in NAMES.items():
        headers = (h for k in ALL_KINDS for c in k.columns if c.target == field for h in c.headers)
        for word in (field, *headers, *words):
            table.setdefault(folded(word), field)
    return table


_BY_NAME: Final = _names()
_SHOW_PHONE: Final = word_table(SHOW_PHONE_WORDS)
_PARTY_MEMBER: Final = yes_no_table(PARTY_MEMBER_WORDS)


def guarded_field(raw: RawRecord, key: str, value: object, known: Sequence[str]) -> Problem | None:
    """The error `field.named_<field>` for a top-level key of `raw` that is not a field name (not in
    `known`, its kind's fields) but stands for a guarded field its kind has, naming the key as typed
    (`typed`), the field (`name`) and the line to write instead (`line`, e.g. `show_phone: none`); None
    for any other key. The key stands for it by its name (NAMES, headers, quoted or marked: guarded_parts.bare)
    with any value, or by its parts or its value alone (validate/guarded_parts.py) with a value read so.
    A publishing name with a date (`发布: 2026-11-01`) is `field.named_draft_date`: the kind's date or a draft;
    a 公示 name with a date (the notice's own period), or other words (`发布: 望湖社区党委`), is no draft: None,
    warned as unknown."""
    if key in known:
        return None
    name = folded(bare(key))
    field = _BY_NAME.get(name)
    exact = field is not None
    field = field or by_parts(name) or by_value(value, name)
    if field is None or field not in known:
        return None
    line = _value(field, value, name)
    if field == "draft":
        return _draft(raw, key, value, name, exact)
    if line.endswith("…") and not exact and (field != "wisher_alias" or not _text(value)):
        return None
    return raw.problem((key,), f"field.named_{field}", typed=key, name=field, line=f"{field}: {line}")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _draft(raw: RawRecord, key: str, value: object, name: str, exact: bool) -> Problem | None:
    """A draft's error: the kind's date line as well for a date (`发布: 2026-11-01`); None for a value that says
    neither yes, no nor draft under a name that is not 草稿 itself (`发布: 望湖社区党委`, `公开: 全体居民`)."""
    text = _text(value)
    date_field = kind(raw.kind).date_field if raw.kind in FOLDERS else None
    if is_date(text):  # a publishing date (发布: 2026-11-01) may be the record's; a 公示 date is the notice's own
        if not date_field or not any(word in name for word in ("发布", "發布")):
            return None
        return raw.problem((key,), "field.named_draft_date", typed=key, name="draft", value=text,
                           line=f"{date_field}: {text}")
    said = folded_word(text)
    reads = said in YES_NO or said in DRAFT_WORDS or ("草稿" in name or "draft" in name) or (exact and not text)
    if not reads:
        return None
    return raw.problem((key,), "field.named_draft", typed=key, name="draft", line="draft: true")


def _value(field: str, value: object, name: str) -> str:
    """What to write after `field:` for the typed `value` under the folded key `name`: the choice or yes/no
    it reads as (a yes under a key that says not showing, 电话保密 or 非党员, is a no), the text itself for a
    name, else `…`."""
    text = _text(value)
    said = YES_NO.get(folded_word(text), _CONSENT.get(folded_word(text)))
    if field == "show_phone":
        shown = None if said is None else said != negative(name)
        return chosen(tuple(SHOW_PHONE_WORDS), _SHOW_PHONE, text) or ("none" if shown is False else "…")
    if field == "party_member":
        member = _PARTY_MEMBER.get(folded_word(text))
        if member is not None and said is not None:
            member = member != negative(name)
        return "…" if member is None else str(member).lower()
    if said is not None:
        return "…"
    return text if text and "\n" not in text else "…"


def unsaid_missing(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` without "missing field" for a field a `field.named_*` error already names at its line
    (`许愿人: 王秀英` and no `wisher`: said once, where the worker wrote it)."""
    problems = list(problems)
    named = {str(p.args.get("name")) for p in problems if p.key.startswith("field.named_")}
    return [p for p in problems if not (p.key == "field.missing" and str(p.args.get("field")) in named)]
