"""The theme: templates and CSS, no build step; a site theme may override single files.

A theme is code written by someone else: its templates run in Jinja's sandbox (no `__globals__`,
no `os.popen`), its YAML is read with the content's locked-down loader, its images are re-encoded
like photos, and a broken or hostile file is a content problem at its PATH:LINE (`Theme.problems`).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import traceback
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar, Final

import jinja2

from sitegen.errors import Problem
from sitegen.load.files import resolves_inside
from sitegen.load.yamlfile import parse_yaml
from sitegen.render.markers import MarkerCompared, per_tree_tests
from sitegen.paths import default_theme_dir
from sitegen.render.compiled import COMPILED
from sitegen.render.sandbox import Sandbox

# Static files a site theme may re-encode: the pixels are kept, every metadata block (EXIF with GPS,
# XMP, comments) is dropped, as for photos (render/images.py).
_IMAGES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}


# {% extends "x" %}, {% include "x" %}, {% import "x" %}, {% from "x" import ... %}: the templates a
# template uses, found without parsing it (parsing every template took a third of a warm rebuild).
_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")  # a label's `{w}`, `{year}`: filled by the renderer


# `{% extends "default/base.html" %}`: the default theme's template of that name, even when the site
# overrides it (Jinja's PrefixLoader, as MkDocs' themes extend "base.html" of a parent theme).
DEFAULT_PREFIX: Final = "default"


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def _fingerprint(name: str, data: bytes) -> Asset:
    stem, dot, suffix = name.rpartition(".")
    return Asset(name, f"static/{stem}.{_hash(data)}.{suffix}" if dot else f"static/{name}", data)


def _template_frames(error: BaseException) -> list[traceback.FrameSummary]:
    """The template frames of the traceback, outermost first (Jinja compiles a template's lines into
    frames carrying its file name; a macro's frame is named "template", a block's "block 'NAME'")."""
    return [frame for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.endswith((".html", ".xml", ".txt", ".j2")) and Path(frame.filename).is_file()]


def _innermost_template(error: BaseException) -> tuple[str, int] | None:
    """(template file, line) of the innermost template frame in the traceback, or None when no template ran."""
    frames = _template_frames(error)
    return (frames[-1].filename, frames[-1].lineno or 0) if frames else None


def _lexical(path: Path | None) -> Path | None:
    """`path` with `.` and `..` taken out as Jinja names its template files (os.path.normpath): a theme
    given as `content/../brand` (site.yaml `theme: ../brand`) holds the files Jinja calls `brand/…`."""
    return Path(os.path.normpath(path)) if path is not None else None


class ThemeFault(Exception):
    """A template failed while rendering (undefined name, sandbox refusal, a per-tree value compared):
    where, the message key, and its arguments (Jinja's words as `detail`)."""

    def __init__(self, path: str, line: int | None, detail: str, key: str = "theme.template_error",
                 args: tuple[tuple[str, str], ...] = ()) -> None:
        self.path, self.line, self.detail, self.key, self.args_ = path, line, detail, key, args
        super().__init__(path, line, detail, key, args)  # all of them: a worker's fault is pickled to the parent

    def problem(self) -> Problem:
        return Problem(PurePosixPath(self.path), self.line, self.key, {"detail": self.detail, **dict(self.args_)})


@dataclass(frozen=True, slots=True)
class Asset:
    name: str  # style.css
    url: str  # static/style.3f2a9c1d.css: the hash makes WeChat's cache fetch a changed file
    data: bytes


@dataclass
class Theme:
    """Template folders (site override first), labels per language, and fingerprinted assets."""

    # Folders of i18n/ whose `<language>.yaml` hold labels ("": i18n/ itself); a subclass adds its own.
    LABEL_FOLDERS: ClassVar[tuple[str, ...]] = ("",)
    dirs: list[Path]
    language: str
    _env: jinja2.Environment | None = field(default=None, repr=False)
    shown: str = ""  # how the site's own theme folder is named in problems (relative to the content)

    @classmethod
    def load(cls, language: str, override: Path | None = None, shown: str = "") -> Theme:
        dirs = [override] if override is not None and override.is_dir() else []
        return cls(dirs=[*dirs, default_theme_dir()], language=language, shown=shown or (str(override) if override else ""))

    @property
    def override(self) -> Path | None:
        return self.dirs[0] if len(self.dirs) > 1 else None

    def _where(self, path: Path) -> PurePosixPath:
        override, path = _lexical(self.override), Path(os.path.normpath(path))  # both as Jinja names files
        if override is not None and path.is_relative_to(override):
            return PurePosixPath(self.shown, path.relative_to(override).as_posix())
        return PurePosixPath(path.name)

    def _read_yaml(self, path: Path) -> tuple[object, list[Problem]]:
        """The content's loader: no aliases (a billion laughs), no tags, no deep nesting, lines kept."""
        where = self._where(path)
        try:
            text = path.read_text("utf-8-sig")
        except UnicodeDecodeError:
            return None, [Problem(where, None, "theme.encoding")]
        located, problems = parse_yaml(text, where)
        return (located.data if located is not None else None), problems

    @cached_property
    def _labels(self) -> tuple[dict[str, str], list[Problem]]:
        """The label files of each of LABEL_FOLDERS in turn, the default theme's before the site's: a later one wins."""
        merged: dict[str, str] = {}
        problems: list[Problem] = []
        for folder, base in itertools.product(self.LABEL_FOLDERS, reversed(self.dirs)):
            path = base / "i18n" / folder / f"{self.language}.yaml"
            if not path.is_file():
                continue
            data, found = self._read_yaml(path)
            problems += found
            if data is None and not found:
                continue
            if not isinstance(data, dict) or any(not isinstance(v, str) for v in data.values()):
                problems.append(Problem(self._where(path), 1, "theme.labels"))
                continue
            merged.update(data)
        return {str(k): str(v) for k, v in merged.items()}, problems

    @property
    def labels(self) -> dict[str, str]:
        return self._labels[0]

    def problems(self) -> list[Problem]:
        """Everything wrong with the site's own theme, each at its file and line; [] when it may be used."""
        override = self.override
        if override is None:
            return []
        problems = list(self._labels[1])
        root = override.resolve()
        for path in sorted(override.rglob("*")):
            if path.is_symlink() and not resolves_inside(path, root):
                problems.append(Problem(self._where(path), None, "path.symlink_outside"))
        if problems:
            return problems  # nothing is read through a link that leads out
        return [*problems, *self._settings_problems(override), *self._template_problems(override),
                *self._image_problems()]

    def _settings_problems(self, override: Path) -> list[Problem]:
        """theme.yaml, when the site's theme has one, must be a mapping read by the content's loader."""
        path = override / "theme.yaml"
        if not path.is_file():
            return []
        data, problems = self._read_yaml(path)
        if not problems and data is not None and not isinstance(data, dict):
            problems.append(Problem(self._where(path), 1, "file.not_a_mapping"))
        return problems

    def _template_problems(self, override: Path) -> list[Problem]:
        """Every template of the site's theme parses as UTF-8 Jinja, else a problem at its line."""
        templates = override / "templates"
        env = self.env()
        problems = []
        for path in sorted(templates.rglob("*")) if templates.is_dir() else ():
            if not path.is_file() or path.name.startswith("."):
                continue
            try:
                parsed = env.parse(path.read_text("utf-8"), path.name, str(path))
                problems += [Problem(self._where(path), line, "theme.per_tree_compared", {"name": name})
                             for name, line in per_tree_tests(parsed)]
            except UnicodeDecodeError:
                problems.append(Problem(self._where(path), None, "theme.encoding"))
            except jinja2.TemplateSyntaxError as e:
                problems.append(Problem(self._where(path), e.lineno, "theme.template_syntax", {"detail": e.message or ""}))
        return problems

    def fault(self, error: Exception) -> ThemeFault:
        """The template file and line an error came from (Jinja puts template lines in the traceback)."""
        path, line = None, getattr(error, "lineno", None)
        filename = getattr(error, "filename", None)
        innermost = self._site_call(error) or _innermost_template(error)
        if innermost is not None:
            filename, line = innermost
        if filename:
            path = self._where(Path(filename))
        detail = str(getattr(error, "message", None) or error or type(error).__name__)[:200]
        if isinstance(error, MarkerCompared):
            return ThemeFault(str(path or "templates"), line, detail, "theme.per_tree_compared", (("name", error.name),))
        return ThemeFault(str(path or "templates"), line, detail)

    def site_template_failed(self, error: Exception) -> bool:
        """Whether `error`, raised while a template ran, was raised in a template of the site's own
        theme, or in a macro of ours it called (`poster_link(1)`): a theme's mistake (`{{ link(1) }}`,
        `{{ 1 / 0 }}`, a filter given text where it wants a date) to be told at its line, not sitegen's
        own fault, which the default theme's templates raise (a block of ours the site's page extends)."""
        return self._site_call(error) is not None

    def _site_call(self, error: BaseException) -> tuple[str, int] | None:
        """(file, line) of the innermost frame of a site template when only macros ran after it, else None."""
        override, frames = _lexical(self.override), _template_frames(error)
        for index in range(len(frames) - 1, -1, -1):
            if override is not None and Path(frames[index].filename).is_relative_to(override):
                return frames[index].filename, frames[index].lineno or 0
            if frames[index].name != "template":  # a block or a whole template of ours ran: our fault
                return None
        return None

    def _image_problems(self) -> list[Problem]:
        problems = []
        for name, data in self._sources().items():
            suffix = Path(name).suffix.lower()
            if suffix in _IMAGES and self._from_override(name):
                try:
                    _reencoded(data, _IMAGES[suffix])
                except Exception:  # noqa: BLE001 - Pillow raises many types for a broken image
                    problems.append(Problem(PurePosixPath(self.shown, "static", name), None, "theme.image"))
        return problems

    def _from_override(self, name: str) -> bool:
        override = self.override
        return override is not None and (override / "static" / name).is_file()

    def _sources(self) -> dict[str, bytes]:
        sources: dict[str, bytes] = {}
        for base in reversed(self.dirs):
            static = base / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        sources[path.relative_to(static).as_posix()] = path.read_bytes()
        return sources

    @cached_property
    def assets(self) -> dict[str, Asset]:
        """Every static file under a content-hashed name; CSS url()s are pointed at those names.

        Images of the site's own theme are re-encoded without metadata (EXIF, GPS, XMP, comments)."""
        sources = self._sources()
        for name, data in sources.items():
            suffix = Path(name).suffix.lower()
            if suffix in _IMAGES and self._from_override(name):
                sources[name] = _reencoded(data, _IMAGES[suffix])
        found = {name: _fingerprint(name, data) for name, data in sources.items() if not name.endswith(".css")}
        for name, data in sources.items():
            if name.endswith(".css"):
                text = data.decode("utf-8")
                for other, asset in found.items():
                    text = text.replace(f'url("{other}")', f'url("{asset.url.removeprefix("static/")}")')
                found[name] = _fingerprint(name, text.encode("utf-8"))
        return dict(sorted(found.items()))

    def env(self) -> jinja2.Environment:
        """Sandboxed (a template reaches no Python internals and changes no value it is given),
        autoescape on (Jinja's default is off), undefined names fail loudly.

        A name finds the site's template first, then the default theme's; `default/NAME` is always
        the default theme's, so a site's `base.html` may `{% extends "default/base.html" %}`."""
        if self._env is None:
            self._env = Sandbox(
                loader=jinja2.ChoiceLoader([
                    jinja2.PrefixLoader({DEFAULT_PREFIX: jinja2.FileSystemLoader(str(self.dirs[-1] / "templates"))}),
                    jinja2.FileSystemLoader([str(d / "templates") for d in self.dirs]),
                ]),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
                auto_reload=False,
                bytecode_cache=COMPILED,
            )
        return self._env

    def template(self, name: str) -> jinja2.Template:
        return self.env().get_template(name)

    @cached_property
    def base_digest(self) -> str:
        """What every page depends on: labels and asset names (pages link assets by hash)."""
        parts = repr((sorted(self.labels.items()), sorted(a.url for a in self.assets.values())))
        return _hash(parts.encode("utf-8"))

    @cached_property
    def text(self) -> str:
        """Every word the theme itself may put on a page, joined by NUL: its labels in the site's language,
        each label with a placeholder filled with each item of a list label (`（周{w}）` with the weekdays,
        the months), and the source of every template, the site's and the default theme's.

        A 繁體 page keeps every known name as typed, in the theme's words too: which known names this
        text holds is in every page's fingerprint (pipeline/published.py site_base)."""
        labels = list(self.labels.values())
        items = sorted({item for value in labels if "," in value for item in value.split(",")})
        filled = [_PLACEHOLDER.sub(item, value) for value in labels if _PLACEHOLDER.search(value) for item in items]
        sources = [path.read_text("utf-8", errors="replace") for base in self.dirs
                   for path in sorted((base / "templates").rglob("*")) if path.is_file() and not path.is_symlink()]
        return "\x00".join([*labels, *filled, *sources])

    def template_digest(self, name: str) -> str:
        """A template with everything it extends, includes or imports: change one, re-render its pages."""
        return self._digests().get(name) or self._digest_of(name, set())

    def _digests(self) -> dict[str, str]:
        if not hasattr(self, "_digest_cache"):
            self._digest_cache: dict[str, str] = {}
        return self._digest_cache

    def _digest_of(self, name: str, seen: set[str]) -> str:
        env = self.env()
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, name)
        referenced = sorted(r for r in _REFERENCE.findall(source) if r not in seen)
        parts = [source] + [self._digest_of(r, seen | {name}) for r in referenced]
        digest = _hash(("\0".join(parts) + self.base_digest).encode("utf-8"))
        self._digests()[name] = digest
        return digest

    def globals(self) -> dict[str, Any]:
        return {"t": self.labels}


def _reencoded(data: bytes, kind: str) -> bytes:
    """The image's pixels in a new file of the same format, with no metadata block carried over."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.width * image.height > 25_000_000:
            raise ValueError("too large for a theme image")
        image.load()
        frame = image.copy()
    frame.info = {}
    buffer = io.BytesIO()
    if kind == "JPEG" and frame.mode not in ("RGB", "L"):
        frame = frame.convert("RGB")
    frame.save(buffer, kind)
    return buffer.getvalue()
