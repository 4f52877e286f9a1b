"""Render one planned page to bytes for each tree it lives in; pure: same inputs, same bytes.

A page is rendered once. Its elder-mode (长辈版) and 繁體 copies differ only in a few places
(the <html> class and lang, the two switches, links that climb to the site root), which the
template receives as markers holding a per-build secret (markers.py: printed, never compared);
each copy replaces them with its own values, and the 繁體 copies are then converted with OpenCC,
people's names and URLs left as typed. Content cannot forge a marker.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import PurePosixPath
from typing import Final

import jinja2

from sitegen.addresses import base_path
from sitegen.hanzi import converter
from sitegen.model.names import unmark
from sitegen.model.records import Model
from sitegen.render.context import template_filters, template_globals
from sitegen.render.images import Photo
from sitegen.render.links import rebase_root_links
from sitegen.render.markers import Marker
from sitegen.render.qr import Codes
from sitegen.render.sandbox import Sandbox
from sitegen.render.script import keep_names_and_urls, name_finder
from sitegen.render.theme import Theme
from sitegen.render.urls import absolute, file_of, relative
from sitegen.render.views import PageSpec, variables

MAIN: Final = ("",)
CARE: Final = ("", "care/")
WITH_MIRROR: Final = ("", "care/", "zh-hant/", "zh-hant/care/")
_ROOT_TREES: Final = ("static/", "media/", "posters/", "feed.xml", "sitemap.xml", "activities.ics")


@dataclass(frozen=True, slots=True)
class Linker:
    """Relative links from the page being rendered (in the main tree).

    Same-tree targets are the same relative path in every tree, because the trees mirror each
    other. Root targets (assets, photos, posters, feeds) get the `up` marker in front, which each
    tree replaces with the extra `../` its prefix needs.
    """

    here: str
    up: str
    base: str | None = None  # absolute links instead (the 404 page)

    def __call__(self, target: str, same_tree: bool = True) -> str:
        if self.base is not None:
            return absolute(self.base, target)
        if same_tree and not target.startswith(_ROOT_TREES):
            return relative(self.here, target)
        return self.up + relative(self.here, target)


@dataclass(frozen=True, slots=True)
class AssetLinker:
    """`asset('style.css')`: the theme file under its fingerprinted name, linked from the page.

    A template reaches no more through it than through the function it replaced: its fields are
    private names (the sandbox refuses them; `asset.urls` is undefined) and its repr omits the URLs."""

    _link: Linker
    _urls: Mapping[str, str] = field(repr=False)  # theme file name → its fingerprinted URL

    def __call__(self, name: str) -> str:
        """The link; jinja2.UndefinedError (a theme fault at the template's line) for a name that is
        no file of the theme's `static/`."""
        url = self._urls.get(name) if isinstance(name, str) else None
        if url is None:
            raise jinja2.UndefinedError(f"asset({name!r}): no such file in the theme's static/")
        return self._link(url, same_tree=False)


# A value that differs per tree: a `Marker` while the template runs (print it, never compare it),
# the copy's own text once each copy is made.
PerTree = str | Marker


@dataclass(frozen=True, slots=True)
class Tree:
    """What a template may print that differs per tree (`tree.*`): markers in the render, values per copy."""

    html_class: PerTree  # ' class="care"' in 长辈版, "" elsewhere: printed inside <html>
    lang: PerTree  # zh-Hans, or zh-Hant in the 繁體 mirror (the site's language where it has no copies)
    care_href: PerTree  # the same page in the other mode (长辈版 ⇄ standard)
    care_data: PerTree  # "on" in the standard copy, "off" in 长辈版: site.js remembers the choice
    care_label: PerTree  # 长辈版 / 标准版: the care switch's text
    has_script_switch: bool  # the site has a 繁體 mirror: the same in every copy, so a template may test it
    script_href: PerTree  # the same page in the other script (简 ⇄ 繁)
    script_lang: PerTree  # the language of that other page, for the link's lang
    script_label: PerTree  # 繁體 / 简体: the script switch's text
    photo_sizes: PerTree  # `sizes` of a full-width photo: the main column is wider in 长辈版 (style.css)
    thumb_sizes: PerTree  # `sizes` of a list thumbnail: 72 px, but the whole column in 长辈版


@dataclass(frozen=True, slots=True)
class PageContext:
    """What every template receives about the page being rendered, besides its view's fields."""

    page: PageSpec  # page.title, page.description, page.url (main tree), page.crumbs, page.image, page.noindex
    link: Linker  # link(target, same_tree=True): a relative link to a page or file (same_tree=False: assets, posters)
    asset: Callable[[str], str]  # asset('style.css'): the theme file under its fingerprinted name, linked from here
    tree: Tree  # the values that differ per copy (standard, 长辈版, 繁體): print them, never compare them
    lang: PerTree  # the page's language: a marker on pages with copies, the site's language on posters
    canonical: str  # this page's absolute address
    updated: datetime | None  # when what the page shows last changed; else the site's date


# Displayed widths from style.css: `main` is 720 px (长辈版 760 px) at most, with 16 px padding each side.
PHOTO_SIZES: Final = "(min-width: 720px) 688px, calc(100vw - 32px)"
CARE_PHOTO_SIZES: Final = "(min-width: 760px) 728px, calc(100vw - 32px)"
THUMB_SIZES: Final = "72px"


class Renderer:
    """Holds the Jinja environment and converters; `render(spec)` gives (path, bytes) for each tree."""

    def __init__(self, model: Model, theme: Theme, photos: Mapping[PurePosixPath, Photo],
                 codes: Codes | None = None) -> None:
        self.model = model
        self.theme = theme
        self.env = theme.env()
        if isinstance(self.env, Sandbox):  # theme.env() makes one: link and asset, dozens of calls a page
            for kind in (Linker, AssetLinker):
                self.env.plain(kind)
        self.assets = {name: asset.url for name, asset in theme.assets.items()}
        self.codes = codes or Codes()  # the build's QR matrices (pipeline/cache.py), or a fresh set
        self.env.globals.update(template_globals(model.site, theme.labels, photos, self.assets, self.codes, model.pages))
        self.env.filters.update(template_filters(theme.labels))
        self.trees = WITH_MIRROR if model.site.traditional_mirror else CARE
        # every name the site knows, kept as typed wherever a 繁體 copy shows it: one automaton a build
        self.names = name_finder(model.names) if model.site.traditional_mirror else None
        self.places = name_finder(model.place_names) if model.site.traditional_mirror else None
        nonce = secrets.token_hex(8)

        def mark(name: str) -> Marker:
            return Marker("lang" if name == "lang" else f"tree.{name}", f"sg{nonce}{name}", name == "html_class")

        self.marks = Tree(html_class=mark("html_class"), lang=mark("lang"), care_href=mark("care_href"),
                          care_data=mark("care_data"), care_label=mark("care_label"),
                          has_script_switch=model.site.traditional_mirror, script_href=mark("script_href"),
                          script_lang=mark("script_lang"), script_label=mark("script_label"),
                          photo_sizes=mark("photo_sizes"), thumb_sizes=mark("thumb_sizes"))
        self.up = f"sg{nonce}up"
        self.base_path = base_path(model.site.base_url)

    def variants(self, spec: PageSpec) -> tuple[str, ...]:
        return self.trees if spec.variants else MAIN

    def render(self, spec: PageSpec) -> list[tuple[str, bytes]]:
        try:
            html = self.env.get_template(spec.template).render(self.context(spec))
        except jinja2.TemplateError as e:  # the sandbox's SecurityError included: a theme fault, not ours
            raise self.theme.fault(e) from None
        except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError, RecursionError) as e:
            # A site's template calling link, asset, a filter or a macro (its own or ours) wrongly, dividing by zero or recursing;
            # the same raised in our own templates is our bug and stays an internal error.
            if not self.theme.site_template_failed(e):
                raise
            raise self.theme.fault(e) from None
        html = rebase_root_links(html, self.linker(spec), self.base_path)  # links typed in bodies as /kind/slug/
        variants = self.variants(spec)
        # One OpenCC pass serves both 繁體 copies: the markers are ASCII and survive conversion;
        # people's names (marked or known to the model) and URLs are left as typed (script.py).
        hant = keep_names_and_urls(html, converter(), self.names, self.places) if "zh-hant/" in variants else ""
        html = unmark(html)
        out = []
        for variant in variants:
            text = (hant if variant.startswith("zh-hant/") else html).replace(self.up, "../" * variant.count("/"))
            tree = self.tree(spec, variant)
            for name in Tree.__slots__:
                marker = getattr(self.marks, name)
                if isinstance(marker, Marker):
                    text = text.replace(marker.text, getattr(tree, name))
            out.append((variant + file_of(spec.url), text.encode("utf-8")))
        return out

    def tree(self, spec: PageSpec, variant: str) -> Tree:
        """The real values for one copy of a page."""
        t = self.theme.labels
        here = variant + spec.url
        page = spec.url if spec.variants else ""  # a page without copies switches to the other tree's home
        care = variant.endswith("care/")
        hant = variant.startswith("zh-hant/")
        script_root = "zh-hant/" if hant else ""
        other_script = ("" if hant else "zh-hant/") + ("care/" if care else "")
        return Tree(
            html_class=' class="care"' if care else "",
            lang="zh-Hant" if hant else self.model.site.language,
            care_href=self._href(spec, here, script_root + ("" if care else "care/") + page),
            care_data="off" if care else "on",
            care_label=self._label("care_off" if care else "care_on", hant),
            has_script_switch=self.model.site.traditional_mirror,
            script_href=self._href(spec, here, other_script + page),
            script_lang="zh-Hans" if hant else "zh-Hant",
            script_label=t["to_hans"] if hant else t["to_hant"],
            photo_sizes=CARE_PHOTO_SIZES if care else PHOTO_SIZES,
            thumb_sizes=CARE_PHOTO_SIZES if care else THUMB_SIZES,
        )

    def _label(self, key: str, hant: bool) -> str:
        text = self.theme.labels[key]
        return converter()(text) if hant else text

    def _href(self, spec: PageSpec, here: str, target: str) -> str:
        return absolute(self.model.site.base_url, target) if spec.absolute_links else relative(here, target)

    def linker(self, spec: PageSpec) -> Linker:
        return Linker(here=spec.url, up=self.up if spec.variants else "",
                      base=self.model.site.base_url if spec.absolute_links else None)

    def context(self, spec: PageSpec) -> dict[str, object]:
        """The variables of one render: the view's fields, then `PageContext`'s."""
        link = self.linker(spec)
        shared = PageContext(
            page=spec,
            link=link,
            asset=AssetLinker(link, self.assets),
            tree=self.marks,
            lang=self.marks.lang if spec.variants else self.model.site.language,
            canonical=absolute(self.model.site.base_url, spec.url),
            updated=spec.updated or self.model.site.updated,
        )
        return {**variables(spec.data), **{f.name: getattr(shared, f.name) for f in fields(shared)}}
