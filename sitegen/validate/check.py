"""Validate every loaded record, then the rules that span records: unique slugs, private names."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from sitegen.errors import Problem
from sitegen.load import Loaded
from sitegen.load.comments import field_path
from sitegen.load.records import RawRecord
from sitegen.validate.links import dead_body_links
from sitegen.validate.body import body_limits
from sitegen.validate.commented import commented_out
from sitegen.validate.guarded import unsaid_missing
from sitegen.validate.kept import Checked, RecordsKept
from sitegen.validate.photos import PhotoChecker
from sitegen.validate.rules import RULES, slug_of
from sitegen.validate.schema import SCHEMAS, Fields
from sitegen.validate.unknown import unknown_fields

if TYPE_CHECKING:
    from sitegen.validate.privacy import Variants

_PYDANTIC_KEYS: Final = {
    "missing": "field.missing",
    "model_type": "value.mapping",
    "dict_type": "value.mapping",
    "model_attributes_type": "value.mapping",
    "list_type": "value.list",
    "tuple_type": "value.list",
    "string_type": "value.not_text",
}


@dataclass(frozen=True, slots=True)
class Valid:
    """A record whose fields passed the schema and its rules."""

    raw: RawRecord
    fields: Any  # the kind's schema model
    slug: str
    photos: tuple[PurePosixPath, ...]  # normalised, checked paths; a disclosure's `photo` comes first

    @property
    def kind(self) -> str:
        return self.raw.kind


@dataclass(frozen=True, slots=True)
class Validated:
    site: Valid | None
    records: list[Valid]  # records and pages, in path order
    problems: list[Problem]


def error_problem(raw: RawRecord, error: ErrorDetails) -> Problem:
    """One pydantic error → one problem on the line of the offending key."""
    loc = tuple(error["loc"])
    kind = error["type"]
    key = kind if kind.startswith("value.") else _PYDANTIC_KEYS.get(kind, "value.invalid")
    if key == "value.empty" and _required(raw.kind, loc):
        key = "value.empty_required"  # "or delete the line" would only lead to "missing required field"
    args: dict[str, object] = {"field": field_path(loc), "detail": error["msg"]}
    if key == "field.missing" and len(loc) > 1 and isinstance(loc[-2], int):  # "timeline[1].date: …" is no YAML line
        key = "field.missing_item"
        args.update(key=field_path(loc[:-1]), name=loc[-1])
    args.update(error.get("ctx") or {})
    return Problem(raw.path, raw.line_of(*loc), key, args)


def _required(kind: str, loc: tuple[str | int, ...]) -> bool:
    """Whether the field at `loc` of records of `kind` (a folder, or "site") must be there: a top-level
    field, or one of a nested table's or list entry's (`timeline[1].note`; helper-71: only top-level
    ones were looked at), named as written (`for`, the alias of `for_`)."""
    model: type[Fields] | None = SCHEMAS.get(kind)
    names = [str(part) for part in loc if not isinstance(part, int)]
    for depth, name in enumerate(names):
        if model is None:
            return False
        fields = model.model_fields
        attr = name if name in fields else next((n for n, f in fields.items() if f.alias == name), None)
        if attr is None:
            return False
        if depth == len(names) - 1:
            return fields[attr].is_required()
        model = model.nested.get(attr)
    return False


def _photos(raw: RawRecord, fields: Any, checker: PhotoChecker) -> tuple[tuple[PurePosixPath, ...], list[Problem]]:
    wanted: list[tuple[tuple[str | int, ...], str]] = []
    if getattr(fields, "photo", None):
        wanted.append((("photo",), fields.photo))
    wanted += [(("photos", i), p) for i, p in enumerate(getattr(fields, "photos", ())) if p]  # "": `_typed_photos`
    found, problems = [], []
    for at, value in wanted:
        path, key, args = checker.check(value)
        if key == "photo.one_per_line" and at == ("photo",):  # a disclosure's photo is one: no list to make
            key = "photo.only_one"
        elif key == "photo.one_per_line" and len(fields.photos) == 1:  # the whole field: as the template writes it
            key = "photo.one_line_list"
        if key is not None:  # named as 照片（photos）, or 照片第 2 项（photos[2]） among more than one
            field = f"photos[{int(at[-1]) + 1}]" if len(at) > 1 and len(fields.photos) > 1 else str(at[0])
            problems.append(Problem(raw.path, raw.line_of(*at), key, {**args, "field": field}))
        elif path is not None and path not in found:
            found.append(path)
    return tuple(found), problems


def _typed_photos(raw: RawRecord, problems: list[Problem]) -> SimpleNamespace:
    """The record's `photo` and `photos` as typed, for a record whose fields are not valid (its date,
    say): what is no plain text, or a problem names already (a path the schema refused, an empty
    line), left out as "" (`_photos` skips it, the others keep their lines) and nothing more."""
    photo, photos = raw.fields.get("photo"), raw.fields.get("photos")
    named = {str(p.args.get("field", "")) for p in problems}
    listed = [photos] if isinstance(photos, str) else photos if isinstance(photos, list) and "photos" not in named else []
    kept = tuple(p if isinstance(p, str) and p.strip() and f"photos[{i + 1}]" not in named else ""
                 for i, p in enumerate(listed))
    return SimpleNamespace(photo=photo if isinstance(photo, str) and "photo" not in named else None, photos=kept)


ValidCache = dict[str, tuple[Fields | None, list[Problem]]]


def check_fields(raw: RawRecord) -> tuple[Fields | None, list[Problem]]:
    """The schema and the record's own rules: depends on the record's text alone, so it is cached."""
    schema = SCHEMAS[raw.kind]
    problems = list(unknown_fields(raw, schema))
    try:
        fields: Fields = schema.model_validate(raw.fields)
    except ValidationError as e:
        return None, unsaid_missing([*problems, *(error_problem(raw, err) for err in e.errors())])
    return fields, problems + [p for rule in RULES[raw.kind] for p in rule(raw, fields)]


def _record_key(raw: RawRecord) -> str:
    """What a record's findings depend on: its text (digest) and where each part of it is (its
    findings name lines), so a comment or blank line added above never leaves a finding on the old line."""
    where = hashlib.blake2b(repr((raw.line, raw.body_line, raw.lines, raw.commented)).encode("utf-8"),
                            digest_size=12).hexdigest()
    return f"{raw.kind}\0{raw.path}\0{raw.stem}\0{raw.in_list}\0{where}\0{raw.digest}"


def _checked(raw: RawRecord) -> tuple[Fields | None, list[Problem]]:
    """check_fields and the body's own checks: what depends on the record's text and where its body
    starts (both in the cache key), not on other files."""
    fields, problems = check_fields(raw)
    return fields, [*commented_out(raw, problems), *_body_images(raw), *body_limits(raw)]


def validate_record(raw: RawRecord, checker: PhotoChecker,
                    cache: ValidCache | None = None, key: str | None = None) -> tuple[Valid | None, list[Problem]]:
    """One record checked: (the valid record or None, its problems). What depends on its text alone
    comes from `cache` (under `key`, _record_key) when the text and its layout are unchanged; its
    photos are always looked at."""
    fields, problems = _fields_of(raw, cache, key or _record_key(raw))
    return _with_photos(raw, fields, problems, checker)


def _fields_of(raw: RawRecord, cache: ValidCache | None, key: str | None) -> tuple[Fields | None, list[Problem]]:
    """_checked(raw), from `cache` under `key` when it holds it (and kept there when not)."""
    cached = cache.get(key) if cache is not None and key is not None else None
    fields, problems = cached if cached is not None else _checked(raw)
    if cache is not None and key is not None and cached is None:
        cache[key] = (fields, problems)
    return fields, list(problems)


def _with_photos(raw: RawRecord, fields: Fields | None, problems: list[Problem], checker: PhotoChecker,
                 last: Valid | None = None) -> tuple[Valid | None, list[Problem]]:
    """The record's photos looked at (the files may change: always), then its Valid; `last`, the
    Valid made of the same record object before, is given back when its photos are the same."""
    if fields is None:  # its other problems hide none of its photos' (every problem in one run)
        return None, problems + _photos(raw, _typed_photos(raw, problems), checker)[1]
    photos, photo_problems = _photos(raw, fields, checker)
    problems += photo_problems
    if any(not p.warning for p in problems):
        return None, problems
    if last is not None and last.photos == photos:
        return last, problems
    return Valid(raw=raw, fields=fields, slug=slug_of(raw, fields), photos=photos), problems


def _validated(raw: RawRecord, checker: PhotoChecker, cache: ValidCache | None,
               kept: RecordsKept | None) -> tuple[Valid | None, list[Problem], str | None]:
    """validate_record, and the record's cache key (None without a cache); with `kept`, a record
    object met by the last build is not checked or digested again, only its photos are looked at."""
    known = kept.get(raw) if kept is not None else None
    if known is None:
        key = _record_key(raw) if cache is not None or kept is not None else None
        fields, own = _fields_of(raw, cache, key)
        if kept is not None and key is not None:
            known = Checked(raw, fields, tuple(own), key)
    else:
        key, fields, own = known.key, known.fields, list(known.problems)
    valid, problems = _with_photos(raw, fields, own, checker, known.valid if known is not None else None)
    if kept is not None and known is not None:
        kept.put(known if valid is known.valid else dataclasses.replace(known, valid=valid))
    return valid, problems, key if cache is not None else None


_IMAGE = re.compile(r"!\[[^\]]*\]\(")


def _body_images(raw: RawRecord) -> list[Problem]:
    """Pictures placed in the text are not shown (photos go in `photos:`); say so, with the line."""
    if not raw.body or "![" not in raw.body:
        return []
    return [Problem(raw.path, (raw.body_line or 1) + number, "body.image", {}, True)
            for number, line in enumerate(raw.body.split("\n")) if _IMAGE.search(line)]


def unique_slugs(records: Iterable[Valid]) -> Iterator[Problem]:
    """Two records of one kind cannot share a URL."""
    first: dict[tuple[str, str], Valid] = {}
    for record in records:
        other = first.setdefault((record.kind, record.slug), record)
        if other is not record:
            where = f"{other.raw.path}:{other.raw.line}"
            at = ("id",) if "id" in record.raw.fields else ()
            yield record.raw.problem(at, "slug.duplicate", slug=record.slug, other=where)


MAX_SITE_TAGS: Final = 500  # each tag writes a page (and its 繁體 and elder copies)


def tags_within_limit(records: Iterable[Valid]) -> Iterator[Problem]:
    """At most MAX_SITE_TAGS different tags on a site: the record that goes past the limit is named."""
    seen: set[str] = set()
    for record in records:
        tags = getattr(record.fields, "tags", ())
        new = [t for t in tags if t not in seen]
        if len(seen) + len(new) > MAX_SITE_TAGS:
            yield record.raw.problem("tags", "site.too_many_tags", limit=MAX_SITE_TAGS)
            return
        seen.update(new)


def _phone_problems(loaded: Loaded, site: Valid | None, records: list[Valid], clean: dict[str, set[str]] | None,
                    street_phones: Mapping[str, str] | None, street_nowhere: Mapping[str, str] | None = None
                    ) -> list[Problem]:
    """The office's number hidden for a person (named at the person), then every hidden number published,
    then every `none` number published masked."""
    from sitegen.validate.masked_phones import none_phones_masked
    from sitegen.validate.phones import hidden_phones_unpublished, office_phone_hidden

    public, problems = office_phone_hidden(site, records)
    return (problems + list(hidden_phones_unpublished(loaded.records, records, clean, street_phones, public,
                                                      street_nowhere or ()))
            + list(none_phones_masked(loaded.records, records, street_nowhere)))


def validate_content(loaded: Loaded, content: Path, cache: ValidCache | None = None,
                     clean: dict[str, set[str]] | None = None,
                     photos: dict[str, tuple[int, int, str | None]] | None = None, *,
                     variants: Variants, phones_clean: dict[str, set[str]] | None = None,
                     street_names: Mapping[str, str] | None = None, street_phones: Mapping[str, str] | None = None,
                     street_nowhere: Mapping[str, str] | None = None, kept: RecordsKept | None = None) -> Validated:
    """Every record through its schema and rules; problems from all files, nothing raised.

    `variants` is the build's memo of wishers' names in both scripts (validate/privacy.py);
    `clean` and `phones_clean` the records found free of wishers' names and of hidden numbers.
    `street_names` and `street_phones` (a street's community): the other communities' wishers' names
    and web-hidden numbers → the street-relative PATH:LINE they come from (validate/privacy.py);
    `street_nowhere`, those numbers whose show_phone is `none` (validate/masked_phones.py).
    `kept` (serve): each unchanged record's own check from the last build (validate/kept.py).
    """
    from sitegen.validate.privacy import wisher_names_unpublished
    from sitegen.validate.slips import place_typed_without_slash

    checker = PhotoChecker(content, photos)
    problems = list(loaded.problems)
    site: Valid | None = None
    records: list[Valid] = []
    keys: list[str | None] = []
    if kept is not None:
        kept.start()
    for raw in loaded.records:
        valid, found, key = _validated(raw, checker, cache, kept)
        keys.append(key)
        problems += found
        if valid is None:
            continue
        if raw.kind == "site":
            site = valid
        else:
            records.append(valid)
    if kept is not None:
        kept.settle()
    if cache is not None:  # keep the cache to what the content holds now
        wanted = set(keys)
        for gone in cache.keys() - wanted:
            del cache[gone]
    problems += unique_slugs(records)
    if site is not None:
        problems += dead_body_links(((v.raw, v.slug) for v in records), site.fields.base_url)
    problems += tags_within_limit(records)
    problems += wisher_names_unpublished(loaded.records, variants, clean, street_names)
    problems += _phone_problems(loaded, site, records, phones_clean, street_phones, street_nowhere)
    problems += place_typed_without_slash(records)
    return Validated(site=site, records=records, problems=problems)
