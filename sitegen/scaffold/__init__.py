"""`sitegen init` and `sitegen new`: a sample site that builds, and commented record templates."""

from __future__ import annotations

import json
from codecs import BOM_UTF8
import re
import sys
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Final

import yaml

from sitegen.errors import UsageProblem, shown_width
from sitegen.kinds import kind as kind_entry
from sitegen.kinds import named
from sitegen.slugs import slugify

SAMPLE_NAME: Final = "示例社区"
# The guide a worker opens by a double click: a .txt opens in Notepad where a .md asks which program to use
GUIDE: Final = "使用说明.txt"


def for_notepad(text: bytes) -> bytes:
    """UTF-8 text as Windows Notepad reads it right, old versions too (Windows 7's, still in offices):
    a byte order mark, without which it may take the file for GBK, and CRLF line ends, without which
    it shows one long line."""
    return BOM_UTF8 + text.removeprefix(BOM_UTF8).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


# On Windows the content files `init` and `new` write are in Notepad's form too: a worker opens a record
# in Notepad, and Windows 7's (still in offices) showed each one LF-only record as a single line and may
# take it for GBK. Elsewhere they stay UTF-8 with LF, as the files of the package are.
NOTEPAD: Final = sys.platform == "win32"
_TEXT_FILES: Final = (".md", ".markdown", ".yaml", ".yml", ".txt")


def for_this_system(paths: Iterable[Path]) -> None:
    """On Windows (`NOTEPAD`), write each text file among `paths` (records, site.yaml, street.yaml) again
    as `for_notepad` gives it: a BOM and CRLF, which the content check reads as it reads LF (load/decode.py).
    Elsewhere nothing. OSError as raised."""
    if not NOTEPAD:
        return
    for path in paths:
        if path.suffix.lower() in _TEXT_FILES:
            path.write_bytes(for_notepad(path.read_bytes()))


def kind_of(name: str) -> str | None:
    """The folder of the kind a worker names (wish, 微心愿, 心願: the registry's `names`), or None."""
    found = named(name)
    return found.folder if found else None


def init_site(target: Path) -> list[Path]:
    """Copy the sample site into an empty (or new) folder, with an empty content/media for photos;
    never overwrite anything."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageProblem("init.not_empty", path=str(target))
    source = resources.files("sitegen.scaffold").joinpath("site")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with resources.as_file(source) as folder:
        for path in sorted(Path(folder).rglob("*")):
            rel = path.relative_to(folder)
            if "__pycache__" in rel.parts:
                continue
            destination = target / rel
            if path.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            else:
                destination.write_bytes(for_notepad(path.read_bytes()) if path.name == GUIDE else path.read_bytes())
                written.append(destination)
    # 使用说明.txt says to put photos into content/media: the folder is there to put them in (a
    # package keeps no empty folder)
    (target / "content" / "media").mkdir(exist_ok=True)
    name_site(target / "content" / "site.yaml", site_name(target))
    for_this_system(written)
    return written


def site_name(folder: Path) -> str:
    """The community's name from its folder: 新景社区 as it is; pinyin or English words capitalised
    (xinjing-shequ → Xinjing Shequ); the sample's own name when the folder says nothing."""
    name = " ".join(folder.resolve().name.split())
    if any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in name):
        return name
    words = [w for w in re.split(r"[\s_.-]+", name) if w]
    if not words or not any(ch.isalpha() for ch in name):
        return SAMPLE_NAME
    return " ".join(w[:1].upper() + w[1:] for w in words)


def name_site(site_yaml: Path, name: str, sample: str = SAMPLE_NAME) -> None:
    """Put the community's name into the sample's `name: <sample>` line (street.yaml's too), keeping its
    comment in its column; a folder whose name says nothing (site_name gave SAMPLE_NAME) leaves it."""
    text = site_yaml.read_text("utf-8")
    found = re.compile(rf"^name: {sample}( *)(?=#)", re.MULTILINE).search(text)
    if found is None or name == SAMPLE_NAME:
        return
    try:
        plain = "#" not in name and yaml.safe_load(f"name: {name}") == {"name": name}
    except yaml.YAMLError:
        plain = False
    line = f"name: {name if plain else _yaml_text(name)}"
    line += " " * max(1, shown_width(found.group(0)) - shown_width(line))
    site_yaml.write_text(text[:found.start()] + line + text[found.end():], "utf-8", newline="\n")


def _yaml_text(value: str) -> str:
    """A title as a YAML scalar that reads back exactly (quotes, colons and # included)."""
    return json.dumps(value, ensure_ascii=False)


def record_path(content: Path, kind: str, title: str, today: date) -> Path:
    """The file a record of `kind` (its folder name) titled `title` is first named: the title in
    pinyin, after the year for a record of a moment (a person or a free page keeps one for good)."""
    entry = kind_entry(kind)
    stem = slugify(title, 60) or "record"
    if entry.dated:
        stem = f"{today.year}-{stem}"
    return content / kind / f"{stem}{entry.suffix}"


def new_record(content: Path, kind: str, title: str, today: date) -> Path:
    """Write a record from the kind's commented template at `record_path`, or, when a file is there
    already (the same title again), at the first free `<stem>-2`, `-3` …; the path written."""
    entry = kind_entry(kind)
    template = resources.files("sitegen.scaffold").joinpath("templates", kind + entry.suffix).read_text("utf-8")
    path = record_path(content, kind, title, today)
    folder, stem = path.parent, path.name.removesuffix(entry.suffix)
    folder.mkdir(parents=True, exist_ok=True)
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{entry.suffix}"
        number += 1
    text = template.replace("{{", "{").replace("}}", "}")  # literal braces first, then the two fields
    text = text.replace("{title}", _yaml_text(title)).replace("{today}", today.isoformat())
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    for_this_system([path])
    return path
