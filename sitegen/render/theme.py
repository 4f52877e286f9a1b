"""The theme: templates and CSS, no build step; a site theme may override single files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import re

import jinja2
import yaml

from sitegen.paths import default_theme_dir


# {% extends "x" %}, {% include "x" %}, {% import "x" %}, {% from "x" import ... %}: the templates a
# template uses, found without parsing it (parsing every template took a third of a warm rebuild).
_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def _fingerprint(name: str, data: bytes) -> Asset:
    stem, dot, suffix = name.rpartition(".")
    return Asset(name, f"static/{stem}.{_hash(data)}.{suffix}" if dot else f"static/{name}", data)


@dataclass(frozen=True, slots=True)
class Asset:
    name: str  # style.css
    url: str  # static/style.3f2a9c1d.css: the hash makes WeChat's cache fetch a changed file
    data: bytes


@dataclass
class Theme:
    """Template folders (site override first), labels per language, and fingerprinted assets."""

    dirs: list[Path]
    language: str
    _env: jinja2.Environment | None = field(default=None, repr=False)

    @classmethod
    def load(cls, language: str, override: Path | None = None) -> Theme:
        dirs = [override] if override is not None and override.is_dir() else []
        return cls(dirs=[*dirs, default_theme_dir()], language=language)

    @cached_property
    def labels(self) -> dict[str, str]:
        merged: dict[str, str] = {}
        for base in reversed(self.dirs):
            path = base / "i18n" / f"{self.language}.yaml"
            if path.is_file():
                merged.update(yaml.safe_load(path.read_text("utf-8")) or {})
        return {str(k): str(v) for k, v in merged.items()}

    @cached_property
    def assets(self) -> dict[str, Asset]:
        """Every static file under a content-hashed name; CSS url()s are pointed at those names."""
        sources: dict[str, bytes] = {}
        for base in reversed(self.dirs):
            static = base / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        sources[path.relative_to(static).as_posix()] = path.read_bytes()
        found = {name: _fingerprint(name, data) for name, data in sources.items() if not name.endswith(".css")}
        for name, data in sources.items():
            if name.endswith(".css"):
                text = data.decode("utf-8")
                for other, asset in found.items():
                    text = text.replace(f'url("{other}")', f'url("{asset.url.removeprefix("static/")}")')
                found[name] = _fingerprint(name, text.encode("utf-8"))
        return dict(sorted(found.items()))

    def env(self) -> jinja2.Environment:
        """Autoescape on for every template (Jinja's default is off); undefined names fail loudly."""
        if self._env is None:
            self._env = jinja2.Environment(
                loader=jinja2.FileSystemLoader([str(d / "templates") for d in self.dirs]),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
                auto_reload=False,
            )
        return self._env

    def template(self, name: str) -> jinja2.Template:
        return self.env().get_template(name)

    @cached_property
    def base_digest(self) -> str:
        """What every page depends on: labels and asset names (pages link assets by hash)."""
        parts = repr((sorted(self.labels.items()), sorted(a.url for a in self.assets.values())))
        return _hash(parts.encode("utf-8"))

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
