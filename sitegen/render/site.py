"""Render one planned page to bytes for each tree it lives in; pure: same inputs, same bytes."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import PurePosixPath
from typing import Final

from sitegen.model.records import Model
from sitegen.render.context import Linker, template_filters, template_globals
from sitegen.render.images import Photo
from sitegen.render.theme import Theme
from sitegen.render.urls import absolute, file_of
from sitegen.render.views import PageSpec

MAIN: Final = ("",)
CARE: Final = ("", "care/")
WITH_MIRROR: Final = ("", "care/", "zh-hant/", "zh-hant/care/")


class Renderer:
    """Holds the Jinja environment and converters; `render(spec)` gives (path, bytes) for each variant."""

    def __init__(self, model: Model, theme: Theme, photos: Mapping[PurePosixPath, Photo]) -> None:
        self.model = model
        self.theme = theme
        self.env = theme.env()
        self.assets = {name: asset.url for name, asset in theme.assets.items()}
        self.env.globals.update(template_globals(model.site, theme.labels, photos, self.assets))
        self.env.globals["pages_nav"] = model.pages
        self.env.filters.update(template_filters(theme.labels))
        self.trees = WITH_MIRROR if model.site.traditional_mirror else CARE

    @cached_property
    def _to_traditional(self) -> object:
        import opencc

        return opencc.OpenCC("s2tw")

    def variants(self, spec: PageSpec) -> tuple[str, ...]:
        return self.trees if spec.variants else MAIN

    def render(self, spec: PageSpec) -> list[tuple[str, bytes]]:
        template = self.env.get_template(spec.template)
        out = []
        for variant in self.variants(spec):
            html = template.render(self.context(spec, variant))
            if variant.startswith("zh-hant/"):
                html = self._to_traditional.convert(html)  # type: ignore[attr-defined]
            out.append((variant + file_of(spec.url), html.encode("utf-8")))
        return out

    def context(self, spec: PageSpec, variant: str) -> dict[str, object]:
        here = variant + spec.url
        link = Linker(here=here, variant=variant)
        care = variant.endswith("care/")
        hant = variant.startswith("zh-hant/")
        script_root = "zh-hant/" if hant else ""
        return {
            **spec.data,
            "page": spec,
            "link": link,
            "asset": lambda name: link(self.assets[name], same_tree=False),
            "variant": variant,
            "care": care,
            "hant": hant,
            "lang": "zh-Hant" if hant else self.model.site.language,
            "care_switch": link(script_root + ("" if care else "care/") + spec.url, same_tree=False),
            "script_switch": (link(("" if hant else "zh-hant/") + ("care/" if care else "") + spec.url, same_tree=False)
                              if spec.variants and self.model.site.traditional_mirror else None),
            "canonical": absolute(self.model.site.base_url, spec.url),
            "updated": spec.updated or self.model.site.updated,
        }
