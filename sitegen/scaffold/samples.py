"""The sample records `sitegen init` writes (sitegen/scaffold/site/content/), known by what they say.

A community that keeps one of them unchanged publishes it with its own records: a party member 王建国
with a phone number, a wish for a walking frame, an activity and a deliberation that never happened,
an 关于我们 page that says only where to write one, on the board its residents read. `samples_left`
warns at each; 使用说明.txt names them too. The same for site.yaml's (and street.yaml's) sample
street, district, city and office: shown on every page and poster, and the office's number is the one
a poster asks residents to call to claim a wish. Warnings, not errors: the first `sitegen build` after
`sitegen init` builds, as the README and the guide say it does.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final
from importlib import resources
from pathlib import PurePosixPath

import yaml

from sitegen.errors import Problem
from sitegen.load.files import SourceFile
from sitegen.load.records import RawRecord, parse_file


@cache
def sample_digests() -> frozenset[str]:
    """The digests (RawRecord.digest: what a record says, whatever its comments, line ends or file
    name) of every sample record `init` writes; read from the package once a process."""
    digests: set[str] = set()
    root = resources.files("sitegen.scaffold").joinpath("site", "content")
    for folder in root.iterdir():
        if not folder.is_dir():
            continue  # site.yaml: `init` writes the folder's name into it
        for item in folder.iterdir():
            text = item.read_text("utf-8")
            source = SourceFile(PurePosixPath(folder.name, item.name), folder.name, len(text.encode("utf-8")), 0)
            digests.update(record.digest for record in parse_file(source, text)[0])
    return frozenset(digests)


# site.yaml's fields whose sample value is no community's (its name is the folder's, its hours may be real)
SITE_FIELDS: Final[tuple[tuple[str, ...], ...]] = (("street",), ("district",), ("city",), ("office", "address"), ("office", "phone"))


@cache
def sample_site_values() -> dict[tuple[str, ...], str]:
    """SITE_FIELDS → the value the sample site.yaml gives it (street.yaml's are the same: tests hold them so)."""
    text = resources.files("sitegen.scaffold").joinpath("site", "content", "site.yaml").read_text("utf-8")
    values: dict[tuple[str, ...], str] = {}
    for path in SITE_FIELDS:
        value = _at(yaml.safe_load(text), path)
        if isinstance(value, str):
            values[path] = value
    return values


def _at(data: object, path: tuple[str, ...]) -> object:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def with_samples_left(problems: list[Problem], records: Iterable[RawRecord]) -> list[Problem]:
    """`problems` (the check's), with a warning at each record that is one of `init`'s samples as written
    (`record.sample_left`), in place of the warnings at its sample words (`record.sample_word`, said by the
    record's own check: validate/leftovers.py), and at each of site.yaml's SITE_FIELDS holding its sample
    value (`site.sample_phone` for the office's number, else `site.sample_value`); a value a street's
    community takes from street.yaml is said at street.yaml's line (load/defaults.py)."""
    samples = sample_digests()
    found = []
    for record in records:
        if record.digest in samples:
            found.append(Problem(record.path, record.line, "record.sample_left", {}, warning=True))
        if record.kind == "site":
            found += sample_values_left(record)
    whole = {p.path for p in found if p.key == "record.sample_left"}
    return [*(p for p in problems if not (p.key == "record.sample_word" and p.path in whole)), *found]


def sample_values_left(record: RawRecord) -> list[Problem]:
    """A warning at each of SITE_FIELDS of `record` (site.yaml's, or street.yaml's: the street's home page
    shows its office even when every community has its own) holding its sample value: `site.sample_phone`
    for the office's number, else `site.sample_value`."""
    found = []
    for path, value in sample_site_values().items():
        if str(_at(record.fields, path)).strip() == value:
            key = "site.sample_phone" if path == ("office", "phone") else "site.sample_value"
            found.append(record.problem(path, key, warning=True, field=".".join(path), value=value))
    return found
